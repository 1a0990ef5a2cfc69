import Foundation

/// An enforcement document number `（简称）代字〔年〕序号号`, e.g. `（通开）应急责改〔2026〕7号`.
public struct DocumentNumber: Hashable, Sendable, CustomStringConvertible {
    public let agency: String
    public let code: String
    public let year: Int
    public let serial: Int

    public init(agency: String, code: String, year: Int, serial: Int) {
        self.agency = agency
        self.code = code
        self.year = year
        self.serial = serial
    }

    /// Always written with full-width parentheses and 六角括号.
    /// Without an agency part, as such numbers are written (`深龙华应急罚〔2026〕1号`): `（）` would not read back.
    public var description: String { (agency.isEmpty ? "" : "（\(agency)）") + "\(code)〔\(year)〕\(serial)号" }

    /// Reads a number written with full- or half-width parentheses; brackets may be 〔〕, [] or ［］.
    /// The agency part is optional, as in `深龙华应急罚〔2026〕1号`-style numbers, where it stays empty.
    /// On Unicode scalars (every delimiter is one scalar): a filed case's numbers are all parsed on import, and
    /// walking Chinese text by grapheme cost more than the rest of the check.
    public init?(parsing text: String) {
        var rest = Substring(text).unicodeScalars[...]
        while let first = rest.first, first.isInlineSpace { rest.removeFirst() }
        while let last = rest.last, last.isInlineSpace { rest.removeLast() }
        var agency = ""
        if let open = rest.first, open == "（" || open == "(" {
            guard let close = rest.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
            agency = String(String.UnicodeScalarView(rest[rest.index(after: rest.startIndex)..<close]))
            guard !agency.isEmpty else { return nil }
            rest = rest[rest.index(after: close)...]
        }
        guard let yearOpen = rest.firstIndex(where: { $0 == "〔" || $0 == "[" || $0 == "［" }),
              let yearClose = rest.firstIndex(where: { $0 == "〕" || $0 == "]" || $0 == "］" }), yearOpen < yearClose,
              rest.last == "号"
        else { return nil }
        let code = String(String.UnicodeScalarView(rest[..<yearOpen]))
        let yearText = rest[rest.index(after: yearOpen)..<yearClose]
        let serialText = rest[rest.index(after: yearClose)..<rest.index(before: rest.endIndex)]
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        guard !code.isEmpty, yearText.count == 4, yearText.allSatisfy(isDigit),
              !serialText.isEmpty, serialText.allSatisfy(isDigit), serialText.first != "0",
              let year = Int(String(String.UnicodeScalarView(yearText))), (1900...2999).contains(year),
              let serial = Int(String(String.UnicodeScalarView(serialText))), serial > 0
        else { return nil }
        self.init(agency: agency, code: code, year: year, serial: serial)
    }
}

extension Unicode.Scalar {
    /// Foundation's `CharacterSet.whitespaces`: space separators (Zs), tab and, as Foundation has it, U+200B; not
    /// line breaks.
    var isInlineSpace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

/// The documents Rectify issues, with their 代字 (post-2018 应急 form, `reference/domain.md` §3).
public enum DocumentKind: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case inspectionRecord = "inspection-record"
    case rectificationOrder = "rectification-order"
    case recheckOpinion = "recheck-opinion"
    case penaltyFiling = "penalty-filing"
    case penaltyNotice = "penalty-notice"
    case hearingNotice = "hearing-notice"
    case discussionRecord = "discussion-record"
    case penaltyDecision = "penalty-decision"
    case paymentApproval = "payment-approval"
    case demandNotice = "demand-notice"
    case transferLetter = "transfer-letter"
    case closingApproval = "closing-approval"
    case decisionExtension = "decision-extension"

    public var chinese: String {
        switch self {
        case .inspectionRecord: "现场检查记录"
        case .rectificationOrder: "责令限期整改指令书"
        case .recheckOpinion: "整改复查意见书"
        case .penaltyFiling: "立案审批表"
        case .penaltyNotice: "行政处罚告知书"
        case .hearingNotice: "听证告知书"
        case .discussionRecord: "集体讨论记录"
        case .penaltyDecision: "行政处罚决定书"
        case .paymentApproval: "延期（分期）缴纳罚款批准书"
        case .demandNotice: "履行催告书"
        case .transferLetter: "案件移送书"
        case .closingApproval: "结案审批表"
        case .decisionExtension: "延长办案期限审批表"
        }
    }

    public var code: String {
        switch self {
        case .inspectionRecord: "应急检记"
        case .rectificationOrder: "应急责改"
        case .recheckOpinion: "应急复查"
        case .penaltyFiling: "应急立"
        case .penaltyNotice: "应急罚告"
        case .hearingNotice: "应急听告"
        case .discussionRecord: "应急罚集"
        case .penaltyDecision: "应急罚"
        case .paymentApproval: "应急缴批"
        case .demandNotice: "应急执行催告"
        // Not in the reference table of 代字: Rectify's own code for the transfer letter (《安全生产法》第69条).
        case .transferLetter: "应急移"
        case .closingApproval: "应急结"
        // Rectify's own code for the approval of a longer decision period (《行政处罚法》第60条).
        case .decisionExtension: "应急延"
        }
    }

    public static let fieldChinese = "文书种类"
    public static let fieldEnglish = "document kind"
}
