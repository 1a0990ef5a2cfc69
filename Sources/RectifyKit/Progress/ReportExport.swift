import Foundation
import RectifyCore
import RectifyStore
import RectifyXML

extension Rectify {
    /// Writes the campaign's statistics report (统计报表) as of a date: the national indicator columns for the whole
    /// scope and by street, grid, department, officer and unit category, and the targets; validated, then signed.
    public func exportReport(code: String, asOf: LocalDate? = nil, into folder: String?, signing: SigningMaterial,
                             schemas: String? = nil) throws -> ExportedFile {
        let schema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.campaignReport, folder: schemas))
        let signer = try XMLSigner(keyPath: signing.key, certificatePath: signing.certificate)
        let asOf = asOf ?? LocalDate(database.clock())
        let (progress, breakdowns, agency, head) = try database.readWithScratchTables { store in
            let campaign = try Lookup.campaign(store, code: code)
            // The figures signed are the ledger's: recomputed first from the audited records, in the same snapshot.
            let differences = try LedgerCheck.differences(store, campaignId: campaign.id!)
            guard differences.isEmpty else { throw Rectify.ledgerMismatch(differences) }
            let query = ProgressQuery(store: store, campaign: campaign)
            let breakdowns = try ProgressDimension.allCases.filter { $0 != .all }.map { ($0, try query.figures($0, asOf: asOf)) }
            return (try query.progress(by: .all, asOf: asOf), breakdowns, try Lookup.agency(store), try ChainHead.current(store))
        }
        let base = folder ?? "Exports/\(code)"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let target = (base as NSString).appendingPathComponent("\(code)-report-\(asOf).xml")
        let written = try SignedFile(schema: schema, signer: signer).write(to: target) { w in
            try w.start("统计报表", namespace: CaseFileFormat.reportNamespace)
            try w.attribute("版本", "2")
            try w.element("整治代码", progress.code)
            try w.element("题名", progress.title)
            try w.element("责任者", agency.name)
            try w.element("行政区划代码", agency.divisionCode)
            try w.element("统计截止日期", asOf.description)
            try w.element("形成时间", Timestamp.string(database.clock()))
            try ReportRow.write(progress.total, as: "合计", name: "合计", to: w)
            for (dimension, rows) in breakdowns where !rows.isEmpty {
                try w.start("分组")
                try w.attribute("维度", dimension.chinese)
                for row in rows { try ReportRow.write(row, as: "行", name: row.name, to: w) }
                try w.end()
            }
            for t in progress.targets {
                try w.start("目标")
                try w.element("范围", t.scope)
                try w.element("指标", t.metric.chinese)
                try w.element("目标数量", t.amount)
                try w.element("截止日期", t.dueOn.description)
                try w.element("完成数", t.reached)
                try w.element("完成率", ReportRow.decimal(t.attainment))
                try w.element("状态", t.status.chinese)
                try w.end()
            }
            try ChainHeadElement.write(head, to: w)
            try w.end()
        }
        return ExportedFile(path: target, sha256: written.sha256, size: written.size, final: asOf >= progress.endsOn)
    }
}

/// One 统计行 of the report. Measures Rectify does not record (暂扣吊销证照, 关闭取缔, 纳入黑名单, 公开曝光 and the
/// kind-specific columns) are left out, as the schema allows, rather than reported as zero.
enum ReportRow {
    static func write(_ f: ProgressFigures, as element: String, name: String, to w: XMLWriter) throws {
        try w.start(element)
        try w.attribute("名称", name)
        try w.element("检查组数", f.inspections)
        try w.element("出动人次", f.inspections * 2)
        try w.element("检查单位数", f.casesOpened)
        try w.element("检查单位家次", f.inspections)
        try w.element("一般隐患", f.foundGeneral)
        try w.element("重大隐患", f.foundMajor)
        try w.element("一般隐患已整改", f.rectifiedGeneral)
        try w.element("重大隐患已整改", f.rectifiedMajor)
        if let rate = f.rectificationRate { try w.element("整改率", decimal(rate)) }
        if let rate = f.rectificationRateGeneral { try w.element("一般隐患整改率", decimal(rate)) }
        if let rate = f.rectificationRateMajor { try w.element("重大隐患整改率", decimal(rate)) }
        try w.element("下达执法文书数", f.documents)
        try w.element("立案数", f.penaltiesFiled)
        try w.element("罚款金额万元", wan(f.fineYuan))
        try w.element("责令停产停业", f.stopOrders)
        try w.element("移送司法机关", f.transfersJudicial)
        try w.element("移送其他部门", f.transfersOther)
        try w.end()
    }

    /// Two decimals, no exponent.
    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

    /// 万元 exactly: yuan ÷ 10,000 with four decimals, from integers (no binary fractions).
    static func wan(_ yuan: Int) -> String {
        let sign = yuan < 0 ? "-" : ""
        let magnitude = abs(yuan)
        let fraction = String(magnitude % 10_000)
        return "\(sign)\(magnitude / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }
}

extension Rectify {
    static func ledgerMismatch(_ differences: [LedgerCheck.Difference]) -> RuleViolation {
        let shown = differences.prefix(5).map { "\($0.table) \($0.key): \($0.stored ?? "—") → \($0.recomputed ?? "—")" }
            .joined(separator: "; ")
        return RuleViolation(
            rule: .reportLedgerMismatch,
            chinese: "统计台账与业务记录重新计算的结果不符（\(differences.count)处，如 \(shown)）：数据库可能被绕过 Rectify 修改，报表未签发；请运行 rectify verify",
            english: "the progress ledger differs from a recomputation from the records (\(differences.count) differences, e.g. \(shown)): the database may have been changed outside Rectify; no report was signed: run rectify verify")
    }
}

