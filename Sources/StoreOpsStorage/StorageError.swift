import StoreOpsCore
/// A storage failure. `description` is safe to show a user (no SQL, no secrets); `debugDescription` has the cause.
public struct StorageError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// What kind of failure it was.
    public enum Code: String, Sendable {
        /// The database could not be opened or created.
        case cannotOpen = "cannot_open"
        /// The schema is newer than this program, or a migration failed.
        case migration
        /// A referenced store does not exist.
        case unknownStore = "unknown_store"
        /// A stored value could not be read back as the domain type.
        case corruptRow = "corrupt_row"
        /// The database refused or failed an operation.
        case database
        /// The database server cannot be reached now; the same request can be retried once it is back.
        case unavailable
        /// The storage handle's store scope does not include the store.
        case forbidden
        /// The file of a write is in the import ledger already (another import of it landed first); nothing was written.
        case alreadyImported = "already_imported"
        /// A sum the write makes (a day's sales, a product's units) passes what a 64-bit integer holds; nothing was
        /// written.
        case outOfRange = "out_of_range"
    }

    public let code: Code
    public let message: String
    public let underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
    public var debugDescription: String {
        underlying.map { "\(message) [\(code.rawValue)]: \(String(reflecting: $0))" } ?? "\(message) [\(code.rawValue)]"
    }
}

extension StorageError {
    /// There is no store with this id; says how to create one.
    static func unknownStore(_ id: StoreID) -> StorageError {
        StorageError(.unknownStore, "There is no store \"\(id)\". Create it with `storeops store add --id \(id) --name NAME --platform PLATFORM`, or list stores with `storeops store list`.")
    }
}

extension StorageError {
    /// A sum of the write passed Int64 in the database (SQLite's "integer overflow", PostgreSQL's 22003).
    static func outOfRange(underlying: (any Error & Sendable)?) -> StorageError {
        StorageError(.outOfRange, "The figures add up to more than StoreOps can count (9.2 × 10^18 minor units or items), so nothing "
            + "was written. Check the file's amounts and quantities: numbers this large are not real sales.", underlying: underlying)
    }
}

extension StorageError {
    /// The ledger has the file already: another import of it committed first.
    static func alreadyImported(_ record: ImportRecord) -> StorageError {
        StorageError(.alreadyImported, "\(record.fileName) was imported into store \(record.store) already (same content, as \(record.kind)).")
    }
}
