import Foundation
import RectifyCore
import RectifyStore

/// What the penalty procedure's deadlines are judged against, loaded from the store for Core's decisions.
enum PenaltyDeadlines {
    /// The limit the decision is judged against: the statutory one, or its approved extension (art. 60).
    static func decision(_ penalty: Penalty, engine: DeadlineEngine, store: Store) throws -> Deadline {
        let (approved, number) = try approvedExtension(penalty, store: store)
        return DecisionPeriod.deadline(statutory: try DecisionPeriod.statutory(penalty, engine: engine), extension: approved,
                                       documentNumber: number)
    }

    /// The approved longer decision period, with its document's number.
    static func approvedExtension(_ penalty: Penalty, store: Store) throws -> (DecisionExtension?, String?) {
        let approved = try store.decisionExtension(penaltyId: penalty.id!)
        return (approved, try approved.flatMap { try store.document(id: $0.documentId)?.number })
    }

    static func hearingWaiver(_ penalty: Penalty, store: Store) throws -> HearingWaiver? {
        try store.hearingWaiver(penaltyId: penalty.id!)
    }

    static func pauses(_ penalty: Penalty, store: Store) throws -> [SurchargePause] {
        try store.pauses(penaltyId: penalty.id!)
            .map { SurchargePause(from: $0.from, to: $0.to, reason: $0.reason) }
    }

    /// The deadlines that apply at the penalty's stage, with the surcharge once payment is late.
    static func view(_ penalty: Penalty, store: Store, engine: DeadlineEngine, asOf: LocalDate) throws -> Rectify.PenaltyView {
        var deadlines: [Deadline] = []
        var problems: [String] = []
        var surcharge: Surcharge?
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch let error as any UserFacingError { problems.append(error.chinese) } catch {
                problems.append("\(error)")
            }
        }
        if penalty.filedOn != nil, penalty.procedure == .general {
            attempt { deadlines.append(try decision(penalty, engine: engine, store: store)) }
        }
        if let noticeOn = penalty.noticeOn, penalty.decidedOn == nil {
            attempt { deadlines.append(try engine.deadline("陈述申辩期限", rule: .defenceWindow, from: noticeOn, startLabel: "告知日")) }
            if penalty.hearingRight {
                attempt { deadlines.append(try engine.deadline("听证申请期限", rule: .hearingRequestWindow, from: noticeOn, startLabel: "告知日")) }
            }
        }
        if let decidedOn = penalty.decidedOn, penalty.procedure == .general {
            attempt { deadlines.append(try engine.deadline("送达期限", rule: .serviceWindow, from: decidedOn, startLabel: "决定日")) }
        }
        if penalty.servedOn != nil, (penalty.fineYuan ?? 0) > 0 {
            attempt {
                let due = try PenaltyPayment.due(penalty, engine: engine)
                deadlines.append(due)
                let computed = try engine.surcharge(fineYuan: penalty.fineYuan!, paymentDue: due.due,
                                                    asOf: penalty.paidOn ?? asOf, pauses: try pauses(penalty, store: store))
                if computed.daysLate > 0 || penalty.paidOn != nil { surcharge = computed }
            }
        }
        let violation = try ViolationCatalogue.all(store).first { $0.code == penalty.violationCode }
        return Rectify.PenaltyView(
            penalty: penalty, violation: violation,
            hearingWaiver: try hearingWaiver(penalty, store: store), decisionExtension: try approvedExtension(penalty, store: store).0,
            deadlines: deadlines, surcharge: surcharge, problems: problems)
    }
}
