import Foundation

/// After-sales (domain guide §9): refunds waiting on the seller past or near their deadline (the platform refunds
/// automatically, and counts it against the store, when the seller does not answer), SKUs whose refund rate over the
/// after-sales window is above twice the store's, and open complaints with their penalty points and deadlines.
public struct AfterSalesCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        waitingRefunds(input, settings) + skuRefundRates(input, settings) + complaints(input, settings)
    }

    func waitingRefunds(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let soon = Int64(settings.refundDueSoonHours) * 3600
        return input.refunds.filter { $0.status == .waitingSeller }.sorted { ($0.requestedAt, $0.id) < ($1.requestedAt, $1.id) }.compactMap { refund in
            guard let due = refund.dueAt, due.seconds - input.now.seconds <= soon, refund.requestedAt <= input.now else { return nil }
            let overdue = due <= input.now
            let ageHours = (input.now.seconds - refund.requestedAt.seconds) / 3600
            let left = (due.seconds - input.now.seconds) / 3600
            return Finding(
                check: overdue ? .refundOverdue : .refundDueSoon, severity: overdue ? .critical : .warning, subject: refund.id, atStake: refund.amount,
                evidence: [Evidence("order_id", .text(refund.orderID)), Evidence("kind", .text(refund.kind.rawValue)), Evidence("reason", .text(refund.reason)),
                           Evidence("amount", .money(refund.amount)), Evidence("requested_at", .instant(refund.requestedAt)),
                           Evidence("due_at", .instant(due)), Evidence("age_hours", .count(ageHours))],
                adviceZh: overdue ? "退款 \(refund.id)（\(refund.reason)）已超过处理时限 \((input.now.seconds - due.seconds) / 3600) 小时：立即处理，超时会被平台自动退款并计入纠纷率。"
                                  : "退款 \(refund.id)（\(refund.reason)）将在 \(left) 小时内超时：今天处理（同意、拒绝并说明理由，或联系买家）。",
                adviceEn: overdue ? "Refund \(refund.id) (\(refund.reason)) is \((input.now.seconds - due.seconds) / 3600) h past its deadline: handle it now; the platform refunds it automatically and counts it as a dispute."
                                  : "Refund \(refund.id) (\(refund.reason)) is due within \(left) h: handle it today (accept, reject with a reason, or contact the buyer).",
                role: .service)
        }
    }

    func skuRefundRates(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let since = input.day.adding(days: -(settings.afterSalesWindowDays - 1))
        var bySKU: [String: (count: Int64, amount: Money, reasons: [String: Int])] = [:]
        let zero = Money.zero(input.store.currency)
        var total: Int64 = 0
        for refund in input.refunds {
            let day = input.store.timeZone.day(of: refund.requestedAt)
            guard day >= since, day <= input.day, refund.status != .closed, let sku = refund.skuID else { continue }
            total += 1
            var entry = bySKU[sku] ?? (0, zero, [:])
            entry.count += 1
            entry.amount += refund.amount
            entry.reasons[refund.reason, default: 0] += 1
            bySKU[sku] = entry
        }
        let units = Int64(input.afterSalesUnitsBySKU.values.reduce(0, +))
        guard units > 0, total > 0 else { return [] }
        let store = Ratio(total, units)
        // Every SKU sold in the window could have shown a high rate by chance.
        let tested = input.afterSalesUnitsBySKU.count
        let alpha = (settings.skuRefundSignificance.value ?? 0.05) / Double(max(1, tested))
        return bySKU.keys.sorted().compactMap { sku in
            let entry = bySKU[sku]!
            let sold = Int64(input.afterSalesUnitsBySKU[sku] ?? 0)
            guard entry.count >= Int64(settings.skuRefundMinRefunds), sold > 0 else { return nil }
            let rate = Ratio(entry.count, sold)
            // rate > factor x store  <=>  count * units * factor.den > factor.num * total * sold (exact).
            let factor = settings.skuRefundRateFactor
            guard entry.count * units * factor.denominator > factor.numerator * total * sold else { return nil }
            let p = Self.poissonTail(atLeast: entry.count, mean: Double(total) * Double(sold) / Double(units))
            guard p < alpha else { return nil }
            let topReason = entry.reasons.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            return Finding(
                check: .skuRefundRate, severity: .warning, subject: sku, atStake: entry.amount,
                evidence: [Evidence("refunds", .count(entry.count)), Evidence("units_sold", .count(sold)), Evidence("refund_rate", .rate(rate)),
                           Evidence("store_refund_rate", .rate(store)), Evidence("refund_amount", .money(entry.amount)),
                           Evidence("top_reason", .text(topReason)), Evidence("chance_at_store_rate", .text(Self.scientific(p))), Evidence("window_days", .count(Int64(settings.afterSalesWindowDays)))],
                adviceZh: "SKU \(sku) 近 \(settings.afterSalesWindowDays) 天退款率 \(rate.percentString)，是全店 \(store.percentString) 的两倍以上，主要原因「\(topReason)」：抽检库存、核对详情页描述和尺码表，必要时暂停推广。",
                adviceEn: "SKU \(sku) has a \(rate.percentString) refund rate over \(settings.afterSalesWindowDays) days, over twice the store's \(store.percentString), mostly \"\(topReason)\": inspect the stock, check the description and size chart, pause its ads if needed.",
                role: .operator)
        }
    }

    /// P(X >= k) for X ~ Poisson(mean).
    static func poissonTail(atLeast k: Int64, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        var term = exp(-mean), below = 0.0
        for i in 0..<k {
            below += term
            term *= mean / Double(i + 1)
        }
        return max(0, 1 - below)
    }

    /// A small probability in two significant digits ("3.1e-05").
    static func scientific(_ p: Double) -> String {
        guard p > 0 else { return "0" }
        var exponent = 0, m = p
        while m < 1 { m *= 10; exponent -= 1 }
        var digits = Int((m * 10).rounded())
        if digits >= 100 { digits /= 10; exponent += 1 }
        return "\(digits / 10).\(digits % 10)e\(exponent)"
    }

    func complaints(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let soon = Int64(settings.complaintDueSoonHours) * 3600
        return input.openComplaints.filter { !$0.resolved && $0.openedAt <= input.now }.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }.map { c in
            let left = c.dueAt.map { ($0.seconds - input.now.seconds) / 3600 }
            let urgent = c.penaltyPoints > 0 || (c.dueAt.map { $0.seconds - input.now.seconds <= soon } ?? false)
            return Finding(
                check: .complaint, severity: urgent ? .critical : .warning, subject: c.id, atStake: c.orderID.flatMap { input.orderAmounts[$0] },
                evidence: [Evidence("kind", .text(c.kind)), Evidence("order_id", .text(c.orderID ?? "")), Evidence("penalty_points", .count(Int64(c.penaltyPoints))),
                           Evidence("opened_at", .instant(c.openedAt))] + (c.dueAt.map { [Evidence("due_at", .instant($0))] } ?? []),
                adviceZh: "投诉 \(c.id)（\(c.kind)）未处理" + (c.penaltyPoints > 0 ? "，涉及扣 \(c.penaltyPoints) 分" : "")
                    + (left.map { $0 >= 0 ? "，\($0) 小时内截止" : "，已超过截止时间" } ?? "") + "：联系买家协商并在截止前提交凭证申诉。",
                adviceEn: "Complaint \(c.id) (\(c.kind)) is open" + (c.penaltyPoints > 0 ? ", \(c.penaltyPoints) penalty point(s) at stake" : "")
                    + (left.map { $0 >= 0 ? ", due within \($0) h" : ", past its deadline" } ?? "") + ": settle with the buyer and file evidence before the deadline.",
                role: .service)
        }
    }
}
