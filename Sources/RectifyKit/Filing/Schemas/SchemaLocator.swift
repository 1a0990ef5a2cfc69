import Foundation
import RectifyCore

/// The schemas a validator compiles: the copies built into the binary (`EmbeddedSchemas`), or those of a folder
/// named with `--schemas` or `RECTIFY_SCHEMAS`.
public enum SchemaLocator {
    public static let caseFile = "rectify-case-file-v2.xsd"
    public static let manifest = "rectify-manifest-v2.xsd"
    /// The campaign report (统计报表); its numbers come with the progress report.
    public static let campaignReport = "rectify-campaign-report-v2.xsd"
    /// The superior's signed import receipt (接收回执).
    public static let receipt = "rectify-receipt-v1.xsd"
    public static let checkpoint = "rectify-checkpoint-v1.xsd"
    /// Version 1 of the formats, still read: filings made before version 2.
    public static let caseFileV1 = "rectify-case-file-v1.xsd"
    public static let manifestV1 = "rectify-manifest-v1.xsd"
    public static let campaignReportV1 = "rectify-campaign-report-v1.xsd"

    public static func path(_ name: String, folder: String? = nil) throws -> String {
        guard let folder = folder ?? ProcessInfo.processInfo.environment["RECTIFY_SCHEMAS"] else {
            return try EmbeddedSchemas.path(name)
        }
        let path = (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: path) else {
            throw NotFoundError("模式文件（--schemas 或 RECTIFY_SCHEMAS 指定的目录中）", "schema file (in the folder --schemas or RECTIFY_SCHEMAS names)",
                                key: path)
        }
        return path
    }
}
