import StoreOpsCore

/// The "why" in sentences an operator would say, e.g. "GMV 12.0% below plan: visitors -18.0% (手淘搜索 -2,100,
/// 直通车 -900), conversion +3.0%, AOV flat." followed by the items and ads that moved.
public enum BriefingNarrative {
    public static func text(target: TargetPacing?, why: WhyAnalysis?, currency: Currency, language l: Language) -> String {
        var sentences: [String] = []
        func money(_ minor: Int64) -> String { Money(minor: minor, currency: currency).groupedString }
        func signed(_ minor: Int64) -> String { (minor > 0 ? "+" : "") + money(minor) }
        func count(_ n: Int64) -> String { (n > 0 ? "+" : "") + Money(minor: n, currency: Currency("JPY")).groupedString }

        var opening: String
        if let target, let actual = target.dayActual, target.dayTarget > 0 {
            let gap = percent(Double(actual - target.dayTarget) / Double(target.dayTarget))
            opening = actual >= target.dayTarget
                ? l.pick("支付金额超出计划 \(gap)", "GMV \(gap) above plan")
                : l.pick("支付金额低于计划 \(gap)", "GMV \(gap) below plan")
        } else if let why, why.before.gmv > 0 {
            let change = percent(Double(why.after.gmv - why.before.gmv) / Double(why.before.gmv), signed: true)
            opening = l.pick("支付金额较\(baselineName(why, l)) \(change)", "GMV \(change) vs \(baselineName(why, l))")
        } else {
            opening = ""
        }
        if let why, why.before.visitors > 0, why.before.buyers > 0 {
            let visitors = relative(Double(why.after.visitors), Double(why.before.visitors))
            let cr0 = Double(why.before.buyers) / Double(why.before.visitors), cr1 = Double(why.after.buyers) / Double(max(1, why.after.visitors))
            let aov0 = Double(why.before.gmv) / Double(why.before.buyers), aov1 = Double(why.after.gmv) / Double(max(1, why.after.buyers))
            let topSources = why.bySource.prefix(2).filter { $0.visitorsChange != 0 }.map { "\($0.source) \(count($0.visitorsChange))" }
            let sourceText = topSources.isEmpty ? "" : " (" + topSources.joined(separator: l.pick("，", ", ")) + ")"
            let factors = l.pick("访客 \(visitors)\(sourceText)，转化率 \(relative(cr1, cr0))，客单价 \(relative(aov1, aov0))",
                                 "visitors \(visitors)\(sourceText), conversion \(relative(cr1, cr0)), AOV \(relative(aov1, aov0))")
            opening = opening.isEmpty ? factors : opening + l.pick("：", ": ") + factors
        }
        if !opening.isEmpty { sentences.append(opening + l.pick("。", ".")) }

        if let target {
            sentences.append(l.pick(
                "本月累计 \(money(target.mtdActual)) / \(money(target.mtdTarget))（\(percent(Double(target.mtdActual) / Double(max(1, target.mtdTarget)), plain: true))），预计月末 \(money(target.projection))" + (target.neededPerDay.map { "，剩余每天需 \(money($0))" } ?? "") + "。",
                "Month to date \(money(target.mtdActual)) of \(money(target.mtdTarget)) (\(percent(Double(target.mtdActual) / Double(max(1, target.mtdTarget)), plain: true))), month-end projection \(money(target.projection))" + (target.neededPerDay.map { ", \(money($0)) needed per remaining day" } ?? "") + "."))
        }
        if let why {
            sentences.append(l.pick("拆解（合计 \(signed(why.parts.change))）：访客 \(signed(why.parts.visitors))，转化率 \(signed(why.parts.conversion))，客单价 \(signed(why.parts.aov))。",
                                    "Split (total \(signed(why.parts.change))): visitors \(signed(why.parts.visitors)), conversion \(signed(why.parts.conversion)), AOV \(signed(why.parts.aov))."))
            let falls = why.byItem.filter { $0.gmvChange < 0 }.prefix(3)
            if !falls.isEmpty {
                let list = falls.map { item in
                    "\(short(item.title)) \(signed(item.gmvChange))" + (item.soldOut ? l.pick("（已售罄）", " (sold out)") : "")
                }.joined(separator: l.pick("；", "; "))
                sentences.append(l.pick("跌得最多的商品：\(list)。", "Items that fell most: \(list)."))
            }
            if let spend = why.adSpendChange, let before = why.roasBefore?.decimalString(digits: 2), let after = why.roasAfter?.decimalString(digits: 2) {
                sentences.append(l.pick("推广花费 \(signed(spend))，投入产出比 \(before) → \(after)。", "Ad spend \(signed(spend)), ROAS \(before) → \(after)."))
            }
        }
        return sentences.joined(separator: l == .zh ? "" : " ")
    }

    static func baselineName(_ why: WhyAnalysis, _ l: Language) -> String {
        switch why.baseline {
        case .lastWeek: l.pick("上周同日", "the same day last week")
        case .trailing7: l.pick("前7天平均", "the 7-day average")
        case .day(let d): d.iso
        }
    }

    /// A change as a signed percentage with one decimal, "flat" (持平) under half a percent.
    static func relative(_ after: Double, _ before: Double) -> String {
        guard before > 0 else { return "—" }
        let change = (after - before) / before
        if abs(change) < 0.005 { return "±0%" }
        return percent(change, signed: true)
    }

    static func percent(_ value: Double, signed: Bool = false, plain: Bool = false) -> String {
        let tenths = Int64((abs(value) * 1000).rounded())
        let text = Money.decimalString(minor: tenths, digits: 1) + "%"
        if plain { return Money.decimalString(minor: Int64((value * 1000).rounded()), digits: 1) + "%" }
        return signed ? (value < 0 ? "-" : "+") + text : text
    }

    /// A title cut to 16 characters.
    static func short(_ title: String) -> String { title.count > 16 ? String(title.prefix(16)) + "…" : title }
}
