import StoreOpsCore

/// What became of one message to one channel.
public struct NotifyResult: Sendable {
    public let channel: NotifyChannel
    /// The ledger's record after the attempts (or the earlier record, when the message had gone already).
    public let delivery: Delivery
    /// The message had been sent (or was being sent) before: nothing was sent again.
    public let skipped: Bool
    /// The body of the last attempt, for `notify test` to show what was sent.
    public let body: String?
}
