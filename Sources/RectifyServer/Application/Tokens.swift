import Foundation
import RectifyCore

/// Random tokens for sessions and forms: 32 bytes from the system's generator, hex.
enum Tokens {
    static func new() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// What is stored for a session token: its hash, so that the database alone does not sign anyone in.
    static func key(_ token: String) -> String { "session:" + SHA256.hex(Data(token.utf8)) }
}
