import Foundation
import StoreOpsCore
import StoreOpsStorage

/// Purchase orders and pre-sale arrivals (采购单, 预售到货) entered by hand (`storeops purchase add|receive|list`):
/// the pre-sale check reads the open ones.
public struct PurchaseService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// Records a purchase order of `quantity` units of `sku` expected on `expected` (ordered today unless `ordered`).
    /// An id already recorded is refused.
    public func add(store id: StoreID, order orderID: String, sku: String, quantity: Int, ordered: Day?, expected: Day,
                    presale: Bool) async throws -> PurchaseOrder {
        let store = try await storage.requireStore(id)
        let name = orderID.trimmingCharacters(in: .whitespaces), code = sku.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.utf8.count <= 100, !code.isEmpty, code.utf8.count <= 100 else {
            throw ServiceError(.invalidInput,
                               "Give the purchase order an id and the SKU code it brings (each up to 100 bytes).")
        }
        guard (1...10_000_000_000).contains(quantity) else {
            throw ServiceError(.invalidInput, "--quantity must be from 1 to 10,000,000,000.")
        }
        let orderedOn = ordered ?? store.timeZone.day(of: clock())
        guard expected >= orderedOn else {
            throw ServiceError(.invalidInput,
                               "--expected \(expected.iso) is before the order was placed (\(orderedOn.iso)).")
        }
        if try await storage.read(PurchaseOrder.self, store: id, days: nil).contains(where: { $0.id == name }) {
            throw ServiceError(.conflict, "Purchase order \(name) is recorded already: receive it or use another id.")
        }
        let order = PurchaseOrder(store: id, id: name, skuID: code, quantity: quantity, orderedOn: orderedOn,
                                  expectedOn: expected, isPresale: presale)
        var batch = FactBatch()
        batch.purchaseOrders = [order]
        try await storage.write(batch, to: id)
        return order
    }

    /// Marks a purchase order received on `day` (default today): it is no longer due.
    public func receive(store id: StoreID, order orderID: String, on day: Day?) async throws -> PurchaseOrder {
        let store = try await storage.requireStore(id)
        let orders = try await storage.read(PurchaseOrder.self, store: id, days: nil)
        guard var order = orders.first(where: { $0.id == orderID }) else {
            throw ServiceError(.notFound,
                               "Store \(id) has no purchase order \(orderID) (storeops purchase list shows them).")
        }
        let received = day ?? store.timeZone.day(of: clock())
        guard received >= order.orderedOn else {
            throw ServiceError(.invalidInput,
                               "--on \(received.iso) is before the order was placed (\(order.orderedOn.iso)).")
        }
        order.receivedOn = received
        var batch = FactBatch()
        batch.purchaseOrders = [order]
        try await storage.write(batch, to: id)
        return order
    }

    /// The store's purchase orders, open ones first by expected day.
    public func list(store id: StoreID) async throws -> [PurchaseOrder] {
        _ = try await storage.requireStore(id)
        return try await storage.read(PurchaseOrder.self, store: id, days: nil).sorted {
            ($0.receivedOn == nil ? 0 : 1, $0.expectedOn, $0.id) < ($1.receivedOn == nil ? 0 : 1, $1.expectedOn, $1.id)
        }
    }
}
