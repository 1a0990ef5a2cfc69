import Foundation
import Hummingbird
import RectifyCore
import RectifyKit

/// The acts on a case from its page: `POST /cases/:number/acts/:act`, done as the signed-in officer. Done, back to the
/// case (303); refused, the page again with the form open, what was typed kept and the refusal at its field (422); based
/// on an older state of the case, the current page with the form as typed and why nothing was saved (409).
struct CaseActController {
    let rectify: Rectify
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.post("/cases/:number/acts/:act") { request, context in try await perform(request, context) }
        router.get("/cases/:number/attachments/:id") { _, context in try attachment(context) }
    }

    private func perform(_ request: Request, _ context: WebContext) async throws -> Response {
        let person = try context.requireSignIn()
        let number = try context.parameters.require("number")
        let page = CasePage(rectify: rectify, pages: pages)
        var request = request
        let raw = try await request.collectBody(upTo: context.maxUploadSize)
        // An upload comes as multipart/form-data, every other act as a plain form.
        let multipart = MultipartBody(contentType: request.headers[.contentType], body: Data(raw.readableBytesView))
        let body = multipart.map { FormBody(fields: $0.fields) } ?? FormBody(String(buffer: raw))
        let detail: Rectify.CaseDetail
        do {
            detail = try rectify.caseDetail(number: number, for: person)
        } catch let refusal as RuleViolation {
            return try refuse(refusal, title: "无权办理", status: .forbidden, request, context)
        } catch let missing as NotFoundError {
            return try refuse(missing, title: "找不到案件", status: .notFound, request, context)
        }
        guard var form = try page.forms(for: detail).form(try context.parameters.require("act")) else {
            return try refuse(NotFoundError("办理事项", "act", key: context.parameters.get("act") ?? ""), title: "找不到办理事项",
                              status: .notFound, request, context)
        }
        form.typed = body
        do {
            guard let version = Int(body["version"].trimmed) else {
                throw ValidationError(field: "版本", fieldEnglish: "version", value: body["version"],
                                      chinese: "表单缺少案件版本，请从案件页面重新打开", english: "the form lacks the case version; reopen it from the case page")
            }
            try rectify.perform(try CaseActInput(body: body, form: form, files: multipart?.files ?? []).act(), caseNumber: detail.number,
                                expectedVersion: version, by: person)
            return Response(status: .seeOther, headers: [.location: "/cases/\(detail.number)"])
        } catch let refusal as RuleViolation where refusal.rule == RuleCode.caseAccess.rawValue {
            return try refuse(refusal, title: "无权办理", status: .forbidden, request, context)
        } catch let stale as StaleCaseVersion {
            form.formError = stale.chinese
            return try page.render(try rectify.caseDetail(number: number, for: person), context: context, refused: form,
                                   status: .conflict).response(from: request, context: context)
        } catch {
            guard form.place(error) else { throw error }
            return try page.render(try rectify.caseDetail(number: number, for: person), context: context, refused: form,
                                   status: .unprocessableContent).response(from: request, context: context)
        }
    }

    /// An attachment's bytes, as the type its content showed when it was stored; shown inline (photos become the case
    /// page's thumbnails), never guessed at by the browser.
    private func attachment(_ context: WebContext) throws -> Response {
        let person = try context.requireSignIn()
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound) }
        let (attachment, content): (Attachment, Data)
        do {
            (attachment, content) = try rectify.attachment(caseNumber: try context.parameters.require("number"), id: id, for: person)
        } catch is RuleViolation {
            throw HTTPError(.forbidden)
        } catch is NotFoundError {
            throw HTTPError(.notFound)
        }
        let name = attachment.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        return Response(status: .ok, headers: [.contentType: attachment.mediaType, .contentDisposition: "inline; filename*=UTF-8''\(name)",
                                               .cacheControl: "private, max-age=3600"],
                        body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }

    private func refuse(_ error: any UserFacingError, title: String, status: HTTPResponse.Status, _ request: Request,
                        _ context: WebContext) throws -> Response {
        try pages.message(error.chinese, error.english, title: title, context: context, status: status)
            .response(from: request, context: context)
    }
}
