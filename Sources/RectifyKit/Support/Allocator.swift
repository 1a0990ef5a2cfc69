#if canImport(Glibc)
import CMalloc
#endif
import CSQLiteSettings

/// glibc's allocator, tuned for Rectify's bulk jobs. By default it hands freed memory back to the kernel as soon as
/// the top of a heap is free and serves mid-sized blocks with fresh mappings; an export's worker threads allocate
/// and free a case file's worth of buffers for every case, so the kernel zeroed and mapped the same pages again and
/// again, which was a third of an export's time in page faults (docs/performance.md).
/// Freed memory is kept for reuse until the process ends: right for a command, not for the long-running server.
/// SQLite's memory statistics are turned off: they took a global mutex around each of SQLite's allocations, dozens
/// per register row imported (docs/performance.md), and Rectify reads none of them. Call this first thing in `main`,
/// before SQLite is used.
public enum Allocator {
    public static func tuneForBulkWork() {
        _ = rectify_sqlite_disable_memory_statistics()
        #if canImport(Glibc)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_TOP_PAD, 16 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        #endif
    }
}
