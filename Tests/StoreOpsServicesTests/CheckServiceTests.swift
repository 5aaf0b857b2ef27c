import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// The morning checks on the demo store: every injected problem is found, and the clean demo has no finding.
@Suite("Checks on the demo store")
struct CheckServiceTests {
    static let end = Day(iso: "2026-03-31")!
    static let clock: @Sendable () -> Instant = { StoreTimeZone.shanghai.instant(day: end.adding(days: 1), hour: 9, minute: 0) }

    func checks(clean: Bool) async throws -> (report: CheckReport, injections: DemoInjections) {
        let storage = try await TestBackend.makeStore()
        let (data, _) = try await DemoService(storage: storage).build(DemoScenario(seed: 42, end: Self.end, days: 60, clean: clean))
        let report = try await CheckService(storage: storage, clock: Self.clock).run(store: data.store.id)
        return (report, data.injections)
    }

    @Test("the default demo: every injected problem is found, in JSON too")
    func injected() async throws {
        let (report, injected) = try await checks(clean: false)
        #expect(report.day == Self.end)
        func subjects(_ kinds: CheckKind...) -> Set<String> { Set(report.findings.filter { kinds.contains($0.check) }.map(\.subject)) }
        #expect(Set(injected.losingKeywords).isSubset(of: subjects(.keywordDelete, .keywordLowerBid)), "losing keywords")
        #expect(subjects(.agentConversion).contains(injected.weakAgent))
        #expect(subjects(.soldOutHero).contains(injected.soldOutSKU))
        #expect(subjects(.competitorPriceCut).contains("\(injected.priceCutCompetitor)/\(injected.priceCutItem)"))
        #expect(Set(injected.badReviewIDs).isSubset(of: subjects(.badReview)))
        #expect(Set(injected.stalledShipments).isSubset(of: subjects(.stalledShipment)))
        #expect(Set(injected.lostShipments) == subjects(.lostShipment) && !injected.lostShipments.isEmpty)
        #expect(Set(injected.returnedShipments) == subjects(.returnedShipment) && !injected.returnedShipments.isEmpty)
        #expect(Set(injected.lateOrders).isSubset(of: subjects(.unshippedOrder)) && !injected.lateOrders.isEmpty)

        // Grouped by section in the operator's order, most money first within a section.
        let sections = report.findings.map(\.section)
        #expect(sections == sections.sorted())
        for (_, findings) in report.sections {
            let priced = findings.compactMap(\.atStake).map(\.minor)
            #expect(priced == priced.sorted(by: >))
        }
        let json = try JSONSerialization.jsonObject(with: Data(CheckReportRenderer.json(report).utf8)) as? [String: Any]
        let listed = try #require(json?["findings"] as? [[String: Any]])
        #expect(listed.count == report.findings.count)
        #expect(listed.contains { $0["check"] as? String == "sold_out_hero" && $0["subject"] as? String == injected.soldOutSKU })
    }

    @Test("the clean demo: nothing found")
    func clean() async throws {
        let (report, _) = try await checks(clean: true)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.check.rawValue) \($0.subject)" })")
        #expect(CheckReportRenderer.text(report, language: .en).contains("nothing found"))
    }
}
