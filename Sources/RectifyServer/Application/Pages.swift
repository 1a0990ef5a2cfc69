import HTTPTypes
import Hummingbird
import Mustache
import RectifyCore
import RectifyKit

/// The templates, compiled once, and the frame around every page.
struct Pages: Sendable {
    let library: MustacheLibrary

    init() throws {
        MustacheContentTypes.register(EscapedHTML(), named: EscapedHTML.name)
        let texts: [String: String] = [
            "layout": LayoutTemplate.text, "signin": SignInTemplate.text, "workbench": WorkbenchTemplate.text,
            "caseTable": CaseTableTemplate.text, "case": CaseTemplate.text, "message": MessageTemplate.text,
            "units": UnitsTemplate.text, "unit": UnitTemplate.text, "filings": FilingsTemplate.text,
            "caseList": CaseListTemplate.text, "campaigns": CampaignsTemplate.text, "campaign": CampaignTemplate.text,
            "actForm": ActFormTemplate.text,
        ]
        library = MustacheLibrary(templates: try texts.mapValues {
            try MustacheTemplate(string: "{{% CONTENT_TYPE: \(EscapedHTML.name)}}" + $0)
        })
    }

    /// Mustache's own HTML escaping walks the text by grapheme and looks each one up in a dictionary, slow on Chinese
    /// text; `HTMLText.escape` does the same on UTF-8 bytes (docs/performance.md).
    struct EscapedHTML: MustacheContentType {
        static let name = "RECTIFY_HTML"
        func escapeText(_ text: String) -> String { HTMLText.escape(text) }
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
