import HTTPTypes
import Hummingbird
import Mustache
import RectifyCore
import RectifyKit

/// The templates, compiled once, and the frame around every page.
struct Pages: Sendable {
    let library: MustacheLibrary

    init() throws {
        library = MustacheLibrary(templates: [
            "layout": try MustacheTemplate(string: LayoutTemplate.text),
            "signin": try MustacheTemplate(string: SignInTemplate.text),
            "workbench": try MustacheTemplate(string: WorkbenchTemplate.text),
            "caseTable": try MustacheTemplate(string: CaseTableTemplate.text),
            "case": try MustacheTemplate(string: CaseTemplate.text),
            "message": try MustacheTemplate(string: MessageTemplate.text),
            "units": try MustacheTemplate(string: UnitsTemplate.text),
            "unit": try MustacheTemplate(string: UnitTemplate.text),
            "filings": try MustacheTemplate(string: FilingsTemplate.text),
            "caseList": try MustacheTemplate(string: CaseListTemplate.text),
            "campaigns": try MustacheTemplate(string: CampaignsTemplate.text),
            "campaign": try MustacheTemplate(string: CampaignTemplate.text),
            "actForm": try MustacheTemplate(string: ActFormTemplate.text),
        ])
    }

    /// A page: `template` rendered with `values`, inside the frame. A template that renders nothing is a fault of
    /// the server, never an empty page.
    func page(_ template: String, title: String, _ values: [String: Any], context: WebContext,
              status: HTTPResponse.Status = .ok) throws -> HTML {
        guard let content = library.render(values, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "页面模板缺失：\(template)")
        }
        var frame: [String: Any] = ["title": title, "content": content]
        if let person = context.signedIn {
            frame["person"] = ["name": person.officer?.label ?? person.login, "roleLabel": person.role.chinese,
                               "csrf": context.session?.csrf ?? "", "seesFilings": person.role == .superior || person.role == .admin]
        }
        return HTML(body: library.render(frame, withTemplate: "layout") ?? content, status: status)
    }

    /// A refusal or a fault, in Chinese and English.
    func message(_ chinese: String, _ english: String, title: String, context: WebContext, status: HTTPResponse.Status) throws -> HTML {
        try page("message", title: title, ["message": chinese, "english": english], context: context, status: status)
    }
}
