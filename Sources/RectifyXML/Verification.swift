import CLibXML2
import CXMLSec
import Foundation
import RectifyCore

/// Verifies a signed document against trusted certificates — and that what was signed is the whole document:
/// exactly one Signature, a child of the root, with one Reference to "" and the expected transforms, so that a
/// valid signature moved onto other content (signature wrapping) is refused.
///
/// Trust is pinned: the certificate in the signature must be one of the trusted certificates, byte for byte, and
/// within its validity. Its key is loaded once, here, and handed to xmlsec for each file: letting xmlsec decode the
/// certificate of every file cost more than the rest of the verification, and its keys manager also trusts every
/// CA of the operating system, which a superior authority does not mean to do.
///
/// Only the one profile Rectify signs with is accepted (enveloped + exclusive C14N without parameters, SHA-256,
/// ECDSA- or RSA-SHA256, nothing else in the signature), and for that profile the reference is checked here: the
/// Signature element is taken out of the tree — exactly what the enveloped-signature transform removes — the rest is
/// canonicalised by libxml2 and hashed by OpenSSL, and the digest compared with DigestValue; then xmlsec's signature
/// transform checks SignatureValue over the canonical SignedInfo with the pinned key. xmlsec's general verifier
/// canonicalised through a node set it consulted for every node, which was two fifths of an import. The tests check
/// every refusal against `xmlsec1 --verify` as well.
public final class XMLVerifier {
    private struct Trusted {
        let path: String
        let der: [UInt8]
        let certificate: OpaquePointer
        let key: xmlSecKeyPtr
    }

    private let trusted: [Trusted]

    public init(trustedCertificates: [String]) throws {
        guard XMLLibrary.ready else {
            throw XMLError(file: "xmlsec", chinese: "xmlsec 初始化失败", english: "xmlsec failed to initialise")
        }
        guard !trustedCertificates.isEmpty else {
            throw XMLError(file: "--trust", chinese: "须用 --trust 指定至少一个受信任证书", english: "name at least one trusted certificate with --trust")
        }
        var loaded: [Trusted] = []
        for path in trustedCertificates {
            guard let certificate = Self.readCertificate(path) else {
                loaded.forEach(Self.release)
                throw XMLError(file: path, chinese: "无法读取受信任证书（PEM）", english: "cannot load the trusted certificate (PEM)")
            }
            guard let key = xmlSecOpenSSLAppKeyLoad(path, xmlSecKeyDataFormatCertPem, nil, nil, nil) else {
                X509_free(certificate)
                loaded.forEach(Self.release)
                throw XMLError(file: path, chinese: "无法读取受信任证书的公钥", english: "cannot load the trusted certificate's public key")
            }
            loaded.append(Trusted(path: path, der: Self.der(certificate), certificate: certificate, key: key))
        }
        trusted = loaded
    }

    deinit { trusted.forEach(Self.release) }

    private static func release(_ entry: Trusted) {
        X509_free(entry.certificate)
        xmlSecKeyDestroy(entry.key)
    }

    private static func readCertificate(_ path: String) -> OpaquePointer? {
        guard let bio = BIO_new_file(path, "r") else { return nil }
        defer { BIO_free_all(bio) }
        return PEM_read_bio_X509(bio, nil, nil, nil)
    }

    private static func der(_ certificate: OpaquePointer) -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(certificate, &buffer)
        guard length > 0, let buffer else { return [] }
        defer { rectify_opensslFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }

    static let dsig = "http://www.w3.org/2000/09/xmldsig#"
    static let expected = (
        c14n: "http://www.w3.org/2001/10/xml-exc-c14n#",
        enveloped: "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
        digest: "http://www.w3.org/2001/04/xmlenc#sha256",
        methods: ["http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"]
    )

