import Foundation

enum Report {
    /// The serve rows: reads against the static route of the same server, writes against sqlite3.
    static func print(_ loads: [ServeBench.Load]) {
        guard !loads.isEmpty else { return }
        Swift.print("")
        Swift.print("serve (wrk, loopback)    units    conns  requests/s   p99_ms    errors  vs reference              goal")
        for load in loads {
            let against = load.measure == "serve-api-writes"
                ? "\(format(load.throughputRatio, 2))× sqlite3's writes/s"
                : "\(format(load.throughputRatio, 2))× static rate, p99 \(format(load.p99Ratio ?? 0, 1))×"
            let goal = load.measure == "serve-case-page" ? (load.p99Milliseconds <= 50 ? "p99 ≤ 50 ms ok" : "p99 ≤ 50 ms MISSED")
                : (load.errors == 0 ? "no errors ok" : "ERRORS")
            Swift.print(pad(load.measure, 24), pad(String(load.units), 8), pad(String(load.connections), 6),
                        pad(format(load.requestsPerSecond, 1), 12), pad(format(load.p99Milliseconds, 2), 9), pad(String(load.errors), 7),
                        pad(against, 25), goal)
        }
    }

    static func print(_ measurements: [Measurement], sizes: [Int]) {
        Swift.print("measure                  units    rectify_s (spread)     reference_s (spread)   ratio    budget        peak_rss_mb")
        for m in measurements {
            let budget = Budget.ratios[m.measure].map { $0 }
            let memoryVerdict = Budget.peakMB[m.measure].map { m.peakRSSMB <= $0 ? "≤\(format($0, 0)) MB ok" : "≤\(format($0, 0)) MB MISSED" }
            let verdict = budget.map { m.ratio <= $0 ? "≤\(format($0, $0 < 2 ? 1 : 0))× ok" : "≤\(format($0, $0 < 2 ? 1 : 0))× MISSED" }
                ?? memoryVerdict ?? (Budget.explanatory.contains(m.measure) ? "(no budget)" : "")
            Swift.print(pad(m.measure, 24), pad(String(m.units), 8),
                        pad("\(format(m.rectifySeconds, 3)) (±\(format(m.spread * 100, 0))%)", 22),
                        pad("\(format(m.referenceSeconds, 3)) (±\(format(m.referenceSpread * 100, 0))%)", 22),
                        pad(format(m.ratio, 2) + "×", 8), pad(verdict, 14), m.peakRSSMB > 0 ? format(m.peakRSSMB, 1) : "–")
        }
        func find(_ name: String, _ size: Int) -> Measurement? {
            measurements.first { $0.measure == name && $0.units == size }
        }
        Swift.print("")
        for size in sizes {
            if let rectify = find("unit-import", size), let floor = find("unit-import-sql-floor", size) {
                Swift.print("\(size) units: unit import \(format(rectify.rectifySeconds / floor.rectifySeconds, 2))× its SQL floor, "
                            + "which is itself \(format(floor.ratio, 2))× sqlite3's .import")
            }
            if let progress = find("campaign-progress", size), let idle = find("process-start-up", size) {
                Swift.print("\(size) units: a process that does nothing takes \(format(idle.ratio, 2))× the GROUP BY, "
                            + "\(format(idle.rectifySeconds / progress.rectifySeconds * 100, 0)) % of the progress process")
            }
        }
        guard let small = sizes.min(), let large = sizes.max(), small != large else { return }
        Swift.print("\ngrowth from \(small) to \(large) units (×\(format(Double(large) / Double(small), 0)) the units)")
        Swift.print("measure                  rectify_s  reference_s  ratio  peak_rss")
        for name in ["unit-import", "unit-import-sql-floor", "campaign-export", "superior-import", "campaign-progress",
                     "campaign-progress-query", "process-start-up"] {
            guard let a = find(name, small), let b = find(name, large) else { continue }
            let memory = b.peakRSSMB / a.peakRSSMB
            let note = name == "campaign-export"
                ? (memory <= Budget.exportMemoryGrowth ? "  (budget ≤1.5× ok)" : "  (budget ≤1.5× MISSED)") : ""
            Swift.print(pad(name, 24), pad(format(b.rectifySeconds / a.rectifySeconds, 2) + "×", 10),
                        pad(format(b.referenceSeconds / a.referenceSeconds, 2) + "×", 12),
                        pad(format(b.ratio / a.ratio, 2) + "×", 6), a.peakRSSMB > 0 ? format(memory, 2) + "×" + note : "–")
        }
    }

    static func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
