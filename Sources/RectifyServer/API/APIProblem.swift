import Foundation
import Hummingbird
import RectifyCore
import RectifyKit

/// An API refusal as `application/problem+json` (RFC 9457): the status, what was refused in Chinese and English, and
/// the field and the rule it concerns when there are.
struct APIProblem: Error, ResponseGenerator {
    var status: HTTPResponse.Status
    var title: String
    var detail: String
    var detailEnglish: String
    var field: String?
    var fieldLabel: String?
    var rule: String?
    var currentVersion: Int?

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var body: [String: Any] = ["type": "about:blank", "title": title, "status": Int(status.code), "detail": detail,
                                   "detailEnglish": detailEnglish]
        if let field { body["field"] = field }
        if let fieldLabel { body["fieldLabel"] = fieldLabel }
        if let rule { body["rule"] = rule }
        if let currentVersion { body["currentVersion"] = currentVersion }
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"rectify\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The problem an error of a use case is: each refusal with its status; anything else is the server's fault and
    /// says nothing of its inside.
    init(_ error: any Error) {
        switch error {
        case let problem as APIProblem:
            self = problem
        case let refusal as ValidationError:
            self.init(status: .unprocessableContent, title: "输入无效", detail: refusal.chinese, detailEnglish: refusal.english,
                      field: refusal.fieldEnglish, fieldLabel: refusal.field)
        case let refusal as RuleViolation:
            let forbidden = refusal.rule == RuleCode.caseAccess.rawValue
            self.init(status: forbidden ? .forbidden : .unprocessableContent, title: forbidden ? "无权办理" : "不符合规则",
                      detail: refusal.chinese, detailEnglish: refusal.english, rule: refusal.rule)
        case let missing as NotFoundError:
            self.init(status: .notFound, title: "找不到", detail: missing.chinese, detailEnglish: missing.english)
        case let stale as StaleCaseVersion:
            self.init(status: .conflict, title: "案件已变化", detail: stale.chinese, detailEnglish: stale.english,
                      field: "version", fieldLabel: "版本", currentVersion: stale.current)
        case let refusal as any UserFacingError:
            self.init(status: .unprocessableContent, title: "不能办理", detail: refusal.chinese, detailEnglish: refusal.english)
        case let http as HTTPError:
            self.init(status: http.status, title: http.status.reasonPhrase, detail: http.body ?? http.status.reasonPhrase,
                      detailEnglish: http.body ?? http.status.reasonPhrase)
        default:
            self.init(status: .internalServerError, title: "服务器内部错误", detail: "服务器内部错误，未保存任何内容",
                      detailEnglish: "internal error; nothing was saved")
        }
    }

    init(status: HTTPResponse.Status, title: String, detail: String, detailEnglish: String, field: String? = nil,
         fieldLabel: String? = nil, rule: String? = nil, currentVersion: Int? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.detailEnglish = detailEnglish
        self.field = field
        self.fieldLabel = fieldLabel
        self.rule = rule
        self.currentVersion = currentVersion
    }

    static let unauthorized = APIProblem(status: .unauthorized, title: "未认证", detail: "请在 Authorization 头中给出有效的接口令牌（Bearer）",
                                         detailEnglish: "give a valid API token in the Authorization header (Bearer)")
}

/// The API's door: a bearer token names who acts (`rectify token add`), and every error leaves as a problem document.
struct APIMiddleware: RouterMiddleware {
    let rectify: Rectify

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            var context = context
            // The API is for programs: a browser's session cookie does not sign anyone in here.
            context.signedIn = nil
            context.session = nil
            if request.uri.path != "/api/v1/openapi.yaml" {
                guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
                      let person = try rectify.signIn(bearer: String(header.dropFirst("Bearer ".count)).trimmed) else {
                    throw APIProblem.unauthorized
                }
                context.signedIn = person
            }
            return try await next(request, context)
        } catch {
            let problem = APIProblem(error)
            // The server's own fault is told to whoever runs it, never to the client.
            if problem.status == .internalServerError {
                FileHandle.standardError.write(Data("API \(request.method) \(request.uri.path): \(error)\n".utf8))
            }
            return try problem.response(from: request, context: context)
        }
    }
}
