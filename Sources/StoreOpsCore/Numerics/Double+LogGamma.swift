import Foundation

extension Double {
    /// ln Γ(x) for positive x, by the C library (the overload returning the sign as well is not wanted here).
    static func logGamma(_ x: Double) -> Double {
        let function: (Double) -> Double = lgamma
        return function(x)
    }
}

extension Double {
    /// ψ(x), the derivative of ln Γ, for positive x: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 6, then the
    /// asymptotic series (error below 10⁻¹³ there).
    static func digamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return .nan }
        var x = x, result = 0.0
        while x < 6 {
            result -= 1 / x
            x += 1
        }
        let inverse = 1 / x, square = inverse * inverse
        let series = square * (1.0 / 12 - square * (1.0 / 120 - square * (1.0 / 252 - square * (1.0 / 240 - square / 132))))
        return result + log(x) - 0.5 * inverse - series
    }
}
