import StoreOpsCore

/// Everything StoreOps keeps, in domain terms. Implemented by `SQLiteStore` (embedded default) and a
/// PostgreSQL store for multi-user deployments; callers never know which. Every method is scoped to one store.
public protocol StoreOpsStore: Sendable {
    /// The schema version the database is at.
    func schemaVersion() async throws -> Int

    /// Creates or updates a store.
    func saveStore(_ store: Store) async throws
    /// The store with this id, or nil.
    func store(_ id: StoreID) async throws -> Store?
    /// All stores, by id.
    func stores() async throws -> [Store]

    /// Writes one store's facts in one transaction, batch by batch as `source` produces them: every row is
    /// upserted by its natural key (so a re-import changes nothing), the daily aggregates of every touched day
    /// are brought up to date, and the source's ledger entry (if any) enters the import ledger, all before the
    /// transaction commits. Nothing is written when anything fails, including `source`.
    @discardableResult
    func write(_ source: any FactBatchSource, to store: StoreID) async throws -> WriteSummary

    /// The ledger entry of a file already imported into the store as `kind`, or nil.
    func importRecord(store: StoreID, sha256: String, kind: String) async throws -> ImportRecord?
    /// The store's import ledger, newest first.
    func importRecords(store: StoreID) async throws -> [ImportRecord]
    /// The store's secret key for pseudonymising buyers (made on first use, never leaves the database).
    func pseudonymKey(store: StoreID) async throws -> [UInt8]

    /// Deletes every fact of the store (the store and its settings stay).
    func removeFacts(of store: StoreID) async throws

    /// Deletes the store's targets of the given periods, each named by its kind and first day; the others stay.
    func removeTargets(store: StoreID, _ periods: [(Target.Period, Day)]) async throws

    /// A number that grows with every change to the store's data (facts, targets, settings, costs, tasks, the store
    /// itself): two reads with the same revision read the same data. Keys caches of what is computed from it.
    func revision(of store: StoreID) async throws -> Int64

    /// The store's facts of one kind; with `days`, only those of the days (kinds without a day dimension
    /// return all their rows). Ordered by natural key.
    func read<F: StoredFact>(_ type: F.Type, store: StoreID, days: DayRange?) async throws -> [F]

    /// Units and revenue per SKU and product of the lines of the orders paid in `days` (kept per day as the sales are
    /// written), ordered by SKU and product.
    func skuSales(store: StoreID, days: DayRange) async throws -> [SKUSales]

    /// Each SKU's latest stock count taken in `days`, ordered by SKU: what the stock checks read, without the earlier
    /// counts of the range.
    func latestStockCounts(store: StoreID, days: DayRange) async throws -> [InventorySnapshot]

    /// Every paid order with a buyer id, paid on or before `end`, as a purchase (buyer, payment day, paid amount), by
    /// buyer in the UTF-8 byte order of their ids, then by day: the whole history customer analytics reads, already
    /// grouped as it needs it. Purchases of one buyer share one string.
    func purchases(store: StoreID, through end: Day) async throws -> [Purchase]

    /// The days of `days` on which buyers made their first purchase (a paid order with a buyer id) in the store's
    /// history, with how many, their orders that day and what those paid; days without are left out. Oldest first.
    func firstPurchases(store: StoreID, days: DayRange) async throws -> [FirstPurchaseDay]

    /// The fact tables (`AnyFactTable` names: `orders`, `inventory_snapshots` ...) that hold at least one row of the
    /// store: the kinds of facts it has ever brought in, which the checks need to say what they cannot see.
    func tablesWithRows(store: StoreID) async throws -> Set<String>

    /// Of the orders paid in `days`: those paid but not shipped, the parcels not delivered, and the paid amounts of
    /// their orders and of the orders `amountsOf` names.
    func openOrderWork(store: StoreID, days: DayRange, amountsOf orderIDs: [String]) async throws -> OpenOrderWork

    /// The stored aggregates of every day in `days`, oldest first; kinds with no data covering a day are nil.
    func dailyFacts(store: StoreID, days: DayRange) async throws -> [DailyFacts]

    /// The store's cost settings, or nil when none were set.
    func costSettings(store: StoreID) async throws -> CostSettings?
    /// Creates or replaces the store's cost settings.
    func saveCostSettings(_ settings: CostSettings) async throws

