import Foundation

/// The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005), as the `lifetimes` package's
/// `GammaGammaFitter` fits it: a customer's purchase values are Gamma(p, ν) with ν ~ Gamma(q, v) across customers,
/// independent of how often they buy. Fitted on the customers with repeat purchases and a positive monetary value.
public struct GammaGammaModel: Hashable, Sendable {
    public var p: Double
    public var q: Double
    /// In the unit of the monetary values it was fitted on.
    public var v: Double

    public init(p: Double, q: Double, v: Double) {
        self.p = p
        self.q = q
        self.v = v
    }

    /// The maximum-likelihood fit to (frequency, monetary value) pairs, keeping those with both positive; nil with
    /// fewer than two such customers or when the optimum is not found. Monetary values are scaled by their mean while
    /// fitting (the likelihood is the same; v scales back). `penalty` is `lifetimes`' `penalizer_coef` (with v in
    /// the scaled unit).
    public static func fit(_ customers: some Sequence<(frequency: Int, monetaryValue: Double)>,
                           penalty: Double = 0) -> GammaGammaModel? {
        let kept = customers.filter { $0.frequency > 0 && $0.monetaryValue > 0 && $0.monetaryValue.isFinite }
        guard kept.count >= 2 else { return nil }
        let mean = kept.reduce(0) { $0 + $1.monetaryValue } / Double(kept.count)
        guard mean.isFinite, mean > 0 else { return nil }
        let frequencies = Array(Set(kept.map(\.frequency))).sorted()
        let slot = Dictionary(uniqueKeysWithValues: frequencies.enumerated().map { ($0.element, $0.offset) })
        let rows = kept.map { (x: Double($0.frequency), m: $0.monetaryValue / mean, slot: slot[$0.frequency]!) }
        let logX = frequencies.map { log(Double($0)) }
        let logM = rows.map { log($0.m) }
        func negativeLogLikelihood(_ logs: [Double]) -> Double {
            let p = exp(logs[0]), q = exp(logs[1]), v = exp(logs[2])
            guard p.isFinite, q.isFinite, v.isFinite, p > 0, q > 0, v > 0 else { return .nan }
            let lgammaQ = Double.logGamma(q), qLogV = q * log(v)
            let byFrequency = frequencies.indices.map { i -> Double in
                let px: Double = p * Double(frequencies[i])
                let gammas: Double = Double.logGamma(px + q) - Double.logGamma(px) - lgammaQ
                return gammas + qLogV + px * logX[i]
            }
            var sum = 0.0
            for (i, row) in rows.enumerated() {
                let px: Double = p * row.x
                let spend: Double = (px - 1) * logM[i]
                let pooled: Double = (px + q) * log(row.x * row.m + v)
                sum += byFrequency[row.slot] + spend - pooled
            }
            return -sum / Double(rows.count) + penalty * (p * p + q * q + v * v)
        }
        // Its gradient in the log-parameters, exactly.
        func gradient(_ logs: [Double]) -> [Double] {
            let p = exp(logs[0]), q = exp(logs[1]), v = exp(logs[2])
            guard [p, q, v].allSatisfy({ $0.isFinite && $0 > 0 }) else { return [.nan, .nan, .nan] }
            let psiQ = Double.digamma(q), logV = log(v)
            let byFrequency = frequencies.indices.map { i -> (p: Double, q: Double) in
                let x = Double(frequencies[i]), psiPXQ = Double.digamma(p * x + q)
                return (x * (psiPXQ - Double.digamma(p * x) + logX[i]), psiPXQ - psiQ + logV)
            }
            var dp = 0.0, dq = 0.0, dv = 0.0
            for (i, row) in rows.enumerated() {
                let pooled = row.x * row.m + v, logPooled = log(pooled), f = byFrequency[row.slot]
                dp += f.p + row.x * (logM[i] - logPooled)
                dq += f.q - logPooled
                dv += q / v - (p * row.x + q) / pooled
            }
            let n = Double(rows.count)
            return [-dp * p / n + 2 * penalty * p * p, -dq * q / n + 2 * penalty * q * q, -dv * v / n + 2 * penalty * v * v]
        }
        // As for BG/NBD: parameters past 10⁻⁴ or 10⁴ (v in the scaled unit) are the edge of the model, no fit.
        guard let best = Minimizer.bfgs(start: [0.1, 0.1, 0.1], bound: log(1e4), gradient: gradient, negativeLogLikelihood)
        else { return nil }
        let model = GammaGammaModel(p: exp(best.x[0]), q: exp(best.x[1]), v: exp(best.x[2]) * mean)
        return [model.p, model.q, model.v].allSatisfy { $0.isFinite && $0 > 0 } ? model : nil
    }

    /// The expected mean value of a customer's future purchases (`lifetimes`' `conditional_expected_average_profit`):
    /// the population mean shrunk toward the customer's own mean by their number of repeat purchases. Nil when the
    /// population mean does not exist (q ≤ 1).
    public func expectedAverageValue(frequency: Int, monetaryValue: Double) -> Double? {
        guard q > 1 else { return nil }
        let px = p * Double(frequency)
        let weight = px / (px + q - 1)
        return (1 - weight) * (v * p / (q - 1)) + weight * monetaryValue
    }
}
