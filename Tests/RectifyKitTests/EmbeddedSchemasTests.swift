import Foundation
@testable import RectifyKit
import Testing

@Suite("The embedded schemas equal Schemas/")
struct EmbeddedSchemasTests {
    @Test("every file of Schemas/ is embedded byte for byte, and nothing else (run scripts/embed-schemas after a change)")
    func embeddedEqualsFolder() throws {
        let folder = URL(fileURLWithPath: schemasFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xsd") }.sorted()
        #expect(EmbeddedSchemas.names == names)
        for name in names {
            #expect(EmbeddedSchemas.files[name].map { Data($0.utf8) } == (try Data(contentsOf: folder.appendingPathComponent(name))), "\(name)")
        }
    }

    @Test("the validators compile from the embedded copies when no folder is named")
    func locatorUsesEmbedded() throws {
        let path = try SchemaLocator.path(SchemaLocator.caseFile)
        #expect(!path.hasPrefix(schemasFolder))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(EmbeddedSchemas.files[SchemaLocator.caseFile]!.utf8))
        #expect(try SchemaLocator.path(SchemaLocator.caseFile, folder: schemasFolder) == schemasFolder + "/" + SchemaLocator.caseFile)
    }
}
