import CLibXML2
import Foundation

/// The exact shape of the one XML-DSig profile Rectify writes (the same as `Schemas/rectify-xmldsig-profile.xsd`):
/// every element, attribute and text inside the Signature is accounted for. Content hidden in the signature —
/// an Object, a second X509Data, a forged record inside KeyInfo, an Id to point a reference at — lies outside the
/// signed digest, so anything the profile does not name refuses the file.
enum SignatureProfile {
    struct Problem {
        var chinese: String
        var english: String
        var line: Int
    }

    private enum Content { case elements([String]), text, empty }

    /// Each element of the profile: what it contains and which attributes it may carry.
    private static let shape: [String: (content: Content, attributes: Set<String>)] = [
        "Signature": (.elements(["SignedInfo", "SignatureValue", "KeyInfo"]), []),
        "SignedInfo": (.elements(["CanonicalizationMethod", "SignatureMethod", "Reference"]), []),
        "CanonicalizationMethod": (.empty, ["Algorithm"]),
        "SignatureMethod": (.empty, ["Algorithm"]),
        "Reference": (.elements(["Transforms", "DigestMethod", "DigestValue"]), ["URI"]),
        "Transforms": (.elements(["Transform", "Transform"]), []),
        "Transform": (.empty, ["Algorithm"]),
        "DigestMethod": (.empty, ["Algorithm"]),
        "DigestValue": (.text, []),
        "SignatureValue": (.text, []),
        "KeyInfo": (.elements(["X509Data"]), []),
        "X509Data": (.elements(["X509Certificate"]), []),
        "X509Certificate": (.text, []),
    ]

    /// The child elements of a node, in order.
    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(current) }
            child = current.pointee.next
        }
        return found
    }

    /// Nil when the signature has exactly the profile's shape; otherwise where it departs from it.
    static func problem(in signature: xmlNodePtr) -> Problem? {
        check(signature, expected: "Signature", path: "Signature")
    }

    private static func name(_ node: xmlNodePtr) -> String {
        String(cString: node.pointee.name)
    }

    private static func inSignatureNamespace(_ node: xmlNodePtr) -> Bool {
        guard let href = node.pointee.ns?.pointee.href else { return false }
        return String(cString: href) == XMLVerifier.dsig
    }

    private static func check(_ node: xmlNodePtr, expected: String, path: String) -> Problem? {
        let line = Int(node.pointee.line)
        func problem(_ chinese: String, _ english: String) -> Problem { Problem(chinese: chinese, english: english, line: line) }
        guard inSignatureNamespace(node), name(node) == expected, let rule = shape[expected] else {
            let found = inSignatureNamespace(node) ? name(node) : "{\(node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } ?? "")}\(name(node))"
            return problem("\(path)处应为\(expected)，实为\(found)", "\(expected) expected at \(path), found \(found)")
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            let attributeName = String(cString: current.pointee.name)
            guard current.pointee.ns == nil, rule.attributes.contains(attributeName) else {
                return problem("\(path)带有不允许的属性\(attributeName)", "\(path) carries the attribute \(attributeName), which is not allowed")
            }
            attribute = current.pointee.next
        }
        var elements: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                elements.append(current)
            case XML_TEXT_NODE:
                if case .text = rule.content { break }
                let text = current.pointee.content.map { String(cString: $0) } ?? ""
                guard text.allSatisfy(\.isWhitespace) else {
                    return problem("\(path)中有不允许的文字", "\(path) holds text, which is not allowed")
                }
            default:
                return problem("\(path)中有不允许的节点（注释、处理指令或CDATA）",
                               "\(path) holds a comment, processing instruction or CDATA section, which is not allowed")
            }
            child = current.pointee.next
        }
        switch rule.content {
        case .empty, .text:
            if let extra = elements.first {
                return problem("\(path)中不应有元素（发现\(name(extra))）", "\(path) must hold no element (found \(name(extra)))")
            }
        case .elements(let names):
            guard elements.count == names.count else {
                return problem("\(path)应有且只有\(names.joined(separator: "、"))，实有\(elements.count)个元素",
                               "\(path) must hold exactly \(names.joined(separator: ", ")); it holds \(elements.count) elements")
            }
            for (element, expectedName) in zip(elements, names) {
                if let problem = check(element, expected: expectedName, path: "\(path)/\(expectedName)") { return problem }
            }
        }
        return nil
    }
}
