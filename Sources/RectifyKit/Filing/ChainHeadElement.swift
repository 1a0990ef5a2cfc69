import Foundation
import RectifyCore
import RectifyStore
import RectifyXML

/// `<审计链头 序号="…" 哈希="…"/>`, the last child before the signature of every signed file Rectify writes: the
/// agency's audit-chain head when the file was made (see `rectify verify --anchor`).
enum ChainHeadElement {
    static let name = "审计链头"

    static func write(_ head: ChainHead, to w: XMLWriter) throws {
        try w.start(name)
        try w.attribute("序号", String(head.seq))
        try w.attribute("哈希", head.hash)
        try w.end()
    }

    /// The head a signed file carries, read by its exact path under the root; nil if it has none.
    static func read(_ root: XMLElementRef) -> ChainHead? {
        guard let element = root.child(name, namespace: root.namespace),
              let seq = element.attribute("序号").flatMap(Int64.init), let hash = element.attribute("哈希")
        else { return nil }
        return ChainHead(seq: seq, hash: hash)
    }
}
