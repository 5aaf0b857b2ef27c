import Foundation

extension Double {
    /// ln Γ(x) for positive x, by the C library (the overload returning the sign as well is not wanted here).
    static func logGamma(_ x: Double) -> Double {
        let function: (Double) -> Double = lgamma
        return function(x)
    }
}
