import Foundation
import RectifyCore
@testable import RectifyStore
import RectifyXML
import RectifyTestSupport
import Testing
@testable import RectifyKit

@Suite("Work spread over the cores")
struct ParallelTests {
    @Test("results come back in index order, each index done once, each worker's state used by one thread at a time")
    func order() throws {
        let busy = PerWorker(count: 3) { Occupancy() }
        let results = try Parallel.map(101, workers: 3) { worker, index in
            busy[worker].enter()
            defer { busy[worker].leave() }
            Thread.sleep(forTimeInterval: 0.0005)
            return (worker, index * index)
        }
        #expect(results.map(\.1) == (0..<101).map { $0 * $0 })
        #expect(results.allSatisfy { (0..<3).contains($0.0) })
        #expect((0..<3).allSatisfy { busy[$0].overlapped == false })
    }

    /// Notices two threads inside at once.
    final class Occupancy: @unchecked Sendable {
        private let lock = NSLock()
        private var inside = 0
        private(set) var overlapped = false

        func enter() { lock.withLock { inside += 1; if inside > 1 { overlapped = true } } }
        func leave() { lock.withLock { inside -= 1 } }
    }

    struct Refused: Error, Equatable { var index: Int }

    @Test("the first failure in index order is rethrown")
    func failure() {
        #expect(throws: Refused(index: 7)) {
            try Parallel.map(50, workers: 2) { _, index in
                if index == 7 || index == 30 { throw Refused(index: index) }
                return index
            }
        }
    }

    @Test("a pipeline consumes every batch in order, and stops at the first failure of either side")
    func pipeline() throws {
        var consumed: [Int] = []
        try Parallel.pipeline(5, produce: { $0 * 10 }, consume: { index, batch in
            #expect(batch == index * 10)
            consumed.append(batch)
        })
        #expect(consumed == [0, 10, 20, 30, 40])
        consumed = []
        #expect(throws: Refused(index: 2)) {
            try Parallel.pipeline(5, produce: { index in
                if index == 2 { throw Refused(index: index) }
                return index
            }, consume: { _, batch in consumed.append(batch) })
        }
        #expect(consumed == [0, 1])
        consumed = []
        #expect(throws: Refused(index: 1)) {
            try Parallel.pipeline(5, produce: { $0 }, consume: { _, batch in
                if batch == 1 { throw Refused(index: batch) }
                consumed.append(batch)
            })
        }
        #expect(consumed == [0])
        try Parallel.pipeline(0, produce: { $0 }, consume: { _, _ in Issue.record("nothing to consume") })
    }

    @Test("a folder stands for its case files first, then the manifest parts, then manifest.xml")
    func folderOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-folder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["manifest.xml", "gas-2026-0002.xml", "manifest-part-0001.xml", "notes.txt", "se-2026-0001.xml", "gas-2026-0001.xml"] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()))
        }
        #expect(try FilingFolder.files(in: folder).map { ($0 as NSString).lastPathComponent }
                == ["gas-2026-0001.xml", "gas-2026-0002.xml", "se-2026-0001.xml", "manifest-part-0001.xml", "manifest.xml"])
    }

    @Test("a case file read with a worker's cache (officers, campaign, agency) is the one read without it")
    func cachedReadsAreTheSame() throws {
        let app = Rectify(database: try AppDatabase.inMemory(clock: pinnedClock))
        _ = try app.buildDemo(units: 200, seed: DemoDistrict.defaultSeed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keys = try SigningKeys.generate(algorithm: .ecdsa, agency: "机关", divisionCode: "320671", into: folder + "/keys", validFrom: testKeysValidFrom)
        let schema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.caseFile, folder: schemasFolder))
        let signer = try XMLSigner(keyPath: keys.key, certificatePath: keys.certificate)
        let numbers = try app.database.readDatabase { try String.fetchAll($0, sql: #"SELECT number FROM "case" ORDER BY campaignId, serial"#) }
        #expect(numbers.count > 20)
        // ECDSA signatures differ from one signing to the next; everything they sign must not.
        func unsigned(_ rendered: Rectify.RenderedCase) -> String {
            String(decoding: rendered.signed.bytes, as: UTF8.self)
                .replacingOccurrences(of: #"<SignatureValue>[^<]*</SignatureValue>"#, with: "", options: .regularExpression)
        }
        let cache = CaseReadingCache()
        for number in numbers {
            let cached = try app.renderCase(number: number, into: folder, schema: schema, signer: signer, internalUse: false,
                                            cache: cache, createFolder: false)
            let fresh = try app.renderCase(number: number, into: folder, schema: schema, signer: signer, internalUse: false,
                                           createFolder: false)
            #expect(unsigned(cached) == unsigned(fresh), "\(number)")
        }
        #expect(cache.facts.campaigns.count > 1 && cache.facts.officers.count > 2)
    }

    @Test("a campaign export of more cases than one batch lists every case file in serial order and validates")
    func exportAcrossBatches() throws {
        let app = Rectify(database: try AppDatabase.inMemory(clock: pinnedClock))
        _ = try app.buildDemo(units: 400, seed: DemoDistrict.defaultSeed)
        let code = try #require(try app.campaigns().max { $0.cases < $1.cases })
        #expect(code.cases > Rectify.exportBatch)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-parallel-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keys = try SigningKeys.generate(algorithm: .ecdsa, agency: "机关", divisionCode: "320671", into: folder + "/keys", validFrom: testKeysValidFrom)
        let export = try app.exportCampaign(code: code.code, into: folder + "/out",
                                            signing: try SigningMaterial(key: keys.key, certificate: keys.certificate),
                                            schemas: schemasFolder)
        #expect(export.caseCount == code.cases)
        let part = try XMLDocument.parse(path: folder + "/out/manifest-part-0001.xml")
        let listed = part.rootElement!.descendants("文件", namespace: CaseFileFormat.manifestNamespace)
            .compactMap { $0.attribute("计算机文件名") }
        #expect(listed == (1...code.cases).map { "\(code.code)-\(String(format: "%04d", $0)).xml" })
        let result = try FilingValidator(trustedCertificates: [keys.certificate], schemas: schemasFolder)
            .validate(path: export.manifest.path)
        #expect(result.isValid, "\(result.problems.map(\.english))")
    }
}
