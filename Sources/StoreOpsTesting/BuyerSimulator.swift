import Foundation
import StoreOpsCore

/// Purchases of customers who behave as the BG/NBD and Gamma-Gamma models assume, from a fixed seed (the same data
/// on every run and machine): each customer starts on a random day, buys at a Gamma-distributed daily rate until
/// they leave (with a Beta-distributed probability after each purchase), and spends Gamma amounts around their own
/// Gamma-distributed mean. For the customer model tests, which compare fits with `lifetimes` on this data.
public struct BuyerSimulator {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// `customers` histories between `start` and `start + days - 1`.
    public mutating func purchases(customers: Int, from start: Day, days: Int) -> [Purchase] {
        var out: [Purchase] = []
        for customer in 0..<customers {
            let rate = gamma(0.8) / 40, leave = beta(0.7, 3), meanScale = gamma(4) / 150
            let first = Int(uniform() * Double(days - 30))
            var t = 0.0, day = first
            while true {
                let amount = max(1, Int64((gamma(6) / meanScale * 100).rounded()))
                out.append(Purchase(customer: "c\(customer)", day: start.adding(days: day), amountMinor: amount))
                if day > first, uniform() < leave { break }
                t += -log(1 - uniform()) / rate
                day = first + Int(t)
                guard day < days else { break }
            }
        }
        return out
    }

    /// Uniform on [0, 1), from a 64-bit linear congruential generator.
    mutating func uniform() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }

    /// Standard normal, by Box-Muller.
    mutating func normal() -> Double {
        let u = 1 - uniform(), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Gamma(shape, 1), by Marsaglia and Tsang (boosted below shape 1).
    mutating func gamma(_ shape: Double) -> Double {
        if shape < 1 { return gamma(shape + 1) * pow(1 - uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal(), v = pow(1 + c * x, 3)
            guard v > 0 else { continue }
            if log(1 - uniform()) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(a)
        return x / (x + gamma(b))
    }
}
