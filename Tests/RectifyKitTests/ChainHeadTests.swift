import Foundation
import GRDB
@testable import RectifyStore
import Testing
@testable import RectifyKit

@Suite("The superior keeps the chain head each case file arrived with")
struct ChainHeadTests {
    @Test("every imported filing records the district's chain head at export, which the district's chain still has")
    func headsKept() throws {
        let district = try ImportTests().exportedDistrict()
        let exportedHead = try district.app.database.read { try ChainHead.current($0) }
        let superior = try ImportTests().superior(trusting: district)
        _ = try superior.importFilings(paths: [district.export.folder], schemas: schemasFolder, actor: "上级")
        let heads = try superior.database.readDatabase { db in
            try Row.fetchAll(db, sql: "SELECT chainSeq, chainHash FROM filing").map { ChainHead(seq: $0["chainSeq"], hash: $0["chainHash"]) }
        }
        #expect(heads.count == district.export.caseCount)
        #expect(Set(heads.map(\.seq)) == [exportedHead.seq] && Set(heads.map(\.hash)) == [exportedHead.hash])
        #expect(try district.app.database.read { try ChainHead.hash($0, at: exportedHead.seq) } == exportedHead.hash)
    }
}
