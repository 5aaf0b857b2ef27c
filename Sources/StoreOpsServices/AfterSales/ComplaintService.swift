import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsStorage

/// Complaints and penalty points (投诉/违规扣分) entered by hand (`storeops complaint add|resolve|list`): the platforms
/// show them one by one in their back-ends rather than in a common export, and the after-sales check reads them.
public struct ComplaintService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// Records a complaint. `openedAt` and `dueAt` are store-local times (`2026-11-20 10:00`); opened defaults to
    /// now. An id already recorded is refused: a complaint is added once and then resolved.
    public func add(store id: StoreID, complaint complaintID: String, order: String?, kind: String, points: Int,
                    openedAt: String?, dueAt: String?) async throws -> Complaint {
        let store = try await storage.requireStore(id)
        let name = complaintID.trimmingCharacters(in: .whitespaces), what = kind.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.utf8.count <= 100, !what.isEmpty, what.utf8.count <= 200 else {
            throw ServiceError(.invalidInput, "Give the complaint an id (up to 100 bytes) and a kind such as 延迟发货.")
        }
        guard (0...1_000).contains(points) else { throw ServiceError(.invalidInput, "--points must be 0 to 1000.") }
        let opened = try openedAt.map { try Self.time($0, "opened", store) } ?? clock()
        let due = try dueAt.map { try Self.time($0, "due", store) }
        if let due, due < opened {
            throw ServiceError(.invalidInput, "The deadline \(dueAt!) is before the complaint was opened.")
        }
        let existing = try await storage.read(Complaint.self, store: id, days: nil)
        if existing.contains(where: { $0.id == name }) {
            throw ServiceError(.conflict,
                               "Complaint \(name) is recorded already: resolve it (storeops complaint resolve) or use another id.")
        }
        let order = order.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let complaint = Complaint(store: id, id: name, orderID: order, kind: what, penaltyPoints: points, openedAt: opened,
                                  dueAt: due, resolved: false)
        var batch = FactBatch()
        batch.complaints = [complaint]
        try await storage.write(batch, to: id)
        return complaint
    }

    /// Marks a complaint resolved: the checks no longer report it.
    public func resolve(store id: StoreID, complaint complaintID: String) async throws -> Complaint {
        _ = try await storage.requireStore(id)
        let complaints = try await storage.read(Complaint.self, store: id, days: nil)
        guard var complaint = complaints.first(where: { $0.id == complaintID }) else {
            throw ServiceError(.notFound, "Store \(id) has no complaint \(complaintID) (storeops complaint list shows them).")
        }
        complaint.resolved = true
        var batch = FactBatch()
        batch.complaints = [complaint]
        try await storage.write(batch, to: id)
        return complaint
    }

    /// The store's complaints, open ones first, each by when it was opened.
    public func list(store id: StoreID) async throws -> [Complaint] {
        _ = try await storage.requireStore(id)
        return try await storage.read(Complaint.self, store: id, days: nil)
            .sorted { ($0.resolved ? 1 : 0, $0.openedAt, $0.id) < ($1.resolved ? 1 : 0, $1.openedAt, $1.id) }
    }

    /// A store-local time such as `2026-11-20 10:00` (or a day: its start).
    static func time(_ text: String, _ what: String, _ store: Store) throws -> Instant {
        guard let time = try? Cell.time(text) else {
            throw ServiceError(.invalidInput,
                               "--\(what) \(text) is not a time: use YYYY-MM-DD HH:MM in the store's time zone.")
        }
        return time.instant(in: store.timeZone)
    }
}
