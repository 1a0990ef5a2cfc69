import Foundation
import RectifyCore
import RectifyStore

/// The story of each demo case as a list of dated acts; all stories are merged in date order and played through the
/// use cases, so the audit chain reads like a real year of work.
extension DemoDistrict {
    enum Act {
        case open
        case inspectionPlan
        /// `item` indexes the campaign kind's built-in checklist (kept small: a 100,000-unit demo has a million acts).
        case hazard(item: Int, deadline: LocalDate, listed: Bool)
        case rectificationPlan(seq: Int, deadline: LocalDate)
        case selfCheck(failing: [String])
        case claim(seq: Int)
        case extend(seq: Int, to: LocalDate)
        case recheck(verdicts: [(Int, RecheckVerdict)])
        case close
        case penaltyFile(violation: String, hazards: Int)
        case penaltyNotify(fine: Int)
        case penaltyWaive
        case penaltyDecide(fine: Int)
        case penaltyServe
        case penaltyPay
        case penaltyDemand
        case penaltyTransfer
        case penaltyClose
    }

    struct ScheduledAct {
        var date: LocalDate
        var minute: Int
        var story: Int
        var step: Int
        var act: Act
    }

    struct Story {
        var campaign: Int
        var uscc: String
        var officers: [String]
    }

    enum Ending: CaseIterable { case opened, selfChecked, rechecked, rectified, closed }

    static func script(story index: Int, campaign: CampaignSpec, random: inout SeededRandom) -> [ScheduledAct] {
        var acts: [ScheduledAct] = []
        let base = (index * 37) % 400
        func add(_ date: LocalDate, _ act: Act) {
            guard date <= referenceDate else { return }
            acts.append(ScheduledAct(date: date, minute: 480 + base + acts.count * 2, story: index, step: acts.count, act: act))
        }
        let roll = random.int(1...100)
        let ending: Ending = roll <= 8 ? .opened : roll <= 25 ? .selfChecked : roll <= 37 ? .rechecked
            : roll <= 55 ? .rectified : .closed
        let opened = campaign.startsOn.adding(days: 15 + random.int(0...60))
        add(opened, .open)
        if random.chance(0.5) { add(opened, .inspectionPlan) }
        var hazardCount = [0, 0, 1, 1, 1, 2, 2, 3][random.int(0...7)]
        if ending == .rechecked { hazardCount = max(2, hazardCount) }
        let items = BuiltInChecklist.items(for: campaign.kind)
        // Major accident hazards are a small share of what campaigns find (a few per cent), whatever share of the
        // checklist's items may be major.
        var general = items.indices.filter { items[$0].defaultLevel != .major }.shuffled(using: &random)
        var major = items.indices.filter { items[$0].defaultLevel == .major }.shuffled(using: &random)
        var checklist: [Int] = []
        for _ in 0..<hazardCount {
            let wantMajor = random.chance(majorHazardShare)
            if (wantMajor || general.isEmpty), let next = major.popLast() { checklist.append(next) }
            else if let next = general.popLast() { checklist.append(next) }
        }
        hazardCount = checklist.count
        var deadlines: [LocalDate] = []
        for seq in 1...max(1, hazardCount) where seq <= hazardCount {
            let item = items[checklist[seq - 1]]
            let deadline = opened.adding(days: item.defaultLevel == .major ? 30 : 15)
            deadlines.append(deadline)
            add(opened, .hazard(item: checklist[seq - 1], deadline: deadline,
                                listed: item.defaultLevel == .major && random.chance(0.4)))
            if item.defaultLevel == .major { add(opened.adding(days: 2), .rectificationPlan(seq: seq, deadline: deadline)) }
        }
        guard ending != .opened else {
            if hazardCount > 0 && random.chance(campaign.kind == .pumpTruck ? 1.0 : 0.5) {
                penaltyStory(from: deadlines.min()!.adding(days: random.int(3...15)), hazards: hazardCount,
                             kind: campaign.kind, random: &random, add: add)
            }
            return acts
        }
        let selfChecked = opened.adding(days: random.int(3...12))
        add(selfChecked, .selfCheck(failing: checklist.prefix(hazardCount).map { items[$0].code }))
        switch ending {
        case .opened: break
        case .selfChecked:
            for seq in 1...max(1, hazardCount) where seq <= hazardCount && random.chance(0.5) {
                add(selfChecked.adding(days: random.int(1...10)), .claim(seq: seq))
            }
        case .rechecked:
            let claimed = selfChecked.adding(days: random.int(1...8))
            for seq in 1..<hazardCount { add(claimed, .claim(seq: seq)) }
            add(claimed.adding(days: random.int(2...9)), .recheck(verdicts: (1..<hazardCount).map { ($0, .fixed) }))
            if random.chance(0.4) {
                add(deadlines[hazardCount - 1].adding(days: -2), .extend(seq: hazardCount, to: deadlines[hazardCount - 1].adding(days: 30)))
            }
        case .rectified, .closed:
            var last = selfChecked
            if hazardCount > 0 {
                let claimed = selfChecked.adding(days: random.int(1...10))
                for seq in 1...hazardCount { add(claimed, .claim(seq: seq)) }
                last = claimed.adding(days: random.int(2...10))
                if random.chance(0.2) {
                    let failing = random.int(1...hazardCount)
                    add(last, .recheck(verdicts: (1...hazardCount).map { ($0, $0 == failing ? .notFixed : .fixed) }))
                    let reclaimed = last.adding(days: random.int(5...15))
                    add(reclaimed, .claim(seq: failing))
                    last = reclaimed.adding(days: random.int(2...7))
                    add(last, .recheck(verdicts: [(failing, .fixed)]))
                } else {
                    add(last, .recheck(verdicts: (1...hazardCount).map { ($0, .fixed) }))
                }
            } else {
                last = selfChecked.adding(days: random.int(5...20))
                add(last, .recheck(verdicts: []))
            }
            if ending == .closed { add(last.adding(days: random.int(1...10)), .close) }
        }
        return acts
    }

