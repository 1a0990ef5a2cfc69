import CLibXML2

/// Exclusive XML canonicalisation without comments, of a whole document or of one element's subtree, held in
/// libxml2's output buffer until released.
final class Canonical {
    private let output: xmlOutputBufferPtr

    init?(_ doc: xmlDocPtr, subtree: xmlNodePtr?) {
        guard let output = xmlAllocOutputBuffer(nil) else { return nil }
        let code: Int32
        if let subtree {
            // Visible: the element, its descendants, and their attributes and namespaces (whose parent is given).
            code = xmlC14NExecute(doc, { top, node, parent in
                let isNamespace = node?.pointee.type == XML_NAMESPACE_DECL
                var current: xmlNodePtr? = isNamespace ? parent : node
                while let here = current {
                    if UnsafeMutableRawPointer(here) == top { return 1 }
                    current = here.pointee.parent
                }
                return 0
            }, UnsafeMutableRawPointer(subtree), Int32(XML_C14N_EXCLUSIVE_1_0.rawValue), nil, 0, output)
        } else {
            code = xmlC14NExecute(doc, nil, nil, Int32(XML_C14N_EXCLUSIVE_1_0.rawValue), nil, 0, output)
        }
        guard code >= 0, output.pointee.buffer != nil else {
            xmlOutputBufferClose(output)
            return nil
        }
        self.output = output
    }

    deinit { xmlOutputBufferClose(output) }

    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let buffer = output.pointee.buffer
        return body(UnsafeRawBufferPointer(start: xmlBufContent(buffer), count: Int(xmlBufUse(buffer))))
    }
}
