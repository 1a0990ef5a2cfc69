import Foundation
import RectifyCore
import RectifyStore

/// Builds the demo district of the seed (南通开发区: 竹行街道, 小海街道, 老洪港) through the same use cases officers
/// use, so every row has its audit event. Its dates lie in 2026 and depend only on the seed.
public struct DemoDistrict {
    /// The day the demo's story stops: nothing happens after it, and overdue is counted against it.
    public static let referenceDate = LocalDate(year: 2026, month: 9, day: 30)!
    public static let defaultSeed: UInt64 = 2018
    /// The chance a hazard found is a major one (重大事故隐患): a few per cent in real campaigns.
    static let majorHazardShare = 0.04

    /// The seed's register: 393 规上 and 461 规下 enterprises, plus restaurants, crowded places and 个体工商户.
    static let defaultComposition: [(UnitCategory, Int)] = [
        (.aboveScale, 393), (.belowScale, 461), (.restaurant, 320), (.crowdedPlace, 150),
        (.individualBusiness, 420), (.constructionSite, 36), (.other, 60),
    ]

    static let streets: [(name: String, code: String, grids: [(String, String)])] = [
        ("竹行街道", "320671001", [("竹行社区网格", "竹行社区"), ("东方社区网格", "东方社区"), ("兴港社区网格", "兴港社区"),
                                   ("普陀社区网格", "普陀社区")]),
        ("小海街道", "320671002", [("朝阳小区网格", "朝阳社区"), ("小海花苑网格", "小海花苑社区"), ("通盛社区网格", "通盛社区"),
                                   ("富民社区网格", "富民社区")]),
        ("老洪港", "320671400", [("老洪港社区网格", "老洪港社区"), ("新华社区网格", "新华社区")]),
    ]

    static let departments = ["安监局", "市场监管局", "消防大队", "建设局", "房产管理局", "综合执法局", "交警五大队",
                              "竹行街道办事处", "小海街道办事处", "老洪港管理办公室"]

    /// The composition scaled to `total` units, keeping the seed's proportions.
    static func composition(total: Int?) -> [(UnitCategory, Int)] {
        guard let total else { return defaultComposition }
        let base = defaultComposition.reduce(0) { $0 + $1.1 }
        var result = defaultComposition.map { ($0.0, $0.1 * total / base) }
        result[0].1 += total - result.reduce(0) { $0 + $1.1 }
        return result
    }

    /// The sector department of each category.
    static func department(for category: UnitCategory) -> String {
        switch category {
        case .aboveScale, .belowScale: "安监局"
        case .restaurant, .individualBusiness: "市场监管局"
        case .crowdedPlace: "消防大队"
        case .constructionSite: "建设局"
        case .other: "综合执法局"
        }
    }

    static func uscc(category: UnitCategory, index: Int, _ random: inout SeededRandom) -> USCC {
        let prefix = category == .individualBusiness || (category == .restaurant && index % 2 == 0) ? "92" : "91"
        // The organisation-code part carries the index, so codes never collide; the rest is random.
        let alphabet = USCC.alphabet
        var body = prefix + "320671"
        var rest = index
        var tail: [Character] = []
        for _ in 0..<5 {
            tail.append(alphabet[rest % 31])
            rest /= 31
        }
        for _ in 0..<4 { body.append(alphabet[random.int(0...9)]) }
        body += String(tail.reversed())
        return try! USCC(body + String(USCC.checkCharacter(for: body)!))
    }
}

extension DemoDistrict {
    struct Officers {
        var byDepartment: [String: [String]] = [:]
        func pair(_ department: String, _ random: inout SeededRandom) -> [String] {
            let pool = byDepartment[department]!
            let first = random.int(0...(pool.count - 1))
            let second = (first + random.int(1...(pool.count - 1))) % pool.count
            return [pool[first], pool[second]]
        }
    }

    /// Sets up the agency, organisation, officers and register. Returns the officers by department.
    static func buildOrganisation(_ context: WriteContext, units total: Int?, random: inout SeededRandom) throws -> Officers {
        context.now = LocalDate(year: 2026, month: 3, day: 2)!.timestamp()
        _ = try context.setAgency(name: "南通经济技术开发区安全生产监督管理局", abbreviation: "通开", divisionCode: "320671")
        for name in departments { _ = try context.addDepartment(name: name) }
        var officers = Officers()
        var credentialSerial = 0
        let staffing = [("安监局", 8), ("市场监管局", 4), ("消防大队", 4), ("建设局", 3), ("综合执法局", 3),
                        ("竹行街道办事处", 6), ("小海街道办事处", 6), ("老洪港管理办公室", 6)]
        for (department, count) in staffing {
            for _ in 0..<count {
                credentialSerial += 1
                let credential = "32067100" + String(format: "%04d", credentialSerial)
                _ = try context.addOfficer(credential: credential, name: DemoNames.person(&random), departmentName: department)
                officers.byDepartment[department, default: []].append(credential)
            }
        }
        var grids: [(Street, Grid)] = []
        for street in streets {
            let stored = try context.addStreet(name: street.name, divisionCode: street.code)
            for (name, community) in street.grids {
                grids.append((stored, try context.addGrid(streetName: street.name, name: name, community: community,
                                                          safetyOfficer: DemoNames.person(&random))))
            }
        }
        let departmentIds = Dictionary(uniqueKeysWithValues: try context.store.departments().map { ($0.name, $0.id!) })
        var index = 0
        for (category, count) in composition(total: total) {
            for _ in 0..<count {
                index += 1
                let (street, grid) = grids[random.int(0...(grids.count - 1))]
                var unit = BusinessUnit(
                    uscc: uscc(category: category, index: index, &random), name: DemoNames.unitName(category, &random),
                    address: DemoNames.address(&random), streetId: street.id!, gridId: grid.id!, category: category,
                    departmentId: departmentIds[department(for: category)]!, contactPerson: DemoNames.person(&random),
                    phone: DemoNames.phone(&random), legalRepresentative: DemoNames.person(&random),
                    supervisors: "\(grid.safetyOfficer!)、\(DemoNames.person(&random))")
                try context.insert(&unit, action: "unit.create")
            }
        }
        return officers
    }

