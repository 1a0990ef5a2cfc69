import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit
import RectifyStore
import GRDB
import RectifyXML

/// The work being measured, run by the bench in a child process of its own build (so the figures are for the same
/// build configuration as the bench, and each process's peak memory is its own). Each worker calls the same library
/// entry point the `rectify` command does.
struct Worker: ParsableCommand {
    /// Written last by every worker: the peak resident memory of this process image (VmHWM). wait4's ru_maxrss cannot
    /// be used, because Linux carries the spawning bench's own peak across the vfork and exec into the child's record.
    static let peakMarker = "rectify-bench-peak-kb:"
    /// The time of the work alone, inside the process (the progress worker reports it).
    static let workMarker = "rectify-bench-work-s:"

    static func reportPeak() {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        FileHandle.standardError.write(Data("\(peakMarker) \(kb)\n".utf8))
    }

    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Runs one measured operation (used by the bench itself).", shouldDisplay: false,
        subcommands: [ImportUnits.self, ExportCampaign.self, ImportFilings.self, Progress.self, StartUp.self, Keys.self,
                      Verify.self, ChainBytes.self, SingleAct.self, PageCost.self])

    struct ImportUnits: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-units")
        @Argument var database: String
        @Argument var csv: String
        func run() throws {
            let report = try Rectify.open(path: database).importUnits(from: URL(fileURLWithPath: csv), actor: "bench")
            print(report.created + report.updated)
            Worker.reportPeak()
        }
    }

    struct ExportCampaign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export-campaign")
        @Argument var database: String
        @Argument var code: String
        @Argument var out: String
        @Argument var key: String
        @Argument var cert: String
        @Argument var schemas: String
        func run() throws {
            let export = try Rectify.open(path: database).exportCampaign(
                code: code, into: out, signing: try SigningMaterial(key: key, certificate: cert), schemas: schemas)
            print(export.caseCount)
            Worker.reportPeak()
        }
    }

    struct ImportFilings: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-filings")
        @Argument var database: String
        @Argument var folder: String
        @Argument var cert: String
        @Argument var schemas: String
        @Flag(help: "A folder of hostile files, imported with --loose: every file must be refused")
        var hostile = false
        func run() throws {
            let rectify = try Rectify.open(path: database, create: true)
            let signer = try TrustedSigner(certificateFile: cert)
            if try rectify.trustedCertificates().isEmpty {
                _ = try rectify.addTrust(certificatePath: cert, divisionCode: signer.divisionCode, agencyName: nil, actor: "bench")
            }
            let outcomes = try rectify.importFilings(paths: [folder], loose: hostile, schemas: schemas, actor: "bench")
            let refused = outcomes.filter { $0.result == .refused }
            if hostile {
                guard refused.count == outcomes.count else { throw ValidationError("hostile files were accepted: \(outcomes.filter { $0.result != .refused }.map(\.path))") }
            } else {
                guard refused.isEmpty else { throw ValidationError("\(refused.count) files refused: \(refused[0].problems)") }
            }
            print(outcomes.count)
            Worker.reportPeak()
        }
    }

    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "progress")
        @Argument var database: String
        @Argument var code: String
        func run() throws {
            let rectify = try Rectify.openForReading(path: database)
            let start = DispatchTime.now()
            let progress = try rectify.campaignProgress(code: code)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            FileHandle.standardError.write(Data("\(Worker.workMarker) \(seconds)\n".utf8))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(progress), as: UTF8.self))
            Worker.reportPeak()
        }
    }

    /// The progress worker without its work: parses the same arguments, opens nothing, reports its peak memory. What
    /// a process of this build costs before it does anything.
    struct StartUp: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start-up")
        @Argument var database: String
        @Argument var code: String
        func run() throws {
            Worker.reportPeak()
        }
    }

    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "keys")
        @Argument var out: String
        func run() throws {
            _ = try SigningKeys.generate(algorithm: .ecdsa, agency: "基准测试机关", divisionCode: "320671", into: out)
            Worker.reportPeak()
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify")
        @Argument var database: String
        func run() throws {
            let report = try Rectify.openForReading(path: database).verify()
            guard report.isIntact else { throw ValidationError("the chain is broken: \(report.problems.first?.english ?? "")") }
            print(report.eventCount)
            Worker.reportPeak()
        }
    }

    /// Acts an officer makes one after another (a unit's phone corrected), each its own audited, durably committed
    /// transaction.
    struct SingleAct: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "single-act")
        @Argument var database: String
        @Argument var uscc: String
        @Argument var acts: Int
        func run() throws {
            let rectify = try Rectify.open(path: database)
            for act in 1...acts {
                _ = try rectify.editUnit(uscc: uscc, changes: UnitTextChanges(phone: "0512-\(5_550_000 + act)"), actor: "bench")
            }
            print(acts)
            Worker.reportPeak()
        }
    }

    /// Untimed preparation of the verify floor: every event's canonical bytes, the input of its hash, in one file.
    struct ChainBytes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "chain-bytes")
        @Argument var database: String
        @Argument var out: String
        func run() throws {
            FileManager.default.createFile(atPath: out, contents: nil)
            guard let file = FileHandle(forWritingAtPath: out) else { throw ValidationError("cannot write \(out)") }
            var configuration = AppDatabase.configuration()
            configuration.readonly = true
            try DatabaseQueue(path: database, configuration: configuration).read { db in
                let cursor = try AuditEvent.fetchCursor(db, sql: "SELECT * FROM event ORDER BY seq")
                while let event = try cursor.next() { file.write(Data(event.canonicalBytes())) }
            }
            try file.close()
            Worker.reportPeak()
        }
    }
}
