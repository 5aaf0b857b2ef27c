import Foundation

/// The change of GMV between a baseline and a day, split into the parts due to visitors (UV), conversion (CR)
/// and average order value (AOV), with GMV = UV x CR x AOV, by the log-mean Divisia index (LMDI):
/// part_x = L(G1, G0) x ln(x1 / x0) with L(a, b) = (a - b) / (ln a - ln b). The parts are rounded to the minor
/// unit and the rounding remainder goes to the largest part, so they add up exactly to the change.
public struct GMVDecomposition: Hashable, Sendable {
    /// One side of the comparison: GMV in minor units, visitors and buyers.
    public struct Side: Hashable, Sendable {
        public var gmv: Int64
        public var visitors: Int64
        public var buyers: Int64

        public init(gmv: Int64, visitors: Int64, buyers: Int64) {
            self.gmv = gmv
            self.visitors = visitors
            self.buyers = buyers
        }
    }

    public let change: Int64
    public let visitors: Int64
    public let conversion: Int64
    public let aov: Int64

    /// Decomposes `current` against `baseline`. Where a factor is zero on one side (no visitors, no buyers),
    /// logarithms do not exist: the whole change goes to the first factor that is zero (visitors, then
    /// conversion, then order value), which is what made GMV zero.
    public init(baseline: Side, current: Side) {
        let change = current.gmv - baseline.gmv
        self.change = change
        func factors(_ s: Side) -> (v: Double, c: Double, a: Double)? {
            guard s.visitors > 0, s.buyers > 0, s.gmv > 0 else { return nil }
            return (Double(s.visitors), Double(s.buyers) / Double(s.visitors), Double(s.gmv) / Double(s.buyers))
        }
        guard let f0 = factors(baseline), let f1 = factors(current) else {
            let zeroSide = factors(baseline) == nil ? baseline : current
            if change == 0 {
                (visitors, conversion, aov) = (0, 0, 0)
            } else if zeroSide.visitors <= 0 {
                (visitors, conversion, aov) = (change, 0, 0)
            } else if zeroSide.buyers <= 0 {
                (visitors, conversion, aov) = (0, change, 0)
            } else {
                (visitors, conversion, aov) = (0, 0, change)
            }
            return
        }
        let g0 = Double(baseline.gmv), g1 = Double(current.gmv)
        let weight = g1 == g0 ? g1 : (g1 - g0) / (log(g1) - log(g0))
        var parts = [weight * log(f1.v / f0.v), weight * log(f1.c / f0.c), weight * log(f1.a / f0.a)].map { Int64($0.rounded()) }
        let remainder = change - parts.reduce(0, +)
        let largest = parts.indices.max { abs(parts[$0]) < abs(parts[$1]) } ?? 0
        parts[largest] += remainder
        (visitors, conversion, aov) = (parts[0], parts[1], parts[2])
    }
}
