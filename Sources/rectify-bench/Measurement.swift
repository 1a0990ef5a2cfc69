import Foundation

/// Repeated runs of one operation and of its reference, summarised by the median and the spread.
struct Measurement: Codable {
    var measure: String
    var units: Int
    var rectify: [ProcessRun]
    var reference: [ProcessRun]

    var rectifySeconds: Double { median(rectify.map(\.seconds)) }
    var referenceSeconds: Double { median(reference.map(\.seconds)) }
    var ratio: Double { rectifySeconds / referenceSeconds }
    var peakRSSMB: Double { rectify.map(\.peakRSSMB).max() ?? 0 }
    /// Largest run over smallest, minus one: 0.05 means the runs lay within 5 % of each other.
    var spread: Double { Self.spread(rectify.map(\.seconds)) }
    var referenceSpread: Double { Self.spread(reference.map(\.seconds)) }

    static func spread(_ values: [Double]) -> Double {
        guard let low = values.min(), let high = values.max(), low > 0 else { return 0 }
        return high / low - 1
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The row the issue asks `--json` to write.
    var json: [String: Any] {
        ["measure": measure, "units": units, "rectify_s": rounded(rectifySeconds, 4), "reference_s": rounded(referenceSeconds, 4),
         "ratio": rounded(ratio, 3), "peak_rss_mb": peakRSSMB > 0 ? rounded(peakRSSMB, 1) : NSNull()]
    }

    private func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}

extension ProcessRun: Codable {
    enum CodingKeys: String, CodingKey { case seconds, peakRSSMB }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(seconds: try c.decode(Double.self, forKey: .seconds), peakRSSMB: try c.decode(Double.self, forKey: .peakRSSMB),
                  status: 0, output: "")
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(peakRSSMB, forKey: .peakRSSMB)
    }
}

/// The budgets of issue 6: Rectify's time as a multiple of the reference tool's, and memory growth with size.
enum Budget {
    static let ratios: [String: Double] = ["unit-import": 2, "campaign-export": 3, "superior-import": 4, "campaign-progress": 1,
                                           "campaign-progress-query": 1, "verify": 1.5]
    static let exportMemoryGrowth = 1.5
    /// Peak resident memory, in MB, whatever the input (issue 15: a hostile folder).
    static let peakMB: [String: Double] = ["superior-import-hostile": 500]
    /// Measured to explain the budgets, not held to one: the engine's own floor for the unit import's writes, a
    /// process of this build that does nothing, one act against one durable commit, and what durability costs a commit.
    static let explanatory: Set<String> = ["unit-import-sql-floor", "process-start-up", "single-act", "commit-full-vs-normal"]
}
