import StoreOpsCore
@testable import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("Sales of new days, summed as written")
struct NewDaySalesTests {
    let d0 = Fixtures.d0, d1 = Fixtures.d1

    func order(_ id: String, _ buyer: String, _ day: Day?, _ amount: Int64, units: Int = 1) -> Order {
        Order(store: Fixtures.storeID, id: id, buyer: buyer, status: day == nil ? .awaitingPayment : .paid, createdAt: Fixtures.at(d0, 9),
              paidAt: day.map { Fixtures.at($0, 10) }, paidDay: day, goodsTotal: Fixtures.yuan(amount), shippingFee: Fixtures.yuan(0),
              paidAmount: Fixtures.yuan(amount), units: units)
    }

    @Test("a pseudonym is read as its 128 bits, anything else is not one")
    func pseudonyms() {
        let hex = "0123456789abcdef" + "fedcba9876543210"
        let bits = NewDaySales.Pseudonym("b" + hex)
        #expect(bits?.high == 0x0123_4567_89ab_cdef)
        #expect(bits?.low == 0xfedc_ba98_7654_3210)
        #expect(NewDaySales.Pseudonym("b" + hex.uppercased()) == nil, "upper case is another id")
        #expect(NewDaySales.Pseudonym("c" + hex) == nil)
        #expect(NewDaySales.Pseudonym("b" + hex.dropLast()) == nil)
        #expect(NewDaySales.Pseudonym("b" + hex + "0") == nil)
        #expect(NewDaySales.Pseudonym("b" + hex.dropLast() + "g") == nil)
        #expect(NewDaySales.Pseudonym("") == nil)
    }

    @Test("sums per paid day; unpaid orders and excluded days are left out")
    func sums() throws {
        var sales = NewDaySales(excluding: [d1])
        sales.add([order("A", "b" + String(repeating: "1", count: 32), d0, 1_000, units: 2),
                   order("B", "b" + String(repeating: "1", count: 32), d0, 500),
                   order("C", "张三", d0, 250, units: 3),
                   order("D", "e\u{301}", d0, 1), order("E", "\u{e9}", d0, 1),
                   order("F", "李四", nil, 9_999),
                   order("G", "王五", d1, 9_999)])
        #expect(sales.days == [d0])
        let d0Sums = try #require(sales.verified([d0: 5])[d0])
        #expect(d0Sums.paidMinor == 1_752)
        #expect(d0Sums.orders == 5)
        #expect(d0Sums.units == 8)
        #expect(d0Sums.buyers == 4, "one pseudonym, 张三, and é spelled two ways (two ids to the database)")
    }

    @Test("a day whose rows outnumber its orders in the database is not taken")
    func verification() {
        var sales = NewDaySales(excluding: [])
        sales.add([order("A", "x", d0, 100), order("B", "y", d1, 100)])
        sales.add([order("A", "x", d1, 100)])
        let verified = sales.verified([d1: 2])
        #expect(verified.keys.sorted() == [d1])
        #expect(sales.verified([:]).isEmpty, "no orders counted, nothing taken")
    }

    @Test("a write with more buyers than the limit leaves every day to the refresh")
    func limit() {
        var sales = NewDaySales(excluding: [], buyerLimit: 2)
        sales.add([order("A", "x", d0, 100), order("B", "y", d0, 100)])
        #expect(!sales.gaveUp)
        sales.add([order("C", "z", d1, 100)])
        #expect(sales.gaveUp)
        #expect(sales.days.isEmpty)
        sales.add([order("D", "w", d1, 100)])
        #expect(sales.verified([d0: 2, d1: 2]).isEmpty)
    }
}
