import Foundation
import StoreOpsCore

/// The predicted-value part of the customer report: the summary rows and notes (text and HTML), the JSON object, and
/// each customer's prediction columns.
extension CustomerReportRenderer {
    /// A figure with `digits` decimals ("—" for nil or a value that is not finite).
    static func decimal(_ value: Double?, _ digits: Int) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.\(digits)f", value)
    }

    /// A model parameter to four significant digits.
    static func significant(_ value: Double) -> String { String(format: "%.4g", value) }

    /// A relative error as a signed percentage with one decimal.
    static func signedPercent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%+.1f%%", value * 100)
    }

    /// Why there is no forecast, in the reader's language.
    static func forecastNote(_ gap: CustomerForecast.Gap, _ l: Language) -> String {
        switch gap {
        case .shortHistory(let days):
            l.pick("订单历史只有 \(days) 天：预测客户价值需要至少 \(CustomerForecast.minimumHistory) 天（其中四分之一留作验证），导入更早的订单导出后再看。",
                   "The order history spans \(days) days: predicting customer value needs at least \(CustomerForecast.minimumHistory) (a quarter is held out to check it); import older order exports.")
        case .noRepeatBuyers:
            l.pick("还没有客户在两个不同的日子购买过：没有复购就无法预测客户价值。",
                   "No customer has bought on two different days yet: without repeat purchases there is nothing to predict customer value from.")
        case .noFit:
            l.pick("购买模型在这些数据上没有可用的拟合（最优解落在模型边界，如“没有客户流失”，加小惩罚也一样），不给出预测。",
                   "The purchase model has no usable fit on this data (its optimum lies at the model's edge, such as nobody ever "
                       + "leaving, even with a small penalty), so no prediction is given.")
        }
    }

    /// The forecast's summary rows: totals over the customers, the check on held-out days, and the models.
    static func forecastRows(_ report: CustomerReport, _ forecast: CustomerForecast, _ l: Language) -> [(String, String)] {
        let h = forecast.holdout, horizon = CustomerForecast.horizon
        let purchases = forecast.totalPurchases, value = forecast.totalValueMinor
        let alive = forecast.predictions.filter { $0.probabilityAlive >= 0.5 }.count
        let m = forecast.purchaseModel
        var rows = [
            (l.pick("未来 \(horizon) 天预测成交额", "Predicted spend, next \(horizon) days"), amount(report, value)),
            (l.pick("未来 \(horizon) 天预测购买日", "Predicted purchase days, next \(horizon) days"), decimal(purchases, 1)),
            (l.pick("可能仍活跃的客户（存活概率 ≥ 50%）", "Customers likely still active (P(alive) ≥ 50%)"), String(alive)),
            (l.pick("验证：截至 \(h.calibrationEnd.iso) 拟合，预测其后 \(h.days) 天的购买日", "Check: fitted up to \(h.calibrationEnd.iso), purchase days of the \(h.days) days after"),
             l.pick("预测 \(decimal(h.predictedPurchases, 1))，实际 \(h.actualPurchases)（误差 \(signedPercent(h.purchaseError))）",
                    "predicted \(decimal(h.predictedPurchases, 1)), actual \(h.actualPurchases) (error \(signedPercent(h.purchaseError)))")),
            (l.pick("验证：其后 \(h.days) 天的成交额", "Check: spend of the \(h.days) days after"),
             l.pick("预测 \(amount(report, h.predictedValueMinor))，实际 \(amount(report, h.actualValueMinor))（误差 \(signedPercent(h.valueError))）",
                    "predicted \(amount(report, h.predictedValueMinor)), actual \(amount(report, h.actualValueMinor)) (error \(signedPercent(h.valueError)))")),
            (l.pick("验证：每位客户购买日的平均绝对误差", "Check: mean absolute error of purchase days per customer"), decimal(h.meanAbsoluteError, 3)),
            (l.pick("购买模型 BG/NBD（α 以天计）", "Purchase model BG/NBD (α in days)"),
             "r=\(significant(m.r)) α=\(significant(m.alpha)) a=\(significant(m.a)) b=\(significant(m.b))" + penalty(forecast.purchasePenalty, l)),
        ]
        let spend = forecast.spendModel.map {
            "p=\(significant($0.p)) q=\(significant($0.q)) v=\(significant($0.v))" + penalty(forecast.spendPenalty ?? 0, l)
        }
        rows.append((l.pick("客单模型 Gamma-Gamma（v 以最小货币单位计）", "Spend model Gamma-Gamma (v in minor units)"),
                     spend ?? l.pick("未拟合（复购客户太少），无预测金额", "not fitted (too few repeat customers): no predicted amounts")))
        return rows
    }

    /// The note on a fit that needed a penalty ("" without one).
    static func penalty(_ value: Double, _ l: Language) -> String {
        guard value > 0 else { return "" }
        return l.pick("（数据难以确定参数，加了 \(value) 的 L2 惩罚）", " (the data pin the parameters down poorly: L2 penalty \(value))")
    }

    /// The forecast as JSON: the totals, models and holdout check, or the gap.
    static func forecastJSON(_ report: CustomerReport) -> JSONValue {
        func money(_ minor: Int64?) -> JSONValue { minor.map { .string(report.money($0).decimalString) } ?? .null }
        func number(_ value: Double?, _ digits: Int) -> JSONValue {
            guard let value, value.isFinite else { return .null }
            return .number(String(format: "%.\(digits)f", value))
        }
        // Model parameters span many magnitudes (a = 2e-5 beside b = 16,000): significant digits, not decimals.
        func parameter(_ value: Double) -> JSONValue { value.isFinite ? .number(String(format: "%.8g", value)) : .null }
        switch report.analysis.forecast {
        case .failure(let gap):
            switch gap {
            case .shortHistory(let days): return .object([("gap", .string("short_history")), ("history_days", .int(days)),
                                                          ("needed_days", .int(CustomerForecast.minimumHistory))])
            case .noRepeatBuyers: return .object([("gap", .string("no_repeat_buyers"))])
            case .noFit: return .object([("gap", .string("no_fit"))])
            }
        case .success(let f):
            let h = f.holdout, m = f.purchaseModel
            return .object([
                ("horizon_days", .int(CustomerForecast.horizon)),
                ("predicted_purchases", number(f.totalPurchases, 2)),
                ("predicted_value", money(f.totalValueMinor)),
                ("purchase_model", .object([("r", parameter(m.r)), ("alpha", parameter(m.alpha)), ("a", parameter(m.a)), ("b", parameter(m.b)),
                                            ("penalty", number(f.purchasePenalty, 4))])),
                ("spend_model", f.spendModel.map { .object([("p", parameter($0.p)), ("q", parameter($0.q)), ("v", parameter($0.v)),
                                                             ("penalty", number(f.spendPenalty, 4))]) } ?? .null),
                ("holdout", .object([
                    ("calibration_end", .string(h.calibrationEnd.iso)), ("days", .int(h.days)), ("customers", .int(h.customers)),
                    ("predicted_purchases", number(h.predictedPurchases, 2)), ("actual_purchases", .int(h.actualPurchases)),
                    ("purchase_error", number(h.purchaseError, 4)), ("predicted_value", money(h.predictedValueMinor)),
                    ("actual_value", money(h.actualValueMinor)), ("value_error", number(h.valueError, 4)),
                    ("mean_absolute_error", number(h.meanAbsoluteError, 4)),
                ])),
            ])
        }
    }

    /// The prediction of the customer at `index` of the analysis: P(alive), purchase days and value over the horizon
    /// as strings ("" when unknown), for the JSON, CSV and XLSX lists.
    static func prediction(_ report: CustomerReport, at index: Int) -> (alive: String, purchases: String, value: String) {
        guard case .success(let f) = report.analysis.forecast, index < f.predictions.count else { return ("", "", "") }
        let p = f.predictions[index]
        return (String(format: "%.4f", p.probabilityAlive), p.purchases.map { String(format: "%.4f", $0) } ?? "",
                p.valueMinor.map { report.money($0).decimalString } ?? "")
    }
}
