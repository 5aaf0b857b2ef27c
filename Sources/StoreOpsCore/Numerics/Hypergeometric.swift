/// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, by its power series. Callers pick the form whose
/// series converges fast (BG/NBD's conditional expectation uses Euler's transformation for that). Bounded: nil when
/// the series has not converged within `maxTerms` terms, a term is not finite, or c is a non-positive integer.
public enum Hypergeometric {
    public static let maxTerms = 200_000

    public static func f21(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        // c may be negative (BG/NBD's a + b + x − 1 for a one-time buyer when a + b < 1), but not 0, −1, −2 …
        guard z >= 0, z < 1, c.isFinite, !(c <= 0 && c == c.rounded()) else { return nil }
        var term = 1.0, sum = 1.0
        for n in 0..<maxTerms {
            let k = Double(n)
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            sum += term
            guard term.isFinite, sum.isFinite else { return nil }
            if abs(term) <= 1e-17 * abs(sum) { return sum }
        }
        return nil
    }
}
