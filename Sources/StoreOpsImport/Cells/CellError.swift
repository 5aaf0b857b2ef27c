/// Why a cell's text is not the value its column needs, and how to fix it.
public struct CellError: Error, Hashable, Sendable {
    public let message: String
    public let hint: String
    /// The message and hint in Chinese.
    public let zh: Diagnostic.Localized?

    public init(_ message: String, hint: String, zh: (message: String, hint: String)? = nil) {
        self.message = message
        self.hint = hint
        self.zh = zh.map { Diagnostic.Localized(message: $0.message, hint: $0.hint) }
    }
}
