/// Each customer's predicted purchases and value over the next `horizon` days, from the BG/NBD model (how many
/// purchase days) and the Gamma-Gamma model (what each is worth), fitted on the store's whole history; and how well
/// the same method predicted held-out days: fitted on the history up to `holdoutDays` before the end, its
/// predictions for those last days against what the customers actually bought.
public struct CustomerForecast: Sendable {
    /// Days predicted.
    public static let horizon = 365
    /// The history the model needs, in days from the first purchase to the end: a quarter of it (30 to 90 days) is
    /// held out.
    public static let minimumHistory = 120
    /// The penalties tried, in order (`lifetimes`' `penalizer_coef`): none, then a small one for data on which the
    /// likelihood's optimum runs off to infinity (as with a dropout probability that hardly varies between customers).
    public static let penalties = [0, 0.001]

    /// Why there is no forecast.
    public enum Gap: Error, Hashable, Sendable {
        /// The history is shorter than `minimumHistory` days.
        case shortHistory(days: Int)
        /// No customer bought on two days, before the holdout or at all: there is nothing to learn repeat buying from.
        case noRepeatBuyers
        /// The likelihood has no finite optimum on this data.
        case noFit
    }

    /// One customer's prediction, in the order of the analysis' customers.
    public struct Prediction: Hashable, Sendable {
        /// Expected purchase days in the next `horizon` days; nil when the model's series does not converge.
        public var purchases: Double?
        /// The probability that the customer still buys at all.
        public var probabilityAlive: Double
        /// `purchases` × the expected value of a purchase, in minor units; nil without a spend model.
        public var valueMinor: Int64?
    }

    /// The check on held-out days.
    public struct Holdout: Hashable, Sendable {
        public var calibrationEnd: Day
        public var days: Int
        /// Customers with a purchase on or before `calibrationEnd`: the ones predicted.
        public var customers: Int
        public var predictedPurchases: Double
        public var actualPurchases: Int
        /// Predicted and actual spend of those customers in the held-out days, in minor units; nil without a spend
        /// model or when a sum passed Int64.
        public var predictedValueMinor: Int64?
        public var actualValueMinor: Int64?
        /// The mean over customers of |predicted − actual| purchase days.
        public var meanAbsoluteError: Double

        /// (predicted − actual) / actual purchase days; nil when nobody bought in the held-out days.
        public var purchaseError: Double? {
            actualPurchases > 0 ? (predictedPurchases - Double(actualPurchases)) / Double(actualPurchases) : nil
        }

        /// (predicted − actual) / actual spend; nil when either is unknown or nothing was spent.
        public var valueError: Double? {
            guard let predictedValueMinor, let actualValueMinor, actualValueMinor > 0 else { return nil }
            return Double(predictedValueMinor - actualValueMinor) / Double(actualValueMinor)
        }
    }

    public var purchaseModel: BetaGeoModel
    /// The penalty both purchase fits (calibration and whole history) needed.
    public var purchasePenalty: Double
    /// Nil when too few customers have repeat purchases with a known value, or the fit fails (then no values).
    public var spendModel: GammaGammaModel?
    public var spendPenalty: Double?
    public var predictions: [Prediction]
    public var holdout: Holdout

    /// Predicted purchase days of every customer over the horizon, added up.
    public var totalPurchases: Double { predictions.reduce(0) { $0 + ($1.purchases ?? 0) } }
    /// Predicted spend of every customer over the horizon, in minor units; nil without a spend model, when a
    /// customer's value is unknown or the sum passes Int64.
    public var totalValueMinor: Int64? {
        guard spendModel != nil else { return nil }
        return predictions.reduce(Int64?(0)) { CustomerAnalysis.add($0, $1.valueMinor) }
    }

