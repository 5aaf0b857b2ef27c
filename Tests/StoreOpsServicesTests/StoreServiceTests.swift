import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("Store service")
struct StoreServiceTests {
    @Test("adds, updates and lists stores")
    func addAndList() async throws {
        let service = StoreService(storage: try await TestBackend.makeStore())
        try await service.add(id: "maple", name: " Maple Goods ", platform: "Shopify", currency: "cad", timeZone: "America/Toronto")
        try await service.add(id: "acme-tmall", name: "Acme 天猫店", platform: "tmall")
        let stores = try await service.list()
        #expect(stores.map(\.id.rawValue) == ["acme-tmall", "maple"])
        #expect(stores[1].name == "Maple Goods" && stores[1].currency.code == "CAD" && stores[1].platform == .shopify)
        #expect(stores[0].timeZone == .shanghai && stores[0].currency == .cny)
    }

    @Test("explains what is wrong with the input", arguments: [
        ("Bad ID", "x", "taobao", "CNY", "Asia/Shanghai", "not a valid store id"),
        ("ok", "  ", "taobao", "CNY", "Asia/Shanghai", "name is empty"),
        ("ok", "x", "ebay", "CNY", "Asia/Shanghai", "Unknown platform"),
        ("ok", "x", "jd", "YUAN", "Asia/Shanghai", "ISO 4217"),
        ("ok", "x", "jd", "CNY", "China/Beijing", "Unknown time zone"),
    ])
    func invalid(_ id: String, _ name: String, _ platform: String, _ currency: String, _ zone: String, _ message: String) async throws {
        let service = StoreService(storage: try await TestBackend.makeStore())
        do {
            try await service.add(id: id, name: name, platform: platform, currency: currency, timeZone: zone)
            Issue.record("accepted invalid input")
        } catch let error as ServiceError {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains(message))
        }
    }
}
