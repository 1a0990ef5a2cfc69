/// A production or business unit (生产经营单位) in the register, keyed by its USCC.
public struct BusinessUnit: Codable, Equatable, Sendable {
    public typealias ID = Identifier<BusinessUnit>
    public var id: ID?
    public var uscc: USCC
    public var name: String
    public var address: String
    public var streetId: Street.ID
    public var gridId: Grid.ID
    public var category: UnitCategory
    /// The sector department (行业主管部门).
    public var departmentId: Department.ID
    /// The unit's person in charge (负责人).
    public var contactPerson: String?
    public var phone: String?
    public var legalRepresentative: String?
    /// Named supervisors (实名制监管人员), separated by 、.
    public var supervisors: String?

    public init(id: ID? = nil, uscc: USCC, name: String, address: String, streetId: Street.ID, gridId: Grid.ID,
                category: UnitCategory, departmentId: Department.ID, contactPerson: String? = nil,
                phone: String? = nil, legalRepresentative: String? = nil, supervisors: String? = nil) {
        self.id = id
        self.uscc = uscc
        self.name = name
        self.address = address
        self.streetId = streetId
        self.gridId = gridId
        self.category = category
        self.departmentId = departmentId
        self.contactPerson = contactPerson
        self.phone = phone
        self.legalRepresentative = legalRepresentative
        self.supervisors = supervisors
    }
}
