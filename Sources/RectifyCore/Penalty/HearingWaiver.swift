/// The party's written waiver of the hearing it may ask for after a notice (行政处罚法 art. 64).
public struct HearingWaiver: Codable, Equatable, Sendable {
    public typealias ID = Identifier<HearingWaiver>
    public var id: ID?
    public var penaltyId: Penalty.ID
    public var waivedOn: LocalDate
    public var statement: String

    public init(id: ID? = nil, penaltyId: Penalty.ID, waivedOn: LocalDate, statement: String) {
        self.id = id
        self.penaltyId = penaltyId
        self.waivedOn = waivedOn
        self.statement = statement
    }
}
