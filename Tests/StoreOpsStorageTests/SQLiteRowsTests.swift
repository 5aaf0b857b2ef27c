import StoreOpsCore
@testable import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("SQLite rows laid out for binding")
struct SQLiteRowsTests {
    @Test("cells in column order, text as spans of one buffer, the first foreign store noted")
    func layout() throws {
        let rows = SQLiteRows([(store: "shop", values: [.int(7), .null, .text("")]),
                               (store: "other", values: [.int(-1), .text("浙江省"), .text("a")]),
                               (store: "third", values: [.null, .null, .null])][...], of: "shop")
        #expect(rows.count == 3)
        #expect(rows.width == 3)
        #expect(rows.foreignStore == "other")
        func text(_ cell: SQLiteRows.Cell) -> String? {
            guard case .text(let start, let count) = cell else { return nil }
            return String(decoding: rows.bytes[Int(start)..<Int(start + count)], as: UTF8.self)
        }
        #expect(text(rows.cells[2]) == "")
        #expect(text(rows.cells[4]) == "浙江省")
        #expect(text(rows.cells[5]) == "a")
        guard case .int(-1) = rows.cells[3], case .null = rows.cells[1] else { Issue.record("numbers and NULLs kept"); return }
        #expect(SQLiteRows([], of: "shop").count == 0)
    }

    @Test("any number of rows is laid out in slices of at most maxRows, in order")
    func slices() {
        let rows: [(store: StoreID, values: [SQLValue])] = (0..<(2 * SQLiteRows.maxRows + 3)).map { ("shop", [.int(Int64($0))]) }
        let slices = SQLiteRows.slices(rows, of: "shop")
        #expect(slices.map(\.count) == [SQLiteRows.maxRows, SQLiteRows.maxRows, 3])
        guard case .int(let first) = slices[2].cells[0] else { Issue.record("a number"); return }
        #expect(first == Int64(2 * SQLiteRows.maxRows))
        #expect(SQLiteRows.slices([], of: "shop").isEmpty)
    }

    @Test("bound in place, empty text stays empty (not NULL) and text of any script is kept")
    func roundTrip() async throws {
        let storage = try SQLiteStore()
        try await storage.saveStore(Fixtures.store)
        var batch = FactBatch()
        let base = Fixtures.orders(store: Fixtures.storeID).orders[0]
        var empty = base, chinese = base
        empty.id = "E"
        empty.source = ""
        empty.region = nil
        chinese.id = "订单-2"
        chinese.source = "手淘搜索"
        chinese.region = "内蒙古自治区"
        batch.orders = [empty, chinese]
        try await storage.write(batch, to: Fixtures.storeID)
        let read = try await storage.read(Order.self, store: Fixtures.storeID, days: nil).sorted { $0.id < $1.id }
        #expect(read == [empty, chinese])
    }
}
