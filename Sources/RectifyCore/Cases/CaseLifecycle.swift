/// The states of a case (案件).
///
/// ```
/// opened ──self-check──▶ selfChecked ──re-check, hazards left──▶ rechecked
///                          ▲   │                                    │
///                          │   └──re-check, all resolved──▶ rectified ──close──▶ closed
///                          └──── re-check with a failed hazard (loops back) ◀──┘
/// ```
public enum CaseState: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case opened
    case selfChecked = "self-checked"
    case rechecked
    case rectified
    case closed

    public var chinese: String {
        switch self {
        case .opened: "已立档待自查"
        case .selfChecked: "已自查待复查"
        case .rechecked: "已复查整改中"
        case .rectified: "整改已验收"
        case .closed: "已结档"
        }
    }

    public static let fieldChinese = "案件状态"
    public static let fieldEnglish = "case state"
}

/// What happens to a case. Re-check outcomes are judged from the hazards after the verdicts are applied.
public enum CaseEvent: Equatable, Sendable {
    case selfCheckSubmitted
    case hazardAdded
    case recheckRecorded(RecheckOutcome)
    /// The penalty procedure (执法处罚) took over a hazard; `allResolved` tells whether none is left open.
    case hazardReferredToPenalty(allResolved: Bool)
    case closeRequested(unresolvedHazards: Int)

    var chinese: String {
        switch self {
        case .selfCheckSubmitted: "登记自查自改"
        case .hazardAdded: "新增隐患"
        case .recheckRecorded: "登记复查复核"
        case .hazardReferredToPenalty: "隐患转入处罚程序"
        case .closeRequested: "结档"
        }
    }

    var english: String {
        switch self {
        case .selfCheckSubmitted: "record a self-check"
        case .hazardAdded: "add a hazard"
        case .recheckRecorded: "record a re-check"
        case .hazardReferredToPenalty: "refer a hazard to the penalty procedure"
        case .closeRequested: "close the case"
        }
    }
}

public enum RecheckOutcome: String, Codable, Sendable, CaseIterable, BilingualEnum {
    /// A hazard the unit reported fixed is not: the case loops back to rectification.
    case failed
    /// Every verdict passed, but hazards are still open (their deadlines may not have come).
    case partial
    /// Every hazard is verified fixed or handed to the penalty procedure.
    case passed

    public var chinese: String {
        switch self {
        case .failed: "复查未通过"
        case .partial: "部分销号"
        case .passed: "复查通过"
        }
    }

    public static let fieldChinese = "复查结果"
    public static let fieldEnglish = "re-check outcome"
}

public enum CaseLifecycle {
    /// The next state, or a refusal that names the rule and the reason.
    public static func next(from state: CaseState, on event: CaseEvent) throws(RuleViolation) -> CaseState {
        switch (state, event) {
        case (.closed, _):
            throw refusal(state, event, rule: .caseClosedFrozen,
                          "案件已结档，不能再变更（更正须另行记录）", "a closed case never changes; corrections are new records")

        case (.opened, .selfCheckSubmitted), (.selfChecked, .selfCheckSubmitted): return .selfChecked
        case (.rechecked, .selfCheckSubmitted): return .rechecked
        case (.rectified, .selfCheckSubmitted):
            throw refusal(state, event, rule: .caseAccepted, "整改已验收，无需再次自查", "rectification was already accepted")

        case (.opened, .hazardAdded), (.selfChecked, .hazardAdded), (.rechecked, .hazardAdded): return state
        case (.rectified, .hazardAdded): return .rechecked

        case (.opened, .recheckRecorded):
            throw refusal(state, event, rule: .recheckAfterSelfcheck,
                          "单位尚未登记自查自改，不能复查复核", "the unit has not recorded its self-check yet")
        case (.selfChecked, .recheckRecorded(let outcome)), (.rechecked, .recheckRecorded(let outcome)):
            switch outcome {
            case .failed: return .selfChecked
            case .partial: return .rechecked
            case .passed: return .rectified
            }
        case (.rectified, .recheckRecorded):
            throw refusal(state, event, rule: .caseAccepted, "整改已验收，没有待复查的隐患", "rectification was already accepted")

        case (.rectified, .hazardReferredToPenalty): return .rectified
        case (.opened, .hazardReferredToPenalty), (.selfChecked, .hazardReferredToPenalty): return state
        case (.rechecked, .hazardReferredToPenalty(let allResolved)): return allResolved ? .rectified : .rechecked

        case (.rectified, .closeRequested(let unresolved)):
            guard unresolved == 0 else {
                throw refusal(state, event, rule: .closeAllHazardsResolved,
                              "还有\(unresolved)项隐患未复查销号或转入处罚程序",
                              "\(unresolved) hazard(s) are neither verified fixed nor handed to the penalty procedure")
            }
            return .closed
        case (_, .closeRequested):
            throw refusal(state, event, rule: .closeAfterAcceptance,
                          "案件处于“\(state.chinese)”，须复查复核通过后才能结档",
                          "the case is '\(state.rawValue)'; it closes only after a passed re-check")
        }
    }

    /// Records may be added to a case until it is closed.
    public static func requireOpen(_ state: CaseState) throws(RuleViolation) {
        if state == .closed {
            throw RuleViolation(rule: .caseClosedFrozen, chinese: "案件已结档，不能再变更（更正须另行记录）",
                                english: "a closed case never changes; corrections are new records")
        }
    }

    private static func refusal(_ state: CaseState, _ event: CaseEvent, rule: RuleCode,
                                _ chinese: String, _ english: String) -> RuleViolation {
        RuleViolation(rule: rule, chinese: "不能\(event.chinese)：\(chinese)",
                      english: "cannot \(event.english) while \(state.rawValue): \(english)")
    }

    /// The outcome of a re-check once its verdicts are applied to the hazards.
    public static func outcome(verdicts: [RecheckVerdict], hazardStatusesAfter: [HazardStatus]) -> RecheckOutcome {
        if verdicts.contains(.notFixed) { return .failed }
        return hazardStatusesAfter.allSatisfy(\.isResolved) ? .passed : .partial
    }
}
