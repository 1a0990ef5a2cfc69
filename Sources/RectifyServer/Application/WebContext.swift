import Hummingbird
import RectifyKit

/// A request's context: who is signed in (by the session cookie), and the session's anti-forgery token.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var signedIn: Rectify.SignedIn?
    public var session: WebSession?
    /// The peer's address, for throttling sign-ins ("unknown" in router tests).
    public let remoteAddressText: String

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddressText = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Forms and uploads (a case's attachments may reach 22 MiB together); larger bodies are refused before they are read.
    public var maxUploadSize: Int { 24 * 1024 * 1024 }
}

/// A signed-in session as the server keeps it (`KeyValueStore`, key `session:<token>`): the account and the token
/// every form of the session must carry.
public struct WebSession: Codable, Sendable {
    public var accountId: Int64
    public var csrf: String
}
