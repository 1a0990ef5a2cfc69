import RectifyCore
import RectifyStore

extension WriteContext {
    func setAgency(name: String, abbreviation: String, divisionCode: String) throws -> Agency {
        let name = try require(name, field: "机关名称", english: "agency name")
        let abbreviation = try require(abbreviation, field: "机关简称", english: "agency abbreviation")
        guard !abbreviation.contains(where: { "()（）〔〕".contains($0) }) else {
            throw ValidationError(field: "机关简称", fieldEnglish: "agency abbreviation", value: abbreviation,
                                  chinese: "简称不含括号，编号时自动加全角括号", english: "no brackets: numbers add them")
        }
        guard [6, 9].contains(divisionCode.count), divisionCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: "行政区划代码", fieldEnglish: "division code", value: divisionCode,
                                  chinese: "应为6位（县级）或9位（乡镇街道）数字（GB/T 2260）",
                                  english: "must be 6 (county) or 9 (street) digits (GB/T 2260)")
        }
        let agency = Agency(name: name, abbreviation: abbreviation, divisionCode: divisionCode)
        try save(agency, action: "agency.set")
        return agency
    }

    func addDepartment(name: String) throws -> Department {
        var department = Department(name: try require(name, field: "部门名称", english: "department name"))
        if try store.departmentExists(named: department.name) {
            throw RuleViolation(rule: .departmentUnique, chinese: "部门“\(department.name)”已存在",
                                english: "department '\(department.name)' already exists")
        }
        try insert(&department, action: "department.add")
        return department
    }

    func addStreet(name: String, divisionCode: String?) throws -> Street {
        let name = try require(name, field: "街道名称", english: "street name")
        if let code = divisionCode?.nonBlank, code.count != 9 || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ValidationError(field: "街道区划代码", fieldEnglish: "street division code", value: code,
                                  chinese: "应为9位数字", english: "must be 9 digits")
        }
        if try store.streetExists(named: name) {
            throw RuleViolation(rule: .streetUnique, chinese: "街道“\(name)”已存在", english: "street '\(name)' already exists")
        }
        var street = Street(name: name, divisionCode: divisionCode?.nonBlank)
        try insert(&street, action: "street.add")
        return street
    }

    func addGrid(streetName: String, name: String, community: String?, safetyOfficer: String?) throws -> Grid {
        let street = try Lookup.street(store, named: streetName)
        let name = try require(name, field: "网格名称", english: "grid name")
        if try store.gridExists(named: name, streetId: street.id!) {
            throw RuleViolation(rule: .gridUnique, chinese: "\(street.name)已有网格“\(name)”",
                                english: "grid '\(name)' already exists in \(street.name)")
        }
        var grid = Grid(streetId: street.id!, name: name, community: community?.nonBlank ?? name,
                        safetyOfficer: safetyOfficer?.nonBlank)
        try insert(&grid, action: "grid.add")
        return grid
    }

    func addOfficer(credential: String, name: String, departmentName: String) throws -> Officer {
        let credential = try require(credential, field: "执法证号", english: "credential")
        guard (4...32).contains(credential.count),
              credential.allSatisfy({ ($0.isASCII && ($0.isNumber || $0.isUppercase)) || $0 == "-" })
        else {
            throw ValidationError(field: "执法证号", fieldEnglish: "credential", value: credential,
                                  chinese: "应为4–32位数字、大写字母或连字符", english: "use 4–32 digits, upper-case letters or hyphens")
        }
        if try store.officerExists(credential: credential) {
            throw RuleViolation(rule: .credentialUnique, chinese: "执法证号\(credential)已登记",
                                english: "credential \(credential) is already registered")
        }
        let department = try Lookup.department(store, named: departmentName)
        var officer = Officer(credential: credential, name: try require(name, field: "姓名", english: "name"),
                              departmentId: department.id!)
        try insert(&officer, action: "officer.add")
        return officer
    }
}

extension WriteContext {
    /// An officer who left or lost the credential can no longer act; past acts keep naming them.
    func deactivateOfficer(credential: String) throws -> Officer {
        var officer = try Lookup.officer(store, credential: credential)
        guard officer.active else {
            throw RuleViolation(rule: .officerActive, chinese: "执法人员\(officer.credential)已停用",
                                english: "officer \(officer.credential) is already inactive")
        }
        officer.active = false
        try update(officer, action: "officer.deactivate")
        return officer
    }
}

extension Rectify {
    public func deactivateOfficer(credential: String, actor: String) throws -> Officer {
        try database.write(actor: actor) { try $0.deactivateOfficer(credential: credential) }
    }

    public func setAgency(name: String, abbreviation: String, divisionCode: String, actor: String) throws -> Agency {
        try database.write(actor: actor) { try $0.setAgency(name: name, abbreviation: abbreviation, divisionCode: divisionCode) }
    }

    public func addDepartment(name: String, actor: String) throws -> Department {
        try database.write(actor: actor) { try $0.addDepartment(name: name) }
    }

    public func addStreet(name: String, divisionCode: String?, actor: String) throws -> Street {
        try database.write(actor: actor) { try $0.addStreet(name: name, divisionCode: divisionCode) }
    }

    public func addGrid(street: String, name: String, community: String?, safetyOfficer: String?, actor: String) throws -> Grid {
        try database.write(actor: actor) {
            try $0.addGrid(streetName: street, name: name, community: community, safetyOfficer: safetyOfficer)
        }
    }

    public func addOfficer(credential: String, name: String, department: String, actor: String) throws -> Officer {
        try database.write(actor: actor) { try $0.addOfficer(credential: credential, name: name, departmentName: department) }
    }

    public func agency() throws -> Agency? {
        try database.read { try $0.agency() }
    }

    public func departments() throws -> [Department] {
        try database.read { try $0.departments() }
    }

    public func streets() throws -> [Street] {
        try database.read { try $0.streets() }
    }

    public typealias GridListing = RectifyStore.GridListing

    public func grids() throws -> [GridListing] {
        try database.read { try $0.gridListings() }
    }

    public typealias OfficerListing = RectifyStore.OfficerListing

    public func officers() throws -> [OfficerListing] {
        try database.read { try $0.officerListings() }
    }
}
