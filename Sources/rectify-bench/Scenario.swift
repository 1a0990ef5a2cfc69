import ArgumentParser
import Foundation

/// The four measured operations on one district, each against the reference tool doing the same work.
struct Scenario {
    let district: District
    let schemas: String
    let repeats: Int
    let work: String

    /// This very executable, re-run as a worker.
    private var bench: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private var runs: String { "\(work)/runs-\(district.units)" }

    private func worker(_ arguments: [String]) throws -> ProcessRun {
        var run = try Subprocess.run([bench, "worker"] + arguments)
        guard let line = run.output.split(separator: "\n").last(where: { $0.hasPrefix(Worker.peakMarker) }),
              let kb = Double(line.dropFirst(Worker.peakMarker.count).trimmingCharacters(in: .whitespaces))
        else { throw ValidationError("the worker reported no peak memory: \(run.output.suffix(500))") }
        run.peakRSSMB = kb / 1024
        run.output = run.output.split(separator: "\n").filter { !$0.hasPrefix(Worker.peakMarker) }.joined(separator: "\n")
        return run
    }

    /// Reads a database file (and its WAL) once, untimed, so the run after it finds it in the page cache. The
    /// reference tools read files that were just written, so are warm; on this kind of machine the page cache is
    /// trimmed now and then, and a cold district cost an export far more in disk reads than in work
    /// (docs/performance.md). Both sides are then measured doing their work, not waiting for the disk.
    private func warm(_ database: String) {
        for path in [database, database + "-wal"] {
            guard let file = FileHandle(forReadingAtPath: path) else { continue }
            while let chunk = try? file.read(upToCount: 1 << 22), !chunk.isEmpty {}
            try? file.close()
        }
    }

    private func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func measureAll() throws -> [Measurement] {
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        let (code, cases) = try district.largestCampaign()
        log("\(district.units) units: campaign \(code), \(cases) cases")
        var out = try unitImport()
        let (export, validation) = try campaignExport(code: code)
        out.append(export)
        out.append(try superiorImport(validation: validation))
        out.append(try superiorImportHostile())
        out += try progress(code: code)
        out.append(try verify())
        out += try singleAct()
        return out
    }

