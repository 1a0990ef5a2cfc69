import Foundation
import Hummingbird
import RectifyCore
import RectifyKit
import RectifyStore

/// The JSON API under `/api/v1` (described by `Schemas/openapi.yaml`, served at `/api/v1/openapi.yaml`): the same
/// read models and acts as the pages, in the vocabulary of `--json`, for the person a bearer token acts as.
struct APIController {
    let rectify: Rectify

    func add(to router: Router<WebContext>) {
        let api = router.group("/api/v1").add(middleware: APIMiddleware(rectify: rectify))
        api.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
        }
        api.get("/me") { _, context in try json(try context.requireSignIn()) }
        api.get("/cases") { request, context in
            let person = try context.requireSignIn()
            let state = try request.uri.queryParameters["state"].map { text in
                guard let state = CaseState(rawValue: String(text)) else {
                    throw APIProblem(ValidationError(field: "案件状态", fieldEnglish: "state", value: String(text),
                                                     chinese: "不是已知的案件状态", english: "not a known case state"))
                }
                return state
            }
            let campaign = request.uri.queryParameters["campaign"].map(String.init)
            return try json(["cases": try rectify.cases(for: person, campaign: campaign, state: state)])
        }
        api.get("/cases/:number") { _, context in
            let detail = try rectify.caseDetail(number: try context.parameters.require("number"), for: try context.requireSignIn())
            var response = try json(detail)
            // The version an act must name, as an entity tag too.
            if let version = detail.events { response.headers[.eTag] = "\"\(version)\"" }
            return response
        }
        api.post("/cases/:number/hazards") { request, context in try await act(request, context) { try $0.addHazard() } }
        api.post("/cases/:number/hazards/:seq/extensions") { request, context in
            try await act(request, context) { try $0.extendHazard(try seq(context)) }
        }
        api.post("/cases/:number/hazards/:seq/rectification") { request, context in
            try await act(request, context) { try $0.reportRectified(try seq(context)) }
        }
        api.post("/cases/:number/plans") { request, context in try await act(request, context) { try $0.addPlan() } }
        api.post("/cases/:number/self-checks") { request, context in try await act(request, context) { try $0.addSelfCheck() } }
        api.post("/cases/:number/rechecks") { request, context in try await act(request, context) { try $0.addRecheck() } }
        api.post("/cases/:number/close") { request, context in try await act(request, context) { try $0.close() } }
        api.post("/cases/:number/penalty/:step") { request, context in try await penaltyStep(request, context) }
        api.get("/units") { request, context in
            _ = try context.requireSignIn()
            let query = request.uri.queryParameters["q"].map { String($0).trimmed } ?? ""
            guard !query.isEmpty else {
                throw APIProblem(ValidationError(field: "查询", fieldEnglish: "q", chinese: "请给出名称、地址或信用代码的一部分",
                                                 english: "give part of a name, address or credit code"))
            }
            return try json(["units": try rectify.findUnits(query, limit: 50)])
        }
        api.get("/units/:uscc") { _, context in
            let person = try context.requireSignIn()
            var detail = try rectify.unit(uscc: try context.parameters.require("uscc"))
            if person.role == .officer {
                let mine = Set(try rectify.cases(for: person).map(\.number))
                detail.cases = detail.cases.filter { mine.contains($0.number) }
            }
            return try json(detail)
        }
        // Anything else under /api/v1 is a problem document too, not the web's page.
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            api.on("**", method: method) { _, _ -> Response in
                throw APIProblem(status: .notFound, title: "找不到", detail: "没有这个接口", detailEnglish: "no such API operation")
            }
        }
        api.get("/campaigns") { _, context in
            _ = try context.requireSignIn()
            return try json(["campaigns": try rectify.campaigns()])
        }
        api.get("/campaigns/:code/progress") { request, context in
            _ = try context.requireSignIn()
            let by = try request.uri.queryParameters["by"].map { text in
                guard let dimension = ProgressDimension(rawValue: String(text)) else {
                    throw APIProblem(ValidationError(field: ProgressDimension.fieldChinese, fieldEnglish: "by", value: String(text),
                                                     chinese: "不是已知的统计维度", english: "not a known dimension"))
                }
                return dimension
            } ?? .all
            return try json(try rectify.campaignProgress(code: try context.parameters.require("code"), by: by))
        }
    }

    /// An act on a case: the body read, the act done as the token's person if the case is still at `version`; the
    /// answer is the case's new version (201).
    private func act(_ request: Request, _ context: WebContext, _ make: (APIInput) throws -> CaseAct) async throws -> Response {
        let person = try context.requireSignIn()
        let number = try context.parameters.require("number")
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let input: APIInput
        do {
            input = try JSONDecoder().decode(APIInput.self, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            throw APIProblem(status: .badRequest, title: "请求体无效", detail: "请求体不是本操作的 JSON：\(Self.describe(error))",
                             detailEnglish: "the body is not this operation's JSON: \(Self.describe(error))")
        }
        return try created(number, try rectify.perform(try make(input), caseNumber: number, expectedVersion: input.version,
                                                        by: person))
    }

    /// A step of the penalty procedure: the body's fields read by the same rules as the step's form on the case page
    /// (`PenaltyActForms`), so the web and the API refuse alike; `on` is the step's date, lists are credential numbers.
    private func penaltyStep(_ request: Request, _ context: WebContext) async throws -> Response {
        let person = try context.requireSignIn()
        let number = try context.parameters.require("number")
        let step = try context.parameters.require("step")
        let detail = try rectify.caseDetail(number: number, for: person)
        guard let form = PenaltyActForms(detail: detail, violations: try rectify.violations()).form("penalty-" + step) else {
            throw APIProblem(status: .notFound, title: "找不到", detail: "没有处罚步骤“\(step)”", detailEnglish: "no penalty step '\(step)'")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let version = object["version"] as? Int else {
            throw APIProblem(status: .badRequest, title: "请求体无效", detail: "请求体应为 JSON 对象，并含整数 version",
                             detailEnglish: "the body must be a JSON object with an integer version")
        }
        var fields: [String: String] = [:]
        for (key, value) in object where key != "version" {
            let name = key == "on" ? "date" : key
            switch value {
            case let text as String: fields[name] = text
            case let flag as Bool: if flag { fields[name] = "1" }
            case let number as NSNumber: fields[name] = number.stringValue
            case let list as [String]: fields[name] = list.joined(separator: ",")
            default:
                throw APIProblem(ValidationError(field: key, fieldEnglish: key, chinese: "类型不对", english: "has the wrong type"))
            }
        }
        let act: CaseAct
        do {
            act = try CaseActInput(body: FormBody(fields: fields), form: form).act()
        } catch var refusal as ValidationError where refusal.fieldEnglish == "date" {
            refusal.fieldEnglish = "on"  // the form's name for the step's date is the API's `on`
            throw refusal
        }
        return try created(number, try rectify.perform(act, caseNumber: number, expectedVersion: version, by: person))
    }

    /// 201 with the case's new version, the answer to every act.
    private func created(_ number: String, _ version: Int) throws -> Response {
        var response = try json(ActResult(caseNumber: number, version: version))
        response.status = .created
        return response
    }

    struct ActResult: Encodable {
        var caseNumber: String
        var version: Int
    }

    private func seq(_ context: WebContext) throws -> Int {
        guard let seq = Int(try context.parameters.require("seq")), seq > 0 else {
            throw APIProblem(status: .notFound, title: "找不到", detail: "找不到该隐患", detailEnglish: "no such hazard")
        }
        return seq
    }

    private func json<Value: Encodable>(_ value: Value) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try JSONConventions.encode(value))))
    }

    /// Which key of the body was wrong, without the decoder's inner wording.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): return "缺少 \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")) 的类型不对"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "不是 JSON" : "\(context.codingPath.map(\.stringValue).joined(separator: ".")) 无效"
        @unknown default: return "无效"
        }
    }
}
