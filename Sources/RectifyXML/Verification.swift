import CLibXML2
import CXMLSec
import Foundation
import RectifyCore

/// Verifies a signed document against trusted certificates — and that what was signed is the whole document:
/// exactly one Signature, a child of the root, in exactly the profile Rectify writes, so that a valid signature moved
/// onto other content (signature wrapping), or content hidden inside the signature where no digest covers it, is
/// refused.
///
/// Trust is pinned: the certificate in the signature must be one of the trusted certificates, byte for byte, and it
/// must have been valid at the time the file says it was signed. Each trusted certificate speaks for one filing
/// agency; the caller compares that agency with the one the file claims. Keys are loaded once, here, and handed to
/// xmlsec for each file; xmlsec's keys manager would also trust every CA of the operating system.
///
/// For the one profile (enveloped + exclusive C14N without parameters, SHA-256, ECDSA- or RSA-SHA256, one X.509
/// certificate) the reference is checked here: the Signature element is taken out of the tree — exactly what the
/// enveloped-signature transform removes — the rest is canonicalised by libxml2 and hashed by OpenSSL, and the digest
/// compared with DigestValue; then xmlsec's signature transform checks SignatureValue over the canonical SignedInfo
/// with the pinned key. The tests check every refusal against `xmlsec1 --verify` as well.
public final class XMLVerifier {
    private struct Trusted {
        let signer: TrustedSigner
        let key: xmlSecKeyPtr
    }

    private let trusted: [Trusted]

    public init(trusted signers: [TrustedSigner]) throws {
        guard XMLLibrary.ready else {
            throw XMLError(file: "xmlsec", chinese: "xmlsec 初始化失败", english: "xmlsec failed to initialise")
        }
        guard !signers.isEmpty else {
            throw XMLError(file: "--trust", chinese: "没有受信任证书：请用 rectify trust add 登记报送机关的证书（或用 --trust 指定）",
                           english: "no trusted certificate: register the filing agencies' certificates with rectify trust add (or name one with --trust)")
        }
        var loaded: [Trusted] = []
        for signer in signers {
            let key = signer.certificate.der.withUnsafeBufferPointer {
                xmlSecOpenSSLAppKeyLoadMemory($0.baseAddress, UInt32($0.count), xmlSecKeyDataFormatCertDer, nil, nil, nil)
            }
            guard let key else {
                loaded.forEach { xmlSecKeyDestroy($0.key) }
                throw XMLError(file: signer.certificate.subject, chinese: "无法读取受信任证书\(signer.certificate.label)的公钥",
                               english: "cannot load the public key of the trusted certificate \(signer.certificate.labelEnglish)")
            }
            loaded.append(Trusted(signer: signer, key: key))
        }
        trusted = loaded
    }

    /// Certificates named as PEM files, each speaking for the agency its subject names.
    public convenience init(trustedCertificates paths: [String]) throws {
        try self.init(trusted: paths.map { try TrustedSigner(certificateFile: $0) })
    }

    deinit { trusted.forEach { xmlSecKeyDestroy($0.key) } }

    public static let dsig = "http://www.w3.org/2000/09/xmldsig#"
    static let expected = (
        c14n: "http://www.w3.org/2001/10/xml-exc-c14n#",
        enveloped: "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
        digest: "http://www.w3.org/2001/04/xmlenc#sha256",
        methods: ["http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"]
    )

    public enum Verdict {
        /// The signature verifies, covers the whole document, and was made by this trusted signer.
        case verified(TrustedSigner)
        case refused(XMLError)
    }

    /// Nil when the signature verifies and covers the whole document; otherwise the reason. The certificate is
    /// judged valid now.
    public func verify(_ document: XMLDocument) -> XMLError? {
        if case .refused(let error) = check(document, signedAt: nil, now: Date()) { return error }
        return nil
    }

