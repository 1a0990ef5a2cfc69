import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit
import RectifyXML

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "签名密钥 / signing keys.",
                                                    subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generate",
            abstract: "生成签名私钥与自签名证书 / write DIR/signing-key.pem and DIR/signing-cert.pem naming the agency.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "ecdsa (P-256) 或 rsa (3072)") var algorithm: String = "ecdsa"
        @Option(help: "输出目录 / output folder") var out: String

        func run() throws {
            guard let algorithm = SignatureAlgorithm(rawValue: algorithm) else {
                throw RectifyCore.ValidationError(field: "算法", fieldEnglish: "algorithm", value: algorithm,
                                                  chinese: "应为 ecdsa 或 rsa", english: "must be ecdsa or rsa")
            }
            guard let agency = try global.openForReading().agency() else {
                throw RuleViolation(rule: "AGENCY-FIRST", chinese: "尚未设置本机关（先运行 rectify agency set）",
                                    english: "no agency is set up yet (run `rectify agency set` first)")
            }
            let files = try SigningKeys.generate(algorithm: algorithm, agency: agency.name, divisionCode: agency.divisionCode, into: out)
            print("已生成 / written: \(files.key)（私钥，请妥善保管 / keep private）\n\(files.certificate)（证书，交上级机关 / give to the superior）")
        }
    }
}

/// What every export needs: where to write, the signing key and certificate, the schemas, and whether it is internal.
struct ExportOptions: ParsableArguments {
    @Option(help: "输出目录（默认 Exports/<整治代码>）/ output folder") var out: String?
    @Option(help: "签名私钥 / signing key (or RECTIFY_SIGNING_KEY)") var key: String?
    @Option(help: "签名证书 / signing certificate (or RECTIFY_SIGNING_CERT)") var cert: String?
    @Option(help: "模式目录 / Schemas folder") var schemas: String?
    @Flag(help: "内部版本：不脱敏个人信息，不得外传 / internal: personal data not masked") var `internal` = false

    func signing() throws -> SigningMaterial { try SigningMaterial(key: key, certificate: cert) }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "导出签名XML / export signed XML.",
                                                    subcommands: [CaseFile.self, CampaignFiles.self, ReportFile.self])

    struct CaseFile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "case", abstract: "导出一个案卷 / export one case file (validated, then signed).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "案件编号 / case number") var number: String
        @OptionGroup var options: ExportOptions

        func run() throws {
            let file = try global.openForReading().exportCase(number: number, into: options.out, signing: try options.signing(),
                                                              internalUse: options.internal, schemas: options.schemas)
            print("已导出 / exported (\(file.final ? "最终" : "阶段性")): \(file.path)  \(file.size) bytes  sha256 \(file.sha256)")
        }
    }
}

extension ExportCommand {
    struct CampaignFiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "campaign", abstract: "导出一项专项整治的全部案卷和签名清单 / every case file plus a signed manifest.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "专项整治代码 / campaign code") var code: String
        @OptionGroup var options: ExportOptions

        func run() throws {
            var shown = -1
            let result = try global.open().exportCampaign(code: code, into: options.out, signing: try options.signing(),
                                                          internalUse: options.internal, schemas: options.schemas) { done, total in
                let percent = done * 100 / max(total, 1)
                guard percent / 5 != shown / 5 || done == total else { return }
                shown = percent
                FileHandle.standardError.write(Data("导出中 / exporting: \(done)/\(total) (\(percent)%)\n".utf8))
            }
            print("已导出 / exported: \(result.caseCount) 个案卷 case files → \(result.folder)\n清单 / manifest: \(result.manifest.path)")
        }
    }
}

extension ExportCommand {
    struct ReportFile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: "导出统计报表（签名XML）/ the campaign's statistics report as of a date, signed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "专项整治代码 / campaign code") var code: String
        @Option(name: .customLong("as-of"), help: "统计截止日期（默认今天）/ figures as of YYYY-MM-DD (default today)")
        var asOf: String?
        @OptionGroup var options: ExportOptions

        func run() throws {
            let file = try global.openForReading().exportReport(code: code, asOf: try Output.date(asOf, "统计截止日期", "as-of date"),
                                                                into: options.out, signing: try options.signing(),
                                                                schemas: options.schemas)
            print("已导出统计报表 / report exported: \(file.path)  \(file.size) bytes  sha256 \(file.sha256)")
        }
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "校验报送的XML：模式、签名、哈希、语义 / check filed XML: schema, signature, hashes, rules.")
    @Argument(help: "XML 文件或目录（目录即其中全部 XML）/ files, or folders of them") var files: [String]
    @Option(help: "受信任证书（可重复）/ trusted certificate (repeatable)") var trust: [String] = []
    @Option(help: "模式目录 / Schemas folder") var schemas: String?
    @Option(help: "单个文件大小上限（字节）/ largest file accepted, in bytes") var maxBytes: Int = XMLDocument.defaultSizeLimit

    func run() throws {
        let validator = try FilingValidator(trustedCertificates: trust, schemas: schemas)
        var failed = 0
        for file in try FilingFolder.expand(files) {
            let result = validator.validate(path: file, sizeLimit: maxBytes)
            if result.isValid {
                print("通过 / valid: \(file)")
            } else {
                failed += 1
                for problem in result.problems { print("不通过 / invalid: \(problem.chinese)\n  \(problem.english)") }
            }
        }
        guard failed == 0 else {
            throw RuleViolation(rule: "FILING-INVALID", chinese: "\(failed)个文件未通过校验", english: "\(failed) file(s) failed validation")
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "上级机关导入报送的案卷 / the superior imports filed case files.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "XML 文件或目录（目录即其中全部 XML）/ files, or folders of them") var files: [String]
    @Option(help: "受信任证书（可重复）/ trusted certificate (repeatable)") var trust: [String] = []
    @Option(help: "模式目录 / Schemas folder") var schemas: String?
    @Option(help: "单个文件大小上限（字节）/ largest file accepted, in bytes") var maxBytes: Int = XMLDocument.defaultSizeLimit

    func run() throws {
        let outcomes = try global.open().importFilings(paths: try FilingFolder.expand(files), trust: trust, schemas: schemas,
                                                       sizeLimit: maxBytes, actor: actor.name)
        let labels: [ImportOutcome.Result: String] = [
            .imported: "已导入", .replaced: "已更新为新版本", .unchanged: "无变化（同一文件）", .olderKept: "较旧版本，仅记录来源",
            .manifestChecked: "清单已核对", .reportChecked: "统计报表已核验（不入库）", .refused: "拒绝",
        ]
        for outcome in outcomes {
            print("\(labels[outcome.result]!) / \(outcome.result.rawValue): \(outcome.path)\(outcome.caseNumber.map { "（\($0)）" } ?? "")")
            for problem in outcome.problems { print("  \(problem)") }
        }
        let refused = outcomes.filter { $0.result == .refused }.count
        guard refused == 0 else {
            throw RuleViolation(rule: "FILING-INVALID", chinese: "\(refused)个文件被拒绝，未导入任何内容",
                                english: "\(refused) file(s) refused; nothing of them was imported")
        }
    }
}
