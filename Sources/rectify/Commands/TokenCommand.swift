import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

/// Bearer tokens of the JSON API (`/api/v1`), made by an administrator for an account.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "接口令牌 / bearer tokens of the JSON API.",
        subcommands: [Add.self, Revoke.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "为账户生成令牌（只显示这一次）/ make a token for an account (shown this once).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "令牌名称，如对接的系统 / a name for the token, such as the system it is for") var name: String
        @Option(help: "令牌代表的账户登录名 / the login of the account it acts as") var login: String

        func run() throws {
            let (token, secret) = try global.open().addAPIToken(name: name, login: login, actor: actor.name.isEmpty ? "admin" : actor.name)
            FileHandle.standardError.write(Data("已生成令牌 / made: \(token.name)（\(token.role.chinese)）；请妥善保存，之后无法再次查看 / keep it now, it is not shown again\n".utf8))
            print(secret)
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "吊销令牌 / revoke a token.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "令牌名称 / the token's name") var name: String

        func run() throws {
            let token = try global.open().revokeAPIToken(name: name, actor: actor.name.isEmpty ? "admin" : actor.name)
            print("已吊销 / revoked: \(token.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let tokens = try global.openForReading().apiTokens()
            if output.json { return try Output.json(tokens, as: "tokens") }
            Output.table(["名称", "账户", "角色", "生成于", "状态"], tokens.map {
                [$0.name, $0.login, $0.role.chinese, $0.createdAt, $0.revokedAt.map { "已吊销（\($0)）" } ?? "有效"]
            })
        }
    }
}
