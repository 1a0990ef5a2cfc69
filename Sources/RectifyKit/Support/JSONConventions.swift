import Foundation
import RectifyCore

/// The one JSON vocabulary of every `--json` answer (and of the web API): camelCase keys; dates `YYYY-MM-DD`; times
/// ISO 8601 with their offset; money as a decimal string in yuan with two places, under the name without its unit
/// (`fineYuan: 15000` is written `"fine": "15000.00"`, `paidFen: 1037` `"paid": "10.37"`); every enumerated value
/// as its stable code with its label beside it (`"state": "rechecked", "stateLabel": "已复查整改中"`); an object at
/// the top. The read models keep typed values; this is where they become text.
public enum JSONConventions {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        let tree = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(value))
        guard case .object = tree else { throw ConventionBroken(what: "the answer is not an object") }
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try pretty.encode(applied(tree))
    }

    /// The enumerations a key may hold, by the key's name; a code is labelled when exactly one of them has it.
    static let enumerations: [String: [any BilingualEnum.Type]] = [
        "state": [CaseState.self], "status": [HazardStatus.self, TargetStatus.self], "level": [HazardLevel.self],
        "kind": [CampaignKind.self, PlanKind.self, DocumentKind.self], "category": [UnitCategory.self],
        "stage": [PenaltyStage.self], "procedure": [PenaltyProcedureKind.self], "party": [PartyKind.self],
        "outcome": [RecheckOutcome.self], "verdict": [RecheckVerdict.self], "result": [CheckResult.self],
        "unit": [RuleUnit.self], "key": [RuleKey.self], "metric": [TargetMetric.self], "dimension": [ProgressDimension.self],
        "what": [OverdueKind.self], "role": [AccountRole.self],
    ]

    static func label(for code: String, key: String) -> String? {
        let matches = (enumerations[key] ?? []).compactMap { type in type.label(of: code) }
        return matches.count == 1 ? matches[0] : nil
    }

    private static func applied(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(applied))
        case .object(let fields):
            var out: [String: JSONValue] = [:]
            for (key, field) in fields {
                if case .integer(let n) = field, let name = key.strippingSuffix("Fen") {
                    out[name] = .string(Money(fen: Int(n)).decimal)
                } else if case .integer(let n) = field, let name = key.strippingSuffix("Yuan") {
                    out[name] = .string(Money(yuan: Int(n)).decimal)
                } else {
                    out[key] = applied(field)
                    if case .string(let code) = field, fields[key + "Label"] == nil, let label = label(for: code, key: key) {
                        out[key + "Label"] = .string(label)
                    }
                }
            }
            return .object(out)
        default: return value
        }
    }

    struct ConventionBroken: Error, CustomStringConvertible {
        var what: String
        var description: String { "JSON convention broken: \(what)" }
    }
}

extension BilingualEnum {
    static func label(of code: String) -> String? { Self(rawValue: code)?.chinese }
}

private extension String {
    func strippingSuffix(_ suffix: String) -> String? {
        guard hasSuffix(suffix), count > suffix.count else { return nil }
        return String(dropLast(suffix.count))
    }
}

/// JSON as a tree, read and written exactly (integers stay integers, booleans booleans).
enum JSONValue: Codable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
