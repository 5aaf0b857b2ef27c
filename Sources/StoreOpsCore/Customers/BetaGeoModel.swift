import Foundation

/// The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005), as the `lifetimes` package's
/// `BetaGeoFitter` fits it, with daily periods: while alive a customer buys at a Poisson rate λ ~ Gamma(r, α), and
/// after each purchase leaves for good with probability p ~ Beta(a, b). Fitted by maximum likelihood on the
/// customers' (frequency, recency, T).
public struct BetaGeoModel: Hashable, Sendable {
    public var r: Double
    /// In days.
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// The maximum-likelihood fit to `customers`; nil without customers, without a repeat purchase among them, or
    /// when the optimum is not found. Customers with the same (frequency, recency, T) are counted once with a weight,
    /// and time is scaled so that the longest T is 1, as `lifetimes` does; the likelihood is the same. `penalty` is
    /// `lifetimes`' `penalizer_coef`: that many times the sum of the squared parameters (α in scaled time) is added
    /// to the mean negative log-likelihood, which keeps the parameters finite on data the model fits badly.
    public static func fit(_ customers: some Sequence<CustomerRFM>, penalty: Double = 0) -> BetaGeoModel? {
        var weights: [Pattern: Double] = [:]
        for c in customers { weights[Pattern(x: c.frequency, recency: c.recency, tenure: c.tenure), default: 0] += 1 }
        guard let longest = weights.keys.map(\.tenure).max(), longest > 0,
              weights.keys.contains(where: { $0.x > 0 }) else { return nil }
        let scale = 1 / Double(longest)
        // In a fixed order: the sums, and so where a fit on a flat ridge stops, are the same on every run.
        let patterns = weights.sorted { ($0.key.x, $0.key.recency, $0.key.tenure) < ($1.key.x, $1.key.recency, $1.key.tenure) }
            .map { (x: $0.key.x, xd: Double($0.key.x), recency: Double($0.key.recency) * scale,
                                      tenure: Double($0.key.tenure) * scale, weight: $0.value) }
        let frequencies = Array(Set(patterns.map(\.x))).sorted()
        let slot = Dictionary(uniqueKeysWithValues: frequencies.enumerated().map { ($0.element, $0.offset) })
        let slots = patterns.map { slot[$0.x]! }
        // Tenures and recencies are whole days, a few hundred distinct ones among a hundred thousand patterns: the
        // logarithms of α plus each are taken once per distinct value (the same numbers, so the same sums).
        let tenures = Array(Set(patterns.map(\.tenure))).sorted(), recencies = Array(Set(patterns.map(\.recency))).sorted()
        let tenureSlot = Dictionary(uniqueKeysWithValues: tenures.enumerated().map { ($0.element, $0.offset) })
        let recencySlot = Dictionary(uniqueKeysWithValues: recencies.enumerated().map { ($0.element, $0.offset) })
        let tenureSlots = patterns.map { tenureSlot[$0.tenure]! }, recencySlots = patterns.map { recencySlot[$0.recency]! }
        let total = patterns.reduce(0) { $0 + $1.weight }
        // The negative mean log-likelihood of log-parameters, as `lifetimes` writes it (its section 7 form).
        func negativeLogLikelihood(_ logs: [Double]) -> Double {
            let r = exp(logs[0]), alpha = exp(logs[1]), a = exp(logs[2]), b = exp(logs[3])
            guard r.isFinite, alpha.isFinite, a.isFinite, b.isFinite, r > 0, alpha > 0, a > 0, b > 0 else { return .nan }
            // The terms that depend on the frequency alone, once per distinct frequency.
            let lgammaR = Double.logGamma(r), lgammaB = Double.logGamma(b), lgammaAB = Double.logGamma(a + b), logAlpha = log(alpha), logA = log(a)
            let byFrequency = frequencies.map { x -> (constant: Double, logB: Double) in
                let xd = Double(x)
                return (Double.logGamma(r + xd) - lgammaR + r * logAlpha + lgammaAB + Double.logGamma(b + xd) - lgammaB
                            - Double.logGamma(a + b + xd), log(b + xd - 1))
            }
            let logTenure = tenures.map { log(alpha + $0) }, logRecency = recencies.map { log($0 + alpha) }
            var sum = 0.0
            for (index, p) in patterns.enumerated() {
                let f = byFrequency[slots[index]]
                let a3 = -(r + p.xd) * logTenure[tenureSlots[index]]
                var term = a3
                if p.x > 0 {
                    let a4 = logA - f.logB - (r + p.xd) * logRecency[recencySlots[index]]
                    // log(e^a3 + e^a4) from the larger: its own exponential is exp(0), exactly 1.
                    term = a3 >= a4 ? a3 + log(1 + exp(a4 - a3)) : a4 + log(exp(a3 - a4) + 1)
                }
                sum += p.weight * (f.constant + term)
            }
            return -sum / total + penalty * (r * r + alpha * alpha + a * a + b * b)
        }
        // Its gradient in the log-parameters, exactly: per distinct frequency the digamma terms, per pattern the
        // derivatives of the log-sum-exp, each weighted by its share.
        func gradient(_ logs: [Double]) -> [Double] {
            let r = exp(logs[0]), alpha = exp(logs[1]), a = exp(logs[2]), b = exp(logs[3])
            guard [r, alpha, a, b].allSatisfy({ $0.isFinite && $0 > 0 }) else { return [.nan, .nan, .nan, .nan] }
            let psiR = Double.digamma(r), psiB = Double.digamma(b), psiAB = Double.digamma(a + b), logAlpha = log(alpha)
            let byFrequency = frequencies.map { x -> (r: Double, a: Double, b: Double, logB: Double) in
                let xd = Double(x), psiABX = Double.digamma(a + b + xd)
                return (Double.digamma(r + xd) - psiR + logAlpha, psiAB - psiABX, psiAB + Double.digamma(b + xd) - psiB - psiABX,
                        log(b + xd - 1))
            }
            let logA = log(a), logTenure = tenures.map { log(alpha + $0) }, logRecency = recencies.map { log($0 + alpha) }
            var dr = 0.0, dAlpha = 0.0, da = 0.0, db = 0.0
            for (index, p) in patterns.enumerated() {
                let logT = logTenure[tenureSlots[index]], a3 = -(r + p.xd) * logT
                var w4 = 0.0, logRec = 0.0
                if p.x > 0 {
                    logRec = logRecency[recencySlots[index]]
                    let a4 = logA - byFrequency[slots[index]].logB - (r + p.xd) * logRec
                    w4 = 1 / (1 + exp(a3 - a4))
                }
                let w3 = 1 - w4, f = byFrequency[slots[index]]
                dr += p.weight * (f.r - w3 * logT - w4 * logRec)
                dAlpha += p.weight * (r / alpha - (r + p.xd) * (w3 / (alpha + p.tenure) + w4 / (alpha + p.recency)))
                da += p.weight * (f.a + w4 / a)
                db += p.weight * (f.b - w4 / (b + p.xd - 1))
            }
            // d/d(log θ) = θ · d/dθ, of the negative mean, plus the penalty's 2cθ².
            return [-dr * r / total + 2 * penalty * r * r, -dAlpha * alpha / total + 2 * penalty * alpha * alpha,
                    -da * a / total + 2 * penalty * a * a, -db * b / total + 2 * penalty * b * b]
        }
        // An optimum at the edge of the model (a parameter past 10⁻⁴ or 10⁴, α in scaled time: nobody leaves, or
        // everybody with the same probability) is no fit: its predictions are limits the formulas below cannot take.
        guard let best = Minimizer.bfgs(start: [0.1, 0.1, 0.1, 0.1], bound: log(1e4), gradient: gradient, negativeLogLikelihood)
        else { return nil }
        let model = BetaGeoModel(r: exp(best.x[0]), alpha: exp(best.x[1]) / scale, a: exp(best.x[2]), b: exp(best.x[3]))
        return model.isUsable ? model : nil
    }

