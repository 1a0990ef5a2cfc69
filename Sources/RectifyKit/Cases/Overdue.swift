import Foundation
import GRDB
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
    public func overdue(asOf: LocalDate? = nil, campaign: String? = nil) throws -> OverdueReport {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { db in
            let engine = try LegalContext.engine(db)
            var arguments: StatementArguments = []
            var filter = ""
            if let campaign {
                filter = "AND c.campaignId = ?"
                arguments += [try Lookup.campaign(db, code: campaign).id!]
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT h.*, c.number AS caseNumber, campaign.code AS campaignCode, campaign.kind AS campaignKind,
                       unit.name AS unitName, street.name AS streetName, d.number AS orderNumber
                FROM hazard h JOIN "case" c ON c.id = h.caseId JOIN campaign ON campaign.id = c.campaignId
                JOIN unit ON unit.id = c.unitId JOIN street ON street.id = unit.streetId
                JOIN document d ON d.id = h.orderDocumentId
                WHERE h.status IN ('open', 'claimed') \(filter)
                """, arguments: arguments)
            var items: [OverdueItem] = []
            var problems: [String] = []
            while let row = try rows.next() {
                let hazard = try Hazard(row: row)
                let kind = CampaignKind(rawValue: row["campaignKind"])!
                let reference = "\(row["caseNumber"] as String)/\(hazard.seq)"
                func item(_ what: OverdueKind, _ deadline: Deadline) -> OverdueItem {
                    OverdueItem(what: what, reference: reference, campaign: row["campaignCode"], unit: row["unitName"],
                                street: row["streetName"], level: hazard.level, deadline: deadline,
                                daysOverdue: deadline.due.days(until: asOf))
                }
                if hazard.isOverdue(asOf: asOf) {
                    let extensions = try HazardExtension.fetchAll(
                        db.cachedStatement(sql: "SELECT * FROM hazardExtension WHERE hazardId = ? ORDER BY id"),
                        arguments: [hazard.id!])
                    items.append(item(.rectification, engine.rectification(hazard, order: row["orderNumber"], extensions: extensions)))
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
            items += try penaltyItems(db, engine: engine, asOf: asOf, filter: filter, arguments: arguments, problems: &problems)
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
    func penaltyItems(_ db: Database, engine: DeadlineEngine, asOf: LocalDate, filter: String, arguments: StatementArguments,
                      problems: inout [String]) throws -> [OverdueItem] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*, c.number AS caseNumber, campaign.code AS campaignCode, unit.name AS unitName, street.name AS streetName
            FROM penalty p JOIN "case" c ON c.id = p.caseId JOIN campaign ON campaign.id = c.campaignId
            JOIN unit ON unit.id = c.unitId JOIN street ON street.id = unit.streetId
            WHERE p.stage IN ('filed', 'notified', 'decided', 'served') \(filter)
            """, arguments: arguments)
        var items: [OverdueItem] = []
        for row in rows {
            let penalty = try Penalty(row: row)
            func add(_ what: OverdueKind, _ deadline: Deadline) {
                guard deadline.due < asOf else { return }
                items.append(OverdueItem(what: what, reference: row["caseNumber"], campaign: row["campaignCode"],
                                         unit: row["unitName"], street: row["streetName"], level: nil,
                                         deadline: deadline, daysOverdue: deadline.due.days(until: asOf)))
            }
            do {
                switch penalty.stage {
                case .filed, .notified:
                    if penalty.procedure == .general { add(.decision, try PenaltyDeadlines.decision(penalty, engine: engine, db: db)) }
                case .decided:
                    add(.service, try engine.deadline("送达期限", rule: .serviceWindow, from: penalty.decidedOn!, startLabel: "决定日"))
                case .served where (penalty.fineYuan ?? 0) > 0:
                    var due = try PenaltyPayment.due(penalty, engine: engine)
                    let surcharge = try engine.surcharge(fineYuan: penalty.fineYuan!, paymentDue: due.due, asOf: asOf,
                                                         pauses: try PenaltyDeadlines.pauses(penalty, db: db))
                    due.explanation += "；\(surcharge.explanation)"
                    add(.payment, due)
                default: break
                }
            } catch let error as any UserFacingError {
                problems.append("\(row["caseNumber"] as String)：\(error.chinese)")
            }
        }
        return items
    }
}
