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

extension Parallel {
    /// Produces batch `k + 1` on other threads while `consume` handles batch `k` on the calling thread, batches in
    /// order: an import checks the next files (parse, schema, signature) while it writes the ones already checked.
    /// If `consume` throws, the batch being produced is finished and dropped, and the error goes to the caller.
    static func pipeline<Batch>(_ count: Int, produce: @escaping @Sendable (Int) throws -> Batch,
                                consume: (Int, Batch) throws -> Void) throws {
        guard count > 0 else { return }
        var current = Result { try produce(0) }
        for index in 0..<count {
            let next = Handoff<Batch>()
            let group = DispatchGroup()
            if index + 1 < count {
                DispatchQueue.global().async(group: group) { next.value = Result { try produce(index + 1) } }
            }
            defer { group.wait() }
            try consume(index, try current.get())
            group.wait()
            if let produced = next.value { current = produced }
        }
    }
}

/// A batch handed from the producing thread to the consuming one; the group's wait orders the two accesses.
private final class Handoff<Batch>: @unchecked Sendable {
    var value: Result<Batch, any Error>?
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
