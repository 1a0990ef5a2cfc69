import Foundation
import RectifyCore

/// A folder given where files are expected stands for the XML files in it (a filed campaign: its case files, the
/// manifest parts and manifest.xml): the case files in name order, then the manifest parts, then `manifest.xml`, so
/// that a manifest is checked against files already read.
public enum FilingFolder {
    public static func expand(_ paths: [String]) throws -> [String] {
        try paths.flatMap { path in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
            return try files(in: path)
        }
    }

    public static func files(in folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw NotFoundError("目录", "folder", key: folder)
        }
        return names.filter { $0.hasSuffix(".xml") }
            .sorted { ($0.hasPrefix("manifest") ? 1 : 0, $0) < ($1.hasPrefix("manifest") ? 1 : 0, $1) }
            .map { (folder as NSString).appendingPathComponent($0) }
    }
}
