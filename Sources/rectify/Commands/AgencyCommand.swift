import ArgumentParser
import RectifyKit

struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "本机关 / the bureau.", subcommands: [SetAgency.self, Show.self])

    struct SetAgency: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "设置机关名称、简称、区划代码 / set name, abbreviation, division code.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: "机关名称 / name") var name: String
        @Option(help: "简称（用于文书编号）/ abbreviation used in document numbers") var abbreviation: String
        @Option(help: "行政区划代码 / GB/T 2260 division code") var divisionCode: String

        func run() throws {
            let agency = try global.open().setAgency(name: name, abbreviation: abbreviation, divisionCode: divisionCode,
                                                     actor: actor.name)
            print("已设置 / set: \(agency.name)（\(agency.abbreviation)，\(agency.divisionCode)）")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "显示本机关 / show the bureau.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            guard let agency = try global.openForReading().agency() else {
                print("尚未设置 / not set")
                return
            }
            if output.json { return try Output.json(agency) }
            print("\(agency.name)（简称 \(agency.abbreviation)，区划 \(agency.divisionCode)）")
        }
    }
}
