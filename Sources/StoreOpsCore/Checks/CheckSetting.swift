/// One store's override of a check threshold, stored by name with its text value (see `CheckSettings.Name`).
public struct CheckSetting: Hashable, Sendable {
    public var store: StoreID
    public var name: String
    public var value: String

    public init(store: StoreID, name: String, value: String) {
        self.store = store
        self.name = name
        self.value = value
    }
}
