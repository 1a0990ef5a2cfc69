import Foundation
import RectifyCore
import RectifyStore

/// What a successful import did.
public struct UnitImportReport: Codable, Equatable, Sendable {
    public var encoding: String
    public var rows: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    /// Header columns Rectify does not know (e.g. 序号), which were not imported.
    public var ignoredColumns: [String]
}

/// The columns of a unit register; each accepts its Chinese header or English aliases.
enum UnitColumn: String, CaseIterable {
    case uscc = "统一社会信用代码"
    case name = "单位名称"
    case address = "地址"
    case street = "街道"
    case grid = "网格"
    case category = "类别"
    case department = "行业主管部门"
    case contactPerson = "负责人"
    case phone = "联系电话"
    case legalRepresentative = "法定代表人"
    case supervisors = "监管人员"

    var aliases: [String] {
        switch self {
        case .uscc: ["uscc", "credit code", "unified social credit code"]
        case .name: ["name", "unit name", "单位"]
        case .address: ["address"]
        case .street: ["street"]
        case .grid: ["grid"]
        case .category: ["category"]
        case .department: ["department", "sector department"]
        case .contactPerson: ["contact", "person in charge", "contact person"]
        case .phone: ["phone", "telephone"]
        case .legalRepresentative: ["legal representative"]
        case .supervisors: ["supervisors", "supervisor"]
        }
    }

    static let required: [UnitColumn] = [.uscc, .name, .street, .grid, .category, .department]

    static func matching(_ header: String) -> UnitColumn? {
        let key = header.trimmed
        return allCases.first { $0.rawValue == key || $0.aliases.contains(key.lowercased()) }
    }
}

/// What became of a register row that was written.
enum RegisterRowOutcome { case created, updated, unchanged }

/// Reads and checks a unit register row by row, streaming it from the file. `write`, when given, writes each good
/// row as long as no row has failed; every bad row is reported, and if any is bad the whole file is refused.
enum UnitRegister {
    static func scan(_ url: URL, store: Store, progress: ((_ rows: Int) -> Void)? = nil,
                     write: ((_ unit: inout BusinessUnit, _ columns: [UnitColumn: Int]) throws -> RegisterRowOutcome)?) throws
        -> UnitImportReport
    {
        var reader = try CSVRecordReader(url: url)
        let (prefix, hadBOM) = try reader.prefix()
        let encoding = CSVEncoding.detect(prefix: prefix, hadBOM: hadBOM)
        guard let headerBytes = try reader.next() else { throw UnitImportError.empty }
        var columns: [UnitColumn: Int] = [:]
        var ignored: [String] = []
        for (index, bytes) in headerBytes.enumerated() {
            let header = encoding.decode(bytes) ?? ""
            guard let column = UnitColumn.matching(header) else {
                if let text = header.nonBlank { ignored.append(text) }
                continue
            }
            if columns[column] != nil { throw UnitImportError.duplicateColumn(header) }
            columns[column] = index
        }
        let missing = UnitColumn.required.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw UnitImportError.missingColumns(missing.map(\.rawValue)) }

        let present = UnitColumn.allCases.compactMap { column in columns[column].map { (column, $0) } }
        // The row each code was first seen on, to name it when the code comes again.
        var seen: [PackedUSCC: Int] = [:]
        var resolver = try RegisterResolver(store)
        var problems: [RowProblem] = []
        var report = UnitImportReport(encoding: encoding.rawValue, rows: 0, created: 0, updated: 0, unchanged: 0,
                                      ignoredColumns: ignored)
        while let fields = try reader.next() {
            if fields.allSatisfy({ $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) { continue }
            report.rows += 1
            let row = reader.recordNumber
            var rowProblems: [RowProblem] = []
            func problem(_ column: UnitColumn, _ value: String?, _ chinese: String, _ english: String) {
                rowProblems.append(RowProblem(row: row, column: column.rawValue, value: value, chinese: chinese, english: english))
            }
            var values = RowValues()
            for (column, index) in present {
                let bytes = index < fields.count ? fields[index] : []
                guard let text = encoding.decode(bytes) else {
                    problem(column, nil, "不是有效的\(encoding.rawValue)文本", "not valid \(encoding.rawValue) text")
                    continue
                }
                switch TextInput.normalized(text, limit: StoredText.limit(table: BusinessUnit.databaseTableName, column: "\(column)")) {
                case .success(let stored): values[column] = stored.nonBlank
                case .failure(let refused): problem(column, nil, refused.chinese, refused.english)
                }
            }
            let unit = resolver.unit(from: values, report: problem)
            if let unit {
                let code = PackedUSCC(unit.uscc)
                if let earlier = seen[code] {
                    problem(.uscc, unit.uscc.rawValue, "与第\(earlier)行重复", "duplicates row \(earlier)")
                } else {
                    seen[code] = row
                }
            }
            problems += rowProblems
            // After the first bad row nothing will be kept: keep checking, stop writing.
            if report.rows % 1_000 == 0 { progress?(report.rows) }
            guard problems.isEmpty, var unit, let write else { continue }
            switch try write(&unit, columns) {
            case .created: report.created += 1
            case .updated: report.updated += 1
            case .unchanged: report.unchanged += 1
            }
        }
        guard problems.isEmpty else { throw UnitImportError.badRows(problems) }
        return report
    }
}

