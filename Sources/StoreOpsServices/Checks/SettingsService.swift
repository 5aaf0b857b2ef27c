import StoreOpsCore
import StoreOpsStorage

/// A store's check thresholds: the domain guide's defaults with the store's overrides (`storeops settings`).
public struct SettingsService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext) { self.init(storage: context.storage) }

    /// One threshold as shown to the user: its value and whether the store overrides the default.
    public struct Entry: Hashable, Sendable {
        public var name: CheckSettings.Name
        public var value: String
        public var defaultValue: String
        public var isOverridden: Bool { value != defaultValue }
    }

    /// The store's thresholds in force.
    public func settings(store id: StoreID) async throws -> CheckSettings {
        let store = try await storage.requireStore(id)
        return try await settings(of: store)
    }

    func settings(of store: Store) async throws -> CheckSettings {
        let rows = try await storage.read(CheckSetting.self, store: store.id, days: nil)
        do {
            return try CheckSettings(overrides: Dictionary(rows.map { ($0.name, $0.value) }, uniquingKeysWith: { _, b in b }),
                                     minorDigits: store.currency.minorDigits)
        } catch {
            throw ServiceError(.invalidInput, "store \(store.id): stored \(error); fix it with `storeops settings set`.")
        }
    }

    /// Every threshold of the store (or just `name`), with its default.
    public func entries(store id: StoreID, name: String? = nil) async throws -> [Entry] {
        let store = try await storage.requireStore(id)
        let current = try await settings(of: store), defaults = CheckSettings()
        let names = try name.map { [try Self.name($0)] } ?? CheckSettings.Name.allCases
        let digits = store.currency.minorDigits
        return names.map { Entry(name: $0, value: current.text($0, minorDigits: digits), defaultValue: defaults.text($0, minorDigits: digits)) }
    }

    /// Throws what is wrong with `value` for the threshold `name`, without storing anything ("default" is valid).
    public func check(name: String, value: String, currency: Currency) throws {
        let key = try Self.name(name)
        guard value != "default" else { return }
        var probe = CheckSettings()
        do { try probe.set(key, value, minorDigits: currency.minorDigits) } catch { throw ServiceError(.invalidInput, "\(name): \(error.description)") }
    }

    /// Sets a threshold for the store (`value` "default" restores the default), validated before it is stored.
    @discardableResult
    public func set(store id: StoreID, name: String, value: String) async throws -> Entry {
        let store = try await storage.requireStore(id)
        let key = try Self.name(name)
        let digits = store.currency.minorDigits
        var probe = CheckSettings()
        let text: String
        if value == "default" {
            text = probe.text(key, minorDigits: digits)
        } else {
            do { try probe.set(key, value, minorDigits: digits) } catch { throw ServiceError(.invalidInput, error.description) }
            text = probe.text(key, minorDigits: digits)
        }
        var batch = FactBatch()
        batch.checkSettings = [CheckSetting(store: id, name: key.rawValue, value: text)]
        try await storage.write(batch, to: id)
        return Entry(name: key, value: text, defaultValue: CheckSettings().text(key, minorDigits: digits))
    }

    static func name(_ text: String) throws -> CheckSettings.Name {
        guard let name = CheckSettings.Name(rawValue: text.replacingOccurrences(of: "-", with: "_")) else {
            throw ServiceError(.invalidInput, CheckSettings.SettingError.unknownName(text).description)
        }
        return name
    }
}
