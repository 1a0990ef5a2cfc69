import Foundation
import RectifyCore
import RectifyTestSupport
import RectifyXML
@testable import RectifyKit

/// The hostile files of issue 15, each made from a genuine case file of an exported district, with what each judge
/// says of it: xmlsec1 (the signature's maths, trusting the district's certificate), xmllint (the v2 schema) and
/// Rectify (`validate` and `import`, with the reason its message must contain). `docs/trust-boundary.md` prints the
/// same table for readers.
struct HostileCorpus {
    struct Entry {
        var name: String
        var path: String
        /// What the message of `validate` and `import` must contain.
        var reason: String
        /// Exit statuses; nil where the tool is not run (a FIFO blocks both tools forever).
        var xmlsec1: Int32?
        var xmllint: Int32?
        /// The certificate xmlsec1 is told to trust (the district's unless the file was signed by another).
        var trustedPEM: String
    }

    static let forgedHazard = """
        <事故隐患 xmlns="urn:rectify:case-file:2" 隐患编号="gas-2026-0001/9"><隐患描述>伪造隐患</隐患描述></事故隐患>
        """

    let district: ImportTests.District
    /// Signed by bureau B (320684), whose certificate the superior also trusts, for B.
    let otherKeys: SigningKeys.Files
    /// The district's own agency, but a certificate that expired before the files were made.
    let expiredKeys: SigningKeys.Files
    let folder: String
    private(set) var entries: [Entry] = []

    init(district: ImportTests.District) throws {
        self.district = district
        folder = district.folder + "/hostile"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        otherKeys = try SigningKeys.generate(algorithm: .ecdsa, agency: "如皋市应急管理局", divisionCode: "320684",
                                             into: district.folder + "/other-keys", validFrom: testKeysValidFrom)
        expiredKeys = try SigningKeys.generate(algorithm: .ecdsa, agency: "南通经济技术开发区安全生产监督管理局", divisionCode: "320671",
                                               into: district.folder + "/expired-keys", validYears: 0, validFrom: testKeysValidFrom)
        try build()
    }

    private var genuine: String { get throws { try String(contentsOfFile: try district.export.casePaths()[0], encoding: .utf8) } }

    /// A signed file changed after signing.
    private mutating func edited(_ name: String, reason: String, xmlsec1: Int32?, xmllint: Int32?,
                                 _ change: (String) -> String) throws {
        let path = folder + "/\(name).xml"
        try change(try genuine).write(toFile: path, atomically: true, encoding: .utf8)
        entries.append(Entry(name: name, path: path, reason: reason, xmlsec1: xmlsec1, xmllint: xmllint,
                             trustedPEM: district.keys.certificate))
    }

    /// The genuine content changed, then signed again with `keys`.
    private mutating func resigned(_ name: String, keys: SigningKeys.Files, reason: String, xmlsec1: Int32, xmllint: Int32,
                                   _ change: (String) -> String = { $0 }) throws {
        let text = try genuine
        let unsigned = folder + "/\(name)-unsigned.xml"
        try change(String(text[..<text.range(of: "<Signature")!.lowerBound]) + "</案卷>")
            .write(toFile: unsigned, atomically: true, encoding: .utf8)
        let path = folder + "/\(name).xml"
        try XMLSigner(keyPath: keys.key, certificatePath: keys.certificate).sign(try XMLDocument.parse(path: unsigned), savingTo: path)
        try FileManager.default.removeItem(atPath: unsigned)
        entries.append(Entry(name: name, path: path, reason: reason, xmlsec1: xmlsec1, xmllint: xmllint, trustedPEM: keys.certificate))
    }

    private mutating func written(_ name: String, reason: String, xmlsec1: Int32?, xmllint: Int32?, _ bytes: (String) -> Data) throws {
        let path = folder + "/\(name).xml"
        try bytes(try genuine).write(to: URL(fileURLWithPath: path))
        entries.append(Entry(name: name, path: path, reason: reason, xmlsec1: xmlsec1, xmllint: xmllint,
                             trustedPEM: district.keys.certificate))
    }

