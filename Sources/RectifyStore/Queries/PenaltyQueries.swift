import GRDB
import RectifyCore

/// The rows of a case's penalty procedure.
extension Store {
    public func penalty(caseId: Case.ID) throws -> Penalty? {
        try one("SELECT * FROM penalty WHERE caseId = ?", caseId)
    }

    /// The violations an administrator added to the shipped catalogue, in the order they were added.
    public func addedViolations() throws -> [Violation] {
        try all("SELECT * FROM violation ORDER BY id")
    }

    /// The approved longer decision period (art. 60), if there is one.
    public func decisionExtension(penaltyId: Penalty.ID) throws -> DecisionExtension? {
        try one("SELECT * FROM decisionExtension WHERE penaltyId = ?", penaltyId)
    }

    /// The party's written waiver of the hearing, if there is one.
    public func hearingWaiver(penaltyId: Penalty.ID) throws -> HearingWaiver? {
        try one("SELECT * FROM hearingWaiver WHERE penaltyId = ?", penaltyId)
    }

    /// The periods the late-payment surcharge stood still.
    public func pauses(penaltyId: Penalty.ID) throws -> [PenaltyPause] {
        try all("SELECT * FROM penaltyPause WHERE penaltyId = ? ORDER BY id", penaltyId)
    }
}