    /// Whether every parameter is finite and positive (the formulas below need it).
    var isUsable: Bool { [r, alpha, a, b].allSatisfy { $0.isFinite && $0 > 0 } && a != 1 }

    /// The expected number of repeat purchase days in the next `days` of a customer with this history (equation 10
    /// of the paper, `lifetimes`' `conditional_expected_number_of_purchases_up_to_time`). Euler's transformation
    /// keeps the hypergeometric series short for frequent buyers. Nil when the series does not converge.
    public func expectedPurchases(days t: Double, frequency: Int, recency: Int, tenure: Int) -> Double? {
        let x = Double(frequency), rec = Double(recency), T = Double(tenure)
        guard t > 0 else { return 0 }
        let z = t / (alpha + T + t)
        // ₂F₁(r+x, b+x; a+b+x−1; z)·(1−z)^(r+x) = (1−z)^(a−1)·₂F₁(a+b−1−r, a−1; a+b+x−1; z).
        guard let series = Hypergeometric.f21(a + b - 1 - r, a - 1, a + b + x - 1, z) else { return nil }
        let numerator = (a + b + x - 1) / (a - 1) * (1 - pow(1 - z, a - 1) * series)
        let denominator = frequency > 0 ? 1 + a / (b + x - 1) * pow((alpha + T) / (alpha + rec), r + x) : 1
        let value = numerator / denominator
        return value.isFinite ? max(0, value) : (denominator.isInfinite ? 0 : nil)
    }

    /// The probability that a customer with this history is still alive (`lifetimes`' `conditional_probability_alive`).
    public func probabilityAlive(frequency: Int, recency: Int, tenure: Int) -> Double {
        guard frequency > 0 else { return 1 }
        let x = Double(frequency)
        let logRatio = log(a / (b + x - 1)) + (r + x) * (log(alpha + Double(tenure)) - log(alpha + Double(recency)))
        return 1 / (1 + exp(logRatio))
    }

    /// One observed history shape.
    struct Pattern: Hashable {
        var x: Int
        var recency: Int
        var tenure: Int

        /// One word hashed instead of three (the fits and predictions hash every customer's shape): the three
        /// numbers packed, which equality still tells apart when they collide.
        func hash(into hasher: inout Hasher) {
            hasher.combine(UInt64(truncatingIfNeeded: x) &<< 42 ^ UInt64(truncatingIfNeeded: recency) &<< 21
                ^ UInt64(truncatingIfNeeded: tenure))
        }
    }
}
