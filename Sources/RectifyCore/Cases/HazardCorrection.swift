import Foundation

/// What an officer may correct in a hazard after recording it. The description and the criterion were written into
/// the 责令限期整改指令书 issued with the hazard: an issued document is not changed in place. The supervising body is
/// in no document; the measures the unit reported may be corrected until the re-check judges them.
public struct HazardCorrection: Sendable, Equatable {
    public var description: String?
    public var criterion: String?
    public var supervisingBody: String?
    public var claimMeasures: String?

    public init(description: String? = nil, criterion: String? = nil, supervisingBody: String? = nil, claimMeasures: String? = nil) {
        self.description = description
        self.criterion = criterion
        self.supervisingBody = supervisingBody
        self.claimMeasures = claimMeasures
    }

    /// The corrected hazard, or why it cannot be corrected. `orderNumber`: the 文号 of the order it was issued with.
    public func applied(to hazard: Hazard, orderNumber: String) throws(RuleViolation) -> Hazard {
        guard self != HazardCorrection() else {
            throw RuleViolation(rule: .hazardEditNothing, chinese: "没有给出要更正的字段", english: "no field to correct was given")
        }
        if description.map({ $0 != hazard.description }) == true || criterion.map({ $0 != hazard.criterion }) == true {
            throw RuleViolation(
                rule: .hazardInIssuedOrder,
                chinese: "隐患描述和判定依据已写入已下达的责令限期整改指令书\(orderNumber)，不能直接更改（已下达的文书须另行更正）",
                english: "the description and the criterion are part of the issued order \(orderNumber) and cannot be changed in place (an issued document needs a formal correction)")
        }
        var corrected = hazard
        if let supervisingBody {
            let text = supervisingBody.trimmingCharacters(in: .whitespaces)
            guard hazard.listedSupervision || text.isEmpty else {
                throw RuleViolation(rule: .hazardSupervisionListed, chinese: "只有挂牌督办的隐患才有督办单位",
                                    english: "only a hazard listed for supervision has a supervising body")
            }
            corrected.supervisingBody = text.isEmpty ? nil : text
        }
        if let claimMeasures {
            guard hazard.claimedOn != nil, hazard.verifiedOn == nil, hazard.status == .claimed else {
                throw RuleViolation(
                    rule: .hazardMeasuresNotOpen,
                    chinese: "只有单位已报告整改、尚未复查的隐患才能更正整改措施",
                    english: "the reported measures can be corrected only after the unit reported the fix and before the re-check")
            }
            let text = claimMeasures.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                throw RuleViolation(rule: .hazardMeasuresEmpty, chinese: "整改措施不能为空", english: "the measures must not be empty")
            }
            corrected.claimMeasures = text
        }
        return corrected
    }
}
