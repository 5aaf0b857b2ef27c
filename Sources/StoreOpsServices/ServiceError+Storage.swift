import StoreOpsStorage

extension ServiceError {
    /// `error` as a use-case failure, for the edges (the server's answers) that must not know the storage: a storage
    /// failure takes the code a user can act on (a store outside their grants is as unknown as a missing one); nil
    /// for errors that are neither, which are the server's own failures.
    public static func classify(_ error: any Error) -> ServiceError? {
        switch error {
        case let error as ServiceError: return error
        case let error as StorageError:
            let code: Code = switch error.code {
            case .unknownStore, .forbidden: .notFound
            case .outOfRange: .outOfRange
            case .unavailable: .unavailable
            case .alreadyImported: .conflict
            case .cannotOpen, .migration, .corruptRow, .database: .storage
            }
            return ServiceError(code, code == .storage ? String(reflecting: error) : error.message)
        default: return nil
        }
    }
}
