import Foundation
import StoreOpsCore

/// The `lifetimes` package's summary and its BG/NBD and Gamma-Gamma fits (`scripts/lib/lifetimes_*.py`), run by the Python of the
/// benchmark environment that `.ci/run` makes (`STOREOPS_BENCH_VENV`, default /tmp/storeops-bench-venv), for the
/// tests that compare StoreOps' own fits with them.
public enum LifetimesReference {
    static let python = BenchPython.path

    /// Whether that Python is there with `lifetimes` installed.
    public static let isAvailable = BenchPython.canImport("lifetimes")

    /// `lifetimes`' fitted parameters on `customers`: BG/NBD (r, α, a, b) with α in days, and Gamma-Gamma (p, q, v)
    /// on the monetary values in major units with `digits` decimals (as the JSON report lists them).
    public static func fit(_ customers: [CustomerRFM], digits: Int) async throws -> (bg: BetaGeoModel, gg: GammaGammaModel) {
        let input = customers.map { c in "\(c.frequency),\(c.recency),\(c.tenure),\(monetary(c, digits: digits))\n" }.joined()
        let lines = try await RFMReference.run(python: python, script: "lifetimes_fit.py", [], input: input, sorted: false)
        let numbers = lines.map { $0.split(separator: ",").compactMap { Double($0) } }
        guard numbers.count == 2, numbers[0].count == 4, numbers[1].count == 3 else { throw CocoaError(.fileReadCorruptFile) }
        return (BetaGeoModel(r: numbers[0][0], alpha: numbers[0][1], a: numbers[0][2], b: numbers[0][3]),
                GammaGammaModel(p: numbers[1][0], q: numbers[1][1], v: numbers[1][2]))
    }

    /// `lifetimes`' own `summary_data_from_transaction_data` of `purchases` at `end` (`scripts/lib/lifetimes_summary.py`):
    /// lines "customer,frequency,recency,T,monetary_value" (minor units, six decimals) in the order Python sorts the
    /// customers' UTF-8 bytes.
    public static func summaries(of purchases: [Purchase], through end: Day) async throws -> [String] {
        let input = purchases.map { "\($0.customer),\($0.day.iso),\($0.amountMinor)\n" }.joined()
        return try await RFMReference.run(python: python, script: "lifetimes_summary.py", [end.iso], input: input, sorted: false)
    }

    /// The monetary value in major units, as a Double: the repeat total over the frequency.
    public static func monetary(_ c: CustomerRFM, digits: Int) -> Double {
        (c.monetaryValue ?? 0) / pow(10, Double(digits))
    }
}
