import Foundation

/// What a path is, without following a link (`lstat`): the import tells folders, regular files, links and the rest
/// apart before it opens anything.
public struct FileStatus: Sendable {
    public let mode: mode_t

    public init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        mode = status.st_mode
    }

    public var isFolder: Bool { mode & S_IFMT == S_IFDIR }
    public var isRegular: Bool { mode & S_IFMT == S_IFREG }
    public var isLink: Bool { mode & S_IFMT == S_IFLNK }
}
