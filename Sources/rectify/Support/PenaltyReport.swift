import RectifyCore
import RectifyKit

/// The penalty procedure on the terminal form of `case show`: each step taken, with its date, its document and what
/// the party said or paid, then the deadlines that still run.
enum PenaltyReport {
    static func print(_ view: Rectify.PenaltyView, documents: [Document]) {
        let p = view.penalty
        let numbers = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0.number) })
        func document(_ id: Document.ID?) -> String { id.flatMap { numbers[$0] }.map { " \($0)" } ?? "" }
        Swift.print("\n行政处罚（\(p.procedure.chinese)，\(p.stage.chinese)）\(view.violation.map { "\($0.title)，\($0.basis)" } ?? p.basis)")
        Swift.print("  违法事实：\(p.facts)（\(p.party.chinese)；违法行为发生于 \(p.violationOn)"
                    + (p.discoveredOn.map { "，发现于 \($0)" } ?? "") + (p.harm ? "，危及生命健康安全" : "") + "）")
        for step in steps(p, view: view, document: document) { Swift.print("  \(step)") }
        // A procedure closed or transferred has no deadline left to run.
        guard ![.closed, .transferred].contains(p.stage) else { return }
        var running = view.deadlines.map(\.explanation) + view.problems.map { "无法计算期限：\($0)" }
        if let surcharge = view.surcharge, p.paidOn == nil { running.append(surcharge.explanation) }
        guard !running.isEmpty else { return }
        Swift.print("  期限：")
        for line in running { Swift.print("    \(line)") }
    }

    /// One line per step the procedure has taken, in the order the law sets them.
    static func steps(_ p: Penalty, view: Rectify.PenaltyView, document: (Document.ID?) -> String) -> [String] {
        var lines: [String] = []
        if let filed = p.filedOn { lines.append("立案 \(filed)\(document(p.filingDocumentId))") }
        if let notice = p.noticeOn {
            lines.append("告知 \(notice)\(document(p.noticeDocumentId))：拟罚款 \(Money(yuan: p.proposedFineYuan ?? 0).yuanText)"
                         + (p.proposedMeasures.map { "，\($0)" } ?? "") + (p.hearingRight ? "；告知有权要求听证" : ""))
        }
        if p.defenceWaived {
            lines.append("陈述申辩：当事人放弃" + (p.defenceOn.map { "（\($0)）" } ?? ""))
        } else if let defence = p.defence {
            lines.append("陈述申辩 \(p.defenceOn.map { "\($0)" } ?? "")：\(defence)")
        }
        if let waiver = view.hearingWaiver { lines.append("放弃听证 \(waiver.waivedOn)：\(waiver.statement)") }
        if let requested = p.hearingRequestedOn {
            lines.append("听证：\(requested) 申请" + (p.hearingNotifiedOn.map { "，\($0) 通知" } ?? "")
                         + (p.hearingHeldOn.map { "，\($0) 举行" } ?? ""))
        }
        if let review = p.reviewOn { lines.append("法制审核 \(review)" + (p.reviewer.map { "（\($0)）" } ?? "")) }
        if let discussion = p.discussionOn { lines.append("集体讨论 \(discussion)") }
        if let extended = view.decisionExtension {
            lines.append("延长办案期限 \(extended.approvedOn)\(document(extended.documentId))：延至 \(extended.newDeadline)，"
                         + "\(extended.approver)批准，\(extended.reason)")
        }
        if let decided = p.decidedOn {
            lines.append("处罚决定 \(decided)\(document(p.decisionDocumentId))："
                         + ((p.fineYuan ?? 0) > 0 ? "罚款 \(Money(yuan: p.fineYuan!).yuanText)" : "警告")
                         + (p.stopOrder ? "，责令停产停业" : "") + (p.measures.map { "，\($0)" } ?? ""))
        }
        if let served = p.servedOn { lines.append("送达 \(served)" + (p.serviceMethod.map { "（\($0)）" } ?? "")) }
        if let delay = p.paymentDueOverride { lines.append("准予延期（分期）缴纳至 \(delay)") }
        if let paid = p.paidOn {
            let surcharge = p.surchargeFen ?? 0
            lines.append("缴款 \(paid)：\(Money(fen: p.paidFen ?? 0).yuanText)"
                         + (surcharge > 0 ? "（罚款 \(Money(yuan: p.fineYuan ?? 0).yuanText)，加处罚款 \(Money(fen: surcharge).yuanText)）" : ""))
        }
        if let demand = p.demandOn { lines.append("催告 \(demand)") }
        if let transferred = p.transferredOn { lines.append("移送 \(transferred)" + (p.transferTo.map { "：\($0)" } ?? "")) }
        if let closed = p.closedOn { lines.append("结案 \(closed)") }
        return lines
    }
}
