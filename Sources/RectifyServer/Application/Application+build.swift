import Foundation
import Hummingbird
import RectifyKit

/// Where and how the server listens.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Set when served over TLS (behind a proxy that terminates it): cookies are then `Secure`.
    public var secureCookies: Bool
    /// The key and certificate that sign the receipts of filings received through the web; without them the
    /// superior's upload is refused, as `rectify import` is.
    public var receiptSigning: SigningMaterial?
    /// Where those receipts are kept, to be downloaded and sent back.
    public var receiptsFolder: String

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, receiptSigning: SigningMaterial? = nil,
                receiptsFolder: String = "receipts") {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.receiptSigning = receiptSigning
        self.receiptsFolder = receiptsFolder
    }
}

/// The web application over one Rectify database; `onRunning` learns the port it listens on (the one asked for, or
/// the one the system chose for port 0).
public func buildApplication(_ rectify: Rectify, settings: ServerSettings,
                             onRunning: @escaping @Sendable (Int) -> Void = { _ in }) throws -> some ApplicationProtocol {
    Application(router: try buildRouter(rectify, settings: settings),
                configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Rectify"),
                onServerRunning: { channel in onRunning(channel.localAddress?.port ?? settings.port) })
}

/// Every route, behind the security headers, the session and the anti-forgery check.
public func buildRouter(_ rectify: Rectify, settings: ServerSettings = .init()) throws -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    let pages = try Pages()
    let sessions = SessionStore(driver: DatabasePersistDriver(store: rectify.keyValues, clock: { rectify.now() }))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: SessionMiddleware(sessions: sessions, rectify: rectify))
    router.add(middleware: CSRFMiddleware())
    router.add(middleware: SignInRedirectMiddleware())
    router.get("/static/app.css") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Stylesheet.text)))
    }
    SignInController(rectify: rectify, sessions: sessions, pages: pages, secureCookies: settings.secureCookies).add(to: router)
    CaseController(rectify: rectify, pages: pages).add(to: router)
    CaseActController(rectify: rectify, pages: pages).add(to: router)
    UnitController(rectify: rectify, pages: pages).add(to: router)
    CampaignController(rectify: rectify, pages: pages).add(to: router)
    FilingController(rectify: rectify, pages: pages, settings: settings).add(to: router)
    APIController(rectify: rectify).add(to: router)
    return router
}
