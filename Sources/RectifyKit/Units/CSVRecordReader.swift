import Foundation
import RectifyCore

/// Reads CSV records from a file in fixed-size chunks, so memory does not grow with the file. It works on bytes:
/// the structural bytes (`,` `"` CR LF) never occur inside a UTF-8 or GB18030 multi-byte character, so fields are
/// split first and decoded afterwards.
struct CSVRecordReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    static let chunkSize = 1 << 16
    /// The largest the read buffer ever was: stays near one chunk however large the file.
    private(set) var peakBufferBytes = 0
    /// The record number of the last record returned (1 = the header row), as a spreadsheet shows it.
    private(set) var recordNumber = 0

    init(url: URL) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw UnitImportError.unreadable(path: url.path)
        }
    }

    /// The first bytes of the file, for encoding detection; the BOM, if any, is consumed.
    mutating func prefix() throws -> (bytes: [UInt8], hadBOM: Bool) {
        try fill()
        var hadBOM = false
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
            hadBOM = true
        }
        return (Array(buffer[position...]), hadBOM)
    }

    private mutating func fill() throws {
        guard !atEnd else { return }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let data = handle.readData(ofLength: CSVRecordReader.chunkSize)
        if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
        peakBufferBytes = max(peakBufferBytes, buffer.count)
    }

    private mutating func nextByte() throws -> UInt8? {
        if position >= buffer.count {
            try fill()
            if position >= buffer.count { return nil }
        }
        defer { position += 1 }
        return buffer[position]
    }

    private mutating func peekByte() throws -> UInt8? {
        if position >= buffer.count {
            try fill()
            if position >= buffer.count { return nil }
        }
        return buffer[position]
    }

    /// The next record's fields as raw bytes; nil at the end of the file. Blank lines are skipped but counted.
    mutating func next() throws -> [[UInt8]]? {
        while true {
            guard try peekByte() != nil else { return nil }
            recordNumber += 1
            let fields = try readRecord()
            if fields.count == 1 && fields[0].isEmpty { continue }
            return fields
        }
    }

    private mutating func readRecord() throws -> [[UInt8]] {
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        var startOfField = true
        while let byte = try nextByte() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try peekByte() == UInt8(ascii: "\"") {
                        _ = try nextByte()
                        field.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where startOfField:
                quoted = true
                startOfField = false
            case UInt8(ascii: ","):
                fields.append(field)
                field = []
                startOfField = true
            case UInt8(ascii: "\n"):
                fields.append(field)
                return fields
            case UInt8(ascii: "\r"):
                if try peekByte() == UInt8(ascii: "\n") { _ = try nextByte() }
                fields.append(field)
                return fields
            default:
                field.append(byte)
                startOfField = false
            }
        }
        if quoted { throw UnitImportError.unterminatedQuote(row: recordNumber) }
        fields.append(field)
        return fields
    }
}

/// The encodings Chinese offices' CSV files come in.
enum CSVEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"

    /// UTF-8 when there is a BOM or the opening bytes are valid UTF-8; otherwise GB18030 (what Excel saves in China).
    static func detect(prefix: [UInt8], hadBOM: Bool) -> CSVEncoding {
        if hadBOM { return .utf8 }
        // The chunk may end inside a character: drop up to 3 trailing bytes of an incomplete sequence.
        var end = prefix.count
        var back = 0
        while back < 3, end - back - 1 >= 0, prefix[end - back - 1] & 0xC0 == 0x80 { back += 1 }
        if end - back - 1 >= 0, prefix[end - back - 1] >= 0xC0 { end = end - back - 1 }
        return String(validating: prefix[..<end], as: UTF8.self) != nil ? .utf8 : .gb18030
    }

    private static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    func decode(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        switch self {
        case .utf8: return String(validating: bytes, as: UTF8.self)
        case .gb18030: return String(data: Data(bytes), encoding: CSVEncoding.foundationGB18030)
        }
    }
}