    /// A unit that never self-checked and let its hazards run past the deadline: 立案, then a fine paid on time,
    /// paid late with the surcharge, or left unpaid and demanded; pump-truck violations are transferred (移送).
    static func penaltyStory(from filed: LocalDate, hazards: Int, kind: CampaignKind, random: inout SeededRandom,
                             add: (LocalDate, Act) -> Void) {
        // Fines as bureaus set them for a first violation: the lower part of each range, below the sums that need a
        // legal review or a hearing.
        let (violation, fines): (String, [Int]) = switch kind {
        case .gas: ("AQ99-8", [3_000, 5_000, 5_000, 8_000, 10_000])
        case .eBike: ("GC47", [2_000, 2_000, 3_000, 5_000])
        case .fire: ("XF60", [5_000, 5_000, 8_000, 10_000])
        case .specialEquipment: ("TSJC35", [5_000, 8_000, 10_000])
        case .pumpTruck, .other: ("JS65", [0])
        }
        let plan = (violation: violation, fine: fines[random.int(0...(fines.count - 1))])
        add(filed, .penaltyFile(violation: plan.violation, hazards: hazards))
        if kind == .pumpTruck || kind == .other {
            add(filed.adding(days: random.int(2...6)), .penaltyTransfer)
            return
        }
        let notified = filed.adding(days: random.int(1...4))
        add(notified, .penaltyNotify(fine: plan.fine))
        add(notified.adding(days: 1), .penaltyWaive)
        let decided = notified.adding(days: random.int(3...8))
        add(decided, .penaltyDecide(fine: plan.fine))
        let served = decided.adding(days: random.int(1...3))
        add(served, .penaltyServe)
        let roll = random.int(1...10)
        if roll <= 7 {
            let paid = served.adding(days: random.int(3...14))
            add(paid, .penaltyPay)
            add(paid.adding(days: random.int(1...5)), .penaltyClose)
        } else if roll <= 9 {
            let paid = served.adding(days: random.int(20...40))
            add(paid, .penaltyPay)
            add(paid.adding(days: random.int(1...5)), .penaltyClose)
        } else {
            add(served.adding(days: random.int(50...60)), .penaltyDemand)
        }
    }

