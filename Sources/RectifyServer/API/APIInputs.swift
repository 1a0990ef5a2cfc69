import Foundation
import RectifyCore
import RectifyKit

/// The bodies of the API's acts. Dates and enumerated values arrive as text and are read here, so that a bad one is
/// refused naming its field (as `field` of the problem), like any other refusal of the use case.
struct APIInput: Decodable {
    var version: Int
    var on: String?
    // hazard
    var checklistCode: String?
    var description: String?
    var level: String?
    var criterion: String?
    var foundOn: String?
    var deadline: String?
    // extension, rectification report
    var reason: String?
    var measures: String?
    // plan
    var kind: String?
    var hazard: Int?
    var responsible: String?
    var funds: String?
    var contingency: String?
    // self-check
    var checkedBy: String?
    var findings: String?
    var selfFixed: String?
    var pledge: String?
    var items: [Item]?
    // re-check
    var officers: [String]?
    var opinion: String?
    var verdicts: [Verdict]?

    struct Item: Decodable {
        var code: String
        var result: String
    }

    struct Verdict: Decodable {
        var hazard: Int
        var verdict: String
    }

    func date(_ value: String?, _ field: String, _ label: String) throws -> LocalDate? {
        try value.map { try LocalDate.parse($0, field: label, fieldEnglish: field) }
    }

    func required<Value>(_ value: Value?, _ field: String, _ label: String) throws -> Value {
        guard let value else { throw ValidationError(field: label, fieldEnglish: field, chinese: "必须给出", english: "required") }
        return value
    }

    func code<Value: BilingualEnum>(_ text: String, _ type: Value.Type, _ field: String) throws -> Value {
        guard let value = Value(rawValue: text) else {
            throw ValidationError(field: Value.fieldChinese, fieldEnglish: field, value: text,
                                  chinese: "应为 \(Value.allCases.map(\.rawValue).joined(separator: "、")) 之一",
                                  english: "one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    func addHazard() throws -> CaseAct {
        .addHazard(checklistCode: checklistCode, description: description ?? "",
                   level: try level.map { try code($0, HazardLevel.self, "level") }, criterion: criterion,
                   foundOn: try date(foundOn, "foundOn", "发现日期"),
                   deadline: try required(try date(deadline, "deadline", "整改期限"), "deadline", "整改期限"),
                   listedSupervision: false, supervisingBody: nil)
    }

    func extendHazard(_ seq: Int) throws -> CaseAct {
        .extendHazard(seq: seq, deadline: try required(try date(deadline, "deadline", "新整改期限"), "deadline", "新整改期限"),
                      reason: reason ?? "", on: try date(on, "on", "日期"))
    }

    func reportRectified(_ seq: Int) throws -> CaseAct {
        .reportRectified(seq: seq, on: try date(on, "on", "整改日期"), measures: measures ?? "")
    }

    func addPlan() throws -> CaseAct {
        .addPlan(kind: try code(try required(kind, "kind", "类别"), PlanKind.self, "kind"), hazardSeq: hazard,
                 measures: measures ?? "", responsible: responsible,
                 fundsYuan: try funds.map { try Money.parseWholeYuan($0, field: "整改资金", fieldEnglish: "funds") },
                 deadline: try date(deadline, "deadline", "时限"), contingency: contingency, on: try date(on, "on", "日期"))
    }

    func addSelfCheck() throws -> CaseAct {
        .addSelfCheck(on: try date(on, "on", "自查日期"), checkedBy: checkedBy ?? "", findings: findings ?? "",
                      selfFixed: selfFixed, pledge: pledge ?? "",
                      items: try (items ?? []).map { .init(code: $0.code, result: try code($0.result, CheckResult.self, "items.result")) })
    }

    func addRecheck() throws -> CaseAct {
        .addRecheck(on: try date(on, "on", "复查日期"), officers: officers ?? [], opinion: opinion ?? "",
                    verdicts: try (verdicts ?? []).map {
                        .init(seq: $0.hazard, verdict: try code($0.verdict, RecheckVerdict.self, "verdicts.verdict"))
                    })
    }

    func close() throws -> CaseAct { .close(on: try date(on, "on", "结档日期")) }
}