extension WriteContext {
    /// Writes a register already checked without the lock: checked again row by row as it is written (the file
    /// may have changed in between), all or nothing.
    func importUnits(from url: URL, progress: ((_ rows: Int) -> Void)? = nil) throws -> UnitImportReport {
        try UnitRegister.scan(url, store: store, progress: progress) { [self] unit, columns in
            guard let existing = try registeredUnit(uscc: unit.uscc) else {
                try insert(&unit, action: "unit.import.create")
                return .created
            }
            unit.id = existing.id
            unit.keepFields(of: existing, absentFrom: columns)
            guard existing != unit else { return .unchanged }
            try update(unit, action: "unit.import.update")
            return .updated
        }
    }
}

extension BusinessUnit {
    /// A register without a column (say 监管人员) says nothing about it: the stored value stays.
    mutating func keepFields(of existing: BusinessUnit, absentFrom columns: [UnitColumn: Int]) {
        if columns[.address] == nil { address = existing.address }
        if columns[.contactPerson] == nil { contactPerson = existing.contactPerson }
        if columns[.phone] == nil { phone = existing.phone }
        if columns[.legalRepresentative] == nil { legalRepresentative = existing.legalRepresentative }
        if columns[.supervisors] == nil { supervisors = existing.supervisors }
    }
}

/// A valid USCC (18 ASCII characters) packed into two words and a half, so that remembering the codes of a
/// 100,000-row register allocates nothing per code.
struct PackedUSCC: Hashable {
    private var head: UInt64 = 0
    private var middle: UInt64 = 0
    private var tail: UInt16 = 0

    init(_ code: USCC) {
        for (index, byte) in code.rawValue.utf8.enumerated() {
            switch index {
            case 0..<8: head |= UInt64(byte) << (8 * index)
            case 8..<16: middle |= UInt64(byte) << (8 * (index - 8))
            default: tail |= UInt16(byte) << (8 * (index - 16))
            }
        }
    }
}

/// Resolves the names in a register row to the district's streets, grids and departments.
struct RegisterResolver {
    private struct GridKey: Hashable {
        var streetId: Int64
        var name: NameKey
    }

    private var streets = NameIndex<Street>()
    private var grids: [GridKey: Grid] = [:]
    private var departments = NameIndex<Department>()
    /// Category cells repeat a handful of spellings; parsing each once keeps the parser out of the row loop.
    private var categories: [NameKey: Result<UnitCategory, ValidationError>] = [:]

    init(_ store: Store) throws {
        for street in try store.streets() { streets.add(street.name, street) }
        for grid in try store.grids() { grids[GridKey(streetId: grid.streetId.rawValue, name: NameKey(grid.name))] = grid }
        for department in try store.departments() { departments.add(department.name, department) }
    }

