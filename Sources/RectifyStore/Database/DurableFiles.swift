import Foundation
import RectifyCore

/// Flushing to the disk, so that a file — and the name a rename gave it — survives a power cut.
public enum DurableFiles {
    public static func sync(_ path: String) throws {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.unreadableFile(path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.sqlite(.ioError) }
    }

    /// Flushes the folder holding `path`: the renames made in it.
    public static func syncFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = Glibc.open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.unreadableFile(path: folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.sqlite(.ioError) }
    }

    /// Flushes everything written to the file system holding `path` (Linux `syncfs`): one flush for many files.
    public static func syncFileSystem(of path: String) throws {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.unreadableFile(path: path) }
        defer { close(descriptor) }
        guard linuxSyncfs(descriptor) == 0 else { throw StoreError.sqlite(.ioError) }
    }
}

/// glibc's `syncfs(2)`, which its Swift module does not export (it needs `_GNU_SOURCE`).
@_silgen_name("syncfs")
private func linuxSyncfs(_ descriptor: Int32) -> Int32
