import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

/// Accounts of the web application; the first administrator is added here.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "网页应用的账户 / accounts of the web application.",
        subcommands: [Add.self, Reset.self, Disable.self, List.self])

    /// The password, from RECTIFY_PASSWORD or the first line of standard input (never an argument: it would show in
    /// the process list and the shell's history).
    static func password() throws -> String {
        if let given = ProcessInfo.processInfo.environment["RECTIFY_PASSWORD"] { return given }
        guard let line = readLine(strippingNewline: true) else {
            throw ValidationError(field: "密码", fieldEnglish: "password", chinese: "请在标准输入或 RECTIFY_PASSWORD 中给出",
                                  english: "give it on standard input or in RECTIFY_PASSWORD")
        }
        return line
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增账户 / add an account.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "登录名（执法人员用执法证号）/ login (an officer's credential)") var login: String
        @Option(help: "角色 / role") var role: AccountRole
        @Option(help: "对应的执法人员执法证号 / the officer the account acts as") var officer: String?

        func run() throws {
            let account = try global.open().addAccount(login: login, role: role, officer: officer, password: try AccountCommand.password(),
                                                       actor: actor.name.isEmpty ? "admin" : actor.name)
            print("已新增账户 / added: \(account.login)（\(account.role.chinese)）")
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: "重设密码 / set a new password.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "登录名 / login") var login: String

        func run() throws {
            let account = try global.open().resetPassword(login: login, password: try AccountCommand.password(),
                                                          actor: actor.name.isEmpty ? "admin" : actor.name)
            print("已重设密码 / password set: \(account.login)")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "停用账户 / disable an account.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "登录名 / login") var login: String

        func run() throws {
            let account = try global.open().disableAccount(login: login, actor: actor.name.isEmpty ? "admin" : actor.name)
            print("已停用 / disabled: \(account.login)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let accounts = try global.openForReading().accounts()
            if output.json { return try Output.json(accounts, as: "accounts") }
            Output.table(["登录名", "角色", "执法人员", "状态", "密码设置于"], accounts.map {
                [$0.login, $0.role.chinese, $0.officer?.label ?? "", $0.disabled ? "已停用" : "在用", $0.passwordSetAt]
            })
        }
    }
}