    mutating func unit(from values: RowValues,
              report problem: (UnitColumn, String?, String, String) -> Void) -> BusinessUnit? {
        func value(_ column: UnitColumn) -> String? { values[column] }
        var uscc: USCC?
        if let code = value(.uscc) {
            if let issue = USCC.problem(in: code) {
                problem(.uscc, code, issue.chinese, issue.english)
            } else {
                uscc = try? USCC(code)
            }
        } else {
            problem(.uscc, nil, "不能为空", "must not be empty")
        }
        let name = value(.name)
        if name == nil { problem(.name, nil, "不能为空", "must not be empty") }
        var street: Street?
        if let streetName = value(.street) {
            street = streets[streetName]
            if street == nil { problem(.street, streetName, "本辖区没有这个街道", "no such street in this district") }
        } else {
            problem(.street, nil, "不能为空", "must not be empty")
        }
        var grid: Grid?
        if let gridName = value(.grid) {
            if let street {
                grid = grids[GridKey(streetId: street.id!.rawValue, name: NameKey(gridName))]
                    ?? grids.first { $0.key.streetId == street.id!.rawValue && $0.value.name == gridName }?.value
                if grid == nil {
                    problem(.grid, gridName, "\(street.name)没有这个网格", "no such grid in \(street.name)")
                }
            }
        } else {
            problem(.grid, nil, "不能为空", "must not be empty")
        }
        var category: UnitCategory?
        if let text = value(.category) {
            let parsed = categories[NameKey(text)] ?? Result { () throws(ValidationError) in try UnitCategory.parse(text) }
            categories[NameKey(text)] = parsed
            switch parsed {
            case .success(let known): category = known
            case .failure(let error): problem(.category, text, error.reasonChinese, error.reasonEnglish)
            }
        } else {
            problem(.category, nil, "不能为空", "must not be empty")
        }
        var department: Department?
        if let text = value(.department) {
            department = departments[text]
            if department == nil { problem(.department, text, "没有这个部门", "no such department") }
        } else {
            problem(.department, nil, "不能为空", "must not be empty")
        }
        if let phone = value(.phone), !BusinessUnit.isPhoneNumber(phone) {
            problem(.phone, phone, BusinessUnit.phoneRule.chinese, BusinessUnit.phoneRule.english)
        }
        guard let uscc, let name, let street, let grid, let category, let department else { return nil }
        return BusinessUnit(uscc: uscc, name: name, address: value(.address) ?? "", streetId: street.id!,
                            gridId: grid.id!, category: category, departmentId: department.id!,
                            contactPerson: value(.contactPerson), phone: value(.phone),
                            legalRepresentative: value(.legalRepresentative), supervisors: value(.supervisors))
    }
}

extension Rectify {
    /// `progress` hears, while the checked register is written, how many of its rows are done.
    public func importUnits(from url: URL, actor: String,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> UnitImportReport {
        // Checked first in a read, without the write lock: a bad register never keeps officers waiting.
        let (checked, registered) = try database.read { store in
            (try UnitRegister.scan(url, store: store, write: nil), try store.unitCount())
        }
        try database.prepareForBulkWrites()
        let report = try database.announcing("底数清单导入 unit import of \(url.lastPathComponent)", actor: actor) {
            try database.write(actor: actor) { context in
                let write = { try context.importUnits(from: url) { progress?($0, checked.rows) } }
                // Rebuilding the search index costs about a quarter of indexing each row as it is written (measured
                // in docs/performance.md): worth it once the register is a quarter of the units or more.
                return checked.rows * 4 >= registered ? try context.deferringUnitSearch(write) : try write()
            }
        }
        progress?(report.rows, report.rows)
        // Best effort: a reader still holding an old snapshot only postpones it.
        if report.created + report.updated > 0 { try? database.checkpoint() }
        return report
    }
}

/// One register row's cells by column.
struct RowValues {
    private var cells = [String?](repeating: nil, count: UnitColumn.allCases.count)

    subscript(column: UnitColumn) -> String? {
        get { cells[column.ordinal] }
        set { cells[column.ordinal] = newValue }
    }
}

extension UnitColumn {
    /// The position in `allCases`, without hashing the Chinese raw value.
    var ordinal: Int {
        switch self {
        case .uscc: 0
        case .name: 1
        case .address: 2
        case .street: 3
        case .grid: 4
        case .category: 5
        case .department: 6
        case .contactPerson: 7
        case .phone: 8
        case .legalRepresentative: 9
        case .supervisors: 10
        }
    }
}

/// A name compared by its UTF-8 bytes. String's own hashing normalizes Unicode first, which made looking up the
/// Chinese street, grid and department names of every register row one of the import's largest costs; lookups
/// that miss by bytes fall back to String's canonical comparison, so the result is the same.
struct NameKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: NameKey, rhs: NameKey) -> Bool {
        let equal = lhs.text.utf8.withContiguousStorageIfAvailable { left in
            rhs.text.utf8.withContiguousStorageIfAvailable { right in
                left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
        return equal.flatMap { $0 } ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}

/// Names to records: by bytes first, by canonical equivalence when the bytes differ.
struct NameIndex<Value> {
    private var byBytes: [NameKey: Value] = [:]
    private var byName: [String: Value] = [:]

    mutating func add(_ name: String, _ value: Value) {
        byBytes[NameKey(name)] = value
        byName[name] = value
    }

    subscript(name: String) -> Value? { byBytes[NameKey(name)] ?? byName[name] }
}
