import ArgumentParser
import RectifyCore
import RectifyXML

/// Enumerated options are typed: `--help` lists their values, and a wrong value is a usage error (exit 2). Each value
/// may be given by its code or its Chinese name, as `BilingualEnum.parse` accepts them.
extension ExpressibleByArgument where Self: BilingualEnum {
    public init?(argument: String) {
        guard let value = try? Self.parse(argument) else { return nil }
        self = value
    }

    public static var allValueStrings: [String] { allCases.flatMap { [$0.rawValue, $0.chinese] } }
}

extension CampaignKind: ExpressibleByArgument {}
extension UnitCategory: ExpressibleByArgument {}
extension HazardLevel: ExpressibleByArgument {}
extension PlanKind: ExpressibleByArgument {}
extension CaseState: ExpressibleByArgument {}
extension PartyKind: ExpressibleByArgument {}
extension ProgressDimension: ExpressibleByArgument {}
extension AccountRole: ExpressibleByArgument {}
extension RuleKey: ExpressibleByArgument {}
extension RuleUnit: ExpressibleByArgument {}

extension SignatureAlgorithm: ExpressibleByArgument {}
