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

    /// Replaces every 18-character citizen ID number (GB 11643) inside free text: a run of exactly 18 ASCII
    /// characters from 0-9 and X, digits but for the last, keeps its first 6 and last 4. Scanned as UTF-8 bytes
    /// (every case file passes all its free text through here); text with no such run comes back as it was.
    public static func maskCitizenIDs(_ text: String) -> String {
        func inRun(_ byte: UInt8) -> Bool { (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "X") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var bytes = Array(text.utf8)
        var masked = false
        var start = 0
        for end in 0...bytes.count where end == bytes.count || !inRun(bytes[end]) {
            if end - start == 18 && bytes[start..<start + 17].allSatisfy(isDigit) {
                for index in start + 6..<start + 14 { bytes[index] = UInt8(ascii: "*") }
                masked = true
            }
            start = end + 1
        }
        return masked ? String(decoding: bytes, as: UTF8.self) : text
    }
}
