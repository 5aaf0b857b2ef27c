import Foundation
import StoreOpsCore
import StoreOpsTesting
import Testing

/// Recency, frequency, tenure and monetary value per customer, as the `lifetimes` package defines them with daily
/// periods, checked by hand and against an independent implementation (scripts/lib/rfm_reference.py).
@Suite("Customers: RFM summaries")
struct CustomerRFMTests {
    static let d0 = Day(year: 2026, month: 1, day: 1)!

    @Test("same-day purchases are one; repeats, recency and T count days; purchases after the end are left out")
    func byHand() throws {
        let purchases = [
            Purchase(customer: "a", day: Self.d0, amountMinor: 1_000),
            Purchase(customer: "a", day: Self.d0, amountMinor: 500),
            Purchase(customer: "a", day: Self.d0.adding(days: 3), amountMinor: 2_000),
            Purchase(customer: "a", day: Self.d0.adding(days: 10), amountMinor: 3_000),
            Purchase(customer: "a", day: Self.d0.adding(days: 20), amountMinor: 9_999),
            Purchase(customer: "b", day: Self.d0.adding(days: 14), amountMinor: 700),
            Purchase(customer: "c", day: Self.d0.adding(days: 16), amountMinor: 700),
        ]
        let summaries = CustomerRFM.summaries(of: purchases, through: Self.d0.adding(days: 15))
        #expect(summaries.map(\.customer) == ["a", "b"])
        let a = try #require(summaries.first)
        #expect((a.first, a.frequency, a.recency, a.tenure) == (Self.d0, 2, 10, 15))
        #expect(a.repeatTotalMinor == 5_000 && a.totalMinor == 6_500)
        #expect(a.monetaryValue == 2_500)
        let b = try #require(summaries.last)
        #expect((b.frequency, b.recency, b.tenure, b.monetaryValue) == (0, 0, 1, 0))
    }

    @Test("a customer's sum past Int64 is unknown, not wrapped or trapped; the days still count")
    func overflow() throws {
        let big = Int64.max / 2 + 1
        let purchases = [
            Purchase(customer: "x", day: Self.d0, amountMinor: 1),
            Purchase(customer: "x", day: Self.d0.adding(days: 1), amountMinor: big),
            Purchase(customer: "x", day: Self.d0.adding(days: 1), amountMinor: big),
            Purchase(customer: "x", day: Self.d0.adding(days: 2), amountMinor: 5),
        ]
        let x = try #require(CustomerRFM.summaries(of: purchases, through: Self.d0.adding(days: 9)).first)
        #expect((x.frequency, x.recency, x.tenure) == (2, 2, 9))
        #expect(x.repeatTotalMinor == nil && x.totalMinor == nil && x.monetaryValue == nil)
    }

    @Test("customers come in UTF-8 byte order, the order Python sorts them in")
    func byteOrder() {
        let names = ["b", "a", "é", "ab", "Z", "a\u{0}", "customer-000000002", "customer-000000001"]
        let purchases = names.map { Purchase(customer: $0, day: Self.d0, amountMinor: 1) }
        #expect(CustomerRFM.summaries(of: purchases, through: Self.d0).map(\.customer)
            == ["Z", "a", "a\u{0}", "ab", "b", "customer-000000001", "customer-000000002", "é"])
    }

    /// 20,000 customers' purchases over two years, from a fixed linear congruential sequence: the same on every run.
    static let generated: [Purchase] = {
        var state: UInt64 = 24
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var purchases: [Purchase] = []
        for customer in 0..<20_000 {
            let start = next(700)
            for _ in 0...next(next(3) == 0 ? 12 : 2) {
                purchases.append(Purchase(customer: "c\(customer)", day: Self.d0.adding(days: start + next(200)),
                                          amountMinor: Int64(next(50_000) + 1)))
            }
        }
        return purchases
    }()

    @Test("20,000 customers equal the independent reference exactly",
          .enabled(if: RFMReference.isAvailable))
    func againstReference() async throws {
        let end = Self.d0.adding(days: 730)
        let ours = RFMReference.lines(CustomerRFM.summaries(of: Self.generated, through: end))
        #expect(ours.count > 15_000, "most customers bought before the end")
        #expect(ours == (try await RFMReference.summaries(of: Self.generated, through: end)))
    }

    @Test("20,000 customers equal lifetimes' own summary_data_from_transaction_data",
          .enabled(if: LifetimesReference.isAvailable))
    func againstLifetimes() async throws {
        let end = Self.d0.adding(days: 730)
        let ours = CustomerRFM.summaries(of: Self.generated, through: end).map { c in
            "\(c.customer),\(c.frequency),\(c.recency),\(c.tenure)," + String(format: "%.6f", c.monetaryValue ?? -1)
        }
        #expect(ours.count > 15_000)
        #expect(ours == (try await LifetimesReference.summaries(of: Self.generated, through: end)))
    }
}

/// Customer ids are bytes: canonically equivalent spellings are two customers, whichever path groups them.
@Suite("Customer ids by bytes")
struct CustomerIDBytesTests {
    @Test("NFC and NFD spellings of one name are two customers, in order or not")
    func bytes() {
        let day = Day(iso: "2026-03-01")!
        // By bytes: "e\u{301}" (65 CC 81) < "f" (66) < "é" (C3 A9): the two spellings are not neighbours.
        let sorted = [Purchase(customer: "e\u{301}", day: day, amountMinor: 100), Purchase(customer: "f", day: day, amountMinor: 200),
                      Purchase(customer: "é", day: day.adding(days: 3), amountMinor: 300)]
        let inOrder = CustomerRFM.summaries(of: sorted, through: day.adding(days: 10))
        let shuffled = CustomerRFM.summaries(of: sorted.reversed(), through: day.adding(days: 10))
        #expect(inOrder.count == 3 && inOrder == shuffled)
        #expect(inOrder.map { Array($0.customer.utf8) } == [[0x65, 0xCC, 0x81], [0x66], [0xC3, 0xA9]])
        #expect(inOrder.allSatisfy { $0.frequency == 0 })
    }
}
