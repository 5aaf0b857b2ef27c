import GRDB

extension SQLValue {
    /// The GRDB value to bind.
    var databaseValue: DatabaseValue {
        switch self {
        case .int(let v): v.databaseValue
        case .text(let t): t.databaseValue
        case .null: .null
        }
    }

    /// The value of a result column; reals (not used by the schema) are truncated toward zero.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .int64(let v): self = .int(v)
        case .string(let s): self = .text(s)
        case .double(let d): self = .int(Int64(d))
        case .blob, .null: self = .null
        }
    }
}
