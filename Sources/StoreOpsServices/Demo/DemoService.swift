import StoreOpsCore
import StoreOpsStorage

/// Builds the demo store in a database through the same storage API imports use.
public struct DemoService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// Generates the scenario's data and writes it, replacing any earlier demo facts of the same store.
    @discardableResult
    public func build(_ scenario: DemoScenario) async throws -> (data: DemoData, summary: WriteSummary) {
        guard (15...3_700).contains(scenario.days) else {
            throw ServiceError(.invalidInput, "--days must be between 15 and 3700 (the daily report compares with the week before); got \(scenario.days).")
        }
        let data = DemoGenerator(scenario).generate()
        try await storage.saveStore(data.store)
        try await storage.removeFacts(of: data.store.id)
        try await storage.saveCostSettings(data.costs)
        let summary = try await storage.write(data.batch, to: data.store.id)
        return (data, summary)
    }
}