    /// `signedAt`: the time the file says it was made (its 形成时间); the certificate must have been valid then, and
    /// that time must not be after `now`. Without it, the certificate must be valid `now`.
    public func check(_ document: XMLDocument, signedAt: Date?, now: Date) -> Verdict {
        func refuse(_ chinese: String, _ english: String, line: Int = 0) -> Verdict {
            .refused(XMLError(file: document.path, line: line, chinese: chinese, english: english))
        }
        guard let root = xmlDocGetRootElement(document.pointer) else { return refuse("没有根元素", "no root element") }
        let signatures = XMLTree.elements(in: root, named: "Signature", namespace: XMLVerifier.dsig)
        guard signatures.count == 1, let signature = signatures.first else {
            return refuse("应有且只有一个签名（实际\(signatures.count)个）", "exactly one Signature expected, found \(signatures.count)")
        }
        guard signature.pointee.parent == root else {
            return refuse("签名不是根元素的直接子元素（签名包装攻击）", "the Signature is not a child of the root (signature wrapping)",
                          line: Int(signature.pointee.line))
        }
        if let problem = SignatureProfile.problem(in: signature) {
            return refuse("签名的结构不是规定的格式：\(problem.chinese)（签名内不得有签名之外的内容）",
                          "the signature is not in the required profile: \(problem.english) (nothing but the signature may be inside it)",
                          line: problem.line)
        }
        // The profile fixes every position: SignedInfo, SignatureValue, KeyInfo/X509Data/X509Certificate.
        let parts = SignatureProfile.children(signature)
        let signedInfo = parts[0], valueNode = parts[1]
        let info = SignatureProfile.children(signedInfo)
        let reference = info[2]
        let referenceParts = SignatureProfile.children(reference)
        let transforms = SignatureProfile.children(referenceParts[0]).compactMap { XMLTree.attribute($0, "Algorithm") }
        let method = XMLTree.attribute(info[1], "Algorithm") ?? ""
        guard XMLTree.attribute(reference, "URI") == "",
              transforms == [XMLVerifier.expected.enveloped, XMLVerifier.expected.c14n],
              XMLTree.attribute(referenceParts[1], "Algorithm") == XMLVerifier.expected.digest,
              XMLVerifier.expected.methods.contains(method),
              XMLTree.attribute(info[0], "Algorithm") == XMLVerifier.expected.c14n
        else {
            return refuse("签名算法或变换不是规定的（覆盖整个文档，enveloped + exc-c14n, SHA-256, ECDSA/RSA-SHA256）",
                          "unexpected signature algorithms or transforms (whole document, enveloped + exc-c14n, SHA-256, ECDSA/RSA-SHA256)")
        }
        let certificateNode = SignatureProfile.children(SignatureProfile.children(parts[2])[0])[0]
        guard let text = XMLTree.text(certificateNode),
              let der = Data(base64Encoded: text, options: .ignoreUnknownCharacters)
        else {
            return refuse("签名中的X509证书不是有效的base64", "the signature's X.509 certificate is not valid base64")
        }
        guard let match = trusted.first(where: { $0.signer.certificate.der.elementsEqual(der) }) else {
            if let presented = try? SignerCertificate(der: Array(der)) {
                return refuse("签名证书\(presented.label)不在受信任证书之列（rectify trust list）",
                              "the signing certificate \(presented.labelEnglish) is not one of the trusted certificates (rectify trust list)")
            }
            return refuse("签名证书无法解析，也不在受信任证书之列", "the signing certificate cannot be parsed and is not one of the trusted certificates")
        }
        let certificate = match.signer.certificate
        let at = signedAt ?? now
        if let signedAt, signedAt > now {
            return refuse("文件所称的签名时间\(Timestamp.string(signedAt))晚于现在：不接受将来的文件",
                          "the file says it was signed at \(Timestamp.string(signedAt)), after now: a file from the future is refused")
        }
        guard certificate.notBefore <= at, at <= certificate.notAfter else {
            let validity = "\(Timestamp.string(certificate.notBefore)) – \(Timestamp.string(certificate.notAfter))"
            return refuse("签名证书\(certificate.label)在签名时间\(Timestamp.string(at))已过期或尚未生效（有效期\(validity)）",
                          "the signing certificate \(certificate.labelEnglish) was expired or not yet valid at \(Timestamp.string(at)) (valid \(validity))")
        }
        let mismatch = refuse("签名校验失败：文件在签名后被改动（证书\(certificate.label)）",
                              "the signature does not verify: the file was changed after signing (certificate \(certificate.labelEnglish))")
        guard let stated = XMLTree.text(referenceParts[2]).flatMap({ Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }),
              let value = XMLTree.text(valueNode).flatMap({ Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }),
              let transformId = method == XMLVerifier.expected.methods[0] ? rectify_transformEcdsaSha256() : rectify_transformRsaSha256()
        else { return mismatch }
        guard let computed = Self.envelopedDigest(document.pointer, root: root, signature: signature),
              computed.elementsEqual(stated)
        else { return mismatch }
        guard let signedBytes = Canonical(document.pointer, subtree: signedInfo),
              signedBytes.withBytes({ Self.signatureVerifies(Array(value), over: $0, key: match.key, method: transformId) })
        else { return mismatch }
        return .verified(match.signer)
    }

