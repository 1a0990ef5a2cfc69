import CLibXML2
import CXMLSec
import Foundation
import RectifyCore

public enum SignatureAlgorithm: String, Sendable, CaseIterable {
    case ecdsa
    case rsa
}

/// Signs documents with an enveloped XML Signature: exclusive C14N, SHA-256, ECDSA-SHA256 or RSA-SHA256, and the
/// X.509 certificate in KeyInfo, so that `xmlsec1 --verify --trusted-pem` checks it with no Rectify code.
///
/// xmlsec builds the signature's template and computes the signature value; the reference's digest is computed here.
/// xmlsec would canonicalise the document through a node set (the whole document minus the signature, for the
/// enveloped transform) that it consults for every node, attribute and namespace: that was two thirds of signing and
/// as much work as xmllint validating the same file. The digest is taken before the signature is added, over the
/// document canonicalised whole, which is byte for byte what the enveloped transform leaves a verifier; xmlsec1 and
/// Rectify's verifier check every signed file in the tests.
public final class XMLSigner {
    private let keyPath: String
    /// Loaded once: decoding a PEM key costs more than a signature, and an export signs thousands of files.
    private let key: xmlSecKeyPtr
    /// The certificate for KeyInfo, base64 of its DER as xmlsec writes it.
    private let certificate: String

    public init(keyPath: String, certificatePath: String) throws {
        for (path, chinese, english) in [(keyPath, "签名私钥", "signing key"), (certificatePath, "签名证书", "signing certificate")]
            where !FileManager.default.fileExists(atPath: path) {
            throw XMLError(file: path, chinese: "\(chinese)文件不存在", english: "the \(english) file does not exist")
        }
        guard XMLLibrary.ready else { throw XMLError(file: keyPath, chinese: "xmlsec 初始化失败", english: "xmlsec failed to initialise") }
        guard let key = xmlSecOpenSSLAppKeyLoad(keyPath, xmlSecKeyDataFormatPem, nil, nil, nil) else {
            throw XMLError(file: keyPath, chinese: "无法读取PEM私钥", english: "cannot load the PEM private key")
        }
        guard xmlSecOpenSSLAppKeyCertLoad(key, certificatePath, xmlSecKeyDataFormatPem) >= 0,
              let certificate = Self.certificateBase64(certificatePath)
        else {
            xmlSecKeyDestroy(key)
            throw XMLError(file: certificatePath, chinese: "无法读取PEM证书或与私钥不匹配", english: "cannot load the PEM certificate")
        }
        self.keyPath = keyPath
        self.key = key
        self.certificate = certificate
    }

    deinit { xmlSecKeyDestroy(key) }

    /// Signs `document` in place and saves it to `path` byte for byte as signed (no re-indentation).
    public func sign(_ document: XMLDocument, savingTo path: String) throws {
        try sign(document)
        guard xmlSaveFormatFileEnc(path, document.pointer, "UTF-8", 0) >= 0 else {
            throw XMLError(file: path, chinese: "无法保存已签名文件", english: "cannot save the signed file")
        }
    }

