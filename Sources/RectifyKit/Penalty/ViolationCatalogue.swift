import Foundation
import RectifyCore
import RectifyStore

/// The violation catalogue: what Rectify ships plus what an administrator added.
enum ViolationCatalogue {
    static func all(_ store: Store) throws -> [Violation] {
        ShippedViolations.all + (try store.addedViolations())
    }

    static func find(_ store: Store, code: String) throws -> Violation {
        guard let found = try all(store).first(where: { $0.code == code.trimmed }) else {
            throw NotFoundError("违法行为目录中的代码", "violation code", key: code)
        }
        return found
    }
}
