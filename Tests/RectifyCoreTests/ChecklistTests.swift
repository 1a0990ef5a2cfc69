import Testing
@testable import RectifyCore

@Suite("Built-in checklists")
struct ChecklistTests {
    @Test("each campaign kind ships at least 8 items, each with a legal basis", arguments: [
        CampaignKind.gas, .eBike, .pumpTruck, .specialEquipment, .fire,
    ])
    func shape(kind: CampaignKind) {
        let items = BuiltInChecklist.items(for: kind)
        #expect(items.count >= 8)
        #expect(Set(items.map(\.code)).count == items.count)
        for item in items {
            #expect(!item.basis.isEmpty && !item.text.isEmpty)
            #expect(item.basis.contains("《") || item.basis.contains("GB") || item.basis.contains("JGJ"))
        }
        #expect(items.contains { $0.defaultLevel == .major })
    }

    @Test("the seed's key checks are in the lists")
    func keyItems() {
        func has(_ kind: CampaignKind, _ text: String) -> Bool {
            BuiltInChecklist.items(for: kind).contains { $0.text.contains(text) }
        }
        #expect(has(.gas, "可燃气体报警"))
        #expect(has(.gas, "地下室"))
        #expect(has(.gas, "带充点"))
        #expect(has(.eBike, "楼道"))
        #expect(has(.eBike, "安全出口"))
        #expect(has(.pumpTruck, "臂架下严禁站人"))
        #expect(has(.pumpTruck, "支腿"))
        #expect(has(.pumpTruck, "操作证"))
        #expect(has(.specialEquipment, "使用登记"))
        #expect(has(.specialEquipment, "定期检验"))
        #expect(has(.specialEquipment, "报废"))
        #expect(has(.fire, "安全出口"))
        #expect(has(.fire, "灭火器"))
        #expect(has(.fire, "微型消防站"))
        #expect(BuiltInChecklist.items(for: .gas).first { $0.text.contains("报警") }?.basis.contains("第36条") == true)
    }
}
