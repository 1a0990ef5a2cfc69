import GRDB
import RectifyCore


/// Finds what users name (by name, credential, code or number) and says clearly when it does not exist.
public enum Lookup {
    /// Lookups run for every act of a bulk job: cached statements avoid compiling the same SQL again.
    private static func fetch<Record: FetchableRecord>(_ type: Record.Type, _ store: Store, _ sql: String,
                                                       _ values: any DatabaseValueConvertible...) throws -> Record? {
        try Record.fetchOne(store.db.cachedStatement(sql: sql), arguments: StatementArguments(values))
    }

    public static func agency(_ store: Store) throws -> Agency {
        guard let agency = try fetch(Agency.self, store, "SELECT * FROM agency WHERE id = ?", 1) else {
            throw RuleViolation(rule: .agencyFirst, chinese: "尚未设置本机关（先运行 rectify agency set）",
                                english: "no agency is set up yet (run `rectify agency set` first)")
        }
        return agency
    }

    public static func department(_ store: Store, named name: String) throws -> Department {
        guard let found = try fetch(Department.self, store, "SELECT * FROM department WHERE name = ?", name.trimmed) else {
            throw NotFoundError("部门", "department", key: name)
        }
        return found
    }

    public static func street(_ store: Store, named name: String) throws -> Street {
        guard let found = try fetch(Street.self, store, "SELECT * FROM street WHERE name = ?", name.trimmed) else {
            throw NotFoundError("街道", "street", key: name)
        }
        return found
    }

    public static func grid(_ store: Store, named name: String, in street: Street) throws -> Grid {
        guard let found = try Grid.filter(Grid.Columns.streetId == street.id! && Grid.Columns.name == name.trimmed)
            .fetchOne(store.db)
        else { throw NotFoundError("\(street.name)的网格", "grid in \(street.name)", key: name) }
        return found
    }

    public static func officer(_ store: Store, credential: String) throws -> Officer {
        guard let found = try fetch(Officer.self, store, "SELECT * FROM officer WHERE credential = ?", credential.trimmed) else {
            throw NotFoundError("执法证号为此的执法人员", "officer with credential", key: credential)
        }
        return found
    }

    /// An officer who may act: registered and active.
    public static func actingOfficer(_ store: Store, credential: String) throws -> Officer {
        let officer = try officer(store, credential: credential)
        guard officer.active else {
            throw RuleViolation(rule: .officerActive, chinese: "执法人员\(officer.name)（\(officer.credential)）已停用",
                                english: "officer \(officer.credential) is no longer active")
        }
        return officer
    }

    /// Two distinct active officers with credentials (《行政处罚法》第42条).
    public static func officerPair(_ store: Store, _ credentials: [String]) throws -> (Officer, Officer) {
        let unique = Array(Set(credentials.map(\.trimmed).filter { !$0.isEmpty }))
        guard credentials.count == 2, unique.count == 2 else {
            throw RuleViolation(rule: .twoOfficers,
                                chinese: "须由两名持执法证的不同执法人员实施（《行政处罚法》第42条），收到\(unique.count)名",
                                english: "two different officers with credentials are required (art. 42), got \(unique.count)")
        }
        let first = try actingOfficer(store, credential: credentials[0])
        let second = try actingOfficer(store, credential: credentials[1])
        return (first, second)
    }

    /// A unit named by its USCC, or by a name (or part of one) that identifies one unit; several matching is refused
    /// with the candidates, so that an officer can pick the code.
    public static func unit(_ store: Store, uscc key: String) throws -> BusinessUnit {
        let text = key.trimmed
        if let found = try fetch(BusinessUnit.self, store, "SELECT * FROM unit WHERE uscc = ?", text.uppercased()) {
            return found
        }
        let exact = try store.units(named: text)
        if exact.count == 1 { return exact[0] }
        let candidates = exact.isEmpty ? try store.findUnits(text, limit: 6) : []
        if candidates.count == 1, let found = try store.unit(uscc: try USCC(candidates[0].uscc)) { return found }
        guard exact.count > 1 || candidates.count > 1 else {
            throw NotFoundError("统一社会信用代码或名称为此的单位", "unit with this USCC or name", key: key)
        }
        let named = exact.isEmpty ? candidates.prefix(5).map { "\($0.name)（\($0.uscc)）" }
            : exact.prefix(5).map { "\($0.name)（\($0.uscc.rawValue)）" }
        throw ValidationError(field: "单位", fieldEnglish: "unit", value: key,
                              chinese: "对应不止一个单位：\(named.joined(separator: "、"))；请写统一社会信用代码或更完整的名称",
                              english: "matches more than one unit (\(named.joined(separator: ", "))); give the USCC or more of the name")
    }

    public static func campaign(_ store: Store, id: Campaign.ID) throws -> Campaign {
        guard let found = try fetch(Campaign.self, store, "SELECT * FROM campaign WHERE id = ?", id) else {
            throw NotFoundError("专项整治", "campaign", key: String(id.rawValue))
        }
        return found
    }

    public static func campaign(_ store: Store, code: String) throws -> Campaign {
        guard let found = try fetch(Campaign.self, store, "SELECT * FROM campaign WHERE code = ?", code.trimmed) else {
            throw NotFoundError("专项整治", "campaign", key: code)
        }
        return found
    }

    public static func `case`(_ store: Store, number: String) throws -> Case {
        guard let found = try fetch(Case.self, store, "SELECT * FROM \"case\" WHERE number = ?", number.trimmed) else {
            throw NotFoundError("案件", "case", key: number)
        }
        return found
    }

    /// A hazard named `CASE-NUMBER/SEQ`, e.g. `gas-2026-0007/2`.
    public static func hazard(_ store: Store, reference: String) throws -> (Case, Hazard) {
        let parts = reference.trimmed.split(separator: "/")
        guard parts.count == 2, let seq = Int(parts[1]) else {
            throw ValidationError(field: "隐患编号", fieldEnglish: "hazard reference", value: reference,
                                  chinese: "应写作“案件编号/隐患序号”，如 gas-2026-0007/2",
                                  english: "write CASE-NUMBER/SEQ, e.g. gas-2026-0007/2")
        }
        let found = try `case`(store, number: String(parts[0]))
        guard let hazard = try fetch(Hazard.self, store, "SELECT * FROM hazard WHERE caseId = ? AND seq = ?", found.id!, seq)
        else { throw NotFoundError("隐患", "hazard", key: reference) }
        return (found, hazard)
    }

    /// The bytes of all of a case's attachments.
    public static func attachmentBytes(_ store: Store, caseId: Case.ID) throws -> Int {
        try Int.fetchOne(store.db, sql: """
            SELECT ifnull(sum(f.size), 0) FROM attachment a JOIN storedFile f ON f.id = a.fileId WHERE a.caseId = ?
            """, arguments: [caseId]) ?? 0
    }
}
