/// Everything dated that happened to one case, as the progress ledger needs it. Built from the stored records and,
/// for claims later refuted (their dates are no longer on the hazard row), from the audit events.
public struct CaseHistory: Sendable {
    public struct Recheck: Sendable {
        public var on: LocalDate
        public var outcome: RecheckOutcome
        /// Verdicts by hazard id.
        public var verdicts: [Int64: RecheckVerdict]
        public init(on: LocalDate, outcome: RecheckOutcome, verdicts: [Int64: RecheckVerdict]) {
            self.on = on
            self.outcome = outcome
            self.verdicts = verdicts
        }
    }

    public struct HazardHistory: Sendable {
        public var id: Int64
        public var level: HazardLevel
        public var foundOn: LocalDate
        public var originalDeadline: LocalDate
        /// Extensions in the order granted: from `grantedOn` the deadline is `to`.
        public var extensions: [(grantedOn: LocalDate, to: LocalDate)]
        /// Every date the unit reported the hazard fixed, in the order reported.
        public var claims: [LocalDate]
        /// When the hazard was handed to the penalty procedure, if it was.
        public var referredOn: LocalDate?
        public init(id: Int64, level: HazardLevel, foundOn: LocalDate, originalDeadline: LocalDate,
                    extensions: [(grantedOn: LocalDate, to: LocalDate)] = [], claims: [LocalDate] = [],
                    referredOn: LocalDate? = nil) {
            self.id = id
            self.level = level
            self.foundOn = foundOn
            self.originalDeadline = originalDeadline
            self.extensions = extensions
            self.claims = claims
            self.referredOn = referredOn
        }
    }

    public struct PenaltyFacts: Sendable {
        public var filedOn: LocalDate?
        public var decidedOn: LocalDate?
        public var fineYuan: Int?
        public var stopOrder: Bool
        public var transferredOn: LocalDate?
        public var transferTo: String?
        public init(filedOn: LocalDate?, decidedOn: LocalDate?, fineYuan: Int?, stopOrder: Bool,
                    transferredOn: LocalDate?, transferTo: String?) {
            self.filedOn = filedOn
            self.decidedOn = decidedOn
            self.fineYuan = fineYuan
            self.stopOrder = stopOrder
            self.transferredOn = transferredOn
            self.transferTo = transferTo
        }
    }

    public var openedOn: LocalDate
    /// The day the unit's register entry was written.
    public var unitEnteredOn: LocalDate?
    public var closedOn: LocalDate?
    public var selfCheckDates: [LocalDate]
    /// In the order recorded.
    public var rechecks: [Recheck]
    public var hazards: [HazardHistory]
    public var documentDates: [LocalDate]
    public var penalty: PenaltyFacts?

    public init(openedOn: LocalDate, closedOn: LocalDate? = nil, selfCheckDates: [LocalDate] = [], rechecks: [Recheck] = [],
                hazards: [HazardHistory] = [], documentDates: [LocalDate] = [], penalty: PenaltyFacts? = nil) {
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.selfCheckDates = selfCheckDates
        self.rechecks = rechecks
        self.hazards = hazards
        self.documentDates = documentDates
        self.penalty = penalty
    }
}

extension CaseHistory {
    /// The case's dated contributions to every measure, merged per measure and day (zero changes dropped).
    public func contributions() -> [ProgressContribution] {
        var out: [ProgressContribution] = [.init(.casesOpened, openedOn), .init(.inspections, openedOn)]
        if let entered = unitEnteredOn, entered > openedOn {
            out += [.init(.unitsBeforeEntry, openedOn), .init(.unitsBeforeEntry, entered, -1)]
        }
        if let first = selfCheckDates.min() { out.append(.init(.selfChecked, first)) }
        if let first = rechecks.map(\.on).min() { out.append(.init(.rechecked, first)) }
        if let passed = rechecks.filter({ $0.outcome == .passed }).map(\.on).min() { out.append(.init(.passed, passed)) }
        if let closedOn { out.append(.init(.closed, closedOn)) }
        out += rechecks.map { .init(.inspections, $0.on) }
        out += documentDates.map { .init(.documents, $0) }
        for hazard in hazards {
            let verdicts = rechecks.compactMap { recheck in recheck.verdicts[hazard.id].map { (recheck.on, $0) } }
            out += hazard.contributions(verdicts: verdicts)
        }
        if let penalty {
            if let filed = penalty.filedOn { out.append(.init(.penaltiesFiled, filed)) }
            if let decided = penalty.decidedOn {
                out.append(.init(.decisions, decided))
                if let fine = penalty.fineYuan, fine > 0 { out.append(.init(.fineYuan, decided, fine)) }
                if penalty.stopOrder { out.append(.init(.stopOrders, decided)) }
            }
            if let transferred = penalty.transferredOn {
                let judicial = TransferReceiver.isJudicial(penalty.transferTo ?? "")
                out.append(.init(judicial ? .transfersJudicial : .transfersOther, transferred))
            }
        }
        return ProgressContribution.merged(out)
    }
}

extension ProgressContribution {
    /// Sums deltas per measure and day, drops zeros, and sorts (so two computations compare equal).
    public static func merged(_ items: [ProgressContribution]) -> [ProgressContribution] {
        var sums: [Key: Int] = [:]
        for item in items { sums[Key(measure: item.measure, day: item.day), default: 0] += item.delta }
        return sums.filter { $0.value != 0 }
            .map { ProgressContribution($0.key.measure, $0.key.day, $0.value) }
            .sorted { ($0.day, $0.measure.rawValue) < ($1.day, $1.measure.rawValue) }
    }

    struct Key: Hashable {
        var measure: ProgressMeasure
        var day: LocalDate
    }
}
