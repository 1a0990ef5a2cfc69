import Foundation
import GRDB
import RectifyCore
@testable import RectifyStore
import Testing
@testable import RectifyKit

@Suite("Case workflow through the use cases")
struct CaseWorkflowTests {
    func openRestaurantCase(_ app: Rectify) throws -> Case {
        try app.openCase(campaign: "gas-2026", uscc: restaurantUSCC, officers: [officerA, officerB], on: date("2026-04-20"),
                         actor: officerA)
    }

    @Test("a case runs opened → self-checked → failed re-check → passed re-check → closed, with numbered documents")
    func fullCycle() throws {
        let app = try makeCampaignDistrict()
        let opened = try openRestaurantCase(app)
        #expect(opened.number == "gas-2026-0001")
        let alarm = try app.addHazard(caseNumber: opened.number, checklistCode: "RQ01", description: "后厨未装可燃气体报警器",
                                      level: nil, criterion: nil, foundOn: date("2026-04-20"), deadline: date("2026-05-20"),
                                      listedSupervision: true, supervisingBody: "开发区安委办", actor: officerA)
        #expect(alarm.level == .major)
        #expect(alarm.criterion.contains("第36条"))
        _ = try app.addHazard(caseNumber: opened.number, checklistCode: nil, description: "软管老化", level: .general,
                              criterion: "《城镇燃气管理条例》第28条", foundOn: date("2026-04-20"), deadline: date("2026-05-05"),
                              listedSupervision: false, supervisingBody: nil, actor: officerA)
        _ = try app.addSelfCheck(caseNumber: opened.number, on: date("2026-04-25"), checkedBy: "店主", findings: "两项问题",
                                 selfFixed: nil, pledge: "按期整改", items: [("RQ01", .fail), ("RQ03", .fail), ("RQ04", .pass)],
                                 actor: officerA)
        _ = try app.claimRectification(reference: "gas-2026-0001/1", on: date("2026-05-01"), measures: "已安装报警器", actor: officerA)
        _ = try app.claimRectification(reference: "gas-2026-0001/2", on: date("2026-05-01"), measures: "已更换软管", actor: officerA)
        let failed = try app.addRecheck(caseNumber: opened.number, on: date("2026-05-03"), officers: [officerA, officerB],
                                        opinion: "软管仍未更换", verdicts: [(1, .fixed), (2, .notFixed)], actor: officerB)
        #expect(failed.outcome == .failed)
        var detail = try app.caseDetail(number: opened.number)
        #expect(detail.state == .selfChecked)
        #expect(detail.hazards.map(\.hazard.status) == [.verified, .open])
        #expect(detail.hazards[1].hazard.failedRechecks == 1)

        let extended = try app.extendHazard(reference: "gas-2026-0001/2", to: date("2026-05-30"), reason: "等待配件",
                                            on: date("2026-05-04"), actor: officerA)
        #expect(extended.originalDeadline == date("2026-05-05") && extended.deadline == date("2026-05-30"))
        _ = try app.claimRectification(reference: "gas-2026-0001/2", on: date("2026-05-20"), measures: "已更换", actor: officerA)
        let passed = try app.addRecheck(caseNumber: opened.number, on: date("2026-05-22"), officers: [officerB, officerA],
                                        opinion: "整改到位", verdicts: [(2, .fixed)], actor: officerA)
        #expect(passed.outcome == .passed)
        _ = try app.closeCase(number: opened.number, on: date("2026-05-25"), actor: officerA)
        detail = try app.caseDetail(number: opened.number)
        #expect(detail.state == .closed)
        #expect(detail.documents.map(\.number) == [
            "（通开）应急责改〔2026〕1号", "（通开）应急责改〔2026〕2号", "（通开）应急复查〔2026〕1号", "（通开）应急复查〔2026〕2号",
        ])
        #expect(detail.hazards[1].extensions.count == 1)
        #expect(detail.selfChecks.first?.items.first { $0.code == "RQ01" }?.result == .fail)
        #expect(try app.verify().isIntact)
    }

    @Test("refused acts write nothing", arguments: [
        "close-open-case", "recheck-before-selfcheck", "one-officer", "unknown-officer", "closed-case-hazard",
        "out-of-scope", "duplicate-case", "deadline-before-found", "major-plan-incomplete", "actor-not-officer",
    ])
    func refusalsWriteNothing(scenario: String) throws {
        let app = try makeCampaignDistrict()
        let opened = try openRestaurantCase(app)
        if scenario == "closed-case-hazard" {
            _ = try app.addSelfCheck(caseNumber: opened.number, on: date("2026-04-21"), checkedBy: "店主", findings: "无",
                                     selfFixed: nil, pledge: "承诺", items: [], actor: officerA)
            _ = try app.addRecheck(caseNumber: opened.number, on: date("2026-04-22"), officers: [officerA, officerB],
                                   opinion: "无隐患", verdicts: [], actor: officerA)
            _ = try app.closeCase(number: opened.number, on: date("2026-04-23"), actor: officerA)
        }
        if scenario == "major-plan-incomplete" {
            _ = try app.addHazard(caseNumber: opened.number, checklistCode: "RQ02", description: "地下室存放钢瓶", level: nil,
                                  criterion: nil, foundOn: date("2026-04-20"), deadline: date("2026-05-20"),
                                  listedSupervision: false, supervisingBody: nil, actor: officerA)
        }
        let before = try snapshot(app)
        let error: any Error
        do {
            switch scenario {
            case "close-open-case": _ = try app.closeCase(number: opened.number, on: nil, actor: officerA)
            case "recheck-before-selfcheck":
                _ = try app.addRecheck(caseNumber: opened.number, on: nil, officers: [officerA, officerB], opinion: "x",
                                       verdicts: [], actor: officerA)
            case "one-officer":
                _ = try app.openCase(campaign: "gas-2026", uscc: shopUSCC, officers: [officerA, officerA], on: nil, actor: officerA)
            case "unknown-officer":
                _ = try app.openCase(campaign: "gas-2026", uscc: shopUSCC, officers: [officerA, "99999999"], on: nil, actor: officerA)
            case "closed-case-hazard":
                _ = try app.addHazard(caseNumber: opened.number, checklistCode: "RQ01", description: "x", level: nil, criterion: nil,
                                      foundOn: date("2026-04-24"), deadline: date("2026-05-24"), listedSupervision: false,
                                      supervisingBody: nil, actor: officerA)
            case "out-of-scope":
                _ = try app.openCase(campaign: "gas-2026", uscc: "914403001922038216", officers: [officerA, officerB], on: nil,
                                     actor: officerA)
            case "duplicate-case": _ = try openRestaurantCase(app)
            case "deadline-before-found":
                _ = try app.addHazard(caseNumber: opened.number, checklistCode: "RQ01", description: "x", level: nil, criterion: nil,
                                      foundOn: date("2026-04-24"), deadline: date("2026-04-23"), listedSupervision: false,
                                      supervisingBody: nil, actor: officerA)
            case "major-plan-incomplete":
                _ = try app.addPlan(caseNumber: opened.number, kind: .rectification, hazardSeq: 1, measures: "移出钢瓶",
                                    responsible: "店主", fundsYuan: nil, deadline: nil, contingency: nil, on: nil, actor: officerA)
            case "actor-not-officer":
                _ = try app.addSelfCheck(caseNumber: opened.number, on: nil, checkedBy: "店主", findings: "无", selfFixed: nil,
                                         pledge: "承诺", items: [], actor: "admin")
            default: Issue.record("unknown scenario"); return
            }
            Issue.record("\(scenario) was not refused")
            return
        } catch let caught {
            error = caught
        }
        #expect(error is any UserFacingError)
        let description = (error as? any UserFacingError)?.errorDescription ?? ""
        #expect(description.contains("\n"), "message has a Chinese and an English line: \(description)")
        #expect(try snapshot(app) == before)
    }

    @Test("each refusal names its rule")
    func rulesNamed() throws {
        let app = try makeCampaignDistrict()
        let opened = try openRestaurantCase(app)
        #expect {
            try app.openCase(campaign: "gas-2026", uscc: shopUSCC, officers: [officerA], on: nil, actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "TWO-OFFICERS" }
        #expect {
            try app.closeCase(number: opened.number, on: nil, actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "CLOSE-AFTER-ACCEPTANCE" }
        #expect {
            try app.addRecheck(caseNumber: opened.number, on: nil, officers: [officerA, officerB], opinion: "x", verdicts: [],
                               actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "RECHECK-AFTER-SELFCHECK" }
    }

    @Test("attachments are stored once by SHA-256 and linked with their capture time")
    func attachments() throws {
        let app = try makeCampaignDistrict()
        let opened = try openRestaurantCase(app)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-attach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = folder.appendingPathComponent("现场.jpg")
        let copy = folder.appendingPathComponent("copy.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0x01, 0x02]).write(to: photo)
        try Data([0xFF, 0xD8, 0xFF, 0x01, 0x02]).write(to: copy)
        let attached = try app.attach(caseNumber: opened.number, files: [photo, copy], target: .caseFile,
                                      capturedAt: "2026-04-20T10:30:00+08:00", actor: officerA)
        #expect(attached.count == 2)
        #expect(attached[0].capturedAt == "2026-04-20T10:30:00.000+08:00")
        #expect(attached[0].mediaType == "image/jpeg")
        #expect(attached[0].fileId == attached[1].fileId)
        let stored = try app.database.readDatabase { try StoredFile.fetchAll($0) }
        #expect(stored.count == 1)
        #expect(stored[0].sha256 == SHA256.hex(Data([0xFF, 0xD8, 0xFF, 0x01, 0x02])))
        #expect {
            try app.attach(caseNumber: opened.number, files: [photo], target: .hazard(seq: 9), capturedAt: nil, actor: officerA)
        } throws: { $0 is NotFoundError }
    }
}
