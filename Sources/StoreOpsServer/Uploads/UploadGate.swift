/// Caps how many uploads are staged and imported at once, so that a burst of large uploads cannot exhaust memory
/// or disk: a request beyond the cap is refused at once (503 with Retry-After) rather than queued.
actor UploadGate {
    let capacity: Int
    private var inUse = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Runs `body` in a slot; nil when all slots are taken.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T? {
        guard inUse < capacity else { return nil }
        inUse += 1
        defer { inUse -= 1 }
        return try await body()
    }
}