    /// SHA-256 of the document canonicalised without its Signature element, which is taken out of the tree and put
    /// back where it was.
    private static func envelopedDigest(_ doc: xmlDocPtr, root: xmlNodePtr, signature: xmlNodePtr) -> [UInt8]? {
        let following = signature.pointee.next
        xmlUnlinkNode(signature)
        defer {
            if let following { xmlAddPrevSibling(following, signature) } else { xmlAddChild(root, signature) }
        }
        return Canonical(doc, subtree: nil)?.withBytes { SHA256.digest($0) }
    }

    private static func signatureVerifies(_ value: [UInt8], over bytes: UnsafeRawBufferPointer, key: xmlSecKeyPtr,
                                          method: xmlSecTransformId) -> Bool {
        guard let context = xmlSecTransformCtxCreate() else { return false }
        defer { xmlSecTransformCtxDestroy(context) }
        guard let transform = xmlSecTransformCtxCreateAndAppend(context, method) else { return false }
        transform.pointee.operation = xmlSecTransformOperationVerify
        guard xmlSecTransformSetKey(transform, key) >= 0,
              xmlSecTransformCtxBinaryExecute(context, bytes.bindMemory(to: UInt8.self).baseAddress, UInt32(bytes.count)) >= 0,
              xmlSecTransformVerify(transform, value, UInt32(value.count), context) >= 0
        else { return false }
        return transform.pointee.status == xmlSecTransformStatusOk
    }
}

/// Small helpers over libxml2's tree.
enum XMLTree {
    /// Descendant elements, in document order. Names are compared as C strings: a walk over a whole case file
    /// should not build a Swift string per element.
    static func elements(in node: xmlNodePtr, named name: String, namespace: String) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        name.withCString { name in
            namespace.withCString { namespace in
                func walk(_ node: xmlNodePtr) {
                    var child = node.pointee.children
                    while let current = child {
                        if current.pointee.type == XML_ELEMENT_NODE {
                            if strcmp(UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self), name) == 0,
                               let ns = current.pointee.ns, let href = ns.pointee.href,
                               strcmp(UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self), namespace) == 0 {
                                found.append(current)
                            }
                            walk(current)
                        }
                        child = current.pointee.next
                    }
                }
                walk(node)
            }
        }
        return found
    }

    static func text(_ node: xmlNodePtr) -> String? {
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { rectify_xmlFree(content) }
        return String(cString: content)
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { rectify_xmlFree(value) }
        return String(cString: value)
    }
}