    static func play(_ scheduled: ScheduledAct, story: Story, campaign: CampaignSpec, caseNumbers: inout [Int: String],
                     context: WriteContext) throws {
        context.actor = story.officers[0]
        context.now = scheduled.date.timestamp(hour: 0, minute: scheduled.minute)
        let date = scheduled.date
        func number() -> String { caseNumbers[scheduled.story]! }
        switch scheduled.act {
        case .open:
            let opened = try context.openCase(campaignCode: campaign.code, uscc: story.uscc, officers: story.officers, on: date)
            caseNumbers[scheduled.story] = opened.number
        case .inspectionPlan:
            _ = try context.addPlan(caseNumber: number(), kind: .inspection, hazardSeq: nil,
                                    measures: "对照\(campaign.title)检查要点逐项现场检查", responsible: nil,
                                    fundsYuan: nil, deadline: nil, contingency: nil, on: date)
        case .hazard(let index, let deadline, let listed):
            let item = BuiltInChecklist.items(for: campaign.kind)[index]
            _ = try context.addHazard(caseNumber: number(), checklistCode: item.code, description: "未做到：\(item.text)",
                                      level: nil, criterion: nil, foundOn: date, deadline: deadline,
                                      listedSupervision: listed, supervisingBody: listed ? "开发区安委办" : nil)
        case .rectificationPlan(let seq, let deadline):
            _ = try context.addPlan(caseNumber: number(), kind: .rectification, hazardSeq: seq,
                                    measures: "立即停用相关设施，整改到位后报复查", responsible: "单位主要负责人",
                                    fundsYuan: 5000 + (scheduled.story % 20) * 1000, deadline: deadline,
                                    contingency: "现场设置警戒，配备灭火器材，专人值守", on: date)
        case .selfCheck(let failing):
            let items = BuiltInChecklist.items(for: campaign.kind).map {
                (code: $0.code, result: failing.contains($0.code) ? CheckResult.fail : .pass)
            }
            _ = try context.addSelfCheck(caseNumber: number(), on: date, checkedBy: "单位安全管理员",
                                         findings: failing.isEmpty ? "未发现问题" : "发现\(failing.count)项问题",
                                         selfFixed: failing.isEmpty ? nil : "已制定整改计划", pledge: "本单位承诺自查情况真实，按期整改到位",
                                         items: items)
        case .claim(let seq):
            _ = try context.claimRectification(reference: "\(number())/\(seq)", on: date, measures: "已按要求整改并留存照片")
        case .extend(let seq, let deadline):
            _ = try context.extendHazard(reference: "\(number())/\(seq)", to: deadline, reason: "需采购更换设备，单位申请延期", on: date)
        case .recheck(let verdicts):
            _ = try context.addRecheck(caseNumber: number(), on: date, officers: story.officers,
                                       opinion: verdicts.contains { $0.1 == .notFixed } ? "部分隐患未整改到位，责令继续整改" : "整改到位",
                                       verdicts: verdicts.map { (seq: $0.0, verdict: $0.1) })
        case .close:
            _ = try context.closeCase(number: number(), on: date)
        case .penaltyFile(let violation, let hazards):
            _ = try context.filePenalty(caseNumber: number(), on: date, officers: story.officers, violationCode: violation,
                                        facts: "逾期未整改事故隐患", violationOn: date.adding(days: -3), discoveredOn: nil, party: .organisation,
                                        harm: false, hazardSeqs: Array(1...hazards))
        case .penaltyNotify(let fine):
            _ = try context.notifyPenalty(caseNumber: number(), on: date, fineYuan: fine, measures: "责令限期改正", stopOrder: false)
        case .penaltyWaive:
            _ = try context.recordDefence(caseNumber: number(), on: date, statement: nil, waived: true)
        case .penaltyDecide(let fine):
            _ = try context.decidePenalty(caseNumber: number(), on: date, fineYuan: fine, measures: "责令限期改正", stopOrder: false)
        case .penaltyServe:
            _ = try context.servePenalty(caseNumber: number(), on: date, method: "直接送达")
        case .penaltyPay:
            let penalty = try context.penalty(of: try Lookup.case(context.store, number: number()))
            let owed = try PenaltyPayment.owed(penalty, on: date, pauses: try PenaltyDeadlines.pauses(penalty, store: context.store),
                                               engine: try LegalContext.engine(context.store))
            _ = try context.payPenalty(caseNumber: number(), on: date, amountFen: owed.amount.fen)
        case .penaltyDemand:
            _ = try context.demandPayment(caseNumber: number(), on: date)
        case .penaltyTransfer:
            _ = try context.transferPenalty(caseNumber: number(), on: date, to: "综合执法局")
        case .penaltyClose:
            _ = try context.closePenalty(caseNumber: number(), on: date)
        }
    }
}