    /// Signs `document` in place; `XMLDocument.serialized()` then gives the bytes to file.
    public func sign(_ document: XMLDocument) throws {
        let path = document.path
        func failure(_ chinese: String, _ english: String) -> XMLError { XMLError(file: path, chinese: chinese, english: english) }
        guard XMLLibrary.ready else { throw failure("xmlsec 初始化失败", "xmlsec failed to initialise") }
        let doc = document.pointer
        guard let canonical = Canonical(doc, subtree: nil) else { throw failure("无法规范化文档", "cannot canonicalise the document") }
        let digest = canonical.withBytes { SHA256.digest($0) }
        // The signature is built in a scratch document of its own, so that canonicalising its SignedInfo walks a
        // dozen nodes rather than the whole case file, and then moved into place as the root's last child.
        guard let scratch = xmlNewDoc("1.0") else { throw failure("无法建立签名模板", "cannot build the signature template") }
        defer { xmlFreeDoc(scratch) }
        guard let method = isEC(key) ? rectify_transformEcdsaSha256() : rectify_transformRsaSha256(),
              let root = xmlDocGetRootElement(doc),
              let signature = xmlSecTmplSignatureCreate(scratch, rectify_transformExclC14N(), method, nil),
              xmlDocSetRootElement(scratch, signature) == nil,
              let reference = xmlSecTmplSignatureAddReference(signature, rectify_transformSha256(), nil, "", nil),
              xmlSecTmplReferenceAddTransform(reference, rectify_transformEnveloped()) != nil,
              xmlSecTmplReferenceAddTransform(reference, rectify_transformExclC14N()) != nil,
              let keyInfo = xmlSecTmplSignatureEnsureKeyInfo(signature, nil),
              let x509 = xmlSecTmplKeyInfoAddX509Data(keyInfo),
              let certificateNode = xmlSecTmplX509DataAddCertificate(x509),
              let digestNode = xmlSecFindChild(reference, "DigestValue", rectify_dsigNs()),
              let signedInfo = xmlSecFindChild(signature, "SignedInfo", rectify_dsigNs()),
              let valueNode = xmlSecFindChild(signature, "SignatureValue", rectify_dsigNs())
        else {
            throw failure("无法建立签名模板", "cannot build the signature template")
        }
        guard let digestText = Self.base64(digest) else { throw failure("签名失败", "signing failed") }
        xmlNodeSetContent(digestNode, digestText)
        xmlNodeSetContent(certificateNode, certificate)
        guard let signedBytes = Canonical(scratch, subtree: signedInfo),
              let value = signedBytes.withBytes({ signatureValue(of: $0, method: method) }),
              let valueText = Self.base64(value)
        else { throw failure("签名失败", "signing failed") }
        xmlNodeSetContent(valueNode, valueText)
        xmlUnlinkNode(signature)
        guard xmlAddChild(root, signature) != nil else {
            xmlFreeNode(signature)
            throw failure("无法加入签名", "cannot add the signature to the document")
        }
    }

    /// The signature value of canonical SignedInfo bytes: xmlsec's signature transform with the signer's key (which
    /// also gives ECDSA's r‖s form that XML Signature asks for).
    private func signatureValue(of bytes: UnsafeRawBufferPointer, method: xmlSecTransformId) -> [UInt8]? {
        guard let context = xmlSecTransformCtxCreate() else { return nil }
        defer { xmlSecTransformCtxDestroy(context) }
        guard let transform = xmlSecTransformCtxCreateAndAppend(context, method) else { return nil }
        transform.pointee.operation = xmlSecTransformOperationSign
        guard xmlSecTransformSetKey(transform, key) >= 0,
              xmlSecTransformCtxBinaryExecute(context, bytes.bindMemory(to: UInt8.self).baseAddress,
                                              UInt32(bytes.count)) >= 0,
              let result = context.pointee.result, let data = xmlSecBufferGetData(result)
        else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: Int(xmlSecBufferGetSize(result))))
    }

    /// Base64 in lines of 64, as xmlsec writes its values.
    private static func base64(_ bytes: [UInt8]) -> String? {
        guard let encoded = xmlSecBase64Encode(bytes, UInt32(bytes.count), 64) else { return nil }
        defer { rectify_xmlFreeSec(encoded) }
        return String(cString: encoded)
    }

    private static func certificateBase64(_ path: String) -> String? {
        guard let file = BIO_new_file(path, "r") else { return nil }
        defer { BIO_free(file) }
        guard let certificate = PEM_read_bio_X509(file, nil, nil, nil) else { return nil }
        defer { X509_free(certificate) }
        var der: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(certificate, &der)
        guard length > 0, let der else { return nil }
        defer { rectify_opensslFree(der) }
        // xmlsec ends the certificate with a line break; the other values without.
        return base64(Array(UnsafeBufferPointer(start: der, count: Int(length)))).map { $0 + "\n" }
    }

    private func isEC(_ key: xmlSecKeyPtr) -> Bool {
        guard let data = key.pointee.value, let klass = data.pointee.id, let name = klass.pointee.name else { return false }
        return String(cString: name).lowercased().contains("ec")
    }
}
