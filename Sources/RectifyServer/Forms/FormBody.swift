import Foundation
import RectifyCore

/// A submitted `application/x-www-form-urlencoded` body, by field name; a repeated name keeps its first value.
struct FormBody {
    private(set) var fields: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = parts.first.flatMap(Self.decode), fields[name] == nil else { continue }
            fields[name] = parts.count == 2 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    init(fields: [String: String]) { self.fields = fields }

    subscript(_ name: String) -> String { fields[name] ?? "" }

    /// The field as typed, or nil when left blank.
    func optional(_ name: String) -> String? { fields[name]?.nonBlank }

    /// A ticked checkbox sends its value; an unticked one sends nothing.
    func ticked(_ name: String) -> Bool { fields[name] != nil }

    private static func decode(_ text: String) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
