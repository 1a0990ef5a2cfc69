import RectifyCore
import RectifyKit

/// Reads a submitted act form into the `CaseAct` it asks for; a value that cannot be read is refused naming the
/// field's label, so the form shows it where it was typed.
struct CaseActInput {
    let body: FormBody
    let form: ActForm
    /// The files of a multipart submission.
    var files: [MultipartBody.File] = []

    func act() throws -> CaseAct {
        switch form.act {
        case "hazard":
            return .addHazard(checklistCode: body.optional("item"), description: body["description"], level: nil,
                              criterion: nil, foundOn: try date("foundOn"), deadline: try requiredDate("deadline"),
                              listedSupervision: false, supervisingBody: nil)
        case "extend":
            return .extendHazard(seq: try seq("hazard"), deadline: try requiredDate("deadline"), reason: body["reason"],
                                 on: try date("date"))
        case "rectified":
            return .reportRectified(seq: try seq("hazard"), on: try date("date"), measures: body["measures"])
        case "plan":
            return .addPlan(kind: try choice("kind", PlanKind.self), hazardSeq: body.optional("hazard") == nil ? nil : try seq("hazard"),
                            measures: body["measures"], responsible: body.optional("responsible"),
                            fundsYuan: try wholeYuan("funds"), deadline: try date("deadline"),
                            contingency: body.optional("contingency"), on: try date("date"))
        case "selfcheck":
            let items = try form.fields.filter { $0.name.hasPrefix("result-") }.compactMap { field -> CaseAct.SelfCheckAnswer? in
                guard body.optional(field.name) != nil else { return nil }
                return .init(code: String(field.name.dropFirst("result-".count)), result: try choice(field.name, CheckResult.self))
            }
            return .addSelfCheck(on: try date("date"), checkedBy: body["checkedBy"], findings: body["findings"],
                                 selfFixed: body.optional("selfFixed"), pledge: body["pledge"], items: items)
        case "recheck":
            let verdicts = try form.fields.filter { $0.name.hasPrefix("verdict-") }.map { field in
                CaseAct.RecheckAnswer(seq: Int(field.name.dropFirst("verdict-".count))!,
                                      verdict: try choice(field.name, RecheckVerdict.self))
            }
            return .addRecheck(on: try date("date"), officers: officers("officers"), opinion: body["opinion"], verdicts: verdicts)
        case "close":
            return .close(on: try date("date"))
        case "attach":
            guard let file = files.first(where: { $0.field == "file" }), !file.content.isEmpty else {
                throw ValidationError(field: label("file"), fieldEnglish: "file", chinese: "请选择要上传的文件", english: "choose a file to upload")
            }
            return .attach(fileName: file.fileName, content: file.content,
                           hazardSeq: body.optional("hazard") == nil ? nil : try seq("hazard"))
        case "penalty-file":
            return .filePenalty(on: try date("date"), Rectify.PenaltyFiling(
                officers: officers("officers"), violationCode: body["violation"], facts: body["facts"],
                violationOn: try requiredDate("violationOn"), party: try choice("party", PartyKind.self),
                harm: body.ticked("harm"), hazardSeqs: []))
        case "penalty-notify":
            return .notifyPenalty(on: try date("date"), fineYuan: try requiredYuan("fine"), measures: body.optional("measures"),
                                  stopOrder: body.ticked("stopOrder"))
        case "penalty-defence":
            return .recordDefence(on: try date("date"), statement: body.optional("statement"), waived: body.ticked("waived"))
        case "penalty-waive-hearing":
            return .waiveHearing(on: try date("date"), statement: body["statement"])
        case "penalty-review":
            return .recordReview(on: try date("date"), reviewer: body.optional("reviewer"), discussion: body.ticked("discussion"))
        case "penalty-decide":
            return .decidePenalty(on: try date("date"), fineYuan: try requiredYuan("fine"), measures: body.optional("measures"),
                                  stopOrder: body.ticked("stopOrder"))
        case "penalty-serve":
            return .servePenalty(on: try date("date"), method: body["method"])
        case "penalty-pay":
            return .payPenalty(on: try date("date"),
                               amountFen: try Money.parse(body["amount"], field: label("amount"), fieldEnglish: "amount").fen)
        case "penalty-close":
            return .closePenalty(on: try date("date"))
        case "penalty-summary":
            return .summaryPenalty(on: try date("date"), officers: officers("officers"), violationCode: body["violation"],
                                   facts: body["facts"], party: try choice("party", PartyKind.self), fineYuan: try requiredYuan("fine"),
                                   measures: body.optional("measures"))
        case "penalty-hearing":
            return .recordHearing(requestedOn: try requiredDate("requestedOn"), notifiedOn: try requiredDate("notifiedOn"),
                                  heldOn: try requiredDate("heldOn"))
        case "penalty-extend-decision":
            return .extendDecisionPeriod(on: try date("date"), until: try requiredDate("until"), approver: body["approver"],
                                         reason: body["reason"])
        case "penalty-delay":
            return .approvePaymentDelay(on: try date("date"), until: try requiredDate("until"))
        case "penalty-pause":
            return .pauseSurcharge(from: try requiredDate("from"), to: try requiredDate("to"), reason: body["reason"])
        case "penalty-demand":
            return .demandPayment(on: try date("date"))
        case "penalty-transfer":
            return .transferPenalty(on: try date("date"), to: body["receiver"])
        default:
            throw NotFoundError("办理事项", "act", key: form.act)
        }
    }

    private func label(_ name: String) -> String { form.fields.first { $0.name == name }?.label ?? name }

    private func date(_ name: String) throws -> LocalDate? {
        guard let text = body.optional(name) else { return nil }
        return try LocalDate.parse(text, field: label(name), fieldEnglish: name)
    }

    private func requiredDate(_ name: String) throws -> LocalDate { try required(try date(name), name) }

    private func wholeYuan(_ name: String) throws -> Int? {
        guard let text = body.optional(name) else { return nil }
        return try Money.parseWholeYuan(text, field: label(name), fieldEnglish: name)
    }

    private func requiredYuan(_ name: String) throws -> Int { try required(try wholeYuan(name), name) }

    /// A value the act cannot do without, refused at its field when left blank.
    private func required<Value>(_ value: Value?, _ name: String) throws -> Value {
        guard let value else {
            throw ValidationError(field: label(name), fieldEnglish: name, chinese: "必须填写", english: "required")
        }
        return value
    }

    private func seq(_ name: String) throws -> Int {
        guard let seq = Int(body[name]), seq > 0 else {
            throw ValidationError(field: label(name), fieldEnglish: name, value: body[name], chinese: "请选择一项隐患",
                                  english: "choose a hazard")
        }
        return seq
    }

    private func choice<Value: BilingualEnum>(_ name: String, _ type: Value.Type) throws -> Value {
        guard let value = Value.allCases.first(where: { $0.rawValue == body[name] }) else {
            throw ValidationError(field: label(name), fieldEnglish: name, value: body[name], chinese: "请从列表中选择",
                                  english: "choose one of the listed values")
        }
        return value
    }

    /// Credential numbers separated by commas, 、 or spaces, as officers write them.
    private func officers(_ name: String) -> [String] {
        body[name].split(whereSeparator: { ",，、 ;；".contains($0) }).map(String.init)
    }
}
