/// What a file is, by its first bytes rather than by its name: the kinds of evidence an officer attaches (photos,
/// scans, a video). A file that is none of them is refused at the web's upload; its name is never trusted.
public enum MediaSniffer {
    public static func mediaType(of bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(16))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        if starts(Array("ftyp".utf8), at: 4), head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "mif1", "msf1", "hevc"].contains(brand) { return "image/heic" }
            if ["isom", "iso2", "mp41", "mp42", "avc1", "M4V "].contains(brand) { return "video/mp4" }
        }
        return nil
    }

    /// The types `mediaType(of:)` knows, as a person reads them.
    public static let accepted = "照片（JPEG、PNG、HEIC、TIFF）、PDF 扫描件或 MP4 视频"
    public static let acceptedEnglish = "photos (JPEG, PNG, HEIC, TIFF), PDF scans or MP4 video"
}
