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

    /// The template's values; only the refusals there are, since an empty string still opens a Mustache section.
    func values(action: String, csrf: String, version: Int?) -> [String: Any] {
        var values: [String: Any] = [
            "act": act, "title": title, "submit": submit, "action": action, "csrf": csrf,
            "version": version.map(String.init) ?? "", "open": typed != nil,
            "multipart": fields.contains { if case .file = $0.kind { true } else { false } },
            "fields": fields.map(fieldValues),
        ]
        if let formError { values["formError"] = formError }
        return values
    }

    private func fieldValues(_ field: FormField) -> [String: Any] {
        let value = value(field.name)
        var values: [String: Any] = ["name": field.name, "label": field.label, "value": value, "required": field.required,
                                     "isText": false, "isDate": false, "isTextarea": false, "isSelect": false,
                                     "isCheckbox": false, "isFile": false, "hasError": errors[field.name] != nil,
                                     "error": errors[field.name] ?? "", "placeholder": ""]
        switch field.kind {
        case .text(let placeholder):
            values["isText"] = true
            values["placeholder"] = placeholder ?? ""
        case .date:
            values["isText"] = true
            values["placeholder"] = "2026-12-31 或 2026年12月31日"
        case .textarea:
            values["isTextarea"] = true
        case .select(let choices):
            values["isSelect"] = true
            values["choices"] = choices.map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] }
        case .file(let accept):
            values["isFile"] = true
            values["accept"] = accept
        case .checkbox:
            values["isCheckbox"] = true
            values["checked"] = typed.map { $0.ticked(field.name) } ?? (defaults[field.name] == "1")
        }
        return values
    }
}
