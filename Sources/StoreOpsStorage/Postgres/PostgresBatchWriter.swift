import Logging
import NIOCore
import PostgresNIO
import StoreOpsCore

/// Writes batches inside an open PostgreSQL transaction: each table's rows go into a temporary staging table by
/// text `COPY`, then into the table with one `INSERT ... SELECT ... ON CONFLICT` (the natural-key upsert); then the
/// aggregates of every touched day are refreshed with the same SQL as on SQLite.
struct PostgresBatchWriter {
    let connection: PostgresConnection
    let store: StoreID
    let logger: Logger
    private var touched = TouchedDays()
    private var summary = WriteSummary()
    private var staged = Set<String>()

    init(connection: PostgresConnection, store: StoreID, logger: Logger) {
        self.connection = connection
        self.store = store
        self.logger = logger
    }

    /// Upserts one batch and notes the days it touches.
    mutating func upsert(_ batch: FactBatch) async throws {
        touched.sales.formUnion(try await days(AggregateSQL.paidDays, ids: batch.orders.map(\.id)))
        touched.refunds.formUnion(try await days(AggregateSQL.refundDays, ids: batch.refunds.map(\.id)))

        for table in AnyFactTable.all {
            let rows = table.encodedRows(batch)
            guard !rows.isEmpty else { continue }
            for row in rows where row.store != store {
                throw StorageError(.database, "A row of \(table.name) belongs to store \(row.store), not \(store); nothing was written.")
            }
            let unique = Self.lastPerKey(rows.map(\.values), key: table.keyPositions)
            try await copy(unique, into: table)
            summary.rowsByTable[table.name, default: 0] += rows.count
        }

        touched.sales.formUnion(batch.orders.compactMap(\.paidDay))
        touched.sales.formUnion(try await days(AggregateSQL.paidDays, ids: Set(batch.orderLines.map(\.orderID))))
        if let earliest = batch.skuCosts.map(\.effectiveFrom).min() {
            let (sql, arguments) = AggregateSQL.salesDays(store: store, from: earliest)
            touched.sales.formUnion(try await connection.rows(sql, arguments, logger: logger).compactMap(Self.dayOf))
        }
        touched.refunds.formUnion(try await days(AggregateSQL.refundDays, ids: batch.refunds.map(\.id)))
        touched.ads.formUnion(batch.adStats.map(\.day))
    }

    /// Refreshes the aggregates of every touched day.
    mutating func finish() async throws -> WriteSummary {
        touched.refunds.formUnion(touched.sales)
        try await refresh(touched.sales, delete: AggregateSQL.deleteSales, insert: AggregateSQL.insertSales)
        try await refresh(touched.sales, delete: AggregateSQL.deleteShipping, insert: AggregateSQL.insertShipping)
        try await refresh(touched.refunds, delete: AggregateSQL.deleteRefunds, insert: AggregateSQL.insertRefunds)
        try await refresh(touched.ads, delete: AggregateSQL.deleteAds, insert: AggregateSQL.insertAds)
        summary.daysRefreshed = touched.sales.union(touched.refunds).union(touched.ads).sorted()
        return summary
    }

    /// The rows with the last of every natural key (a batch may carry a key twice; the later row wins, as it
    /// does row by row on SQLite), in first-seen order.
    static func lastPerKey(_ rows: [[SQLValue]], key: [Int]) -> [[SQLValue]] {
        var index: [[SQLValue]: Int] = [:]
        index.reserveCapacity(rows.count)
        var result: [[SQLValue]] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let k = key.map { row[$0] }
            if let at = index[k] {
                result[at] = row
            } else {
                index[k] = result.count
                result.append(row)
            }
        }
        return result
    }

    /// Copies `rows` (values after store_id) into the table's staging table, then upserts them into the table.
    private mutating func copy(_ rows: [[SQLValue]], into table: AnyFactTable) async throws {
        let stage = "stage_" + table.name
        if staged.insert(stage).inserted {
            try await connection.run("CREATE TEMPORARY TABLE \(stage) (LIKE \(table.name)) ON COMMIT DROP", logger: logger)
        } else {
            try await connection.run("TRUNCATE \(stage)", logger: logger)
        }
        let storeField = Self.escaped(store.rawValue)
        try await connection.copyFrom(table: stage, columns: table.columnNames, logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for row in rows {
                buffer.writeString(storeField)
                for value in row {
                    buffer.writeInteger(UInt8(ascii: "\t"))
                    switch value {
                    case .null: buffer.writeStaticString("\\N")
                    case .int(let v): buffer.writeString(String(v))
                    case .text(let t): buffer.writeString(Self.escaped(t))
                    }
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
        try await connection.run(table.upsertFromSQL(stage), logger: logger)
    }

    /// A text value in COPY's text format.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 || $0 == 13 }) else { return text }
        var result = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(ch)
            }
        }
        return result
    }

    private func days(_ query: (StoreID, [String]) -> (sql: String, arguments: [SQLValue]), ids: some Collection<String>) async throws -> Set<Day> {
        var result = Set<Day>()
        let all = Array(ids)
        for start in stride(from: 0, to: all.count, by: AggregateSQL.keyChunk) {
            let (sql, arguments) = query(store, Array(all[start..<min(start + AggregateSQL.keyChunk, all.count)]))
            result.formUnion(try await connection.rows(sql, arguments, logger: logger).compactMap(Self.dayOf))
        }
        return result
    }

    static func dayOf(_ row: [SQLValue]) -> Day? {
        if case .text(let t)? = row.first { return Day(iso: t) }
        return nil
    }

    private func refresh(_ days: Set<Day>, delete: String, insert: String) async throws {
        let sorted = days.sorted()
        for start in stride(from: 0, to: sorted.count, by: AggregateSQL.dayChunk) {
            let chunk = Array(sorted[start..<min(start + AggregateSQL.dayChunk, sorted.count)])
            for template in [delete, insert] {
                let (sql, arguments) = AggregateSQL.bind(template, store: store, days: chunk)
                try await connection.run(sql, arguments, logger: logger)
            }
        }
    }
}
