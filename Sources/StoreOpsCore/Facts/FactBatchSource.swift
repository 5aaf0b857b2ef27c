/// Facts produced batch by batch (an import parses its file while storage writes), so that a big file is
/// written in one transaction without being held in memory.
public protocol FactBatchSource: Sendable {
    /// Calls `body` with every batch in order; an error from either side stops the write.
    func forEachBatch(_ body: (FactBatch) throws -> Void) throws
}

extension FactBatch: FactBatchSource {
    /// A batch is a source of itself.
    public func forEachBatch(_ body: (FactBatch) throws -> Void) throws { try body(self) }
}
