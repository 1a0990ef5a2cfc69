/// A value as the audit chain records it. Blobs are recorded by their SHA-256, not their bytes.
public enum CanonicalValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blobDigest(String)
}

/// JSON with sorted keys and one fixed spelling of every value, so that equal content always hashes the same.
/// Built on UTF-8 bytes: every write of Rectify goes through here, twice (the row, then the event around it).
public enum CanonicalJSON {
    public static func object(_ fields: [(String, CanonicalValue)]) -> String {
        String(decoding: objectBytes(fields), as: UTF8.self)
    }

    /// The same object as UTF-8 bytes, for hashing without a detour through `String`.
    public static func objectBytes(_ fields: [(String, CanonicalValue)]) -> [UInt8] {
        objectBytes(sortedFields: fields.sorted(by: { $0.0 < $1.0 }))
    }

    /// For callers whose keys are already in order (checked in debug builds).
    public static func objectBytes(sortedFields fields: [(String, CanonicalValue)]) -> [UInt8] {
        assert(zip(fields, fields.dropFirst()).allSatisfy { $0.0 < $1.0 }, "keys out of order")
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        out.append(UInt8(ascii: "{"))
        var first = true
        for field in fields {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendString(field.0, to: &out)
            out.append(UInt8(ascii: ":"))
            append(field.1, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    public static func append(_ value: CanonicalValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .integer(let n): appendInteger(n, to: &out)
        case .real(let x): out.append(contentsOf: x.description.utf8)
        case .text(let s): appendString(s, to: &out)
        case .blobDigest(let digest):
            out.append(contentsOf: "{\"sha256\":".utf8)
            appendString(digest, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The decimal digits `String(n)` gives, without building the String.
    public static func appendInteger(_ n: Int64, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func appendString(_ string: String, to out: inout [UInt8]) {
        var text = string
        text.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// A JSON string from UTF-8 bytes: runs of bytes that need no escape are copied in one go (found eight bytes at
    /// a time); multi-byte UTF-8 passes through unchanged.
    public static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        var runStart = 0
        while index < count {
            while index + 8 <= count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = base[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - 1 - runStart))
            runStart = index
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: "u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// Whether any of the eight bytes is below 0x20, a quote or a backslash (exact: the classic "has a zero byte"
    /// and "has a byte less than n" word tests).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// Objects that all have the same keys (the rows of one table): the keys are sorted and spelled once, and each
    /// object is then its values in that order — the same bytes `objectBytes` gives for the same fields.
    public struct Layout: Sendable {
        /// Positions of the keys in sorted order.
        private let order: [Int]
        /// `"key":` for each position in `order`, preceded by the comma for all but the first.
        private let spelledKeys: [[UInt8]]

        public init(keys: [String]) {
            order = keys.indices.sorted { keys[$0] < keys[$1] }
            spelledKeys = order.enumerated().map { rank, index in
                var spelled: [UInt8] = rank == 0 ? [] : [UInt8(ascii: ",")]
                CanonicalJSON.appendString(keys[index], to: &spelled)
                spelled.append(UInt8(ascii: ":"))
                return spelled
            }
        }

        /// The object whose value for the key at position `i` is `value(i)`.
        public func bytes(_ value: (Int) -> CanonicalValue) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(512)
            write(into: &out) { index, out in CanonicalJSON.append(value(index), to: &out) }
            return out
        }

        /// The same object appended to `out`, each value written by `value(i, &out)`.
        public func write(into out: inout [UInt8], _ value: (Int, inout [UInt8]) -> Void) {
            out.append(UInt8(ascii: "{"))
            for (rank, index) in order.enumerated() {
                out.append(contentsOf: spelledKeys[rank])
                value(index, &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

/// Text that can be written as a JSON string, whether held as a `String`, a byte array or a borrowed buffer.
public protocol JSONStringSource {
    func appendJSONString(to out: inout [UInt8])
}

extension String: JSONStringSource {
    public func appendJSONString(to out: inout [UInt8]) { CanonicalJSON.appendString(self, to: &out) }
}

extension Array: JSONStringSource where Element == UInt8 {
    public func appendJSONString(to out: inout [UInt8]) {
        withUnsafeBufferPointer { CanonicalJSON.appendString(utf8: $0, to: &out) }
    }
}

extension UnsafeBufferPointer: JSONStringSource where Element == UInt8 {
    public func appendJSONString(to out: inout [UInt8]) { CanonicalJSON.appendString(utf8: self, to: &out) }
}
