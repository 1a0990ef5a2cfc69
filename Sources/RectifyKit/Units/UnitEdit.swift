import Foundation
import RectifyCore
import RectifyStore

/// Corrections to a unit's register entry that an officer may make between two register imports: its name and the
/// texts beside it. Street, grid, category and department come from the register, whose import changes them.
public struct UnitTextChanges: Sendable, Equatable {
    public var name: String?
    public var address: String?
    /// For the optional fields an empty text clears the value.
    public var contactPerson: String?
    public var phone: String?
    public var legalRepresentative: String?
    public var supervisors: String?

    public init(name: String? = nil, address: String? = nil, contactPerson: String? = nil, phone: String? = nil,
                legalRepresentative: String? = nil, supervisors: String? = nil) {
        self.name = name
        self.address = address
        self.contactPerson = contactPerson
        self.phone = phone
        self.legalRepresentative = legalRepresentative
        self.supervisors = supervisors
    }

    var isEmpty: Bool { self == UnitTextChanges() }
}

extension BusinessUnit {
    static let phoneRule = (chinese: "电话号码只能含数字、-、+、空格和括号，5–20位",
                            english: "a phone number has 5–20 digits, '-', '+', spaces or brackets")

    /// On bytes: a valid number is ASCII, so its length in bytes is its length in characters.
    static func isPhoneNumber(_ phone: String) -> Bool {
        (5...20).contains(phone.utf8.count) && phone.utf8.allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "-+ ()".utf8.contains($0)
        }
    }

    /// The unit with `changes` applied, or the first field that breaks its rule.
    func applying(_ changes: UnitTextChanges) throws -> BusinessUnit {
        func optional(_ text: String?, _ current: String?) -> String? {
            guard let text else { return current }
            return text.trimmed.isEmpty ? nil : text.trimmed
        }
        var unit = self
        if let name = changes.name {
            guard !name.trimmed.isEmpty else {
                throw ValidationError(field: "单位名称", fieldEnglish: "name", value: name, chinese: "不能为空", english: "must not be empty")
            }
            unit.name = name.trimmed
        }
        if let address = changes.address { unit.address = address.trimmed }
        unit.contactPerson = optional(changes.contactPerson, contactPerson)
        unit.phone = optional(changes.phone, phone)
        unit.legalRepresentative = optional(changes.legalRepresentative, legalRepresentative)
        unit.supervisors = optional(changes.supervisors, supervisors)
        if let phone = unit.phone, phone != self.phone, !Self.isPhoneNumber(phone) {
            throw ValidationError(field: "联系电话", fieldEnglish: "phone", value: phone, chinese: Self.phoneRule.chinese,
                                  english: Self.phoneRule.english)
        }
        return unit
    }
}

extension Rectify {
    /// Corrects a unit's texts, audited as `unit.edit` (the chain keeps the earlier text). A filing exported later
    /// shows the unit as corrected.
    public func editUnit(uscc: String, changes: UnitTextChanges, actor: String) throws -> UnitDetail {
        guard !changes.isEmpty else {
            throw RuleViolation(rule: .unitEditNothing, chinese: "没有给出要更正的字段", english: "no field to correct was given")
        }
        try database.write(actor: actor) { context in
            let unit = try Lookup.unit(context.store, uscc: uscc)
            let edited = try unit.applying(changes)
            guard edited != unit else { return }
            try context.update(edited, action: "unit.edit")
        }
        return try unit(uscc: uscc)
    }
}
