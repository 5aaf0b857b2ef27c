import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsTesting
import Testing

@Suite("A client's period report")
struct ClientPeriodReportTests {
    @Test("the client's stores together per currency and each one; another client's store is not in it")
    func together() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let database = agency.database
        // Alpha gets a second CNY store and a USD one, each with the fixture's two orders (230.00 on d0).
        for (id, currency) in [("alpha-jd", Currency.cny), ("alpha-us", Currency("USD"))] {
            try await database.saveStore(
                Store(id: StoreID(id)!, name: id, platform: .jd, currency: currency, client: "alpha"))
            try await database.write(Fixtures.orders(store: StoreID(id)!), to: StoreID(id)!)
        }
        let alpha = Client(id: "alpha", workspace: "agency", name: "Alpha 女装")
        let service = PeriodReportService(storage: database, clock: { Fixtures.at(Fixtures.d1, 9) })
        let report = try await service.client(alpha, days: DayRange(day: Fixtures.d0))
        #expect(Set(report.reports.map(\.store.id.rawValue)) == ["alpha-tmall", "alpha-jd", "alpha-us"])
        #expect(
            report.totals.map(\.currency.code) == ["CNY", "USD"]
                || report.totals.map(\.currency.code) == ["USD", "CNY"])
        let cny = try #require(report.totals.first { $0.currency == .cny })
        #expect(cny.stores == 2 && cny.gmv == Money(minor: 46_000, currency: .cny))
        #expect(cny.targetGMV == nil && cny.attainment == nil)
        let usd = try #require(report.totals.first { $0.currency.code == "USD" })
        #expect(usd.stores == 1 && usd.gmv?.minor == 23_000)
        let text = ClientPeriodReportRenderer.text(report, language: .en)
        #expect(
            text.contains("Client period report · Alpha 女装 (alpha)") && text.contains("GMV 460.00")
                && text.contains("alpha-us"))
        #expect(!text.contains("beta"))
        let json = ClientPeriodReportRenderer.json(report)
        #expect(json.contains("\"gmv\" : \"460.00\"") || json.contains("\"gmv\": \"460.00\""))
        await #expect(throws: ServiceError.self) { try await service.client(alpha) }
    }
}
