/// Facts produced batch by batch (an import parses its file while storage writes), so that a big file is
/// written in one transaction without being held in memory.
public protocol FactBatchSource: Sendable {
    /// Calls `body` with every batch in order; an error from either side stops the write.
    func forEachBatch(_ body: (FactBatch) throws -> Void) throws

    /// The import ledger entry to write in the same transaction, asked for once after the last batch; nil for none.
    /// An error here (a file found invalid only at its end) rolls the whole write back.
    func ledgerRecord() throws -> ImportRecord?
}

extension FactBatchSource {
    public func ledgerRecord() throws -> ImportRecord? { nil }
}

extension FactBatch: FactBatchSource {
    /// A batch is a source of itself.
    public func forEachBatch(_ body: (FactBatch) throws -> Void) throws { try body(self) }
}
