import Foundation
import RectifyFuzzSupport
@testable import RectifyKit

// libFuzzer target: a file as the superior's import reads it — the byte checks, the parse, the schema, the signature
// profile and verification, and the case reader on whatever parses.
FuzzDriver.run { data, size in
    let path = FuzzFile.path("xml")
    FileManager.default.createFile(atPath: path, contents: Data(FuzzDriver.bytes(data, size)))
    let checked = FuzzFile.validator.validated(path: path)
    if let root = checked.document?.rootElement {
        _ = try? FiledCaseReader(root: root)
        _ = ChainHeadElement.read(root)
    }
    return 0
}
