import ArgumentParser
import Foundation
import RectifyKit
import RectifyServer

/// `rectify serve`: the web application on this database.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "启动网页应用 / serve the web application (officers sign in with their accounts).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "监听地址 / address to listen on") var host = "127.0.0.1"
    @Option(help: "端口（0 由系统选择）/ port (0: any free port)") var port = 8080
    @Flag(help: "数据库不存在时先建演示辖区，并建演示账户 / build the demo district if there is no database, with demo accounts")
    var demo = false
    @Flag(help: "经 TLS 提供服务（Cookie 加 Secure）/ served over TLS by a proxy: cookies are Secure") var tls = false
    @Option(help: "签署接收回执的私钥（或 RECTIFY_SIGNING_KEY）/ key that signs the receipts of filings received on the web") var key: String?
    @Option(help: "签署接收回执的证书（或 RECTIFY_SIGNING_CERT）/ its certificate") var cert: String?

    func run() throws {
        if demo && !FileManager.default.fileExists(atPath: global.path) {
            _ = try Rectify.buildDemo(atPath: global.path, units: nil, seed: DemoDistrict.defaultSeed, replace: false) { _, _ in }
        }
        let rectify = try global.open()
        if demo {
            let accounts = try rectify.addDemoAccounts()
            print("演示账户 / demo accounts（密码 password: \(Rectify.demoPassword)）:")
            for account in accounts { print("  \(account.login)  \(account.role.chinese)  \(account.officer?.label ?? "")") }
        }
        let host = host
        let environment = ProcessInfo.processInfo.environment
        let signs = (key ?? environment["RECTIFY_SIGNING_KEY"]) != nil || (cert ?? environment["RECTIFY_SIGNING_CERT"]) != nil
        let settings = ServerSettings(host: host, port: port, secureCookies: tls,
                                      receiptSigning: signs ? try SigningMaterial(key: key, certificate: cert) : nil,
                                      receiptsFolder: ((global.path as NSString).deletingLastPathComponent as NSString)
                                          .appendingPathComponent("receipts"))
        let application = try buildApplication(rectify, settings: settings) { port in
            print("请在浏览器打开 / open http://\(host):\(port)/")
            fflush(nil)  // every stream: the demo accounts and the address show as soon as the server listens
        }
        fflush(nil)
        let done = DispatchSemaphore(value: 0)
        let failure = FailureSlot()
        Task {
            do { try await application.runService() } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }
}

/// The server's error, written by its task before it signals and read after the wait.
private final class FailureSlot: @unchecked Sendable {
    var error: (any Error)?
}