    /// The five campaigns of the seed's Q2 tasks, moved to 2026.
    static func campaignSpecs() -> [CampaignSpec] {
        func date(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: 2026, month: month, day: day)! }
        let phases = [
            CampaignSpec.Phase(name: "动员部署", startsOn: date(4, 1), endsOn: date(4, 15)),
            CampaignSpec.Phase(name: "自查自改", startsOn: date(4, 16), endsOn: date(5, 31)),
            CampaignSpec.Phase(name: "复查复核", startsOn: date(6, 1), endsOn: date(6, 30)),
            CampaignSpec.Phase(name: "执法处罚", startsOn: date(7, 1), endsOn: date(9, 30)),
            CampaignSpec.Phase(name: "总结提升", startsOn: date(10, 1), endsOn: date(10, 31)),
        ]
        return [
            CampaignSpec(code: "gas-2026", kind: .gas, title: "餐饮场所燃气安全专项整治", planNumber: "通开安委办〔2026〕11号",
                         leadDepartment: "安监局", partnerDepartments: ["市场监管局", "消防大队", "综合执法局"],
                         startsOn: date(4, 1), endsOn: date(10, 31), phases: phases,
                         scopeCategories: [.restaurant, .individualBusiness],
                         targets: [.init(scope: "餐饮场所", metric: .accepted, amount: .percent(100), dueOn: date(6, 30)),
                                   .init(scope: nil, metric: .selfChecked, amount: .percent(100), dueOn: date(5, 31))]),
            CampaignSpec(code: "ebike-2026", kind: .eBike, title: "电动自行车违规停放充电专项整治", planNumber: "通开安委办〔2026〕12号",
                         leadDepartment: "消防大队", partnerDepartments: ["房产管理局", "竹行街道办事处", "小海街道办事处"],
                         startsOn: date(4, 1), endsOn: date(10, 31), phases: phases,
                         scopeCategories: [.crowdedPlace, .individualBusiness, .other],
                         targets: [.init(scope: nil, metric: .rechecked, amount: .percent(80), dueOn: date(8, 31))]),
            CampaignSpec(code: "pump-2026", kind: .pumpTruck, title: "建筑工地泵车作业专项安全检查", planNumber: "通开建〔2026〕8号",
                         leadDepartment: "建设局", partnerDepartments: ["综合执法局"],
                         startsOn: date(4, 1), endsOn: date(10, 31), phases: phases, scopeCategories: [.constructionSite],
                         targets: [.init(scope: nil, metric: .casesOpened, amount: .percent(100), dueOn: date(6, 30)),
                                   .init(scope: nil, metric: .transferred, amount: .count(2), dueOn: date(6, 30))]),
            CampaignSpec(code: "se-2026", kind: .specialEquipment, title: "特种设备（气瓶、叉车、电梯）安全专项整治",
                         planNumber: "通开市监〔2026〕15号", leadDepartment: "市场监管局", partnerDepartments: ["安监局"],
                         startsOn: date(4, 1), endsOn: date(10, 31), phases: phases,
                         scopeCategories: [.aboveScale, .belowScale],
                         targets: [.init(scope: "规上企业", metric: .accepted, amount: .percent(100), dueOn: date(6, 30)),
                                   .init(scope: "规下企业", metric: .accepted, amount: .percent(30), dueOn: date(6, 30))]),
            // A two-year campaign, open still: the README's tour opens a case in it on the day it is read.
            CampaignSpec(code: "fire-2026", kind: .fire, title: "消防安全综合治理（高层建筑、电气火灾，2026至2027年）",
                         planNumber: "通开安委办〔2026〕13号",
                         leadDepartment: "消防大队", partnerDepartments: ["安监局", "老洪港管理办公室"],
                         startsOn: date(4, 1), endsOn: LocalDate(year: 2027, month: 12, day: 31)!,
                         phases: Array(phases.dropLast()) + [
                             CampaignSpec.Phase(name: "巩固提升", startsOn: date(10, 1), endsOn: LocalDate(year: 2027, month: 12, day: 31)!),
                         ],
                         scopeCategories: [.aboveScale, .crowdedPlace],
                         targets: [.init(scope: "人员密集场所", metric: .accepted, amount: .percent(90), dueOn: date(9, 30))]),
        ]
    }

    static func leadOfficers(for campaign: CampaignSpec, street: String) -> String {
        // Street offices take the restaurants, shops and crowded places of their area; departments the rest.
        switch campaign.kind {
        case .gas, .eBike:
            ["竹行街道": "竹行街道办事处", "小海街道": "小海街道办事处", "老洪港": "老洪港管理办公室"][street]!
        default: campaign.leadDepartment
        }
    }
}
