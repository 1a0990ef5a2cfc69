import Foundation
import RectifyCore
import RectifyStore

/// What an attachment is linked to besides its case.
public enum AttachmentTarget: Sendable, Equatable {
    case caseFile
    case hazard(seq: Int)
    case record(kind: String, id: Int64)
}

public struct AttachmentLimits: Sendable {
    /// All of a case's attachments together (22 MiB): filed as base64 (a third larger) they leave room for the case
    /// within the 32 MiB a superior's import reads (`XMLDocument.defaultSizeLimit`). One file may use all of it.
    public static let perCaseBytes = 22 * 1024 * 1024
}

extension WriteContext {
    func attach(caseNumber: String, file url: URL, target: AttachmentTarget, capturedAt: String?) throws -> Attachment {
        _ = try actingOfficer()
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: url.path) } catch {
            throw NotFoundError("文件", "file", key: url.path)
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let record = try Lookup.case(store, number: caseNumber)
        try requireRoom(for: size, named: url.lastPathComponent, in: record)
        guard let content = FileManager.default.contents(atPath: url.path) else { throw NotFoundError("文件", "file", key: url.path) }
        let stamp: String
        if let capturedAt = capturedAt?.nonBlank {
            guard let parsed = ISO8601DateFormatter().date(from: capturedAt) ?? LocalDate(capturedAt)?.timestamp() else {
                throw ValidationError(field: "拍摄时间", fieldEnglish: "capture time", value: capturedAt,
                                      chinese: "应为日期或带时区的时间，如 2026-05-12T10:30:00+08:00",
                                      english: "a date or a time with zone, e.g. 2026-05-12T10:30:00+08:00")
            }
            stamp = Timestamp.string(parsed)
        } else {
            // Without a stated capture time the file's own modification time is the best evidence there is.
            stamp = Timestamp.string((attributes[.modificationDate] as? Date) ?? now)
        }
        return try attach(record, content: content, fileName: url.lastPathComponent,
                          mediaType: MediaSniffer.mediaType(of: content) ?? MediaType.forExtension(url.pathExtension),
                          target: target, capturedAt: stamp)
    }

    /// An upload from a browser: its type decided by its content (a file that is no photo, scan or video is refused),
    /// captured when it arrives.
    func attachUpload(caseNumber: String, fileName: String, content: Data, target: AttachmentTarget) throws -> Attachment {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        guard let mediaType = MediaSniffer.mediaType(of: content) else {
            throw ValidationError(field: "附件", fieldEnglish: "file", value: fileName, chinese: "只接受\(MediaSniffer.accepted)",
                                  english: "only \(MediaSniffer.acceptedEnglish) are accepted")
        }
        try requireRoom(for: content.count, named: fileName, in: record)
        let name = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload"
        return try attach(record, content: content, fileName: name, mediaType: mediaType, target: target,
                          capturedAt: Timestamp.string(now))
    }

    private func requireRoom(for size: Int, named name: String, in record: Case) throws {
        let attached = try Lookup.attachmentBytes(store, caseId: record.id!)
        guard attached + size <= AttachmentLimits.perCaseBytes else {
            let limit = AttachmentLimits.perCaseBytes
            throw RuleViolation(rule: .attachmentSize,
                                chinese: "附件\(name)大小\(size)字节，加上案卷已有附件\(attached)字节，超过每个案卷\(limit)字节的上限（报送文件须小于上级接收上限）",
                                english: "attachment \(name) has \(size) bytes; with the case's \(attached) bytes of attachments that is over the limit of \(limit) per case (a filed case must stay under the superior's import limit)")
        }
    }

    private func attach(_ record: Case, content: Data, fileName: String, mediaType: String, target: AttachmentTarget,
                        capturedAt stamp: String) throws -> Attachment {
        try CaseLifecycle.requireOpen(record.state)
        var hazardId: Hazard.ID?
        var recordKind: String?
        var recordId: Int64?
        switch target {
        case .caseFile: break
        case .hazard(let seq): hazardId = try Lookup.hazard(store, reference: "\(record.number)/\(seq)").1.id
        case .record(let kind, let id):
            guard let table = CaseRecordKind(rawValue: kind) else {
                throw ValidationError(field: "记录类型", fieldEnglish: "record kind", value: kind,
                                      chinese: "应为 plan、self-check 或 recheck", english: "must be plan, self-check or recheck")
            }
            guard try store.caseHasRecord(table, id: id, caseId: record.id!) else {
                throw NotFoundError("本案件的记录", "record of this case", key: "\(kind)#\(id)")
            }
            recordKind = kind
            recordId = id
        }
        let digest = SHA256.hex(content)
        var file: StoredFile
        if let existing = try store.storedFile(sha256: digest) {
            file = existing
        } else {
            file = StoredFile(sha256: digest, size: content.count, content: content)
            try insert(&file, action: "file.store")
        }
        var attachment = Attachment(fileId: file.id!, caseId: record.id!, hazardId: hazardId, recordKind: recordKind,
                                    recordId: recordId, fileName: fileName, mediaType: mediaType, capturedAt: stamp,
                                    attachedOn: today)
        try insert(&attachment, action: "attachment.add")
        return attachment
    }
}

enum MediaType {
    static func forExtension(_ ext: String) -> String {
        switch ext.lowercased() {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "heic": "image/heic"
        case "pdf": "application/pdf"
        case "tif", "tiff": "image/tiff"
        case "mp4": "video/mp4"
        default: "application/octet-stream"
        }
    }
}

extension Rectify {
    public func attach(caseNumber: String, files: [URL], target: AttachmentTarget, capturedAt: String?,
                       actor: String) throws -> [Attachment] {
        try database.write(actor: actor) { context in
            try files.map { try context.attach(caseNumber: caseNumber, file: $0, target: target, capturedAt: capturedAt) }
        }
    }
}

extension Rectify {
    /// An attachment of a case with its bytes, for a signed-in person who may see the case.
    public func attachment(caseNumber: String, id: Int64, for person: SignedIn) throws -> (Attachment, Data) {
        let detail = try caseDetail(number: caseNumber, for: person)
        guard let attachment = detail.attachments.first(where: { $0.id?.rawValue == id }) else {
            throw NotFoundError("本案件的附件", "attachment of this case", key: String(id))
        }
        let file = try database.read { try $0.storedFile(id: attachment.fileId) }
        guard let file else { throw NotFoundError("附件内容", "attachment content", key: String(id)) }
        return (attachment, file.content)
    }
}
