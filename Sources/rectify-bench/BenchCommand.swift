import ArgumentParser
import Foundation
import RectifyKit

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify-bench",
        abstract: "Rectify against sqlite3 and xmllint on the same machine, in the same run: ratios, not absolute times.",
        subcommands: [Run.self, Worker.self], defaultSubcommand: Run.self)

    /// Workers measure what the `rectify` command does, with its allocator settings.
    static func main() {
        Allocator.tuneForBulkWork()
        main(nil)
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Measure (the default).")
    @Option(help: "District sizes, comma-separated") var units: String = "10000,100000"
    @Option(help: "Runs of each operation (median and spread)") var `repeat`: Int = 3
    @Option(help: "Write the figures as JSON to this file") var json: String?
    @Option(help: "Work folder: generated districts are kept here between runs") var work: String = ".build/bench"
    @Option(help: "Schemas folder") var schemas: String = "Schemas"
    @Option(help: "Demo seed") var seed: UInt64 = 20_260_401
    @Flag(help: "Regenerate the districts") var fresh = false
    @Option(help: "Seconds of load for each serve row (wrk on loopback); 0 skips them") var serveSeconds: Int = 20
    @Flag(help: "Measure only the serve rows") var serveOnly = false

    func run() throws {
        let sizes = try units.split(separator: ",").map { text -> Int in
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n >= 100 else {
                throw ValidationError("--units: \(text) is not a size of at least 100")
            }
            return n
        }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
        let work = (work as NSString).standardizingPath
        let schemas = URL(fileURLWithPath: schemas).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: schemas + "/rectify-case-file-v1.xsd") else {
            throw ValidationError("no schemas in \(schemas) (run from the package root or pass --schemas)")
        }
        for check in [["sqlite3", "--version"], ["xmllint", "--version"], ["openssl", "version"]] {
            guard (try? Subprocess.run(check))?.status == 0 else {
                throw ValidationError("\(check[0]) is not installed (apt-get install sqlite3 libxml2-utils openssl)")
            }
        }
        var measurements: [Measurement] = []
        var scenarios: [Scenario] = []
        FreedFiles.waitAfterRemoval(work: work)
        // The exported files are removed only once every size is measured (see `Scenario.exportFolder`).
        defer {
            scenarios.forEach { $0.removeExports() }
            FreedFiles.noteRemoval(work: work)
        }
        var loads: [ServeBench.Load] = []
        for size in sizes {
            let district = try District.prepare(units: size, seed: seed, work: work, fresh: fresh)
            let scenario = Scenario(district: district, schemas: schemas, repeats: `repeat`, work: work)
            scenarios.append(scenario)
            if !serveOnly { measurements += try scenario.measureAll() }
            if serveSeconds > 0 {
                try FileManager.default.createDirectory(atPath: "\(work)/runs-\(size)", withIntermediateDirectories: true)
                loads += try ServeBench(district: district, work: work, seconds: serveSeconds).measure()
            }
        }
        if !serveOnly { Report.print(measurements, sizes: sizes) }
        Report.print(loads)
        if let json {
            let data = try JSONSerialization.data(withJSONObject: measurements.map(\.json) + loads.map(\.json),
                                                  options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: json))
            log("figures written to \(json)")
        }
    }
}
