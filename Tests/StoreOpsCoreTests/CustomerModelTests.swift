import Foundation
import StoreOpsCore
import StoreOpsTesting
import Testing

/// The BG/NBD and Gamma-Gamma fits, and the predictions made from them.
@Suite struct CustomerModelTests {
    static let d0 = Day(year: 2024, month: 1, day: 1)!

    /// Two years of purchases of 20,000 simulated customers whose behaviour the models describe.
    static let purchases: [Purchase] = {
        var simulator = BuyerSimulator(seed: 24)
        return simulator.purchases(customers: 20_000, from: d0, days: 730)
    }()
    static let end = d0.adding(days: 729)
    /// Their summaries at the end.
    static let simulated = CustomerRFM.summaries(of: purchases, through: end)

    static func within(_ ours: Double, _ theirs: Double, _ tolerance: Double = 0.01) -> Bool {
        abs(ours - theirs) <= tolerance * abs(theirs)
    }

    @Test("the fits recover the parameters the data were simulated with")
    func recoversParameters() throws {
        let bg = try #require(BetaGeoModel.fit(Self.simulated))
        // Simulated with r = 0.8, α = 40 days, a = 0.7, b = 3; 20,000 customers pin them to about 10 %.
        #expect(Self.within(bg.r, 0.8, 0.15) && Self.within(bg.alpha, 40, 0.15), "\(bg)")
        #expect(Self.within(bg.a, 0.7, 0.25) && Self.within(bg.b, 3, 0.3), "\(bg)")
        let gg = try #require(GammaGammaModel.fit(Self.simulated.map { ($0.frequency, ($0.monetaryValue ?? 0) / 100) }))
        // Purchase values Gamma(6, ν) with ν ~ Gamma(4, 150).
        #expect(Self.within(gg.p, 6, 0.2) && Self.within(gg.q, 4, 0.2) && Self.within(gg.v, 150, 0.25), "\(gg)")
    }

