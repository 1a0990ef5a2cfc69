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
        @Option(help: "ecdsa (P-256) 或 rsa (3072)") var algorithm: SignatureAlgorithm = .ecdsa
        @Option(help: "输出目录 / output folder") var out: String

        func run() throws {
            guard let agency = try global.openForReading().agency() else {
                throw RuleViolation(rule: .agencyFirst, chinese: "尚未设置本机关（先运行 rectify agency set）",
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
            let line = ProgressLine("导出中 / exporting")
            let result = try global.open().exportCampaign(code: code, into: options.out, signing: try options.signing(),
                                                          internalUse: options.internal, schemas: options.schemas) { done, total in
                line.update(done, of: total)
            }
            line.finish()
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
        commandName: "validate",
        abstract: "校验报送的XML：模式、签名、机关、时间、哈希、语义 / check filed XML: schema, signature, agency, time, hashes, rules.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "XML 文件或目录（目录即一次报送：manifest.xml 及其所列文件）/ files, or folders holding a filing") var files: [String]
    @Option(help: "受信任证书（可重复；其OU为所代表机关的区划代码；不给则用本库 trust 登记的证书）/ trusted certificate (repeatable; default: the registry)")
    var trust: [String] = []
    @Flag(help: "接受不在清单中的案卷文件，逐个校验 / accept case files without a manifest, one by one") var loose = false
    @Option(help: "模式目录 / Schemas folder") var schemas: String?
    @Option(help: "单个文件大小上限（字节）/ largest file accepted, in bytes") var maxBytes: Int = XMLDocument.defaultSizeLimit

    func run() throws {
        let trusted = trust.isEmpty ? try global.openForReading().trustedSignerList()
                                    : try trust.map { try TrustedSigner(certificateFile: $0) }
        let outcomes = try FilingCheck.validate(paths: files, trusted: trusted, loose: loose, schemas: schemas, sizeLimit: maxBytes)
        for outcome in outcomes {
            if outcome.result == .refused {
                print("不通过 / invalid: \(outcome.path)")
                for problem in outcome.problems { print("  \(problem)") }
            } else {
                print("通过 / valid: \(outcome.path)")
            }
        }
        let failed = outcomes.filter { $0.result == .refused }.count
        guard failed == 0 else {
            throw RuleViolation(rule: .filingInvalid, chinese: "\(failed)个文件未通过校验", english: "\(failed) file(s) failed validation")
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "上级机关导入报送：整个报送全部通过才入库，并写出签名回执 / the superior imports filings, each whole or not at all, with a signed receipt.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "XML 文件或目录（目录即一次报送：manifest.xml 及其所列文件）/ files, or folders holding a filing") var files: [String]
    @Flag(help: "接受不在清单中的案卷文件，逐个导入并逐个报告 / accept case files without a manifest, each on its own") var loose = false
    @Option(help: "回执文件（默认 receipt-<日期-时间>.xml）/ receipt file (default receipt-<date-time>.xml)") var receipt: String?
    @Option(help: "签署回执的私钥 / key that signs the receipt (or RECTIFY_SIGNING_KEY)") var key: String?
    @Option(help: "签署回执的证书 / certificate (or RECTIFY_SIGNING_CERT)") var cert: String?
    @Option(help: "模式目录 / Schemas folder") var schemas: String?
    @Option(help: "单个文件大小上限（字节）/ largest file accepted, in bytes") var maxBytes: Int = XMLDocument.defaultSizeLimit
    @Flag(help: "逐个列出每个文件（默认超过20个文件时只列出被拒绝和较旧的）/ list every file (by default, beyond 20 files only those refused or older)")
    var each = false

    func run() throws {
        let signing = try SigningMaterial(key: key, certificate: cert)
        let rectify = try global.open()
        let line = ProgressLine("导入中 / importing")
        let outcomes = try rectify.importFilings(paths: files, loose: loose, schemas: schemas, sizeLimit: maxBytes, actor: actor.name) {
            line.update($0, of: $1)
        }
        line.finish()
        let labels: [ImportOutcome.Result: String] = [
            .imported: "已导入", .replaced: "已更新为新版本", .unchanged: "无变化（同一文件）", .olderKept: "较旧版本，仅记录来源",
            .manifestChecked: "清单已核对", .reportChecked: "统计报表已核验（不入库）", .refused: "拒绝", .valid: "通过",
        ]
        // A filing of thousands of files is summed up; what needs attention is always listed.
        let listed = each || outcomes.count <= 20 ? outcomes : outcomes.filter { [.refused, .olderKept].contains($0.result) }
        for outcome in listed {
            print("\(labels[outcome.result]!) / \(outcome.result.rawValue): \(outcome.path)\(outcome.caseNumber.map { "（\($0)）" } ?? "")")
            for problem in outcome.problems { print("  \(problem)") }
        }
        let written = try rectify.writeReceipt(outcomes, to: receipt ?? rectify.defaultReceiptName(), signing: signing,
                                               actor: actor.name, schemas: schemas)
        let count = { (result: ImportOutcome.Result) in outcomes.filter { $0.result == result }.count }
        print("合计 / total: 新导入 new \(count(.imported))，更新 replaced \(count(.replaced))，无变化 unchanged \(count(.unchanged))，"
              + "较旧 older-kept \(count(.olderKept))，拒绝 refused \(count(.refused))")
        print("回执 / receipt: \(written.path)  sha256 \(written.sha256)")
        let refused = count(.refused)
        guard refused == 0 else {
            throw RuleViolation(rule: .filingInvalid, chinese: "\(refused)个文件被拒绝；被拒绝的报送未导入任何内容（见回执）",
                                english: "\(refused) file(s) refused; nothing of a refused filing was imported (see the receipt)")
        }
    }
}

struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust", abstract: "受信任的报送机关证书 / certificates trusted to sign filings, one agency each.",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "登记一个报送机关的签名证书 / trust a certificate for one filing agency.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "证书（PEM）/ certificate (PEM)") var certificate: String
        @Option(help: "报送机关的行政区划代码 / the agency's division code") var agency: String
        @Option(help: "报送机关名称（默认取证书的O）/ the agency's name (default: the certificate's O)") var name: String?

        func run() throws {
            let entry = try global.open().addTrust(certificatePath: certificate, divisionCode: agency, agencyName: name, actor: actor.name)
            print("已登记 / trusted: \(entry.agencyName)（\(entry.divisionCode)）\n  \(entry.subject)\n  SHA-256 \(entry.fingerprint)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出受信任证书 / list trusted certificates.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "包括已撤销的 / include removed ones") var all = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            let entries = try global.openForReading().trustedCertificates(includeRemoved: all)
            if output.json { return try Output.json(["certificates": entries]) }
            Output.table(["区划代码", "机关", "证书主题", "SHA-256 指纹", "有效期至", "撤销于"], entries.map {
                [$0.divisionCode, $0.agencyName, $0.subject, $0.fingerprint, String($0.notAfter.prefix(10)), $0.removedAt.map { String($0.prefix(10)) } ?? ""]
            })
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove",
            abstract: "撤销对一个证书的信任 / stop trusting a certificate (fingerprint or PEM file).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "证书指纹（至少8位）或证书文件 / fingerprint (8+ hex digits) or PEM file") var certificate: String

        func run() throws {
            let entry = try global.open().removeTrust(certificate, actor: actor.name)
            print("已撤销 / removed: \(entry.agencyName)（\(entry.divisionCode)）SHA-256 \(entry.fingerprint)")
        }
    }
}
