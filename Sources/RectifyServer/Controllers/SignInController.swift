import Foundation
import Hummingbird
import RectifyKit
import RectifyStore

/// Signing in and out. A failed sign-in says only that it failed; five failures for a login or from an address in a
/// quarter of an hour stop further tries for a while.
struct SignInController {
    let rectify: Rectify
    let sessions: SessionStore
    let pages: Pages
    let secureCookies: Bool

    func add(to router: Router<WebContext>) {
        router.get("/signin") { _, context in
            try pages.page("signin", title: "登录", ["login": ""], context: context)
        }
        router.post("/signin") { request, context in try await signIn(request, context) }
        router.post("/signout") { request, context in
            if let token = request.cookies[SessionMiddleware.cookie]?.value { try await sessions.end(token: token) }
            var response = Response.redirect(to: "/signin")
            response.setCookie(cookie(value: "", maxAge: 0))
            return response
        }
    }

    private func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        var request = request
        let form = FormBody(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        let login = form["login"].trimmingCharacters(in: .whitespaces)
        let password = form["password"]
        let address = context.remoteAddressText
        func refuse(_ chinese: String, status: HTTPResponse.Status) throws -> Response {
            try pages.page("signin", title: "登录", ["login": login, "error": chinese], context: context, status: status)
                .response(from: request, context: context)
        }
        if try await sessions.isThrottled(login: login, address: address) {
            return try refuse("登录失败次数过多，请15分钟后再试 / too many failed sign-ins: try again in 15 minutes", status: .tooManyRequests)
        }
        // bcrypt is slow on purpose: off the event loop.
        let rectify = self.rectify
        let signedIn = try await Task.detached { try rectify.signIn(login: login, password: password) }.value
        guard let signedIn else {
            try await sessions.recordFailure(login: login, address: address)
            return try refuse("登录名或密码不正确，或账户已停用 / wrong login or password, or the account is disabled", status: .unauthorized)
        }
        try await sessions.clearFailures(login: login)
        let (token, _) = try await sessions.create(accountId: signedIn.accountId)
        var response = Response.redirect(to: "/")
        response.setCookie(cookie(value: token, maxAge: Int(SessionStore.lifetime)))
        return response
    }

    private func cookie(value: String, maxAge: Int) -> Cookie {
        Cookie(name: SessionMiddleware.cookie, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true,
               sameSite: .strict)
    }
}
