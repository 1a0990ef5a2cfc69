import Foundation
import Hummingbird
import RectifyKit

/// Finds who is signed in: the session cookie's token, looked up in the server's store by its hash, and the account
/// as it is now (a disabled account or a deactivated officer is signed out at their next request).
struct SessionMiddleware: RouterMiddleware {
    static let cookie = "rectify_session"
    let sessions: SessionStore
    let rectify: Rectify

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookie]?.value, let session = try await sessions.session(token: token),
           let signedIn = try rectify.currentSignIn(accountId: session.accountId) {
            context.session = session
            context.signedIn = signedIn
        }
        return try await next(request, context)
    }
}

/// Refuses a write (POST) that did not come from one of this server's own pages: the form must carry the session's
/// token, and the browser must say the request is same-origin. Sign-in, before any session, is checked by origin.
struct CSRFMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch || request.method == .delete else {
            return try await next(request, context)
        }
        if let site = request.headers[.secFetchSite], site != "same-origin", site != "none" {
            throw HTTPError(.forbidden, message: "跨站请求被拒绝 / cross-site request refused")
        }
        if let origin = request.headers[.origin], let host = request.head.authority,
           URL(string: origin)?.host.map({ host.hasPrefix($0) }) != true {
            throw HTTPError(.forbidden, message: "来源不符，请求被拒绝 / request from another origin refused")
        }
        guard let session = context.session else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let given = request.headers[.csrfToken]
            ?? MultipartBody(contentType: request.headers[.contentType], body: Data(body.readableBytesView))?.fields["_csrf"]
            ?? FormBody(String(buffer: body)).optional("_csrf")
        guard given == session.csrf else {
            throw HTTPError(.forbidden, message: "表单已过期或来源不明，请刷新页面后重试 / the form's token is missing or stale")
        }
        return try await next(request, context)
    }
}
