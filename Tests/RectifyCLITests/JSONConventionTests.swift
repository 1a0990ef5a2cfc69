import Foundation
import Testing

/// Issue 17 §2: every `--json` answer of the demo follows one vocabulary.
@Suite("rectify binary: one JSON vocabulary")
struct JSONConventionTests {
    nonisolated(unsafe) static let date = /^\d{4}-\d{2}-\d{2}$/
    nonisolated(unsafe) static let time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
    nonisolated(unsafe) static let money = /^-?\d+\.\d{2}$/
    nonisolated(unsafe) static let camel = /^[a-z][A-Za-z0-9]*$/
    /// Keys that hold an enumerated value: a code, with its label beside it.
    static let enumerated: Set<String> = ["state", "status", "level", "kind", "category", "stage", "procedure", "party",
                                          "outcome", "verdict", "result", "metric", "dimension", "what"]
    static let dates: Set<String> = ["asOf", "due", "start", "effectiveFrom", "startsOn", "endsOn", "dueOn"]
    static let amounts: Set<String> = ["fine", "proposedFine", "minFine", "maxFine", "paid", "surcharge", "amount", "funds"]

    /// Every breach of the conventions in `value`, with where it is.
    static func breaches(_ value: Any, at path: String = "") -> [String] {
        var found: [String] = []
        if let object = value as? [String: Any] {
            for (key, field) in object {
                let here = "\(path).\(key)"
                if key.wholeMatch(of: camel) == nil { found.append("key not camelCase: \(here)") }
                if key.hasSuffix("Fen") || key.hasSuffix("Yuan") { found.append("money with a unit in its name: \(here)") }
                if let text = field as? String {
                    if (key.hasSuffix("On") || dates.contains(key)) && text.wholeMatch(of: date) == nil {
                        found.append("not a date: \(here)=\(text)")
                    }
                    if key.hasSuffix("At") && text.wholeMatch(of: time) == nil { found.append("not a time with offset: \(here)=\(text)") }
                    if amounts.contains(key) && text.wholeMatch(of: money) == nil && !text.hasSuffix("%") {
                        found.append("not money: \(here)=\(text)")
                    }
                    if enumerated.contains(key) && (object[key + "Label"] as? String)?.isEmpty != false {
                        found.append("code without label: \(here)=\(text)")
                    }
                } else if amounts.contains(key), let number = field as? NSNumber, !(field is Bool) {
                    found.append("money as a number: \(here)=\(number)")
                }
                found += breaches(field, at: here)
            }
        } else if let list = value as? [Any] {
            for item in list.prefix(20) { found += breaches(item, at: path + "[]") }
        }
        return found
    }

    @Test("every --json command of the demo: an object at the top, camelCase, dates, times with offset, money in yuan, codes with labels")
    func everyJSONAnswer() throws {
        let cli = try CLI()
        let demo = try cli.run("demo", "--units", "300")
        #expect(demo.status == 0, "\(demo.stderr)")
        let penaltyCase = try cli.sqlite("SELECT c.number FROM penalty p JOIN \"case\" c ON c.id = p.caseId WHERE p.paidOn IS NOT NULL LIMIT 1")
        let recheckedCase = try cli.sqlite("SELECT c.number FROM recheckRecord r JOIN \"case\" c ON c.id = r.caseId LIMIT 1")
        let unit = try cli.sqlite("SELECT uscc FROM unit LIMIT 1")
        let campaign = try cli.sqlite("SELECT code FROM campaign LIMIT 1")
        let commands: [[String]] = [
            ["agency", "show"], ["department", "list"], ["street", "list"], ["grid", "list"], ["officer", "list"],
            ["unit", "list"], ["unit", "show", unit], ["campaign", "list"], ["campaign", "show", campaign],
            ["campaign", "progress", campaign], ["campaign", "progress", campaign, "--by", "street"],
            ["campaign", "progress", campaign, "--series", "weekly"], ["case", "list"], ["case", "show", penaltyCase],
            ["case", "show", recheckedCase], ["case", "lint", penaltyCase], ["overdue"], ["calendar", "list"],
            ["calendar", "show", "2026"], ["rules", "list"], ["rules", "codes"], ["violation", "list"], ["trust", "list"],
            ["verify"],
        ]
        for command in commands {
            let result = try cli.run(command + ["--json"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            #expect(parsed is [String: Any], "\(command): the answer is not an object")
            let breaches = Self.breaches(parsed)
            #expect(breaches.isEmpty, "\(command): \(breaches.prefix(10))")
        }
    }
}
