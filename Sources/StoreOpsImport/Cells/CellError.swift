/// Why a cell's text is not the value its column needs, and how to fix it.
public struct CellError: Error, Hashable, Sendable {
    public let message: String
    public let hint: String

    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}
