import CLibXML2
import CXMLSec
import Foundation

/// libxml2 and xmlsec are initialised once per process, before any thread uses them.
enum XMLLibrary {
    static let ready: Bool = {
        xmlInitParser()
        guard xmlSecInit() >= 0, xmlSecOpenSSLAppInit(nil) >= 0, xmlSecOpenSSLInit() >= 0 else { return false }
        // xmlsec prints every failure to stderr; Rectify reports its own bilingual errors instead.
        xmlSecErrorsSetCallback(silence)
        return true
    }()
}

private let silence: xmlSecErrorsCallback = { _, _, _, _, _, _, _ in }
