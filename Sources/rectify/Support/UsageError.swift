import Foundation

/// swift-argument-parser words its usage errors in English only. The first line is given in Chinese too: a user who
/// mistyped an option learns in their own language which one, and what to do.
enum UsageError {
    private static let forms: [(pattern: String, chinese: @Sendable (Substring, Substring) -> String)] = [
        (#"The value '(.*)' is invalid for '(-[^ ']*)"#, { value, option in "选项 \(option) 的取值“\(value)”不正确" }),
        (#"Missing value for '(-[^ ']*)"#, { option, _ in "选项 \(option) 缺少取值" }),
        (#"Missing expected argument '([^']*)'"#, { argument, _ in "缺少参数 \(argument)" }),
        (#"Unknown option '([^']*)'"#, { option, _ in "没有选项 \(option)" }),
        (#"Unexpected argument '([^']*)'"#, { argument, _ in "无法识别的参数“\(argument)”" }),
    ]

    /// `message` (ArgumentParser's) with a Chinese first line and the hint to `--help` in both languages.
    static func bilingual(_ message: String) -> String {
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        var chinese = "参数有误"
        for form in forms {
            guard let match = first.firstMatch(of: try! Regex(form.pattern)) else { continue }
            let captures = match.output.map { $0.substring ?? "" }
            chinese = form.chinese(captures.count > 1 ? captures[1] : "", captures.count > 2 ? captures[2] : "")
            break
        }
        return "用法错误 / usage error：\(chinese)\n\(message)\n用 --help 查看用法与可选值 / see --help for the usage and the values"
    }
}
