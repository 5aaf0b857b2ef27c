import StoreOpsCore
import StoreOpsImport
import StoreOpsStorage

/// Store scores (DSR: 描述相符, 服务态度, 物流服务) entered by hand for a day (`storeops score set`), for stores whose
/// back-end shows them without an export; the same rows a store-scores file gives.
public struct ScoreService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// Records the three scores of `day` (default yesterday in the store's time zone), each 0-5 as written (`4.81`),
    /// replacing those of that day.
    public func set(store id: StoreID, day: Day?, description: String, service: String,
                    logistics: String) async throws -> DSRScore {
        let store = try await storage.requireStore(id)
        func parse(_ text: String, _ option: String) throws -> Int {
            guard let value = Cell.score(text) else {
                throw ServiceError(.invalidInput,
                                   "\(option) \"\(text)\" is not a store score: give a number from 0 to 5 such as 4.81.")
            }
            return value
        }
        let score = DSRScore(store: id, day: day ?? store.timeZone.yesterday(now: clock()),
                             description: try parse(description, "--description"), service: try parse(service, "--service"),
                             logistics: try parse(logistics, "--logistics"))
        var batch = FactBatch()
        batch.dsrScores = [score]
        try await storage.write(batch, to: id)
        return score
    }

    /// The scores of `days`, oldest first.
    public func list(store id: StoreID, days: DayRange) async throws -> [DSRScore] {
        _ = try await storage.requireStore(id)
        return try await storage.read(DSRScore.self, store: id, days: days)
    }
}
