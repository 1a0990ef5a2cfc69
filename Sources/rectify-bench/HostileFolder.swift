import Foundation

/// A folder of hostile files made from one genuine exported case file, for `superior-import-hostile`: files just
/// under the size and markup limits (the most a file may make libxml2 build), files far over them, signature
/// wrapping, a FIFO and a link to a folder. Every one must be refused, and the import's peak memory stay bounded.
enum HostileFolder {
    static let sizeLimit = 32 * 1024 * 1024

    static func build(from genuine: String, into folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: genuine, encoding: .utf8)
        func write(_ name: String, hiddenInKeyInfo content: String) throws {
            try text.replacingOccurrences(of: "<X509Data>", with: "<X509Data>" + content)
                .write(toFile: "\(folder)/\(name).xml", atomically: false, encoding: .utf8)
        }
        let room = sizeLimit - text.utf8.count - 1_024
        // 120,000 elements (240,000 tags) of text, filling the size limit.
        let textPerElement = room / 120_000 - 7
        try write("text-nodes-at-limit", hiddenInKeyInfo: String(repeating: "<a>" + String(repeating: "x", count: textPerElement) + "</a>", count: 120_000))
        // 245 elements of 1,000 attributes each (245,000 attributes), filling the size limit.
        let valueLength = room / 245_000 - 12
        let element = "<a " + (0..<1_000).map { "a\($0)=\"" + String(repeating: "v", count: valueLength) + "\"" }.joined(separator: " ") + "/>"
        try write("attributes-at-limit", hiddenInKeyInfo: String(repeating: element, count: 245))
        // Over the limits: refused before parsing.
        try write("tiny-elements-over-limit", hiddenInKeyInfo: String(repeating: "<a/>", count: (room / 4)))
        try write("wrapped-in-object", hiddenInKeyInfo: "<Object>" + text.prefix(2_000).replacingOccurrences(of: "<", with: "&lt;") + "</Object>")
        // A billion laughs: ten levels of ten references.
        let names = Array("abcdefghij").map(String.init)
        let entities = (1..<names.count).map { "<!ENTITY \(names[$0]) \"" + String(repeating: "&\(names[$0 - 1]);", count: 10) + "\">" }
        try ("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">" + entities.joined() + "]><l>&j;</l>")
            .write(toFile: "\(folder)/entity-expansion.xml", atomically: false, encoding: .utf8)
        // 200 MB: refused by its size, never read.
        let oversized = "\(folder)/oversized.xml"
        guard FileManager.default.createFile(atPath: oversized, contents: nil), let big = FileHandle(forWritingAtPath: oversized) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let chunk = Data(String(repeating: "<a/>", count: 1 << 18).utf8)
        for _ in 0..<200 { big.write(chunk) }
        try big.close()
        guard mkfifo("\(folder)/fifo.xml", 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/dirlink.xml", withDestinationPath: (genuine as NSString).deletingLastPathComponent)
    }

    /// The regular files of the folder: what the reference, xmllint, is given (it would block on the FIFO).
    static func regularFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { "\(folder)/\($0)" }.filter { path in
            var status = stat()
            return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        }
    }
}