    static func element(_ text: String, _ name: String, replacedBy value: String) -> String {
        precondition(!text.contains("<\(name)>\(value)</\(name)>"), "an edit that changes nothing proves nothing")
        let range = text.range(of: "<\(name)>")!.upperBound..<text.range(of: "</\(name)>")!.lowerBound
        return text.replacingCharacters(in: range, with: value)
    }

    private mutating func build() throws {
        let profile = "not in the required profile"
        let hazard = Self.forgedHazard
        // Signature wrapping: content hidden in the signature lies outside the signed digest.
        try edited("content-in-x509data", reason: profile, xmlsec1: 0, xmllint: 3) { $0.replacingOccurrences(of: "<X509Data>", with: "<X509Data>" + hazard) }
        try edited("content-in-keyinfo", reason: profile, xmlsec1: 0, xmllint: 3) { $0.replacingOccurrences(of: "<KeyInfo>", with: "<KeyInfo>" + hazard) }
        try edited("content-in-x509certificate", reason: profile, xmlsec1: 1, xmllint: 3) { $0.replacingOccurrences(of: "<X509Certificate>", with: "<X509Certificate>" + hazard) }
        try edited("copy-in-object", reason: profile, xmlsec1: 0, xmllint: 3) { $0.replacingOccurrences(of: "</KeyInfo>", with: "</KeyInfo><Object>\(hazard)</Object>") }
        try edited("second-x509data", reason: profile, xmlsec1: 0, xmllint: 3) {
            $0.replacingOccurrences(of: "</X509Data>", with: "</X509Data><X509Data><X509Certificate>AAAA</X509Certificate></X509Data>")
        }
        try edited("id-on-signature", reason: profile, xmlsec1: 0, xmllint: 3) { $0.replacingOccurrences(of: "<Signature xmlns", with: "<Signature Id=\"s\" xmlns") }
        try edited("id-reference-to-forged", reason: "unexpected signature algorithms or transforms", xmlsec1: 1, xmllint: 3) { text in
            text.replacingOccurrences(of: "URI=\"\"", with: "URI=\"#forged\"")
                .replacingOccurrences(of: "</案卷>", with: "<伪造 xmlns=\"urn:rectify:forged\" Id=\"forged\"/></案卷>")
        }
        try edited("comment-in-keyinfo", reason: profile, xmlsec1: 0, xmllint: 0) { $0.replacingOccurrences(of: "<KeyInfo>", with: "<KeyInfo><!-- x -->") }
        try edited("nested-signature", reason: "exactly one Signature", xmlsec1: 0, xmllint: 3) {
            $0.replacingOccurrences(of: "<X509Certificate>", with: "<X509Certificate><Signature/>")
        }
        try edited("second-signature", reason: "exactly one Signature", xmlsec1: 1, xmllint: 3) { text in
            let signature = String(text[text.range(of: "<Signature")!.lowerBound..<text.range(of: "</Signature>")!.upperBound])
            return text.replacingOccurrences(of: "</案卷>", with: signature + "</案卷>")
        }
        try edited("signature-moved-first", reason: "Signature': This element is not expected", xmlsec1: 0, xmllint: 3) { text in
            let range = text.range(of: "<Signature")!.lowerBound..<text.range(of: "</Signature>")!.upperBound
            let signature = String(text[range])
            let open = text.range(of: "版本=\"2\">")!.upperBound
            var moved = text
            moved.removeSubrange(range)
            moved.insert(contentsOf: signature, at: open)
            return moved
        }
        try edited("forged-root", reason: "not a child of the root", xmlsec1: 1, xmllint: 3) { text in
            let body = text.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
            let forged = Self.element(body, "业务状态", replacedBy: "已验收销号")
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + forged.replacingOccurrences(of: "<案卷 xmlns=\"urn:rectify:case-file:2\" 版本=\"2\">",
                with: "<案卷 xmlns=\"urn:rectify:case-file:2\" 版本=\"2\"><原件>", options: [], range: nil)
                .replacingOccurrences(of: "</案卷>", with: "</原件></案卷>")
        }
        // Another valid state than the one signed, whichever that is.
        try edited("tampered-content", reason: "signature", xmlsec1: 1, xmllint: 0) { text in
            Self.element(text, "业务状态", replacedBy: text.contains("<业务状态>已结档</业务状态>") ? "已立档待自查" : "已结档")
        }
        // Signed again by a key Rectify trusts, but not for this.
        try resigned("bad-enumeration", keys: district.keys, reason: "closed-by-hacker", xmlsec1: 0, xmllint: 3) {
            Self.element($0, "业务状态", replacedBy: "closed-by-hacker")
        }
        try resigned("cross-agency", keys: otherKeys, reason: "is registered for 如皋市应急管理局 (320684)", xmlsec1: 0, xmllint: 0)
        try resigned("future-date", keys: district.keys, reason: "a file from the future is refused", xmlsec1: 0, xmllint: 0) {
            Self.element($0, "形成时间", replacedBy: "2027-06-01T09:00:00.000+08:00")
        }
        try resigned("expired-signer", keys: expiredKeys, reason: "expired or not yet valid", xmlsec1: 1, xmllint: 0)
        // Bytes not as signed.
        try written("utf8-bom", reason: "only UTF-8 without a BOM", xmlsec1: 0, xmllint: 0) { Data([0xEF, 0xBB, 0xBF]) + Data($0.utf8) }
        try written("utf16", reason: "only UTF-8 without a BOM", xmlsec1: 0, xmllint: 0) {
            $0.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").data(using: .utf16)!
        }
        try written("gb18030", reason: "declares the encoding GB18030", xmlsec1: 0, xmllint: 0) {
            $0.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"GB18030\"").data(using: String.Encoding(rawValue: 0x80000632))!
        }
        // Size: refused before libxml2 parses anything.
        try edited("many-tiny-elements", reason: "tags exceed the limit of 250000", xmlsec1: 0, xmllint: 3) {
            $0.replacingOccurrences(of: "<X509Data>", with: "<X509Data>" + String(repeating: "<a/>", count: 300_000))
        }
        let attributes = (0..<1_000).map { "a\($0)=\"\"" }.joined(separator: " ")
        try edited("many-attributes", reason: "attributes exceed the limit of 250000", xmlsec1: 0, xmllint: 3) {
            $0.replacingOccurrences(of: "<X509Data>", with: "<X509Data>" + String(repeating: "<a \(attributes)/>", count: 300))
        }
        // libxml2 2.9 compares an element's attributes pairwise (quadratic: see docs/trust-boundary.md), so
        // neither tool is run on this one.
        try edited("attributes-on-one-element", reason: "over the limit of 1000", xmlsec1: nil, xmllint: nil) {
            $0.replacingOccurrences(of: "<X509Data>", with: "<X509Data><a " + (0..<200_000).map { "a\($0)=\"\"" }.joined(separator: " ") + "/>")
        }
        try edited("oversized", reason: "bytes exceed the limit of 33554432", xmlsec1: 0, xmllint: 1) {
            $0.replacingOccurrences(of: "<X509Data>", with: "<X509Data><!--" + String(repeating: "x", count: 33 << 20) + "-->")
        }
        // Not files.
        let fifo = folder + "/fifo.xml"
        guard mkfifo(fifo, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        entries.append(Entry(name: "fifo", path: fifo, reason: "not a regular file (a FIFO)", xmlsec1: nil, xmllint: nil,
                             trustedPEM: district.keys.certificate))
        let link = folder + "/dirlink.xml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: district.export.folder)
        entries.append(Entry(name: "symlink-to-folder", path: link, reason: "a symbolic link is not followed", xmlsec1: 1, xmllint: 1,
                             trustedPEM: district.keys.certificate))
    }
}
