import Foundation
import RectifyCore
import RectifyStore

/// What a bulk reader of case pages (a campaign export) keeps across the cases it reads, besides the store's own
/// cache of officers and campaigns: the agency and the campaign headers a case file repeats.
final class CaseReadingCache {
    let facts = CaseFactsCache()
    var agency: Agency?
    var campaignHeaders: [String: CampaignHeader] = [:]
}

/// Builds case pages from the stored facts (`CaseFacts`): the deadlines and what is overdue are decided here.
/// Bulk readers (a campaign export) make one and reuse its deadline engine.
struct CaseDetailReader {
    let store: Store
    let engine: DeadlineEngine
    var countEvents = true
    var cache: CaseReadingCache?

    func detail(number: String, asOf: LocalDate) throws -> Rectify.CaseDetail {
        try detail(of: try Lookup.case(store, number: number), asOf: asOf)
    }

    func detail(of record: Case, asOf: LocalDate) throws -> Rectify.CaseDetail {
        typealias CaseDetail = Rectify.CaseDetail
        let facts = try store.caseFacts(record, countEvents: countEvents, cache: cache?.facts)
        func officerRef(_ id: Officer.ID) -> Rectify.OfficerRef {
            let officer = facts.officers[id]!
            return Rectify.OfficerRef(name: officer.name, credential: officer.credential)
        }
        let numbers = Dictionary(uniqueKeysWithValues: facts.documents.map { ($0.id!, $0.number) })
        let seqByHazard = Dictionary(uniqueKeysWithValues: facts.hazards.map { ($0.id!, $0.seq) })
        let hazardViews = facts.hazards.map { hazard in
            let extensions = facts.extensions[hazard.id!] ?? []
            let order = numbers[hazard.orderDocumentId] ?? ""
            var deadlines = [engine.rectification(hazard, order: order, extensions: extensions)]
            var problems: [String] = []
            do {
                if let recheck = try engine.recheck(hazard, kind: facts.campaign.kind) { deadlines.append(recheck) }
            } catch let error as any UserFacingError {
                problems.append(error.errorDescription ?? "")
            } catch {
                problems.append("\(error)")
            }
            return CaseDetail.HazardView(
                hazard: hazard, reference: "\(record.number)/\(hazard.seq)", orderNumber: order, extensions: extensions,
                daysOverdue: HazardOverdue.rectificationDays(hazard, asOf: asOf),
                recheckDaysOverdue: HazardOverdue.recheckDays(hazard, recheck: deadlines.count > 1 ? deadlines[1] : nil, asOf: asOf),
                deadlines: deadlines, deadlineProblems: problems)
        }
        let selfChecks = facts.selfChecks.map { selfCheck in
            CaseDetail.SelfCheckView(record: selfCheck.record,
                                     items: selfCheck.items.map { .init(code: $0.itemCode, result: $0.result) }.sorted { $0.code < $1.code })
        }
        let rechecks = facts.rechecks.map { recheck in
            CaseDetail.RecheckView(
                record: recheck.record, officers: [officerRef(recheck.record.officer1Id), officerRef(recheck.record.officer2Id)],
                documentNumber: numbers[recheck.record.documentId] ?? "",
                findings: recheck.findings.map { .init(hazard: seqByHazard[$0.hazardId] ?? 0, verdict: $0.verdict) }
                    .sorted { $0.hazard < $1.hazard })
        }
        return CaseDetail(
            number: record.number, state: record.state, campaign: facts.campaign.code,
            campaignTitle: facts.campaign.title, unit: facts.unit,
            officers: [officerRef(record.officer1Id), officerRef(record.officer2Id)],
            openedOn: record.openedOn, closedOn: record.closedOn, asOf: asOf, hazards: hazardViews,
            plans: facts.plans, selfChecks: selfChecks, rechecks: rechecks, documents: facts.documents,
            attachments: facts.attachments,
            penalty: try facts.penalty.map { try PenaltyDeadlines.view($0, store: store, engine: engine, asOf: asOf) },
            events: facts.eventCount)
    }
}