    @Test("fitted parameters are within 1 % of lifetimes' on the same 20,000 customers",
          .enabled(if: LifetimesReference.isAvailable))
    func againstLifetimes() async throws {
        let theirs = try await LifetimesReference.fit(Self.simulated, digits: 2)
        let bg = try #require(BetaGeoModel.fit(Self.simulated))
        let gg = try #require(GammaGammaModel.fit(Self.simulated.map {
            ($0.frequency, LifetimesReference.monetary($0, digits: 2))
        }))
        for (ours, reference) in [(bg.r, theirs.bg.r), (bg.alpha, theirs.bg.alpha), (bg.a, theirs.bg.a), (bg.b, theirs.bg.b),
                                  (gg.p, theirs.gg.p), (gg.q, theirs.gg.q), (gg.v, theirs.gg.v)] {
            #expect(Self.within(ours, reference), "ours \(bg) \(gg), lifetimes \(theirs)")
        }
    }

    @Test("no fit without a repeat purchase, and none of nothing")
    func noFit() {
        let once = (0..<50).map { Purchase(customer: "c\($0)", day: Self.d0.adding(days: $0), amountMinor: 100) }
        #expect(BetaGeoModel.fit(CustomerRFM.summaries(of: once, through: Self.d0.adding(days: 60))) == nil)
        #expect(BetaGeoModel.fit([CustomerRFM]()) == nil)
        #expect(GammaGammaModel.fit([(frequency: 0, monetaryValue: 0.0)]) == nil)
    }

    @Test("predictions: a fresh customer expects more than a long-silent one, and never a negative number")
    func predictions() throws {
        let bg = BetaGeoModel(r: 0.8, alpha: 40, a: 0.7, b: 3)
        let recent = try #require(bg.expectedPurchases(days: 365, frequency: 5, recency: 300, tenure: 310))
        let silent = try #require(bg.expectedPurchases(days: 365, frequency: 5, recency: 30, tenure: 310))
        #expect(recent > 2 * silent && silent >= 0)
        #expect(bg.probabilityAlive(frequency: 5, recency: 300, tenure: 310) > bg.probabilityAlive(frequency: 5, recency: 30, tenure: 310))
        #expect(bg.probabilityAlive(frequency: 0, recency: 0, tenure: 310) == 1)
        // A very frequent buyer's series converges (Euler's form), and the expectation grows with the horizon.
        let heavy = try #require(bg.expectedPurchases(days: 365, frequency: 400, recency: 700, tenure: 700))
        #expect(heavy > 100 && heavy < 365)
        #expect(try #require(bg.expectedPurchases(days: 30, frequency: 3, recency: 50, tenure: 60)) < recent)
        // a + b < 1 makes the series' c negative for one-time buyers (the million-order benchmark's fit): still defined.
        let light = BetaGeoModel(r: 1.25, alpha: 389, a: 0.063, b: 0.298)
        let once = try #require(light.expectedPurchases(days: 90, frequency: 0, recency: 0, tenure: 200))
        let onceYear = try #require(light.expectedPurchases(days: 365, frequency: 0, recency: 0, tenure: 200))
        #expect(once > 0 && once < onceYear)
        #expect(Hypergeometric.f21(1, 1, -1, 0.5) == nil, "c a non-positive integer")
        let gg = GammaGammaModel(p: 6, q: 4, v: 150)
        let population = try #require(gg.expectedAverageValue(frequency: 0, monetaryValue: 0))
        #expect(abs(population - 300) < 1e-9)
        let shrunk = try #require(gg.expectedAverageValue(frequency: 10, monetaryValue: 500))
        #expect(shrunk > 300 && shrunk < 500)
        #expect(GammaGammaModel(p: 6, q: 0.9, v: 150).expectedAverageValue(frequency: 1, monetaryValue: 1) == nil)
    }

    @Test("the held-out check: actual purchases counted by hand, and predictions close on data the model describes")
    func holdout() throws {
        let analysis = CustomerAnalysis(purchases: Self.purchases, range: DayRange(Self.end.adding(days: -29), Self.end)!)
        let forecast = try analysis.forecast.get()
        let h = forecast.holdout
        #expect(h.days == 90 && h.calibrationEnd == Self.end.adding(days: -90))
        var first: [String: Day] = [:], daysAfter: Set<String> = []
        for p in Self.purchases { first[p.customer] = min(first[p.customer] ?? p.day, p.day) }
        for p in Self.purchases where p.day > h.calibrationEnd && first[p.customer]! <= h.calibrationEnd {
            daysAfter.insert("\(p.customer) \(p.day.iso)")
        }
        #expect(h.actualPurchases == daysAfter.count)
        #expect(h.customers == first.values.filter { $0 <= h.calibrationEnd }.count)
        let purchaseError = try #require(h.purchaseError), valueError = try #require(h.valueError)
        #expect(abs(purchaseError) < 0.1 && abs(valueError) < 0.15, "\(h)")
        #expect(forecast.predictions.count == analysis.customers.count && forecast.purchasePenalty == 0)
        #expect(forecast.totalValueMinor != nil && forecast.totalPurchases > 0)
    }

    @Test("no forecast on a short history or without repeat buyers, and why")
    func forecastGaps() {
        let short = (0..<100).map { Purchase(customer: "c\($0 % 10)", day: Self.d0.adding(days: $0), amountMinor: 100) }
        let shortRange = DayRange(Self.d0, Self.d0.adding(days: 99))!
        #expect(throws: CustomerForecast.Gap.shortHistory(days: 99)) {
            try CustomerAnalysis(purchases: short, range: shortRange).forecast.get()
        }
        let once = (0..<200).map { Purchase(customer: "c\($0)", day: Self.d0.adding(days: $0), amountMinor: 100) }
        #expect(throws: CustomerForecast.Gap.noRepeatBuyers) {
            try CustomerAnalysis(purchases: once, range: DayRange(Self.d0, Self.d0.adding(days: 199))!).forecast.get()
        }
    }
}
