/// A problem in an import file that the user can fix: where it is (file, physical line, column), the value,
/// what is wrong and how to fix it. Diagnostics are collected and shown together; only an unusable file throws.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad it is: an error rejects the row (or the file); a warning imports it anyway.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var file: String
    /// The physical line in the file (1-based; for XLSX, the sheet row), nil for file-level problems.
    public var line: Int?
    /// The column's header name, when the problem is in one cell.
    public var column: String?
    /// The offending value, as read.
    public var value: String?
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String
    /// The message and hint in Simplified Chinese (the domain guide's terms); nil falls back to English.
    public var zh: Localized?

    /// A message and its hint in one language.
    public struct Localized: Hashable, Sendable {
        public var message: String
        public var hint: String
    }

    public init(_ severity: Severity = .error, file: String, line: Int? = nil, column: String? = nil, value: String? = nil, message: String, hint: String,
                zh: (message: String, hint: String)? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
        self.hint = hint
        self.zh = zh.map { Localized(message: $0.message, hint: $0.hint) }
    }

    /// The message and hint in Chinese (when `chinese` and there is a translation) or English.
    public func text(chinese: Bool) -> Localized {
        chinese ? zh ?? Localized(message: message, hint: hint) : Localized(message: message, hint: hint)
    }

    /// `file:line: column "value": message. hint` in English, `文件:行: 列 "值": 问题。提示` in Chinese.
    public func description(chinese: Bool) -> String {
        let text = text(chinese: chinese)
        var out = file
        if let line { out += ":\(line)" }
        out += ": "
        if let column { out += (chinese ? "列 " : "column ") + column + (value.map { " \"\($0)\"" } ?? "") + ": " }
        out += text.message
        if !text.hint.isEmpty { out += (chinese ? "。" : ". ") + text.hint }
        return out
    }

    /// `file:line: column "value": message. hint`
    public var description: String { description(chinese: false) }
}
