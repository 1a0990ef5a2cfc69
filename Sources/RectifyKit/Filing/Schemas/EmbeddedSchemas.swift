import Foundation
import RectifyCore

/// The schemas built into the binary (`EmbeddedSchemaTexts.swift`, generated from `Schemas/`), so that a `rectify`
/// copied on its own exports, validates and imports.
public enum EmbeddedSchemas {
    public static var names: [String] { files.keys.sorted() }

    /// The path of an embedded schema in a folder of them: libxml2 compiles from files, since the schemas import the
    /// signature profile by its relative name.
    static func path(_ name: String) throws -> String {
        guard files[name] != nil else { throw NotFoundError("内置模式文件", "built-in schema", key: name) }
        return (try folder.get() as NSString).appendingPathComponent(name)
    }

    /// A folder of this user's own (mode 0700) named by the schemas' digest, written once and checked on every start.
    private static let folder: Result<String, any Error> = Result {
        let digest = SHA256.hex(Data(names.map { $0 + "\n" + files[$0]! }.joined().utf8))
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("rectify-schemas-\(getuid())-\(digest.prefix(16))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        // Another user's folder of that name (made first, to slip in other schemas) is never used.
        guard (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid(),
              ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o077 == 0 else {
            throw RuleViolation(rule: .schemaFolderOwn, chinese: "临时目录\(path)不属于当前用户或他人可写，不使用其中的模式文件",
                                english: "the temporary folder \(path) is not this user's own; its schemas are not used")
        }
        for name in names {
            let file = (path as NSString).appendingPathComponent(name)
            let bytes = Data(files[name]!.utf8)
            if FileManager.default.contents(atPath: file) != bytes { try bytes.write(to: URL(fileURLWithPath: file), options: .atomic) }
        }
        return path
    }

    /// Writes every schema into `folder` (created if missing), for a superior who checks filings with xmllint. A file
    /// there that differs is refused, naming it, and nothing is written; an identical one is left as it is.
    public static func write(to folder: String) throws -> [String] {
        let paths = names.map { (folder as NSString).appendingPathComponent($0) }
        for (name, path) in zip(names, paths) {
            if let existing = FileManager.default.contents(atPath: path), existing != Data(files[name]!.utf8) {
                throw RuleViolation(rule: .schemaFileDiffers, chinese: "\(path)已存在且内容不同，未写出任何模式文件",
                                    english: "\(path) exists with other content; no schema was written")
            }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, path) in zip(names, paths) where !FileManager.default.fileExists(atPath: path) {
            try Data(files[name]!.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        return paths
    }
}
