import ArgumentParser
import RectifyCore

/// An amount in whole yuan as people type it (`1500`, `1,500`, `1500元`, full-width too) — fines, funds and the
/// catalogue's ranges are whole yuan; parsed by Core's `Money.parse`, and an amount with fen is a usage error.
struct WholeYuan: ExpressibleByArgument, Sendable {
    let yuan: Int

    init?(argument: String) {
        guard let yuan = try? Money.parseWholeYuan(argument, field: "", fieldEnglish: "") else { return nil }
        self.yuan = yuan
    }

    var defaultValueDescription: String { String(yuan) }
}
