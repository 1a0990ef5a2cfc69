import Foundation
import RectifyCore
import RectifyFuzzSupport
@testable import RectifyKit

// libFuzzer target: a register CSV, read record by record (in small chunks, so records cross chunk ends) and decoded
// cell by cell as `unit import` does.
FuzzDriver.run { data, size in
    let path = FuzzFile.path("csv")
    FileManager.default.createFile(atPath: path, contents: Data(FuzzDriver.bytes(data, size)))
    guard var reader = try? CSVRecordReader(url: URL(fileURLWithPath: path), chunkSize: 64),
          let (prefix, hadBOM) = try? reader.prefix() else { return 0 }
    let encoding = CSVEncoding.detect(prefix: prefix, hadBOM: hadBOM)
    while let fields = try? reader.next() {
        for cell in fields {
            if let text = encoding.decode(cell) { _ = TextInput.normalized(text, limit: TextInput.longLimit) }
        }
    }
    return 0
}
