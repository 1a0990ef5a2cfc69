import Foundation
import RectifyCore

/// Plausible names for a development zone in Nantong; only the streets, places and departments come from the seed.
enum DemoNames {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let givenParts = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌海峰波辉鹏宇浩然俊晨欣怡佳琪雪梅春林凤云亮飞")
    static let places = ["通盛", "竹行", "小海", "江海", "星湖", "东方", "华新", "宏达", "新港", "富民", "中兴", "瑞丰", "恒通",
                         "金港", "天元", "永兴", "海晨", "南源", "盛和", "长江", "开元", "鸿运", "安顺", "佳禾"]
    static let industries = ["机械制造", "钢丝绳", "纺织", "精细化工", "电子科技", "五金制品", "塑业", "物流", "船舶配件",
                             "食品", "包装材料", "金属制品", "新材料", "医疗器械", "服饰", "家具", "印务", "环保设备"]
    static let dishes = ["面馆", "饭店", "小吃", "火锅店", "烧烤", "快餐", "海鲜酒家", "土菜馆", "饺子馆", "茶餐厅"]
    static let crowded = ["超市", "购物广场", "宾馆", "KTV", "影城", "网吧", "农贸市场", "健身中心", "培训学校", "养老院"]
    static let shops = ["便利店", "电动车行", "五金店", "理发店", "水果店", "粮油店", "修车铺", "日杂店", "液化气供应点"]
    static let roads = ["通盛大道", "星湖大道", "新开路", "竹行路", "小海路", "振兴路", "广州路", "富民港路", "齐心路", "中央路"]

    static func person(_ random: inout SeededRandom) -> String {
        var name = String(random.pick(surnames)) + String(random.pick(givenParts))
        if random.chance(0.7) { name.append(random.pick(givenParts)) }
        return name
    }

    static func unitName(_ category: UnitCategory, _ random: inout SeededRandom) -> String {
        let place = random.pick(places)
        switch category {
        case .aboveScale: return "南通\(place)\(random.pick(industries))\(random.chance(0.3) ? "股份" : "")有限公司"
        case .belowScale: return "南通\(place)\(random.pick(industries))有限公司"
        case .restaurant: return "\(String(random.pick(surnames)))记\(random.pick(dishes))"
        case .crowdedPlace: return "\(place)\(random.pick(crowded))"
        case .individualBusiness: return "开发区\(place)\(random.pick(shops))"
        case .constructionSite: return "\(place)\(random.pick(["花苑", "商务中心", "厂房", "安置房"]))\(random.int(1...5))期项目工地"
        case .other: return "\(place)\(random.pick(["物业管理处", "仓储中心", "停车场", "加油站"]))"
        }
    }

    static func address(_ random: inout SeededRandom) -> String {
        "南通经济技术开发区\(random.pick(roads))\(random.int(1...999))号"
    }

    static func phone(_ random: inout SeededRandom) -> String {
        random.chance(0.7)
            ? "1\(random.pick(["3", "5", "8", "9"]))\(random.int(0...9))\(String(format: "%08d", random.int(0...99_999_999)))"
            : "0513-8\(String(format: "%07d", random.int(0...9_999_999)))"
    }
}
