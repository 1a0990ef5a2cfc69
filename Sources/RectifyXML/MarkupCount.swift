import Foundation

/// What libxml2 would build from a file, counted on its bytes before it is parsed. Every element starts with `<`
/// and every attribute has an `=` between its element's `<` and the next `<` (`<` cannot stand raw in an attribute
/// value), so these counts are upper bounds whatever the file hides. Elements and attributes each become nodes of
/// about a hundred bytes, and libxml2 2.9 checks an element's attributes for duplicates pairwise, so many attributes
/// on one element cost quadratic time (docs/trust-boundary.md).
struct MarkupCount {
    var tags = 0
    var attributes = 0
    var mostAttributesOnOneElement = 0

    /// Rectify writes at most a handful of attributes on an element; free text between two tags may hold `=` too.
    static let attributesPerElementLimit = 1_000

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        let open = UInt8(ascii: "<"), equals = UInt8(ascii: "=")
        var sinceOpen = 0
        for byte in buffer {
            if byte == open {
                tags += 1
                mostAttributesOnOneElement = max(mostAttributesOnOneElement, sinceOpen)
                sinceOpen = 0
            } else if byte == equals {
                attributes += 1
                sinceOpen += 1
            }
        }
        mostAttributesOnOneElement = max(mostAttributesOnOneElement, sinceOpen)
    }

    /// Why the file is refused, or nil. `limit` bounds tags and attributes alike.
    func problem(limit: Int, file: String) -> XMLError? {
        if tags > limit {
            return XMLError(file: file, chinese: "标记数\(tags)超过上限\(limit)（文件中元素过多）",
                            english: "\(tags) tags exceed the limit of \(limit) (too many elements)")
        }
        if attributes > limit {
            return XMLError(file: file, chinese: "属性数\(attributes)超过上限\(limit)（文件中属性过多）",
                            english: "\(attributes) attributes exceed the limit of \(limit) (too many attributes)")
        }
        if mostAttributesOnOneElement > Self.attributesPerElementLimit {
            return XMLError(file: file, chinese: "一个元素带有\(mostAttributesOnOneElement)个属性，超过上限\(Self.attributesPerElementLimit)",
                            english: "an element carries \(mostAttributesOnOneElement) attributes, over the limit of \(Self.attributesPerElementLimit)")
        }
        return nil
    }
}
