/// Unconstrained minimisation of a smooth function of a few variables, as the customer models' maximum-likelihood
/// fits need it: BFGS with central-difference gradients and a backtracking line search. Bounded: at most
/// `maxIterations` steps of at most 60 halvings each, so a hostile function cannot make it loop.
public enum Minimizer {
    /// Where a minimisation ended.
    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        /// The largest absolute component of the gradient at `x`.
        public var gradientNorm: Double
        public var iterations: Int
    }

    /// Minimises `f` from `start`; stops once every gradient component is below `tolerance` in absolute value, when
    /// no step lowers `f` any more, or when five steps in a row lower it by less than 10⁻¹⁰ of its value (a flat
    /// ridge, where the data do not pin a parameter down). Nil when `f` is not finite at the start or the end is not a minimum to
    /// `acceptable` (the gradient still large): the caller treats the fit as failed. A non-finite value at a trial
    /// point counts as a rise, so `f` may return infinity or NaN outside its domain. Also nil once a coordinate
    /// leaves ±`bound`: the minimum is at infinity (for log-parameters, a parameter running off to 0 or infinity).
    /// `gradient` computes the gradient exactly when given (else central differences, 2n evaluations of `f`).
    public static func bfgs(start: [Double], tolerance: Double = 1e-9, acceptable: Double = 1e-5, bound: Double = 25,
                            maxIterations: Int = 400, gradient exact: (([Double]) -> [Double])? = nil,
                            _ f: ([Double]) -> Double) -> Result? {
        let n = start.count
        var x = start, value = f(x)
        guard n > 0, value.isFinite else { return nil }
        func gradientAt(_ x: [Double]) -> [Double] { exact?(x) ?? Self.gradient(f, at: x) }
        var gradient = gradientAt(x)
        // The inverse Hessian estimate, row-major; the identity to begin with.
        var h = [Double](repeating: 0, count: n * n)
        for i in 0..<n { h[i * n + i] = 1 }
        var iterations = 0, stalled = 0
        while iterations < maxIterations, norm(gradient) > tolerance, norm(gradient).isFinite {
            iterations += 1
            var direction = (0..<n).map { i in -(0..<n).reduce(0.0) { $0 + h[i * n + $1] * gradient[$1] } }
            var slope = zip(direction, gradient).reduce(0.0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                // Not a descent direction (the estimate went bad): start again from steepest descent.
                for i in 0..<(n * n) { h[i] = i % (n + 1) == 0 ? 1 : 0 }
                direction = gradient.map { -$0 }
                slope = -gradient.reduce(0.0) { $0 + $1 * $1 }
            }
            // Armijo backtracking from the full step.
            var step = 1.0, next = x, nextValue = Double.infinity, halvings = 0
            while halvings < 60 {
                next = zip(x, direction).map { $0 + step * $1 }
                nextValue = f(next)
                if nextValue.isFinite, nextValue <= value + 1e-4 * step * slope { break }
                step /= 2
                halvings += 1
            }
            guard halvings < 60, nextValue < value || (nextValue == value && step * norm(direction) < 1e-14) else { break }
            let nextGradient = gradientAt(next)
            let s = zip(next, x).map { $0 - $1 }, y = zip(nextGradient, gradient).map { $0 - $1 }
            let sy = zip(s, y).reduce(0.0) { $0 + $1.0 * $1.1 }
            guard next.allSatisfy({ abs($0) <= bound }) else { return nil }
            stalled = value - nextValue <= 1e-10 * max(1, abs(value)) ? stalled + 1 : 0
            x = next
            value = nextValue
            gradient = nextGradient
            if stalled >= 5 { break }
            guard sy > 1e-16 else { continue }
            // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, with ρ = 1 / yᵀs.
            let rho = 1 / sy
            let hy = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + h[i * n + $1] * y[$1] } }
            let yhy = zip(y, hy).reduce(0.0) { $0 + $1.0 * $1.1 }
            for i in 0..<n {
                for j in 0..<n {
                    h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
                }
            }
        }
        let size = norm(gradient)
        guard value.isFinite, size.isFinite, size <= acceptable else { return nil }
        return Result(x: x, value: value, gradientNorm: size, iterations: iterations)
    }

    /// Central differences, with steps scaled to each coordinate.
    static func gradient(_ f: ([Double]) -> Double, at x: [Double]) -> [Double] {
        x.indices.map { i in
            let h = 1e-5 * max(1, abs(x[i]))
            var up = x, down = x
            up[i] += h
            down[i] -= h
            return (f(up) - f(down)) / (2 * h)
        }
    }

    static func norm(_ v: [Double]) -> Double { v.contains { !$0.isFinite } ? .infinity : v.reduce(0) { max($0, abs($1)) } }
}