    /// The forecast of customers with histories `histories` and summaries `summaries` (same order) at `end`.
    static func make(histories: CustomerHistories, summaries: [CustomerRFM], end: Day) -> Result<CustomerForecast, Gap> {
        guard let start = summaries.map(\.first).min() else { return .failure(.shortHistory(days: 0)) }
        let history = start.distance(to: end)
        guard history >= minimumHistory else { return .failure(.shortHistory(days: history)) }
        let held = min(90, history / 4), calibrationEnd = end.adding(days: -held)
        // Before the holdout: each customer's summary then, and what they bought after.
        var calibration: [CustomerRFM] = [], actual: [(purchases: Int, valueMinor: Int64?)] = []
        for index in 0..<histories.count {
            let days = histories.days(of: index)
            let before = days.prefix { $0.day <= calibrationEnd }
            guard !before.isEmpty else { continue }
            calibration.append(CustomerRFM(customer: histories.customers[index], days: before, end: calibrationEnd))
            let after = days[before.endIndex...]
            actual.append((after.count, after.reduce(Int64?(0)) { CustomerAnalysis.add($0, $1.totalMinor) }))
        }
        guard calibration.contains(where: { $0.frequency > 0 }) else { return .failure(.noRepeatBuyers) }
        var purchaseFit: (calibrated: BetaGeoModel, model: BetaGeoModel, penalty: Double)?
        for penalty in penalties where purchaseFit == nil {
            guard let calibrated = BetaGeoModel.fit(calibration, penalty: penalty),
                  let model = BetaGeoModel.fit(summaries, penalty: penalty) else { continue }
            purchaseFit = (calibrated, model, penalty)
        }
        guard let (calibrated, model, purchasePenalty) = purchaseFit else { return .failure(.noFit) }
        var spendFit: (calibrated: GammaGammaModel, model: GammaGammaModel, penalty: Double)?
        let calibrationSpend = calibration.map { ($0.frequency, $0.monetaryValue ?? 0) }
        let wholeSpend = summaries.map { ($0.frequency, $0.monetaryValue ?? 0) }
        for penalty in penalties where spendFit == nil {
            guard let calibrated = GammaGammaModel.fit(calibrationSpend, penalty: penalty),
                  let model = GammaGammaModel.fit(wholeSpend, penalty: penalty) else { continue }
            spendFit = (calibrated, model, penalty)
        }
        let calibratedSpend = spendFit?.calibrated, spend = spendFit?.model
        var holdout = Holdout(calibrationEnd: calibrationEnd, days: held, customers: calibration.count,
                              predictedPurchases: 0, actualPurchases: 0,
                              predictedValueMinor: calibratedSpend == nil ? nil : 0, actualValueMinor: 0,
                              meanAbsoluteError: 0)
        var absoluteErrors = 0.0
        let checked = predict(calibration, model: calibrated, spend: calibratedSpend, days: Double(held))
        for (index, prediction) in checked.enumerated() {
            guard let purchases = prediction.purchases else { return .failure(.noFit) }
            holdout.predictedPurchases += purchases
            holdout.actualPurchases += actual[index].purchases
            absoluteErrors += abs(purchases - Double(actual[index].purchases))
            holdout.predictedValueMinor = CustomerAnalysis.add(holdout.predictedValueMinor, prediction.valueMinor)
            holdout.actualValueMinor = CustomerAnalysis.add(holdout.actualValueMinor, actual[index].valueMinor)
        }
        holdout.meanAbsoluteError = absoluteErrors / Double(calibration.count)
        return .success(CustomerForecast(purchaseModel: model, purchasePenalty: purchasePenalty, spendModel: spend,
                                         spendPenalty: spendFit?.penalty,
                                         predictions: predict(summaries, model: model, spend: spend, days: Double(horizon)),
                                         holdout: holdout))
    }

    /// Every customer's prediction over `days`; customers with the same history shape share one computation.
    static func predict(_ customers: [CustomerRFM], model: BetaGeoModel, spend: GammaGammaModel?,
                        days: Double) -> [Prediction] {
        var expected: [BetaGeoModel.Pattern: Double?] = [:]
        return customers.map { c in
            let pattern = BetaGeoModel.Pattern(x: c.frequency, recency: c.recency, tenure: c.tenure)
            let purchases: Double?
            if let known = expected[pattern] {
                purchases = known
            } else {
                purchases = model.expectedPurchases(days: days, frequency: c.frequency, recency: c.recency,
                                                    tenure: c.tenure)
                expected[pattern] = purchases
            }
            var value: Int64?
            if let purchases, let mean = c.monetaryValue,
               let each = spend?.expectedAverageValue(frequency: c.frequency, monetaryValue: mean) {
                let total = (purchases * each).rounded()
                if total.isFinite, abs(total) < 1e15 { value = Int64(total) }
            }
            let alive = model.probabilityAlive(frequency: c.frequency, recency: c.recency, tenure: c.tenure)
            return Prediction(purchases: purchases, probabilityAlive: alive, valueMinor: value)
        }
    }
}
