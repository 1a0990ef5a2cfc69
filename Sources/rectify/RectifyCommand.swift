import ArgumentParser

struct RectifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify",
        abstract: "专项整治执法案件管理 — case manager for work-safety rectification campaigns.",
        subcommands: [
            InitCommand.self, DemoCommand.self, AgencyCommand.self, DepartmentCommand.self, StreetCommand.self,
            GridCommand.self, OfficerCommand.self, UnitCommand.self, CampaignCommand.self, CaseCommand.self,
            HazardCommand.self, PlanCommand.self, SelfCheckCommand.self, RecheckCommand.self, AttachCommand.self,
            PenaltyCommand.self, ViolationCommand.self, CalendarCommand.self, RulesCommand.self, OverdueCommand.self,
            KeysCommand.self, ExportCommand.self, ValidateCommand.self, ImportCommand.self, TrustCommand.self, VerifyCommand.self,
            CheckpointCommand.self, BackupCommand.self, RestoreCommand.self, SchemasCommand.self, AccountCommand.self, TokenCommand.self, ServeCommand.self,
        ]
    )
}
