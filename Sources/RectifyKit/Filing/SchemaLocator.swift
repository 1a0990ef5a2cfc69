import Foundation
import RectifyCore

/// Finds `Schemas/`: an explicit folder, `RECTIFY_SCHEMAS`, the working directory, or the package the executable was
/// built in (walking up from the executable).
public enum SchemaLocator {
    public static let caseFile = "rectify-case-file-v1.xsd"
    public static let manifest = "rectify-manifest-v1.xsd"
    /// The campaign report (统计报表); its numbers come with the progress report.
    public static let campaignReport = "rectify-campaign-report-v1.xsd"

    public static func path(_ name: String, folder: String? = nil) throws -> String {
        var candidates: [String] = []
        if let folder { candidates.append(folder) }
        if let environment = ProcessInfo.processInfo.environment["RECTIFY_SCHEMAS"] { candidates.append(environment) }
        candidates.append(FileManager.default.currentDirectoryPath + "/Schemas")
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("Schemas").path)
            directory.deleteLastPathComponent()
        }
        for folder in candidates {
            let path = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw NotFoundError("模式文件（可用 --schemas 或 RECTIFY_SCHEMAS 指定目录）", "schema file (use --schemas or RECTIFY_SCHEMAS)",
                            key: name)
    }
}

/// Personal data leaves the bureau masked (`reference/domain.md` §4): phone numbers keep their first 3 and last 4
/// digits, citizen ID numbers their first 6 and last 4.
public enum PersonalData {
    public static func maskPhone(_ phone: String) -> String {
        let digits = Array(phone)
        guard digits.count > 7 else { return String(repeating: "*", count: digits.count) }
        return String(digits.prefix(3)) + String(repeating: "*", count: digits.count - 7) + String(digits.suffix(4))
    }

    /// Replaces every 18-character citizen ID number (GB 11643) inside free text.
    public static func maskCitizenIDs(_ text: String) -> String {
        var result = ""
        var run: [Character] = []
        func flush() {
            if run.count == 18, run.prefix(17).allSatisfy(\.isNumber), run[17].isNumber || run[17] == "X" {
                result += String(run.prefix(6)) + "********" + String(run.suffix(4))
            } else {
                result += String(run)
            }
            run = []
        }
        for character in text {
            if character.isASCII && (character.isNumber || character == "X") { run.append(character) } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
