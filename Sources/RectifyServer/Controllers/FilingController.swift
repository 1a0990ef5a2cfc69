import Foundation
import Hummingbird
import RectifyCore
import RectifyKit

/// 报送接收: the superior receives a district's filing through the browser — the manifest and the case files it lists,
/// uploaded together — as an import like any other: every check of `rectify import`, each filing whole or not at
/// all, and a signed receipt to send back. The filings received are listed for the superior and the administrator.
struct FilingController {
    let rectify: Rectify
    let pages: Pages
    let settings: ServerSettings

    func add(to router: Router<WebContext>) {
        router.get("/filings") { _, context in try page(context) }
        router.post("/filings") { request, context in try await receive(request, context) }
        router.get("/filings/receipts/:name") { _, context in try receipt(context) }
    }

    private func requireReader(_ context: WebContext) throws -> Rectify.SignedIn {
        let person = try context.requireSignIn()
        guard person.role == .superior || person.role == .admin else {
            throw HTTPError(.forbidden, message: "只有上级机关和管理员可以查看报送 / only a superior or an administrator sees filings")
        }
        return person
    }

    private func page(_ context: WebContext, outcomes: [FileOutcome]? = nil, receipt: String? = nil, refusal: String? = nil,
                      status: HTTPResponse.Status = .ok) throws -> HTML {
        let person = try requireReader(context)
        var values: [String: Any] = [
            "filings": try rectify.filings().suffix(200).reversed().map {
                ["caseNumber": $0.caseNumber, "agency": $0.agencyName, "formedAt": $0.formedAt, "receivedAt": $0.receivedAt,
                 "fileName": $0.fileName, "current": $0.current]
            },
            "mayImport": person.role == .superior, "csrf": context.session?.csrf ?? "",
            "signingMissing": settings.receiptSigning == nil,
        ]
        if let refusal { values["refusal"] = refusal }
        if let outcomes {
            values["outcomes"] = outcomes.map {
                ["file": ($0.path as NSString).lastPathComponent, "result": Self.labels[$0.result] ?? $0.result.rawValue,
                 "caseNumber": $0.caseNumber ?? "", "problems": $0.problems.joined(separator: "；"),
                 "refused": $0.result == .refused]
            }
        }
        if let receipt { values["receipt"] = receipt }
        return try pages.page("filings", title: "报送接收", values, context: context, status: status)
    }

    static let labels: [FileOutcome.Result: String] = [
        .imported: "已导入", .replaced: "已更新为新版本", .unchanged: "无变化（同一文件）", .olderKept: "较旧版本，仅记录来源",
        .manifestChecked: "清单已核对", .reportChecked: "统计报表已核验（不入库）", .refused: "拒绝", .valid: "通过",
    ]

    private func receive(_ request: Request, _ context: WebContext) async throws -> Response {
        let person = try requireReader(context)
        guard person.role == .superior else { throw HTTPError(.forbidden, message: "只有上级机关可以接收报送 / only a superior imports filings") }
        var request = request
        let raw = try await request.collectBody(upTo: context.maxUploadSize)
        let files = MultipartBody(contentType: request.headers[.contentType], body: Data(raw.readableBytesView))?.files ?? []
        guard let signing = settings.receiptSigning else {
            return try page(context, refusal: "未配置回执签名密钥，不能接收报送（rectify serve --key --cert）", status: .unprocessableContent)
                .response(from: request, context: context)
        }
        guard !files.isEmpty else {
            return try page(context, refusal: "请选择报送文件：manifest.xml 及其所列案卷", status: .unprocessableContent)
                .response(from: request, context: context)
        }
        // The upload becomes a folder, as a filing arrives on a disk: each file by its own name, never a path.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-filing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files {
            let name = file.fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "file.xml"
            guard !name.hasPrefix("."), name.count < 200 else { continue }
            try file.content.write(to: folder.appendingPathComponent(name))
        }
        let outcomes = try rectify.importFilings(paths: [folder.path], actor: person.actor)
        try FileManager.default.createDirectory(atPath: settings.receiptsFolder, withIntermediateDirectories: true)
        let name = rectify.defaultReceiptName()
        _ = try rectify.writeReceipt(outcomes, to: "\(settings.receiptsFolder)/\(name)", signing: signing, actor: person.actor)
        let refused = outcomes.contains { $0.result == .refused }
        return try page(context, outcomes: outcomes, receipt: name,
                        refusal: refused ? "有文件被拒绝；被拒绝的报送未导入任何内容（见回执）" : nil,
                        status: refused ? .unprocessableContent : .ok).response(from: request, context: context)
    }

    private func receipt(_ context: WebContext) throws -> Response {
        _ = try requireReader(context)
        let name = try context.parameters.require("name")
        guard name.wholeMatch(of: /receipt-[0-9-]+\.xml/) != nil,
              let content = FileManager.default.contents(atPath: "\(settings.receiptsFolder)/\(name)") else {
            throw HTTPError(.notFound)
        }
        return Response(status: .ok, headers: [.contentType: "application/xml", .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }
}
