import ArgumentParser
import RectifyKit

struct DepartmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "department", abstract: "部门 / departments.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增部门 / add a department.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "部门名称 / name") var name: String

        func run() throws {
            let department = try global.open().addDepartment(name: name, actor: actor.name)
            print("已新增部门 / added: \(department.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let departments = try global.openForReading().departments()
            if output.json { return try Output.json(departments, as: "departments") }
            Output.table(["编号", "部门"], departments.map { [$0.id!.description, $0.name] })
        }
    }
}

struct StreetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "street", abstract: "街道 / streets.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "街道名称 / name") var name: String
        @Option(help: "9位区划代码 / 9-digit division code") var divisionCode: String?

        func run() throws {
            let street = try global.open().addStreet(name: name, divisionCode: divisionCode, actor: actor.name)
            print("已新增街道 / added: \(street.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let streets = try global.openForReading().streets()
            if output.json { return try Output.json(streets, as: "streets") }
            Output.table(["街道", "区划代码"], streets.map { [$0.name, $0.divisionCode ?? ""] })
        }
    }
}

struct GridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid", abstract: "网格 / supervision grids.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: "所属街道 / street") var street: String
        @Option(help: "网格名称 / grid name") var name: String
        @Option(help: "社区 / community (default: the grid name)") var community: String?
        @Option(help: "网格安全员 / grid safety officer") var safetyOfficer: String?

        func run() throws {
            let grid = try global.open().addGrid(street: street, name: name, community: community,
                                                 safetyOfficer: safetyOfficer, actor: actor.name)
            print("已新增网格 / added: \(street) \(grid.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let grids = try global.openForReading().grids()
            if output.json { return try Output.json(grids, as: "grids") }
            Output.table(["街道", "网格", "社区", "网格安全员", "单位数"],
                         grids.map { [$0.street, $0.grid, $0.community, $0.safetyOfficer ?? "", String($0.units)] })
        }
    }
}

struct OfficerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer", abstract: "执法人员 / officers.", subcommands: [Add.self, List.self, Deactivate.self])

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deactivate", abstract: "停用执法人员 / deactivate an officer.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "执法证号 / credential") var credential: String

        func run() throws {
            let officer = try global.open().deactivateOfficer(credential: credential, actor: actor.name)
            print("已停用 / deactivated: \(officer.name)（\(officer.credential)）")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: "执法证号 / credential number") var credential: String
        @Option(help: "姓名 / name") var name: String
        @Option(help: "所属部门 / department") var department: String

        func run() throws {
            let officer = try global.open().addOfficer(credential: credential, name: name, department: department,
                                                       actor: actor.name)
            print("已登记执法人员 / added: \(officer.name)（\(officer.credential)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let officers = try global.openForReading().officers()
            if output.json { return try Output.json(officers, as: "officers") }
            Output.table(["执法证号", "姓名", "部门", "状态"],
                         officers.map { [$0.credential, $0.name, $0.department, $0.active ? "在岗" : "停用"] })
        }
    }
}
