import Foundation
import Hummingbird
import RectifyCore
import RectifyKit
import RectifyStore

/// The case page: everything on the case, and the forms of the acts it offers to the person looking (one of them
/// perhaps refused, shown with what was typed and its refusals).
struct CasePage {
    let rectify: Rectify
    let pages: Pages

    func render(_ detail: Rectify.CaseDetail, context: WebContext, refused: ActForm? = nil,
                status: HTTPResponse.Status = .ok) throws -> HTML {
        let person = try context.requireSignIn()
        let lint = try rectify.lint(detail)
        var values: [String: Any] = [
            "state": detail.state.chinese, "campaignTitle": detail.campaignTitle, "openedOn": detail.openedOn.chinese,
            "unitName": detail.unit.name, "uscc": detail.unit.uscc.rawValue, "address": detail.unit.address,
            "officers": detail.officers.map(\.label).joined(separator: "、"),
            "hazards": detail.hazards.map(Self.hazard),
            "plans": detail.plans.map(Self.plan),
            "selfChecks": detail.selfChecks.map {
                ["checkedOn": $0.record.checkedOn.chinese, "checkedBy": $0.record.checkedBy, "findings": $0.record.findings,
                 "items": $0.items.map { "\($0.code) \($0.result.chinese)" }.joined(separator: "；")]
            },
            "rechecks": detail.rechecks.map {
                ["checkedOn": $0.record.checkedOn.chinese, "outcome": $0.record.outcome.chinese, "opinion": $0.record.opinion,
                 "document": $0.documentNumber, "officers": $0.officers.map(\.label).joined(separator: "、"),
                 "findings": $0.findings.map { "隐患\($0.hazard) \($0.verdict.chinese)" }.joined(separator: "；")]
            },
            "documents": detail.documents.map { ["number": $0.number, "kind": $0.kind.chinese, "issuedOn": $0.issuedOn.chinese] },
            "attachments": detail.attachments.map {
                ["fileName": $0.fileName, "mediaType": $0.mediaType, "attachedOn": $0.attachedOn.chinese,
                 "url": "/cases/\(detail.number)/attachments/\($0.id!.rawValue)",
                 // Photos a browser shows become thumbnails; scans, videos and HEIC are links.
                 "isImage": $0.mediaType == "image/jpeg" || $0.mediaType == "image/png",
                 "hazard": $0.hazardId.flatMap { id in detail.hazards.first { $0.hazard.id == id }?.reference } ?? "案卷"]
            },
            "findings": lint.findings.map { ["rule": $0.rule, "text": $0.chinese] },
            "timeline": try rectify.caseTimeline(number: detail.number).map { entry in
                ["at": Self.moment(entry.at), "actor": entry.actorName.map { "\($0)（\(entry.actor)）" } ?? entry.actor,
                 "action": ActionLabels.label(entry.action)]
            },
        ]
        values["hasPlans"] = !detail.plans.isEmpty
        values["hasSelfChecks"] = !detail.selfChecks.isEmpty
        values["hasRechecks"] = !detail.rechecks.isEmpty
        values["hasAttachments"] = !detail.attachments.isEmpty
        if let closed = detail.closedOn { values["closedOn"] = closed.chinese }
        if let penalty = detail.penalty {
            values["penalty"] = ["procedure": penalty.penalty.procedure.chinese, "stage": penalty.penalty.stage.chinese,
                                 "deadlines": penalty.deadlines.map(\.explanation)]
        }
        if try rectify.mayAct(onCase: detail.number, by: person) {
            var shown = try forms(for: detail).available().map { $0.act == refused?.act ? refused! : $0 }
            // A refused form stays in sight even when the case no longer offers its act (another officer moved it on).
            if let refused, !shown.contains(where: { $0.act == refused.act }) { shown.append(refused) }
            values["hasActs"] = !shown.isEmpty
            values["acts"] = shown.map { $0.values(action: "/cases/\(detail.number)/acts/\($0.act)",
                                                   csrf: context.session?.csrf ?? "", version: detail.events) }
        }
        return try pages.page("case", title: "案件 \(detail.number)", values, context: context, status: status)
    }

    /// The act forms of the case, with its campaign's checklist and the violations a penalty of it may cite (those of
    /// its kind and the general ones).
    func forms(for detail: Rectify.CaseDetail) throws -> CaseActForms {
        let (kind, checklist) = try rectify.campaignChecklist(code: detail.campaign)
        return CaseActForms(detail: detail, checklist: checklist,
                            violations: try rectify.violations().filter { $0.kind == nil || $0.kind == kind })
    }

    private static func hazard(_ view: Rectify.CaseDetail.HazardView) -> [String: Any] {
        var hazard: [String: Any] = ["reference": view.reference, "level": view.hazard.level.chinese,
                                     "status": view.hazard.status.chinese, "description": view.hazard.description,
                                     "order": view.orderNumber,
                                     "deadlines": view.deadlines.map(\.explanation) + view.deadlineProblems]
        if let late = view.daysOverdue { hazard["late"] = late }
        if let measures = view.hazard.claimMeasures { hazard["measures"] = measures }
        return hazard
    }

    /// "2026-12-08T09:44:53.123+08:00" as 2026年12月8日 09:44 (the time is China's, as recorded).
    static func moment(_ timestamp: String) -> String {
        guard let date = LocalDate(String(timestamp.prefix(10))), timestamp.count >= 16 else { return timestamp }
        return "\(date.chinese) \(timestamp.dropFirst(11).prefix(5))"
    }

    private static func plan(_ plan: PlanRecord) -> [String: Any] {
        var values: [String: Any] = ["kind": plan.kind.chinese, "measures": plan.measures, "recordedOn": plan.recordedOn.chinese]
        let details = [plan.responsible.map { "责任人 \($0)" }, plan.fundsYuan.map { "资金 \(Money(yuan: $0).yuanText)" },
                       plan.deadline.map { "时限 \($0.chinese)" }, plan.contingency.map { "应急预案 \($0)" }].compactMap { $0 }
        if !details.isEmpty { values["details"] = details.joined(separator: "；") }
        return values
    }
}
