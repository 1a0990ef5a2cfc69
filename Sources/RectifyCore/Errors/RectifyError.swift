import Foundation

/// An error a user sees: it says what was refused in Chinese and in English, naming the field, row or rule.
public protocol UserFacingError: LocalizedError, Sendable {
    var chinese: String { get }
    var english: String { get }
}

extension UserFacingError {
    public var errorDescription: String? { "\(chinese)\n\(english)" }
}

/// A value that breaks a rule of its field.
public struct ValidationError: UserFacingError, Equatable {
    public var field: String
    public var fieldEnglish: String
    public var value: String?
    public var reasonChinese: String
    public var reasonEnglish: String

    public init(field: String, fieldEnglish: String, value: String? = nil, chinese: String, english: String) {
        self.field = field
        self.fieldEnglish = fieldEnglish
        self.value = value
        self.reasonChinese = chinese
        self.reasonEnglish = english
    }

    public var chinese: String {
        "字段“\(field)”\(value.map { "（值“\($0)”）" } ?? "")无效：\(reasonChinese)"
    }

    public var english: String {
        "field '\(fieldEnglish)'\(value.map { " (value '\($0)')" } ?? "") is invalid: \(reasonEnglish)"
    }
}

/// Something named by the user does not exist.
public struct NotFoundError: UserFacingError, Equatable {
    public var entityChinese: String
    public var entityEnglish: String
    public var key: String

    public init(_ entityChinese: String, _ entityEnglish: String, key: String) {
        self.entityChinese = entityChinese
        self.entityEnglish = entityEnglish
        self.key = key
    }

    public var chinese: String { "找不到\(entityChinese)“\(key)”" }
    public var english: String { "no \(entityEnglish) '\(key)'" }
}

/// An act that a rule forbids in the current state; `rule` names the rule.
public struct RuleViolation: UserFacingError, Equatable {
    public var rule: String
    public var chinese: String
    public var english: String

    public init(rule code: RuleCode, chinese: String, english: String) {
        self.rule = code.rawValue
        self.chinese = "拒绝（规则 \(rule)）：\(chinese)"
        self.english = "refused (rule \(rule)): \(english)"
    }
}
