import RectifyCore
import RectifyKit

/// One act's form on a case page: its fields, what was typed, and each refusal at the field it concerns (or above the
/// form when it concerns the act as a whole).
struct ActForm {
    var act: String
    var title: String
    var submit: String
    var fields: [FormField]
    /// Prefilled values of a fresh form, by field name.
    var defaults: [String: String] = [:]
    /// What was submitted, kept when the act is refused.
    var typed: FormBody?
    var errors: [String: String] = [:]
    var formError: String?

    /// Puts a refusal where it belongs; false for an error that is not a user's refusal.
    mutating func place(_ error: any Error) -> Bool {
        switch error {
        case let refusal as ValidationError:
            if let field = fields.first(where: { $0.label == refusal.field }) {
                errors[field.name] = refusal.chinese
            } else {
                formError = refusal.chinese
            }
        case let refusal as RuleViolation:
            if let field = fields.first(where: { $0.rules.contains(refusal.rule) }) {
                errors[field.name] = refusal.chinese
            } else {
                formError = refusal.chinese
            }
        case let refusal as any UserFacingError:
            formError = refusal.chinese
        default:
            return false
        }
        return true
    }

    func value(_ name: String) -> String { typed.map { $0[name] } ?? defaults[name] ?? "" }

    /// The template's values; only the refusals there are, since an empty string still opens a Mustache section. The
    /// fields come rendered: built here with every value escaped, rather than through Mustache's lookup of each option
    /// and flag, which dominated a case page (docs/performance.md).
    func values(action: String, csrf: String, version: Int?) -> [String: Any] {
        var values: [String: Any] = [
            "act": act, "title": title, "submit": submit, "action": action, "csrf": csrf,
            "version": version.map(String.init) ?? "", "open": typed != nil,
            "multipart": fields.contains { if case .file = $0.kind { true } else { false } },
            "fieldsHTML": fields.map(fieldHTML).joined(separator: "\n"),
        ]
        if let formError { values["formError"] = formError }
        return values
    }

    /// One field as the form shows it: its label and control, and its refusal under it.
    private func fieldHTML(_ field: FormField) -> String {
        let value = value(field.name)
        let name = HTMLText.escape(field.name), label = HTMLText.escape(field.label)
        let required = field.required ? " required" : ""
        let control: String
        switch field.kind {
        case .text(let placeholder):
            control = "<label>\(label)<input name=\"\(name)\" value=\"\(HTMLText.escape(value))\"\(required) placeholder=\"\(HTMLText.escape(placeholder ?? ""))\"></label>"
        case .date:
            control = "<label>\(label)<input name=\"\(name)\" value=\"\(HTMLText.escape(value))\"\(required) placeholder=\"2026-12-31 或 2026年12月31日\"></label>"
        case .textarea:
            control = "<label>\(label)<textarea name=\"\(name)\"\(required)>\(HTMLText.escape(value))</textarea></label>"
        case .select(let choices):
            let options = choices.map {
                "<option value=\"\(HTMLText.escape($0.value))\"\($0.value == value ? " selected" : "")>\(HTMLText.escape($0.label))</option>"
            }.joined()
            control = "<label>\(label)<select name=\"\(name)\">\(options)</select></label>"
        case .file(let accept):
            control = "<label>\(label)<input type=\"file\" name=\"\(name)\" accept=\"\(HTMLText.escape(accept))\"\(required)></label>"
        case .checkbox:
            let checked = typed.map { $0.ticked(field.name) } ?? (defaults[field.name] == "1")
            control = "<label class=\"check\"><input type=\"checkbox\" name=\"\(name)\" value=\"1\"\(checked ? " checked" : "")>\(label)</label>"
        }
        let refusal = errors[field.name].map { "<p class=\"error\">\(HTMLText.escape($0))</p>" } ?? ""
        return "<div class=\"field\(errors[field.name] == nil ? "" : " invalid")\">\(control)\(refusal)</div>"
    }
}

/// Text escaped for HTML content and quoted attributes, as Mustache's `{{…}}` escapes it. Worked on UTF-8 bytes: the
/// five characters are ASCII, and walking Chinese text by grapheme is slow (docs/performance.md).
enum HTMLText {
    static func escape(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