    /// Nil when the signature verifies and covers the whole document; otherwise the reason.
    public func verify(_ document: XMLDocument) -> XMLError? {
        func refuse(_ chinese: String, _ english: String, line: Int = 0) -> XMLError {
            XMLError(file: document.path, line: line, chinese: chinese, english: english)
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
        let references = XMLTree.elements(in: signature, named: "Reference", namespace: XMLVerifier.dsig)
        guard references.count == 1, let reference = references.first, XMLTree.attribute(reference, "URI") == "" else {
            return refuse("签名须只有一个引用且 URI 为空（覆盖整个文档）", "one Reference with URI=\"\" (the whole document) is required")
        }
        let transforms = XMLTree.elements(in: reference, named: "Transform", namespace: XMLVerifier.dsig)
            .compactMap { XMLTree.attribute($0, "Algorithm") }
        let digest = XMLTree.elements(in: reference, named: "DigestMethod", namespace: XMLVerifier.dsig)
            .compactMap { XMLTree.attribute($0, "Algorithm") }
        let method = XMLTree.elements(in: signature, named: "SignatureMethod", namespace: XMLVerifier.dsig)
            .compactMap { XMLTree.attribute($0, "Algorithm") }
        let canonical = XMLTree.elements(in: signature, named: "CanonicalizationMethod", namespace: XMLVerifier.dsig)
            .compactMap { XMLTree.attribute($0, "Algorithm") }
        guard transforms == [XMLVerifier.expected.enveloped, XMLVerifier.expected.c14n], digest == [XMLVerifier.expected.digest],
              method.count == 1, XMLVerifier.expected.methods.contains(method[0]), canonical == [XMLVerifier.expected.c14n],
              Self.hasProfileShape(signature)
        else {
            return refuse("签名算法或变换不是规定的（enveloped + exc-c14n, SHA-256, ECDSA/RSA-SHA256）",
                          "unexpected signature algorithms or transforms")
        }
        let certificates = XMLTree.elements(in: signature, named: "X509Certificate", namespace: XMLVerifier.dsig)
        guard certificates.count == 1, let text = XMLTree.text(certificates[0]),
              let der = Data(base64Encoded: text, options: .ignoreUnknownCharacters)
        else {
            return refuse("签名中应有且只有一个X509证书", "the signature must carry exactly one X.509 certificate")
        }
        guard let match = trusted.first(where: { $0.der.elementsEqual(der) }) else {
            return refuse("签名证书不在受信任证书之列", "the signing certificate is not one of the trusted certificates")
        }
        guard X509_cmp_current_time(X509_get0_notBefore(match.certificate)) < 0,
              X509_cmp_current_time(X509_get0_notAfter(match.certificate)) > 0
        else {
            return refuse("签名证书已过期或尚未生效（\(match.path)）", "the signing certificate is expired or not yet valid (\(match.path))")
        }
        let mismatch = refuse("签名校验失败：文件被改动或签名证书不受信任",
                              "the signature does not verify: the file was changed or the certificate is not trusted")
        guard let signedInfo = XMLTree.elements(in: signature, named: "SignedInfo", namespace: XMLVerifier.dsig).first,
              let digestNode = XMLTree.elements(in: reference, named: "DigestValue", namespace: XMLVerifier.dsig).first,
              let valueNode = XMLTree.elements(in: signature, named: "SignatureValue", namespace: XMLVerifier.dsig).first,
              let stated = XMLTree.text(digestNode).flatMap({ Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }),
              let value = XMLTree.text(valueNode).flatMap({ Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }),
              let transformId = method[0] == XMLVerifier.expected.methods[0] ? rectify_transformEcdsaSha256()
                                                                             : rectify_transformRsaSha256(),
              // The digest compared must be the one the signature covers: inside the Reference inside SignedInfo.
              signedInfo.pointee.parent == signature, reference.pointee.parent == signedInfo,
              digestNode.pointee.parent == reference, valueNode.pointee.parent == signature
        else { return mismatch }
        guard let computed = Self.envelopedDigest(document.pointer, root: root, signature: signature),
              computed.elementsEqual(stated)
        else { return mismatch }
        guard let signedBytes = Canonical(document.pointer, subtree: signedInfo),
              signedBytes.withBytes({ Self.signatureVerifies(Array(value), over: $0, key: match.key, method: transformId) })
        else { return mismatch }
        return nil
    }

    /// SignedInfo, SignatureValue and KeyInfo with its X509Data and nothing more; no parameters to the
    /// canonicalisation, transforms or methods (an InclusiveNamespaces list would change what was signed).
    private static func hasProfileShape(_ signature: xmlNodePtr) -> Bool {
        func childElements(_ node: xmlNodePtr) -> [xmlNodePtr] {
            var found: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { found.append(current) }
                child = current.pointee.next
            }
            return found
        }
        func name(_ node: xmlNodePtr) -> String {
            guard let ns = node.pointee.ns, let href = ns.pointee.href, String(cString: href) == dsig else { return "" }
            return String(cString: node.pointee.name)
        }
        let parts = childElements(signature)
        guard parts.map(name) == ["SignedInfo", "SignatureValue", "KeyInfo"] else { return false }
        for part in [parts[0], parts[2]] {
            for leaf in XMLTree.elements(in: part, named: "CanonicalizationMethod", namespace: dsig)
                + XMLTree.elements(in: part, named: "SignatureMethod", namespace: dsig)
                + XMLTree.elements(in: part, named: "Transform", namespace: dsig)
                + XMLTree.elements(in: part, named: "DigestMethod", namespace: dsig)
                where !childElements(leaf).isEmpty {
                return false
            }
        }
        return childElements(parts[2]).map(name) == ["X509Data"]
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
