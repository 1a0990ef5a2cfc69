import Foundation

/// Work spread over the machine's cores in batches: exports and imports check and sign files independently, and a
/// 2-core machine should not leave one core idle. Results come back in index order. Every index of a batch runs (a
/// batch is small), so the failure rethrown is always the first in index order, whatever the timing.
enum Parallel {
    static let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))

    /// Calls `body(worker, index)` for every index below `count`; worker `w` takes indexes w, w + workers, … so a
    /// caller can give each worker state of its own.
    static func map<T>(_ count: Int, workers: Int = Parallel.workers,
                       _ body: @Sendable (_ worker: Int, _ index: Int) throws -> T) throws -> [T] {
        let slots = Slots<T>(count: count)
        let workers = max(1, min(workers, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) {
                slots.set(index, Result { try body(worker, index) })
            }
        }
        return try slots.values()
    }
}

/// The results of one batch, written by the workers under a lock.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, any Error>) {
        lock.withLock { results[index] = result }
    }

    func values() throws -> [T] {
        try lock.withLock {
            for case .failure(let error)? in results { throw error }
            return try results.map { try $0!.get() }
        }
    }
}

/// One instance per worker of something that must not be shared between threads (a signer, a validator).
/// Sendable by construction: worker `i` only ever uses instance `i`.
final class PerWorker<Value>: @unchecked Sendable {
    private let values: [Value]

    init(count: Int = Parallel.workers, _ make: () throws -> Value) rethrows {
        values = try (0..<count).map { _ in try make() }
    }

    subscript(worker: Int) -> Value { values[worker] }
}