    /// `rectify unit import` of the register vs `sqlite3 .import` of the same CSV into a table of the same columns;
    /// and, against the same reference, `sqlite3` writing the same units and their audit events as set-based SQL
    /// into the same organisation database (`SQLFloor`): what the engine needs, whoever drives it.
    func unitImport() throws -> [Measurement] {
        var mine: [ProcessRun] = [], theirs: [ProcessRun] = [], floor: [ProcessRun] = []
        for round in 1...repeats {
            log("  unit import, run \(round)/\(repeats)")
            let target = "\(runs)/import.sqlite"
            try copyOrganisation(to: target)
            let run = try worker(["import-units", target, district.register])
            guard Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) == district.units else {
                throw ValidationError("unit import imported \(run.output), expected \(district.units)")
            }
            mine.append(run)
            let reference = "\(runs)/reference.sqlite"
            remove(reference)
            theirs.append(try Subprocess.run(["sqlite3", reference, """
                CREATE TABLE unit_import (uscc TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT, street TEXT NOT NULL,
                    grid TEXT NOT NULL, category TEXT NOT NULL, department TEXT NOT NULL, contact TEXT, phone TEXT,
                    legal TEXT, supervisors TEXT) STRICT;
                """, ".import --csv --skip 1 \(district.register) unit_import"]))
            let count = try Subprocess.run(["sqlite3", reference, "SELECT count(*) FROM unit_import"])
            guard Int(count.output.trimmingCharacters(in: .whitespacesAndNewlines)) == district.units else {
                throw ValidationError("sqlite3 .import loaded \(count.output), expected \(district.units)")
            }
            let floorTarget = "\(runs)/floor.sqlite"
            try copyOrganisation(to: floorTarget)
            let sql = try Subprocess.run(["sqlite3", "-bail", floorTarget],
                                         input: SQLFloor.unitImport(register: district.register))
            guard sql.status == 0, Int(sql.output.split(separator: "\n").last ?? "") == district.units else {
                throw ValidationError("the SQL floor of the unit import failed: \(sql.output.suffix(300))")
            }
            // sqlite3's peak memory is not measured (see `Worker.peakMarker`), so none is reported for it.
            floor.append(ProcessRun(seconds: sql.seconds, peakRSSMB: 0, status: sql.status, output: ""))
            if round == 1 { try SQLFloor.checkSameWrites(rectify: target, floor: floorTarget) }
        }
        remove("\(runs)/import.sqlite")
        remove("\(runs)/floor.sqlite")
        return [Measurement(measure: "unit-import", units: district.units, rectify: mine, reference: theirs),
                Measurement(measure: "unit-import-sql-floor", units: district.units, rectify: floor, reference: theirs)]
    }

    /// A fresh copy of the empty district (and its WAL, if it has one) to import the register into.
    private func copyOrganisation(to target: String) throws {
        remove(target)
        try FileManager.default.copyItem(atPath: district.organisation, toPath: target)
        if FileManager.default.fileExists(atPath: district.organisation + "-wal") {
            try FileManager.default.copyItem(atPath: district.organisation + "-wal", toPath: target + "-wal")
        }
    }

    /// Each export run writes a folder of its own, and all are removed at the end: ext4 skips inodes freed in the
    /// last minutes when it creates files, so removing one run's 35,000 files just before the next run made that run
    /// pay several times over for file creation (figures in docs/performance.md). The removal is not part of an
    /// export; its after-effect should not be either.
    func exportFolder(_ round: Int) -> String { "\(runs)/export-\(round)" }
    /// The last run's files: what xmllint validates and the superior imports.
    var exportFolder: String { exportFolder(repeats) }

    func removeExports() {
        for round in 1...repeats { try? FileManager.default.removeItem(atPath: exportFolder(round)) }
        try? FileManager.default.removeItem(atPath: "\(runs)/export")
    }

    var keys: String { "\(work)/keys" }

    /// `rectify export campaign` (write, validate, sign) vs `xmllint --noout --schema` over the files it produced.
    func campaignExport(code: String) throws -> (Measurement, [ProcessRun]) {
        if !FileManager.default.fileExists(atPath: keys + "/signing-cert.pem") {
            _ = try worker(["keys", keys])
        }
        var mine: [ProcessRun] = [], theirs: [ProcessRun] = []
        for round in 1...repeats {
            log("  campaign export, run \(round)/\(repeats)")
            try? FileManager.default.removeItem(atPath: exportFolder(round)) // only after an interrupted bench
            warm(district.database)
            mine.append(try worker(["export-campaign", district.database, code, exportFolder(round), keys + "/signing-key.pem",
                                    keys + "/signing-cert.pem", schemas]))
        }
        for round in 1...repeats {
            log("  xmllint validation, run \(round)/\(repeats)")
            theirs.append(try validateWithXmllint())
        }
        return (Measurement(measure: "campaign-export", units: district.units, rectify: mine, reference: theirs), theirs)
    }

    /// xmllint over every produced file against its schema, in batches (a command line has a length limit); the run's
    /// time is the sum of the batches and its memory the largest.
    func validateWithXmllint() throws -> ProcessRun {
        let files = try FileManager.default.contentsOfDirectory(atPath: exportFolder).filter { $0.hasSuffix(".xml") }.sorted()
        let manifests = files.filter { $0.hasPrefix("manifest") }
        let cases = files.filter { !$0.hasPrefix("manifest") }
        var total = ProcessRun(seconds: 0, peakRSSMB: 0, status: 0, output: "")
        for (schema, group) in [("rectify-case-file-v2.xsd", cases), ("rectify-manifest-v2.xsd", manifests)] {
            var start = 0
            while start < group.count {
                let batch = group[start..<min(start + 1_000, group.count)].map { "\(exportFolder)/\($0)" }
                let run = try Subprocess.run(["xmllint", "--nonet", "--noout", "--schema", "\(schemas)/\(schema)"] + batch)
                total.seconds += run.seconds
                total.peakRSSMB = max(total.peakRSSMB, run.peakRSSMB)
                start += 1_000
            }
        }
        return total
    }

    /// `rectify import` of the exported folder into an empty superior database vs the same xmllint validation.
    func superiorImport(validation: [ProcessRun]) throws -> Measurement {
        var mine: [ProcessRun] = []
        for round in 1...repeats {
            log("  import at the superior, run \(round)/\(repeats)")
            let target = "\(runs)/superior.sqlite"
            remove(target)
            mine.append(try worker(["import-filings", target, exportFolder, keys + "/signing-cert.pem", schemas]))
            remove(target)
        }
        return Measurement(measure: "superior-import", units: district.units, rectify: mine, reference: validation)
    }

    /// `rectify import --loose` of a folder of hostile files (`HostileFolder`) into an empty superior database, every
    /// file refused, vs xmllint checking the same regular files against the case-file schema. The budget is the
    /// import's peak memory (`Budget.peakMB`), whatever the folder holds.
    func superiorImportHostile() throws -> Measurement {
        let folder = "\(runs)/hostile"
        let genuine = try FileManager.default.contentsOfDirectory(atPath: exportFolder).filter { !$0.hasPrefix("manifest") }.sorted()[0]
        try HostileFolder.build(from: "\(exportFolder)/\(genuine)", into: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var mine: [ProcessRun] = [], theirs: [ProcessRun] = []
        for round in 1...repeats {
            log("  hostile import at the superior, run \(round)/\(repeats)")
            let target = "\(runs)/superior-hostile.sqlite"
            remove(target)
            mine.append(try worker(["import-filings", target, folder, keys + "/signing-cert.pem", schemas, "--hostile"]))
            remove(target)
            theirs.append(try Subprocess.run(["xmllint", "--nonet", "--noout", "--schema", "\(schemas)/rectify-case-file-v2.xsd"]
                                             + HostileFolder.regularFiles(in: folder), mustSucceed: false))
        }
        return Measurement(measure: "superior-import-hostile", units: district.units, rectify: mine, reference: theirs)
    }

    /// `rectify verify` (the chain, every table against its last event, the progress ledger recomputed) vs its floor:
    /// sqlite3 reading every event, plus OpenSSL hashing the same canonical bytes the chain's hashes are taken over.
    func verify() throws -> Measurement {
        let bytes = "\(runs)/chain-bytes"
        _ = try worker(["chain-bytes", district.database, bytes])
        defer { try? FileManager.default.removeItem(atPath: bytes) }
        var mine: [ProcessRun] = [], floor: [ProcessRun] = []
        for round in 1...repeats {
            log("  verify, run \(round)/\(repeats)")
            warm(district.database)
            mine.append(try worker(["verify", district.database]))
            let read = try Subprocess.run(["sqlite3", district.database, "SELECT * FROM event"], discardOutput: true)
            let hash = try Subprocess.run(["openssl", "dgst", "-sha256", bytes])
            floor.append(ProcessRun(seconds: read.seconds + hash.seconds, peakRSSMB: 0, status: 0, output: ""))
        }
        return Measurement(measure: "verify", units: district.units, rectify: mine, reference: floor)
    }

    /// Acts of an officer (a unit's phone corrected through the library: its audit event, its ledger, a durable
    /// commit), one transaction each, against sqlite3 committing as many one-row transactions to the same database
    /// with `synchronous=FULL`; and those commits against the same with `synchronous=NORMAL`, GRDB's WAL default:
    /// what durability itself costs. Both sides are whole processes.
    func singleAct() throws -> [Measurement] {
        let acts = 50
        let target = "\(runs)/act.sqlite"
        remove(target)
        try FileManager.default.copyItem(atPath: district.database, toPath: target)
        defer { remove(target) }
        let uscc = try Subprocess.run(["sqlite3", target, "SELECT uscc FROM unit ORDER BY id LIMIT 1"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try Subprocess.run(["sqlite3", target, "CREATE TABLE benchAct (n INTEGER)"])
        var mine: [ProcessRun] = [], full: [ProcessRun] = [], normal: [ProcessRun] = []
        log("  \(acts) single acts, \(repeats) runs")
        func commits(_ synchronous: String) throws -> ProcessRun {
            var run = try Subprocess.run(["sqlite3", target], input: "PRAGMA synchronous = \(synchronous);\n"
                                         + String(repeating: "INSERT INTO benchAct VALUES (1);\n", count: acts))
            run.peakRSSMB = 0 // not this tool's own figure (see `Worker.peakMarker`)
            return run
        }
        for _ in 1...repeats {
            mine.append(try worker(["single-act", target, uscc, String(acts)]))
            full.append(try commits("FULL"))
            normal.append(try commits("NORMAL"))
        }
        return [Measurement(measure: "single-act", units: district.units, rectify: mine, reference: full),
                Measurement(measure: "commit-full-vs-normal", units: district.units, rectify: full, reference: normal)]
    }

    /// `rectify campaign progress` (totals, targets, reliability by street and category, as JSON) vs sqlite3 answering
    /// the single GROUP BY that counts the campaign's cases by street and state: process against process, and the
    /// work alone (Rectify's own timing inside the process against sqlite3's `.timer`); and a process of this build
    /// that parses the same arguments and does nothing, against the same GROUP BY: the share start-up alone takes.
    func progress(code: String) throws -> [Measurement] {
        var mine: [ProcessRun] = [], theirs: [ProcessRun] = [], mineWork: [ProcessRun] = [], theirsWork: [ProcessRun] = []
        var idle: [ProcessRun] = []
        let rounds = max(repeats, 5)
        log("  campaign progress, \(rounds) runs")
        let query = """
            SELECT u.streetId, c.state, count(*) FROM "case" c JOIN unit u ON u.id = c.unitId
            WHERE c.campaignId = (SELECT id FROM campaign WHERE code = '\(code)') GROUP BY 1, 2;
            """
        for _ in 1...rounds {
            warm(district.database)
            idle.append(try worker(["start-up", district.database, code]))
            let run = try worker(["progress", district.database, code])
            mine.append(run)
            mineWork.append(ProcessRun(seconds: try marked(Worker.workMarker, in: run.output), peakRSSMB: run.peakRSSMB,
                                       status: 0, output: ""))
            // sqlite3 prints `.timer` figures only for statements it reads from its input.
            let reference = try Subprocess.run(["sqlite3", district.database], input: ".timer on\n" + query + "\n")
            theirs.append(reference)
            theirsWork.append(ProcessRun(seconds: try marked("Run Time: real", in: reference.output), peakRSSMB: 0,
                                         status: 0, output: ""))
        }
        return [Measurement(measure: "campaign-progress", units: district.units, rectify: mine, reference: theirs),
                Measurement(measure: "campaign-progress-query", units: district.units, rectify: mineWork, reference: theirsWork),
                Measurement(measure: "process-start-up", units: district.units, rectify: idle, reference: theirs)]
    }

    private func marked(_ marker: String, in output: String) throws -> Double {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix(marker) }),
              let value = line.dropFirst(marker.count).split(separator: " ").first.flatMap({ Double($0) })
        else { throw ValidationError("no '\(marker)' in: \(output.suffix(300))") }
        return value
    }
}
