import StoreOpsCore

/// The orders still needing work, of the orders paid in some days: paid but not shipped, and parcels not yet
/// delivered, with the paid amount of every parcel's order (what a lost parcel puts at stake).
public struct OpenOrderWork: Sendable {
    public var unshipped: [Order] = []
    public var parcels: [Shipment] = []
    public var amounts: [String: Money] = [:]

    public init(unshipped: [Order] = [], parcels: [Shipment] = [], amounts: [String: Money] = [:]) {
        self.unshipped = unshipped
        self.parcels = parcels
        self.amounts = amounts
    }
}
