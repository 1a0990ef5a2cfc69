/// The bureau that runs the campaigns; there is one per database.
public struct Agency: Codable, Equatable, Sendable {
    public var id: Int64 = 1
    public var name: String
    /// 简称 used in document numbers, e.g. 通开 in （通开）应急责改〔2026〕7号.
    public var abbreviation: String
    /// GB/T 2260 division code (6 digits) or a street-level code (9 digits).
    public var divisionCode: String

    public init(name: String, abbreviation: String, divisionCode: String) {
        self.name = name
        self.abbreviation = abbreviation
        self.divisionCode = divisionCode
    }
}

public struct Department: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Department>
    public var id: ID?
    public var name: String

    public init(id: ID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

public struct Street: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Street>
    public var id: ID?
    public var name: String
    public var divisionCode: String?

    public init(id: ID? = nil, name: String, divisionCode: String? = nil) {
        self.id = id
        self.name = name
        self.divisionCode = divisionCode
    }
}

/// A supervision grid (网格) inside a street, usually one community, with its grid safety officer (网格安全员).
public struct Grid: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Grid>
    public var id: ID?
    public var streetId: Street.ID
    public var name: String
    public var community: String
    public var safetyOfficer: String?

    public init(id: ID? = nil, streetId: Street.ID, name: String, community: String, safetyOfficer: String? = nil) {
        self.id = id
        self.streetId = streetId
        self.name = name
        self.community = community
        self.safetyOfficer = safetyOfficer
    }
}

/// An enforcement officer (执法人员) with the credential number (执法证号) that identifies them in acts.
public struct Officer: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Officer>
    public var id: ID?
    public var credential: String
    public var name: String
    public var departmentId: Department.ID
    public var active: Bool

    public init(id: ID? = nil, credential: String, name: String, departmentId: Department.ID, active: Bool = true) {
        self.id = id
        self.credential = credential
        self.name = name
        self.departmentId = departmentId
        self.active = active
    }
}
