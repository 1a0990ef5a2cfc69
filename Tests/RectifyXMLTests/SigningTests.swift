import Foundation
import RectifyCore
import RectifyTestSupport
import Testing
@testable import RectifyXML

func scratchFolder() throws -> String { try makeScratchFolder("rectify-xml") }

let testNamespace = "urn:rectify:test:1"
let testSchema = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:rectify:test:1"
               targetNamespace="urn:rectify:test:1" elementFormDefault="qualified">
      <xs:element name="案卷">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="题名" type="xs:string"/>
            <xs:element name="统一社会信用代码">
              <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9A-HJ-NPQRTUWXY]{18}"/></xs:restriction></xs:simpleType>
            </xs:element>
            <xs:element name="附件" type="xs:base64Binary"/>
            <xs:any namespace="http://www.w3.org/2000/09/xmldsig#" processContents="lax" minOccurs="0"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """

/// Writes a small case-like document with Chinese element names and a base64 attachment.
func writeSample(_ path: String, uscc: String = "91440300708461136T") throws {
    let writer = try XMLWriter(path: path)
    try writer.start("案卷", namespace: testNamespace)
    try writer.element("题名", "乙记面馆燃气安全整治档案")
    try writer.element("统一社会信用代码", uscc)
    try writer.start("附件")
    let bytes = Array((0..<1000).map { UInt8($0 % 251) })
    for chunk in stride(from: 0, to: bytes.count, by: 300) { try writer.base64(Array(bytes[chunk..<min(chunk + 300, bytes.count)])) }
    try writer.end()
    try writer.finish()
}

@Suite("XML writing, schema validation, signing and verification")
struct SigningTests {
    func signedSample(_ algorithm: SignatureAlgorithm) throws -> (folder: String, signed: String, keys: SigningKeys.Files) {
        let folder = try scratchFolder()
        let keys = try SigningKeys.generate(algorithm: algorithm, agency: "南通经济技术开发区安全生产监督管理局",
                                            divisionCode: "320671", into: folder + "/keys", validFrom: testKeysValidFrom)
        let plain = folder + "/plain.xml"
        try writeSample(plain)
        let signed = folder + "/signed.xml"
        try XMLSigner(keyPath: keys.key, certificatePath: keys.certificate).sign(try XMLDocument.parse(path: plain), savingTo: signed)
        return (folder, signed, keys)
    }

    @Test("a written document validates against its schema, in Rectify and with xmllint")
    func schemaValidation() throws {
        let folder = try scratchFolder()
        let schema = folder + "/test.xsd"
        try testSchema.write(toFile: schema, atomically: true, encoding: .utf8)
        try writeSample(folder + "/good.xml")
        try writeSample(folder + "/bad.xml", uscc: "9144030070846113IT")
        let validator = try SchemaValidator(path: schema)
        #expect(validator.validate(try XMLDocument.parse(path: folder + "/good.xml")).isEmpty)
        let errors = validator.validate(try XMLDocument.parse(path: folder + "/bad.xml"))
        #expect(errors.count == 1 && errors[0].line > 0 && errors[0].reasonEnglish.contains("统一社会信用代码"))
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schema, folder + "/good.xml"]).status == 0)
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schema, folder + "/bad.xml"]).status == 3)
    }

    @Test("signed files verify in Rectify and with xmlsec1 --trusted-pem", arguments: SignatureAlgorithm.allCases)
    func signAndVerify(algorithm: SignatureAlgorithm) throws {
        let (folder, signed, keys) = try signedSample(algorithm)
        #expect(try XMLVerifier(trustedCertificates: [keys.certificate]).verify(try XMLDocument.parse(path: signed)) == nil)
        let tool = try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, signed])
        #expect(tool.status == 0, "\(tool.output)")
        let text = try String(contentsOfFile: signed, encoding: .utf8)
        #expect(text.contains(algorithm == .ecdsa ? "xmldsig-more#ecdsa-sha256" : "xmldsig-more#rsa-sha256"))
        #expect(text.contains("<X509Certificate>") || text.contains(":X509Certificate>"))
        // A different bureau's certificate is not trusted.
        let other = try SigningKeys.generate(algorithm: .ecdsa, agency: "别的机关", divisionCode: "320100", into: folder + "/other", validFrom: testKeysValidFrom)
        #expect(try XMLVerifier(trustedCertificates: [other.certificate]).verify(try XMLDocument.parse(path: signed)) != nil)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", other.certificate, signed]).status != 0)
    }

    /// The signer digests the document before the signature goes in; a verifier digests it with the signature taken
    /// out by the enveloped transform. Comments, processing instructions, white space, prefixed and nested namespaces,
    /// attributes in odd order and escapes must all come out the same both ways.
    @Test("a document with comments, white space, prefixes and escapes signs so that xmlsec1 verifies it",
          arguments: SignatureAlgorithm.allCases)
    func signAwkwardDocument(algorithm: SignatureAlgorithm) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keys = try SigningKeys.generate(algorithm: algorithm, agency: "机关", divisionCode: "320671", into: folder + "/keys", validFrom: testKeysValidFrom)
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- 前言注释 -->
            <?rectify 处理指令?>
            <t:案卷 xmlns:t="urn:rectify:test:1" xmlns:x="urn:other" z="2" a="&lt;1&gt; &amp; &quot;">
              <!-- 内部注释 -->
              <t:题名 x:属性="值">甲&amp;乙 &#x0D; 丙</t:题名>
              <x:其他 xmlns="urn:default"><内层>文本</内层></x:其他>
              <t:空/>
            </t:案卷>
            <!-- 尾注 -->
            """
        let signed = folder + "/signed.xml"
        try XMLSigner(keyPath: keys.key, certificatePath: keys.certificate)
            .sign(try XMLDocument.parse(bytes: Array(source.utf8), name: "awkward.xml"), savingTo: signed)
        let tool = try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, signed])
        #expect(tool.status == 0, "\(tool.output)")
        #expect(try XMLVerifier(trustedCertificates: [keys.certificate]).verify(try XMLDocument.parse(path: signed)) == nil)
    }

    @Test("one changed byte in a signed file is refused, by Rectify and by xmlsec1")
    func tamperedByte() throws {
        let (folder, signed, keys) = try signedSample(.ecdsa)
        let tampered = folder + "/tampered.xml"
        let text = try String(contentsOfFile: signed, encoding: .utf8)
        try text.replacingOccurrences(of: "乙记面馆", with: "丙记面馆").write(toFile: tampered, atomically: true, encoding: .utf8)
        let refusal = try XMLVerifier(trustedCertificates: [keys.certificate]).verify(try XMLDocument.parse(path: tampered))
        #expect(refusal?.english.contains("does not verify") == true)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, tampered]).status != 0)
    }

    /// Rectify checks the reference itself for the one profile it signs with; on every alteration below it must
    /// decide as xmlsec1's general verifier does — but for a signature carrying more than the profile, which only
    /// Rectify refuses.
    @Test("the verifier decides as xmlsec1 on altered files", arguments: SignatureAlgorithm.allCases)
    func alteredFilesAgreeWithXmlsec(algorithm: SignatureAlgorithm) throws {
        let (folder, signed, keys) = try signedSample(algorithm)
        let original = try String(contentsOfFile: signed, encoding: .utf8)
        // The same document with other content, signed by the same key: its SignatureValue is genuine, for other bytes.
        let other = folder + "/other.xml"
        try writeSample(folder + "/other-plain.xml", uscc: "91110108717809965J")
        try XMLSigner(keyPath: keys.key, certificatePath: keys.certificate)
            .sign(try XMLDocument.parse(path: folder + "/other-plain.xml"), savingTo: other)
        func signatureFirst(_ text: String) -> String? {
            guard let start = text.range(of: "<Signature"), let end = text.range(of: "</Signature>") else { return nil }
            let signature = String(text[start.lowerBound..<end.upperBound])
            let without = text.replacingOccurrences(of: signature, with: "")
            guard let root = without.range(of: "<案卷"),
                  let head = without.range(of: "\">", range: root.upperBound..<without.endIndex) else { return nil }
            return without.replacingCharacters(in: head, with: "\">" + signature)
        }
        func referenceInKeyInfo(_ text: String) -> String? {
            guard let start = text.range(of: "<Reference"), let end = text.range(of: "</Reference>") else { return nil }
            let reference = String(text[start.lowerBound..<end.upperBound])
            return text.replacingOccurrences(of: reference, with: "")
                .replacingOccurrences(of: "<KeyInfo>", with: "<KeyInfo>" + reference)
        }
        func element(_ name: String, in text: String) throws -> Range<String.Index> {
            let start = try #require(text.range(of: "<\(name)>")).upperBound
            return start..<(try #require(text.range(of: "</\(name)>", range: start..<text.endIndex))).lowerBound
        }
        let otherText = try String(contentsOfFile: other, encoding: .utf8)
        let otherValue = String(otherText[try element("SignatureValue", in: otherText)])
        let otherDigest = String(otherText[try element("DigestValue", in: otherText)])
        let cases: [(name: String, text: String, valid: Bool, xmlsecAgrees: Bool)] = [
            ("unchanged", original, true, true),
            ("content changed", original.replacingOccurrences(of: "乙记面馆", with: "丙记面馆"), false, true),
            ("signature value of another file", original.replacingCharacters(in: try element("SignatureValue", in: original),
                                                                             with: otherValue), false, true),
            ("digest of another file", original.replacingCharacters(in: try element("DigestValue", in: original),
                                                                    with: otherDigest), false, true),
            ("comment added inside the root", original.replacingOccurrences(of: "<题名>", with: "<!-- 注 --><题名>"), true, true),
            ("comment added after the root", original + "<!-- 尾注 -->\n", true, true),
            ("signature moved to the root's first child", try #require(signatureFirst(original)), true, true),
            ("an InclusiveNamespaces list added", original.replacingOccurrences(
                of: "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
                with: "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"><InclusiveNamespaces xmlns=\"http://www.w3.org/2001/10/xml-exc-c14n#\" PrefixList=\"x\"/></Transform>"),
             false, true),
            ("the Reference moved out of SignedInfo into KeyInfo", try #require(referenceInKeyInfo(original)), false, true),
            ("an Object appended to the signature", original.replacingOccurrences(of: "</Signature>", with: "<Object>附加</Object></Signature>"),
             false, false),
        ]
        let verifier = try XMLVerifier(trustedCertificates: [keys.certificate])
        for (index, item) in cases.enumerated() {
            #expect(item.text != original || item.name == "unchanged", "\(item.name): the alteration did not apply")
            let path = folder + "/altered-\(index).xml"
            try item.text.write(toFile: path, atomically: true, encoding: .utf8)
            let refusal = verifier.verify(try XMLDocument.parse(path: path))
            #expect((refusal == nil) == item.valid, "\(item.name): \(refusal.map { $0.english } ?? "accepted")")
            let tool = try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, path])
            #expect((tool.status == 0) == (item.valid == item.xmlsecAgrees), "\(item.name): xmlsec1 said \(tool.status)")
        }
    }

    @Test("a valid signature moved onto another element (signature wrapping) is refused")
    func signatureWrapping() throws {
        let (folder, signed, keys) = try signedSample(.ecdsa)
        var text = try String(contentsOfFile: signed, encoding: .utf8)
        // Wrap the signed content and signature in a new root carrying forged content.
        let body = String(text[text.range(of: "<案卷")!.lowerBound...])
        text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<案卷 xmlns=\"urn:rectify:test:1\"><题名>伪造</题名><原件>\(body)</原件></案卷>"
        let wrapped = folder + "/wrapped.xml"
        try text.write(toFile: wrapped, atomically: true, encoding: .utf8)
        let refusal = try XMLVerifier(trustedCertificates: [keys.certificate]).verify(try XMLDocument.parse(path: wrapped))
        #expect(refusal?.english.contains("signature wrapping") == true)
    }

    @Test("trust is pinned to the trusted certificates: another one, a swapped one or an expired one is refused")
    func pinnedTrust() throws {
        let (folder, signed, keys) = try signedSample(.ecdsa)
        let other = try SigningKeys.generate(algorithm: .ecdsa, agency: "别的机关", divisionCode: "320100", into: folder + "/other", validFrom: testKeysValidFrom)
        // Any of several trusted certificates will do.
        #expect(try XMLVerifier(trustedCertificates: [other.certificate, keys.certificate])
            .verify(try XMLDocument.parse(path: signed)) == nil)
        let untrusted = try XMLVerifier(trustedCertificates: [other.certificate]).verify(try XMLDocument.parse(path: signed))
        #expect(untrusted?.english.contains("not one of the trusted certificates") == true)

        // Signed with another key, but carrying the trusted certificate: the pinned key does not verify it.
        let forged = folder + "/forged.xml"
        try XMLSigner(keyPath: other.key, certificatePath: other.certificate)
            .sign(try XMLDocument.parse(path: folder + "/plain.xml"), savingTo: forged)
        func base64(_ pem: String) throws -> String {
            try String(contentsOfFile: pem, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        }
        // Only the certificate changes: KeyInfo is outside what the signature covers.
        let forgedText = try String(contentsOfFile: forged, encoding: .utf8)
        let start = try #require(forgedText.range(of: "X509Certificate>")).upperBound
        let end = try #require(forgedText.range(of: "</", range: start..<forgedText.endIndex)).lowerBound
        #expect(forgedText[start..<end].filter { !$0.isWhitespace } == (try base64(other.certificate)))
        try forgedText.replacingCharacters(in: start..<end, with: try base64(keys.certificate))
            .write(toFile: forged, atomically: true, encoding: .utf8)
        let refusal = try XMLVerifier(trustedCertificates: [keys.certificate]).verify(try XMLDocument.parse(path: forged))
        #expect(refusal?.english.contains("does not verify") == true)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, forged]).status != 0)

        // A certificate valid for no time at all has expired by the time it is checked.
        let expired = try SigningKeys.generate(algorithm: .ecdsa, agency: "过期机关", divisionCode: "320671", into: folder + "/expired",
                                               validYears: 0, validFrom: testKeysValidFrom)
        let late = folder + "/late.xml"
        try XMLSigner(keyPath: expired.key, certificatePath: expired.certificate)
            .sign(try XMLDocument.parse(path: folder + "/plain.xml"), savingTo: late)
        Thread.sleep(forTimeInterval: 1.1)
        let stale = try XMLVerifier(trustedCertificates: [expired.certificate]).verify(try XMLDocument.parse(path: late))
        #expect(stale?.english.contains("expired") == true)
    }

    @Test("no key, no signature: missing key files are named")
    func missingKey() throws {
        #expect(throws: XMLError.self) { try XMLSigner(keyPath: "/nonexistent/signing-key.pem", certificatePath: "/nonexistent/c.pem") }
        let folder = try scratchFolder()
        _ = try SigningKeys.generate(algorithm: .ecdsa, agency: "机关", divisionCode: "320671", into: folder, validFrom: testKeysValidFrom)
        #expect(throws: XMLError.self) { try SigningKeys.generate(algorithm: .ecdsa, agency: "机关", divisionCode: "320671", into: folder, validFrom: testKeysValidFrom) }
    }
}

