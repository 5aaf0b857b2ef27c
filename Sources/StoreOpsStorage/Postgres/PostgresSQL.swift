import Logging
import NIOCore
import PostgresNIO
import StoreOpsCore

/// Runs the backend-neutral SQL (`?` placeholders, `SQLValue` arguments and results) on a PostgreSQL connection.
enum PostgresSQL {
    /// `sql` with every `?` outside quotes numbered `$1`, `$2`, ... in order.
    static func numbered(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quoted = false
        for ch in sql {
            if ch == "'" { quoted.toggle() }
            if ch == "?" && !quoted {
                n += 1
                result += "$\(n)"
            } else {
                result.append(ch)
            }
        }
        return result
    }

    /// The query with its arguments bound: integers as int8, text as text.
    static func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .int(let v): binds.append(v)
            case .text(let t): binds.append(t)
            case .null: binds.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: numbered(sql), binds: binds)
    }

    /// A derived table `(SELECT CAST(u.c0 AS type) AS col0, ...) AS staged` over `rows`: every column travels as one
    /// text-array parameter, unnested and cast to the column's type on the server (one statement for any number of
    /// rows; `types` maps column names to SQL types, text when missing).
    static func unnest(columns: [String], types: [String: String], rows: [[SQLValue]]) -> (sql: String, arguments: [SQLValue]) {
        var arrays = Array(repeating: "{", count: columns.count)
        for (n, row) in rows.enumerated() {
            let separator = n == 0 ? "" : ","
            for (i, value) in row.enumerated() { arrays[i] += separator + arrayElement(value) }
        }
        let selects = columns.enumerated().map { i, name in "CAST(u.c\(i) AS \(types[name] ?? "text")) AS \(name)" }
        let unnest = columns.indices.map { _ in "?::text[]" }.joined(separator: ", ")
        let aliases = columns.indices.map { "c\($0)" }.joined(separator: ", ")
        return ("(SELECT \(selects.joined(separator: ", ")) FROM unnest(\(unnest)) AS u(\(aliases))) AS staged", arrays.map { .text($0 + "}") })
    }

    /// One element of a PostgreSQL array literal: NULL, a number, or a double-quoted string.
    static func arrayElement(_ value: SQLValue) -> String {
        switch value {
        case .null: return "NULL"
        case .int(let v): return String(v)
        case .text(let t):
            guard t.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) else { return "\"" + t + "\"" }
            return "\"" + t.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }

    /// One result cell as a `SQLValue`. Integers and text in the binary format (the driver's default) are read off
    /// the bytes directly, the driver's generic decoding only for the rest: most of a read's time is in this function.
    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard let bytes = cell.bytes else { return .null }
        if cell.format == .binary {
            switch cell.dataType {
            case .int8:
                if bytes.readableBytes == 8, let v = bytes.getInteger(at: bytes.readerIndex, as: Int64.self) { return .int(v) }
            case .int4:
                if bytes.readableBytes == 4, let v = bytes.getInteger(at: bytes.readerIndex, as: Int32.self) { return .int(Int64(v)) }
            case .text, .varchar:
                return .text(String(buffer: bytes))
            default: break
            }
        }
        switch cell.dataType {
        case .int8: return .int(try cell.decode(Int64.self))
        case .int4: return .int(Int64(try cell.decode(Int32.self)))
        case .int2: return .int(Int64(try cell.decode(Int16.self)))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        case .text, .varchar, .name, .bpchar, .unknown: return .text(try cell.decode(String.self))
        default:
            throw StorageError(.database, "PostgreSQL returned column \(cell.columnName) as type \(cell.dataType), which StoreOps does not read; the schema may be from another program.")
        }
    }
}

extension PostgresConnection {
    /// Every row of the query, as `SQLValue`s.
    func rows(_ sql: String, _ arguments: [SQLValue] = [], logger: Logger) async throws -> [[SQLValue]] {
        let query = PostgresSQL.query(sql, arguments)
        return try await unlessClosed {
            var result: [[SQLValue]] = []
            for try await row in try await self.query(query, logger: logger) {
                var values: [SQLValue] = []
                values.reserveCapacity(row.count)
                for cell in row { values.append(try PostgresSQL.value(cell)) }
                result.append(values)
            }
            return result
        }
    }

    /// Runs a statement, ignoring any rows.
    func run(_ sql: String, _ arguments: [SQLValue] = [], logger: Logger) async throws {
        let query = PostgresSQL.query(sql, arguments)
        // Drained: an error raised while a statement's rows are produced arrives with them, not with the answer.
        try await unlessClosed { for try await _ in try await self.query(query, logger: logger) {} }
    }
}
