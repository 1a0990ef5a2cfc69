import Foundation

/// A `multipart/form-data` body (RFC 7578): its text fields, and its files with their names and bytes. Only what a
/// browser's upload form sends is understood; anything else reads as no parts.
struct MultipartBody {
    struct File {
        var field: String
        var fileName: String
        var content: Data
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [File] = []

    /// Nil when `contentType` is not multipart/form-data with a boundary.
    init?(contentType: String?, body: Data) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [Data] = []
        var searchFrom = body.startIndex
        var partStart: Data.Index?
        while let found = body.range(of: delimiter, in: searchFrom..<body.endIndex) {
            if let start = partStart { parts.append(body[start..<found.lowerBound]) }
            partStart = found.upperBound
            searchFrom = found.upperBound
        }
        for part in parts {
            // Each part: CRLF, headers, a blank line, content, CRLF (before the next delimiter).
            guard let split = part.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            var content = part[split.upperBound...]
            if content.suffix(2) == Data("\r\n".utf8) { content = content.dropLast(2) }
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = Self.parameter("name", in: String(disposition)) else { continue }
            if let fileName = Self.parameter("filename", in: String(disposition)) {
                if !fileName.isEmpty { files.append(File(field: name, fileName: fileName, content: Data(content))) }
            } else if fields[name] == nil {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
    }

    subscript(_ name: String) -> String { fields[name] ?? "" }

    /// `name=value` or `name="value"` in a header's parameters.
    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