    /// The store's notify channels by id (their address and secret as saved: sealed by the services).
    func notifyChannels(store: StoreID) async throws -> [NotifyChannel]
    /// Adds a channel or replaces the one with its id.
    func saveNotifyChannel(_ channel: NotifyChannel) async throws
    /// Removes a channel; false when the store has none with that id.
    func removeNotifyChannel(store: StoreID, id: String) async throws -> Bool
    /// Records `delivery` unless one with its key (store, day, report, channel) is recorded already: true when this
    /// call made the record, and so may send the message.
    func claimDelivery(_ delivery: Delivery) async throws -> Bool
    /// Updates a claimed delivery (its status, attempts, detail and times).
    func saveDelivery(_ delivery: Delivery) async throws
    /// The delivery of a key, when recorded.
    func delivery(store: StoreID, day: Day, report: String, channel: String) async throws -> Delivery?
    /// The store's deliveries from `since` on, newest first.
    func deliveries(store: StoreID, since: Day) async throws -> [Delivery]

    /// Every schedule this handle may see, by store id.
    func schedules() async throws -> [Schedule]
    /// The store's schedule, if it has one.
    func schedule(store: StoreID) async throws -> Schedule?
    /// Sets the store's schedule.
    func saveSchedule(_ schedule: Schedule) async throws
    /// Removes the store's schedule; false when it had none.
    func removeSchedule(store: StoreID) async throws -> Bool
    /// Records `run` unless the store's day has a run already: true when this call made the record, and so runs it.
    func claimRun(_ run: ScheduleRun) async throws -> Bool
    /// Gives a run cut off mid-way (still running, started at `startedAt`) the new start `now`: true for the one
    /// caller that did, who runs it again.
    func takeOverRun(store: StoreID, day: Day, startedAt: Instant, now: Instant) async throws -> Bool
    /// Updates a claimed run.
    func saveRun(_ run: ScheduleRun) async throws
    /// The run of the store's day, if any.
    func run(store: StoreID, day: Day) async throws -> ScheduleRun?
    /// The store's runs from `since` on, newest first.
    func runs(store: StoreID, since: Day) async throws -> [ScheduleRun]

    /// The kept reports of `kind` that `build` computed for `stores` at each store's current revision: their bodies by
    /// store and detail. Stale ones (another revision or build) are not returned.
    func keptReports(kind: String, build: String, stores: [StoreID]) async throws -> [StoreID: [String: String]]
    /// Keeps `reports` (replacing any of the same store, kind and detail) and drops their stores' kept reports of the
    /// same kind from other revisions or builds, in one transaction. Not a write to the stores' data: their revisions
    /// stay.
    func keepReports(_ reports: [KeptReport]) async throws

    /// Every row of the store in every table keyed by store (the store's own row is its `Store`), handed to `sink`
    /// in chunks of one table, from one consistent snapshot. For `storeops export`.
    func exportRows(of store: StoreID, _ sink: @escaping @Sendable (StoreTableRows) throws -> Void) async throws

    /// Saves `store` and inserts every chunk `next` gives until it returns nil, in one transaction: a failure
    /// anywhere (including in `next`) leaves nothing. The store must not exist unless `replace`, which first
    /// deletes every row of it. For `storeops restore`.
    func restoreRows(into store: Store, replace: Bool, _ next: @escaping @Sendable () throws -> StoreTableRows?) async throws

    /// This storage as seen by someone limited to `scope`, enforced by the database where it can: PostgreSQL
    /// returns a handle whose every transaction carries the scope that its row-level security policies read; SQLite
    /// (one operator, one file) has no such layer and returns itself, leaving the services' checks as the only ones.
    func restricted(to scope: StoreScope) -> any StoreOpsStore
}

extension StoreOpsStore {
    /// The store with this id, or a `StorageError.unknownStore` that says how to create it.
    public func requireStore(_ id: StoreID) async throws -> Store {
        guard let found = try await store(id) else { throw StorageError.unknownStore(id) }
        return found
    }

    /// The master table of `days`: one row per day with every field of domain guide §3. New and returning buyers
    /// need each buyer's first purchase in the whole history, one grouping of every paid order: only with
    /// `customers: true`, for the tables people read (the briefing's, `table`); without, those fields have no value
    /// (gap `noCustomerHistory`).
    public func masterTable(store: StoreID, days: DayRange, customers: Bool = false) async throws -> [MasterTableRow] {
        let costs = try await costSettings(store: store)
        var facts = try await dailyFacts(store: store, days: days)
        if customers {
            let firsts = Dictionary(try await firstPurchases(store: store, days: days).map { ($0.day, $0) }, uniquingKeysWith: { a, _ in a })
            for index in facts.indices {
                guard let sales = facts[index].sales, let buyers = sales.buyers else { continue }
                let first = firsts[facts[index].day]
                facts[index].customers = CustomerDay(day: facts[index].day, sales: sales, buyers: buyers, first: first)
            }
        }
        return facts.map { MasterTableRow(facts: $0, costs: costs) }
    }
}
