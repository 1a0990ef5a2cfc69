import GRDB
import RectifyCore

/// Every text written through `WriteContext` passes `TextInput`, whatever front end it came from: refused control
/// characters and over-long fields never reach the database, and CR LF is stored as LF. The tables the progress
/// ledger keeps hold no user text and are not checked.
public enum StoredText {
    static let derivedTables: Set<String> = ["progressCase", "progressTally", "progressTotal", "unitTally"]

    /// Free-text columns (`TextInput.longLimit`); a certificate's PEM is longer still; every other text column is short.
    static let longColumns: Set<String> = [
        "description", "criterion", "measures", "contingency", "findings", "selfFixed", "pledge", "opinion", "facts",
        "defence", "proposedMeasures", "claimMeasures", "reason", "basis", "text", "summary", "supervisors", "subject",
        "address", "responsible",
    ]

    public static func limit(table: String, column: String) -> Int {
        if column == "pem" { return 16_000 }
        return longColumns.contains(column) ? TextInput.longLimit : TextInput.shortLimit
    }

    /// The values as they are to be stored, or the first refused one, named.
    static func checked(_ values: [DatabaseValue], columns: [String], table: String) throws -> [DatabaseValue] {
        guard !derivedTables.contains(table) else { return values }
        var values = values
        for (index, column) in columns.enumerated() {
            guard case .string(let text) = values[index].storage else { continue }
            switch TextInput.normalized(text, limit: limit(table: table, column: column)) {
            case .success(let stored): if stored != text { values[index] = stored.databaseValue }
            case .failure(let problem): throw StoreError.text(table: table, column: column, problem: problem)
            }
        }
        return values
    }

    /// What a user calls the field.
    static func label(_ column: String) -> String? {
        [
            "name": "名称", "address": "地址", "description": "隐患描述", "criterion": "判定依据", "measures": "措施",
            "contingency": "应急预案", "responsible": "责任人", "findings": "自查发现", "selfFixed": "自行整改情况",
            "pledge": "承诺", "opinion": "复查意见", "facts": "违法事实", "defence": "陈述申辩", "proposedMeasures": "拟处罚措施",
            "claimMeasures": "整改措施", "reason": "理由", "basis": "依据", "title": "题名", "contactPerson": "联系人",
            "phone": "联系电话", "legalRepresentative": "法定代表人", "community": "社区", "safetyOfficer": "网格安全员",
            "abbreviation": "简称", "planNumber": "方案文号", "fileName": "文件名", "checkedBy": "检查人", "reviewer": "审核人",
            "transferTo": "移送机关", "supervisingBody": "监管部门", "summary": "摘要", "agencyName": "机关名称", "text": "内容",
            "supervisors": "监管人员", "party": "当事人", "code": "代码", "credential": "执法证号",
        ][column]
    }
}
