import Foundation

/// Work spread over the machine's cores in batches: exports and imports check and sign files independently, and a
/// 2-core machine should not leave one core idle. Results come back in index order. Every index of a batch runs (a
/// batch is small), so the failure rethrown is always the first in index order, whatever the timing.
enum Parallel {
    static let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))

    /// Calls `body(worker, index)` for every index below `count`. Each worker takes the next index not yet taken, so
    /// a worker slowed down (an import's writer thread shares the cores with it) does not leave the others waiting;
    /// `worker` identifies the calling worker, so a caller can give each worker state of its own.
    static func map<T>(_ count: Int, workers: Int = Parallel.workers,
                       _ body: @Sendable (_ worker: Int, _ index: Int) throws -> T) throws -> [T] {
        let slots = Slots<T>(count: count)
        let workers = max(1, min(workers, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while let index = slots.take() {
                slots.set(index, Result { try body(worker, index) })
            }
        }
        return try slots.values()
    }
}

extension Parallel {
    /// Produces batches on other threads, up to `ahead` batches ahead, while `consume` handles them on the calling
    /// thread, in order: an import checks the next files (parse, schema, signature) while it writes the ones already
    /// checked, and the checking never waits for a write to finish. If either side fails, production stops after the
    /// batch in hand, and the first failure in batch order goes to the caller.
    static func pipeline<Batch>(_ count: Int, ahead: Int = 2, produce: @escaping @Sendable (Int) throws -> Batch,
                                consume: (Int, Batch) throws -> Void) throws {
        guard count > 0 else { return }
        let queue = Handoff<Batch>(room: max(1, ahead))
        let producer = DispatchGroup()
        DispatchQueue.global().async(group: producer) {
            for index in 0..<count {
                guard queue.waitForRoom() else { return }
                let batch = Result { try produce(index) }
                queue.put(index, batch)
                if case .failure = batch { return }
            }
        }
        defer {
            queue.stop()
            producer.wait()
        }
        for index in 0..<count {
            try consume(index, try queue.take(index).get())
        }
    }
}

/// Batches handed from the producing thread to the consuming one, with room for a bounded number in between.
private final class Handoff<Batch>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: Result<Batch, any Error>] = [:]
    private var room: Int
    private var stopped = false

    init(room: Int) { self.room = room }

    /// False once the consumer has stopped.
    func waitForRoom() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while room == 0 && !stopped { condition.wait() }
        guard !stopped else { return false }
        room -= 1
        return true
    }

    func put(_ index: Int, _ batch: Result<Batch, any Error>) {
        condition.lock()
        ready[index] = batch
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) -> Result<Batch, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while ready[index] == nil { condition.wait() }
        room += 1
        condition.broadcast()
        return ready.removeValue(forKey: index)!
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// The results of one batch, written by the workers under a lock.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, any Error>?]

    private var next = 0

    init(count: Int) { results = Array(repeating: nil, count: count) }

    /// The next index no worker has taken yet.
    func take() -> Int? {
        lock.withLock {
            guard next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

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