@Suite("Hostile XML is refused before it can do harm")
struct HostileInputTests {
    func refused(_ content: String, sizeLimit: Int = XMLDocument.defaultSizeLimit) throws -> XMLError? {
        let path = try scratchFolder() + "/hostile.xml"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try XMLDocument.parse(path: path, sizeLimit: sizeLimit)
            return nil
        } catch let error as XMLError {
            return error
        }
    }

    @Test("an external entity pointing at a local file is refused, and the file's content appears nowhere")
    func externalEntity() throws {
        let secret = try scratchFolder() + "/secret.txt"
        try "TOP-SECRET-CONTENT".write(toFile: secret, atomically: true, encoding: .utf8)
        let error = try #require(try refused("""
            <?xml version="1.0"?><!DOCTYPE 案卷 [<!ENTITY x SYSTEM "file://\(secret)">]><案卷>&x;</案卷>
            """))
        #expect(!error.chinese.contains("TOP-SECRET") && !error.english.contains("TOP-SECRET"))
        #expect(error.english.contains("refused"))
    }

    @Test("entity expansion, a DTD fetching a URL, a truncated file and an oversized file are refused")
    func otherHostileInputs() throws {
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + (1...9).map { "<!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 - 1 == 0 ? "" : String($0 - 1));", count: 10) + "\">" }.joined()
            + "]><lolz>&lol9;</lolz>"
        #expect(try refused(laughs) != nil)
        #expect(try refused("<?xml version=\"1.0\"?><!DOCTYPE 案卷 SYSTEM \"http://example.com/evil.dtd\"><案卷/>") != nil)
        #expect(try refused("<?xml version=\"1.0\"?><案卷 xmlns=\"urn:rectify:test:1\"><题名>未完") != nil)
        #expect(try refused("<?xml version=\"1.0\"?><a>" + String(repeating: "x", count: 5000) + "</a>", sizeLimit: 1000)?
            .english.contains("exceed") == true)
    }
}

@Suite("The document tree writer")
struct TreeWriterTests {
    /// The same calls on both writers.
    func write(_ w: XMLWriter) throws {
        try w.start("案卷", namespace: testNamespace)
        try w.attribute("版本", "1")
        try w.attribute("备注", "引号\"与'撇号' & <尖括号>\n换行\t制表\r回车")
        try w.element("题名", "乙记面馆 & <分店> \"引号\"\n第二行\t\r")
        try w.element("空", "")
        try w.element("缺省", nil as String?)
        try w.element("数", 42)
        try w.start("列表")
        for index in 1...3 {
            try w.start("项")
            try w.attribute("序号", String(index))
            try w.text("前半")
            try w.text("后半")
            try w.end()
        }
        try w.end()
        try w.start("附件")
        let bytes = (0..<400).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        for start in stride(from: 0, to: bytes.count, by: 120) { try w.base64(Array(bytes[start..<min(start + 120, bytes.count)])) }
        try w.end()
        try w.start("嵌套", namespace: "urn:rectify:test:inner")
        try w.element("内层", "内")
        try w.end()
        try w.end()
    }

    @Test("it builds exactly the document the text writer's output parses to")
    func sameDocument() throws {
        let folder = try scratchFolder()
        let streamed = try XMLWriter(path: folder + "/streamed.xml")
        try write(streamed)
        try streamed.finish()
        let parsed = try XMLDocument.parse(path: folder + "/streamed.xml")
        let tree = try XMLWriter(treeNamed: folder + "/tree.xml")
        try write(tree)
        let built = try tree.finishDocument()
        #expect(try built.serialized() == parsed.serialized())
        // And what it serialises parses back to the same bytes.
        let again = try XMLDocument.parse(bytes: try built.serialized(), name: "again")
        #expect(try again.serialized() == built.serialized())
    }

    @Test("characters XML does not allow are refused when written, not left for the reader to find")
    func forbiddenCharacters() throws {
        for bad in ["控制\u{01}字符", "\u{1F}", "非字符\u{FFFE}", "\u{FFFF}"] {
            let tree = try XMLWriter(treeNamed: "bad.xml")
            try tree.start("案卷", namespace: testNamespace)
            #expect(throws: XMLError.self) { try tree.element("题名", bad) }
            #expect(throws: XMLError.self) { try tree.attribute("备注", bad) }
        }
        // Their neighbours are allowed: tab, line feed, carriage return, and the other characters whose UTF-8 starts
        // with EF (U+F000…U+FFFD).
        for good in ["制表\t换行\n回车\r", "\u{FFFD}", "\u{FEFF}末尾", "\u{F000}\u{FFEF}\u{FFFD}"] {
            let tree = try XMLWriter(treeNamed: "good.xml")
            try tree.start("案卷", namespace: testNamespace)
            try tree.element("题名", good)
            try tree.attribute("备注", good)
        }
        let incomplete = try XMLWriter(treeNamed: "incomplete.xml")
        try incomplete.start("案卷", namespace: testNamespace)
        #expect(throws: XMLError.self) { try incomplete.finishDocument() }
    }
}
