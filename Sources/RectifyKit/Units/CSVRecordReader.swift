import Foundation
import RectifyCore

/// Reads CSV records from a file in fixed-size chunks, so memory does not grow with the file. It works on bytes:
/// the structural bytes (`,` `"` CR LF) never occur inside a UTF-8 or GB18030 multi-byte character, so fields are
/// split first and decoded afterwards. A record is parsed once the buffer holds all of it; the runs between
/// structural bytes are copied whole.
struct CSVRecordReader {
    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    static let chunkSize = 1 << 16
    /// The longest record read (256 KiB): a register row's twelve fields hold at most a few kilobytes (names 200,
    /// free text 4,000 characters). A longer one is refused at once, before the buffer grows with it.
    static let recordLimit = 256 * 1024
    /// The largest the read buffer ever was: stays near one chunk however large the file.
    private(set) var peakBufferBytes = 0
    /// The record number of the last record returned (1 = the header row), as a spreadsheet shows it.
    private(set) var recordNumber = 0

    init(url: URL, chunkSize: Int = CSVRecordReader.chunkSize) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw UnitImportError.unreadable(path: url.path)
        }
        self.chunkSize = chunkSize
    }

    /// The first bytes of the file, for encoding detection; the BOM, if any, is consumed.
    mutating func prefix() throws -> (bytes: [UInt8], hadBOM: Bool) {
        while buffer.count < 3 && !atEnd { try fill() }
        var hadBOM = false
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
            hadBOM = true
        }
        return (Array(buffer[position...]), hadBOM)
    }

    /// Drops the bytes already read and appends the next chunk.
    private mutating func fill() throws {
        guard !atEnd else { return }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let data = handle.readData(ofLength: chunkSize)
        if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
        peakBufferBytes = max(peakBufferBytes, buffer.count)
    }

    /// The next record's fields as raw bytes; nil at the end of the file. Blank lines are skipped but counted.
    mutating func next() throws -> [[UInt8]]? {
        while true {
            if position >= buffer.count { try fill() }
            guard position < buffer.count else { return nil }
            recordNumber += 1
            let fields = try readRecord()
            if fields.count == 1 && fields[0].isEmpty { continue }
            return fields
        }
    }

    private mutating func readRecord() throws -> [[UInt8]] {
        while true {
            let atEnd = atEnd
            let parsed = buffer.withUnsafeBufferPointer { Self.parseRecord($0, from: position, atEnd: atEnd) }
            switch parsed {
            case .record(let fields, let end):
                position = end
                return fields
            case .unterminatedQuote:
                throw UnitImportError.unterminatedQuote(row: recordNumber)
            case .needsMore(let fieldsSoFar):
                guard buffer.count - position <= Self.recordLimit || atEnd else {
                    throw UnitImportError.recordTooLong(row: recordNumber, column: fieldsSoFar + 1, limit: Self.recordLimit)
                }
                try fill()
            }
        }
    }

    enum Parsed {
        case record([[UInt8]], end: Int)
        /// The buffer ends inside the record (or where a CR or a quote needs the next byte to be understood), in its
        /// field after `fields` complete ones.
        case needsMore(fields: Int)
        case unterminatedQuote
    }

    /// One record from `start`: a `"` opening a field quotes it until a `"` not followed by another (`""` is one
    /// quote); after that, or in an unquoted field, bytes are taken as they are up to `,` or the end of the line
    /// (LF, CR or CRLF). At the end of the file the last record needs no line end.
    static func parseRecord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool) -> Parsed {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var index = start
        var startOfField = true
        while true {
            if startOfField, index < bytes.count, bytes[index] == quote {
                // A quoted stretch: copy runs up to each quote.
                index += 1
                while true {
                    var run = index
                    while run < bytes.count, bytes[run] != quote { run += 1 }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<run]))
                    guard run < bytes.count else { return atEnd ? .unterminatedQuote : .needsMore(fields: fields.count) }
                    guard run + 1 < bytes.count else {
                        if atEnd { index = run + 1; break }
                        return .needsMore(fields: fields.count)
                    }
                    if bytes[run + 1] == quote {
                        field.append(quote)
                        index = run + 2
                    } else {
                        index = run + 1
                        break
                    }
                }
            }
            startOfField = false
            var run = index
            while run < bytes.count, bytes[run] != comma, bytes[run] != lf, bytes[run] != cr { run += 1 }
            field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<run]))
            guard run < bytes.count else {
                guard atEnd else { return .needsMore(fields: fields.count) }
                fields.append(field)
                return .record(fields, end: run)
            }
            fields.append(field)
            field = []
            switch bytes[run] {
            case comma:
                index = run + 1
                startOfField = true
            case lf:
                return .record(fields, end: run + 1)
            default:  // CR, alone or before LF
                guard run + 1 < bytes.count else { return atEnd ? .record(fields, end: run + 1) : .needsMore(fields: fields.count) }
                return .record(fields, end: bytes[run + 1] == lf ? run + 2 : run + 1)
            }
        }
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
        case .utf8:
            // Decoding repairs what is not UTF-8, so the text is valid exactly when it keeps the bytes it came from
            // (the generic `String(validating:as:)` cost more than the rest of a cell's handling).
            let text = String(decoding: bytes, as: UTF8.self)
            let same = text.utf8.withContiguousStorageIfAvailable { decoded in
                decoded.count == bytes.count && memcmp(decoded.baseAddress!, bytes, bytes.count) == 0
            }
            return (same ?? text.utf8.elementsEqual(bytes)) ? text : nil
        case .gb18030: return String(data: Data(bytes), encoding: CSVEncoding.foundationGB18030)
        }
    }
}
