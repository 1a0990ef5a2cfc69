/// 行政处罚法 art. 60: a decision within 90 days of 立案, unless a rule provides a longer period and it was approved.
/// The approval is recorded with its document, and the decision is then judged against the extended limit.
public struct DecisionExtension: Codable, Equatable, Sendable {
    public typealias ID = Identifier<DecisionExtension>
    public var id: ID?
    public var penaltyId: Penalty.ID
    public var approvedOn: LocalDate
    public var newDeadline: LocalDate
    public var approver: String
    public var reason: String
    public var documentId: Document.ID

    public init(id: ID? = nil, penaltyId: Penalty.ID, approvedOn: LocalDate, newDeadline: LocalDate, approver: String,
                reason: String, documentId: Document.ID) {
        self.id = id
        self.penaltyId = penaltyId
        self.approvedOn = approvedOn
        self.newDeadline = newDeadline
        self.approver = approver
        self.reason = reason
        self.documentId = documentId
    }
}
