import ArgumentParser
import Foundation
import RectifyCore

/// The two officers of an act: `--officer` twice, or else the pair in `RECTIFY_OFFICERS=A,B` (officers who work as
/// a team set it once per shell).
struct OfficerPairOption: ParsableArguments {
    @Option(help: "执法人员执法证号（两次；未给出时取 RECTIFY_OFFICERS=A,B）/ officer credential (twice; default RECTIFY_OFFICERS=A,B)")
    var officer: [String] = []

    var credentials: [String] { officer.isEmpty ? Self.fromEnvironment : officer }

    /// `RECTIFY_OFFICERS`, split at a comma or 、 in either width.
    static var fromEnvironment: [String] {
        guard let pair = ProcessInfo.processInfo.environment["RECTIFY_OFFICERS"] else { return [] }
        return TypedInput.fields(pair, separatedBy: ",").filter { !$0.isEmpty }
    }
}
