import Foundation
import RectifyCore
import RectifyStore

extension Rectify {
    /// One thing past its deadline.
    public struct OverdueItem: Codable, Sendable {
        public var what: OverdueKind
        public var reference: String
        public var campaign: String
        public var unit: String
        public var street: String
        /// The hazard's level; nil for a step of the penalty procedure.
        public var level: HazardLevel?
        public var deadline: Deadline
        public var daysOverdue: Int
    }

    public struct OverdueReport: Codable, Sendable {
        public var asOf: LocalDate
        public var items: [OverdueItem]
        /// Deadlines that could not be computed, each with its reason.
        public var problems: [String]
    }

    /// Everything past due on `asOf` across all campaigns — hazards not rectified in time, re-checks not made in
    /// their window, penalty decisions, service and payments — the most overdue first, major hazards before general
    /// ones on the same day.
    public func overdue(asOf: LocalDate? = nil, campaign: String? = nil, officer: String? = nil) throws -> OverdueReport {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { store in
            let engine = try LegalContext.engine(store)
            let campaignId = try campaign.map { try Lookup.campaign(store, code: $0).id! }
            let officerId = try officer.map { try Lookup.officer(store, credential: $0).id! }
            var items: [OverdueItem] = []
            var problems: [String] = []
            try store.forEachUnresolvedHazard(campaignId: campaignId, officerId: officerId) { hazard, place, kind, orderNumber in
                let reference = "\(place.caseNumber)/\(hazard.seq)"
                func item(_ what: OverdueKind, _ deadline: Deadline) -> OverdueItem {
                    OverdueItem(what: what, reference: reference, campaign: place.campaignCode, unit: place.unitName,
                                street: place.streetName, level: hazard.level, deadline: deadline,
                                daysOverdue: deadline.due.days(until: asOf))
                }
                if hazard.isOverdue(asOf: asOf) {
                    let extensions = try store.hazardExtensions(hazardId: hazard.id!)
                    items.append(item(.rectification, engine.rectification(hazard, order: orderNumber, extensions: extensions)))
                }
                do {
                    if let recheck = try engine.recheck(hazard, kind: kind),
                       HazardOverdue.recheckDays(hazard, recheck: recheck, asOf: asOf) != nil {
                        items.append(item(.recheck, recheck))
                    }
                } catch let error as any UserFacingError {
                    problems.append("\(reference)：\(error.chinese)")
                }
            }
            items += try penaltyItems(store, engine: engine, asOf: asOf, campaignId: campaignId, officerId: officerId,
                                      problems: &problems)
            // Sorted through a key per item: comparing the items themselves copied every field of both, each time.
            let keys = items.map { (daysOverdue: $0.daysOverdue, major: $0.level == .major, reference: $0.reference) }
            let order = keys.indices.sorted { a, b in
                let (x, y) = (keys[a], keys[b])
                if x.daysOverdue != y.daysOverdue { return x.daysOverdue > y.daysOverdue }
                if x.major != y.major { return x.major }
                return x.reference < y.reference
            }
            items = order.map { items[$0] }
            return OverdueReport(asOf: asOf, items: items, problems: Array(Set(problems)).sorted())
        }
    }
}

extension Rectify {
    /// Penalty steps past their deadline: the decision (90 days from 立案), the service (7 working days), the
    /// payment (15 days from service, or the approved date) with the surcharge run up so far.
    func penaltyItems(_ store: Store, engine: DeadlineEngine, asOf: LocalDate, campaignId: Campaign.ID?, officerId: Officer.ID? = nil,
                      problems: inout [String]) throws -> [OverdueItem] {
        var items: [OverdueItem] = []
        for (penalty, place) in try store.pendingPenalties(campaignId: campaignId, officerId: officerId) {
            func add(_ what: OverdueKind, _ deadline: Deadline) {
                guard deadline.due < asOf else { return }
                items.append(OverdueItem(what: what, reference: place.caseNumber, campaign: place.campaignCode,
                                         unit: place.unitName, street: place.streetName, level: nil,
                                         deadline: deadline, daysOverdue: deadline.due.days(until: asOf)))
            }
            do {
                switch penalty.stage {
                case .filed, .notified:
                    if penalty.procedure == .general { add(.decision, try PenaltyDeadlines.decision(penalty, engine: engine, store: store)) }
                case .decided:
                    add(.service, try engine.deadline("送达期限", rule: .serviceWindow, from: penalty.decidedOn!, startLabel: "决定日"))
                case .served where (penalty.fineYuan ?? 0) > 0:
                    var due = try PenaltyPayment.due(penalty, engine: engine)
                    let surcharge = try engine.surcharge(fineYuan: penalty.fineYuan!, paymentDue: due.due, asOf: asOf,
                                                         pauses: try PenaltyDeadlines.pauses(penalty, store: store))
                    due.explanation += "；\(surcharge.explanation)"
                    add(.payment, due)
                default: break
                }
            } catch let error as any UserFacingError {
                problems.append("\(place.caseNumber)：\(error.chinese)")
            }
        }
        return items
    }
}
