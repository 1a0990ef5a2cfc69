import ArgumentParser
import RectifyKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "创建或迁移数据库 / create or migrate the database.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = try Rectify.open(path: global.path, create: true)
        print("数据库已就绪 / database ready: \(global.path)")
    }
}
