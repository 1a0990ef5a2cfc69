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
public final class XMLSigner {
    private let keyPath: String
    /// Loaded once: decoding a PEM key costs more than a signature, and an export signs thousands of files.
    private let key: xmlSecKeyPtr

    public init(keyPath: String, certificatePath: String) throws {
        for (path, chinese, english) in [(keyPath, "签名私钥", "signing key"), (certificatePath, "签名证书", "signing certificate")]
            where !FileManager.default.fileExists(atPath: path) {
            throw XMLError(file: path, chinese: "\(chinese)文件不存在", english: "the \(english) file does not exist")
        }
        guard XMLLibrary.ready else { throw XMLError(file: keyPath, chinese: "xmlsec 初始化失败", english: "xmlsec failed to initialise") }
        guard let key = xmlSecOpenSSLAppKeyLoad(keyPath, xmlSecKeyDataFormatPem, nil, nil, nil) else {
            throw XMLError(file: keyPath, chinese: "无法读取PEM私钥", english: "cannot load the PEM private key")
        }
        guard xmlSecOpenSSLAppKeyCertLoad(key, certificatePath, xmlSecKeyDataFormatPem) >= 0 else {
            xmlSecKeyDestroy(key)
            throw XMLError(file: certificatePath, chinese: "无法读取PEM证书或与私钥不匹配", english: "cannot load the PEM certificate")
        }
        self.keyPath = keyPath
        self.key = key
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
        guard XMLLibrary.ready else { throw XMLError(file: path, chinese: "xmlsec 初始化失败", english: "xmlsec failed to initialise") }
        let doc = OpaquePointer(document.pointer)
        let key = self.key
        let method = isEC(key) ? rectify_transformEcdsaSha256() : rectify_transformRsaSha256()
        guard let root = xmlDocGetRootElement(UnsafeMutablePointer(doc)),
              let signature = xmlSecTmplSignatureCreate(UnsafeMutablePointer(doc), rectify_transformExclC14N(), method, nil),
              xmlAddChild(root, signature) != nil,
              let reference = xmlSecTmplSignatureAddReference(signature, rectify_transformSha256(), nil, "", nil),
              xmlSecTmplReferenceAddTransform(reference, rectify_transformEnveloped()) != nil,
              xmlSecTmplReferenceAddTransform(reference, rectify_transformExclC14N()) != nil,
              let keyInfo = xmlSecTmplSignatureEnsureKeyInfo(signature, nil),
              let x509 = xmlSecTmplKeyInfoAddX509Data(keyInfo),
              xmlSecTmplX509DataAddCertificate(x509) != nil
        else {
            throw XMLError(file: path, chinese: "无法建立签名模板", english: "cannot build the signature template")
        }
        guard let context = xmlSecDSigCtxCreate(nil) else {
            throw XMLError(file: path, chinese: "无法创建签名上下文", english: "cannot create a signature context")
        }
        // The context would free its key: lend it the signer's and take it back before the context goes.
        context.pointee.signKey = key
        defer {
            context.pointee.signKey = nil
            xmlSecDSigCtxDestroy(context)
        }
        guard xmlSecDSigCtxSign(context, signature) >= 0 else {
            throw XMLError(file: path, chinese: "签名失败", english: "signing failed")
        }
    }

    private func isEC(_ key: xmlSecKeyPtr) -> Bool {
        guard let data = key.pointee.value, let klass = data.pointee.id, let name = klass.pointee.name else { return false }
        return String(cString: name).lowercased().contains("ec")
    }
}
