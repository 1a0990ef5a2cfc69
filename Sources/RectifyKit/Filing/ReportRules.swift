import RectifyCore
import RectifyXML

extension FilingValidator {
    /// What the report schema cannot say: in every row, rectified never exceeds found, and each 整改率 is the one its
    /// counts give (to the cent of a percent).
    func reportProblems(_ root: XMLElementRef, path: String) -> [XMLError] {
        var problems: [XMLError] = []
        let ns = root.namespace
        var rows = root.child("合计", namespace: ns).map { [$0] } ?? []
        rows += root.children("分组", namespace: ns).flatMap { $0.children("行", namespace: ns) }
        for row in rows {
            let name = row.attribute("名称") ?? "?"
            func count(_ element: String) -> Int { Int(row.child(element, namespace: ns)?.text ?? "") ?? 0 }
            let checks: [(rate: String, rectified: Int, found: Int)] = [
                ("整改率", count("一般隐患已整改") + count("重大隐患已整改"), count("一般隐患") + count("重大隐患")),
                ("一般隐患整改率", count("一般隐患已整改"), count("一般隐患")),
                ("重大隐患整改率", count("重大隐患已整改"), count("重大隐患")),
            ]
            for check in checks {
                let stated = row.child(check.rate, namespace: ns).flatMap { Double($0.text) }
                let expected = ProgressFigures.rate(check.rectified, of: check.found)
                if check.rectified > check.found || stated != expected {
                    problems.append(XMLError(file: path, line: row.line,
                                             chinese: "“\(name)”的\(check.rate)与已整改\(check.rectified)÷发现\(check.found)不符",
                                             english: "row \(name): \(check.rate) does not match \(check.rectified) rectified of \(check.found) found"))
                }
            }
        }
        return problems
    }
}
