/// One row of the master table: every field of domain guide §3 for one store-day, derived from the stored
/// aggregates and the store's cost settings. Pure: the same facts always give the same row.
public struct MasterTableRow: Hashable, Sendable {
    public let store: StoreID
    public let day: Day
    public let currency: Currency
    /// Values by field; a field with no data is `.noData`.
    public let values: [MasterField: MetricValue]
    /// Paid units whose SKU had no cost that day (COGS covers the rest), and their share of GMV.
    public let costMissingUnits: Int64
    public let costMissingValue: Money
    /// Why each field without a value has none.
    public let gaps: [MasterField: DataGap]

    /// Derives the row of `facts`; `costs` are the store's settings (nil: none set, so shipping, fees and
    /// profit are "no data").
    public init(facts: DailyFacts, costs: CostSettings?) {
        store = facts.store
        day = facts.day
        currency = facts.currency
        let zero = Money.zero(facts.currency)
        var v: [MasterField: MetricValue] = [:]
        for field in MasterField.allCases { v[field] = MetricValue.noData }

        let sales = facts.sales
        if let s = sales {
            v[.gmv] = .money(s.gmv)
            v[.paidOrders] = .count(s.paidOrders)
            if let buyers = s.buyers {
                v[.buyers] = .count(buyers)
                if buyers > 0 { v[.aov] = .money(Money(minor: Money.divideRounded(s.gmv.minor, by: buyers), currency: s.gmv.currency)) }
            }
            if let units = s.units { v[.units] = .count(units) }
            // New and returning buyers need every paid order's buyer: with buyers unknown, so are they.
            if s.buyers != nil, let c = facts.customers {
                v[.newBuyers] = .count(Int64(c.newBuyers))
                v[.returningBuyers] = .count(Int64(c.returningBuyers))
                if let gmv = c.newGMVMinor { v[.newBuyerGMV] = .money(Money(minor: gmv, currency: facts.currency)) }
                if let gmv = c.returningGMVMinor { v[.returningBuyerGMV] = .money(Money(minor: gmv, currency: facts.currency)) }
                v[.returningBuyerShare] = .rate(Ratio(Int64(c.returningBuyers), Int64(c.newBuyers + c.returningBuyers)))
            }
        }
        if let t = facts.traffic {
            v[.visitors] = .count(t.visitors)
            v[.pageViews] = .count(t.pageViews)
            v[.visitDepth] = .rate(Ratio(t.pageViews, t.visitors))
            if let bounced = t.bouncedVisitors { v[.bounceRate] = .rate(Ratio(bounced, t.visitors)) }
            if let s = sales {
                if let buyers = s.buyers { v[.conversionRate] = .rate(Ratio(buyers, t.visitors)) }
                if t.visitors > 0 {
                    v[.uvValue] = .money(Money(minor: Money.divideRounded(s.gmv.minor, by: t.visitors), currency: s.gmv.currency))
                }
            }
        }

        var adTotal: AdTotals?
        if let ads = facts.ads {
            var total = AdTotals.zero(facts.currency)
            for channel in AdChannel.allCases {
                let totals = ads[channel] ?? .zero(facts.currency)
                v[.adSpend(channel)] = .money(totals.spend)
                v[.roas(channel)] = .rate(totals.roas)
                total = total + totals
            }
            adTotal = total
            v[.adSpendTotal] = .money(total.spend)
            v[.roas] = .rate(total.roas)
            if let s = sales { v[.adShare] = .rate(Ratio(total.spend.minor, s.gmv.minor)) }
        }

        if let commission = facts.affiliateCommission { v[.affiliateCommission] = .money(commission) }
        if let live = facts.live {
            v[.liveViewers] = .count(live.viewers)
            v[.liveGMV] = .money(live.gmv)
        }
        if let r = facts.refunds {
            v[.refundAmountByOrderDay] = .money(r.amountByOrderDay)
            if let amount = r.amount {
                v[.refundAmount] = .money(amount)
                if let s = sales { v[.refundRate] = .rate(Ratio(amount.minor, s.gmv.minor)) }
            }
            if let orders = r.orders { v[.refundOrders] = .count(orders) }
        }

        // Profit: COGS needs the units known and at least one costed unit (or no units at all); shipping and fees need
        // settings.
        if let s = sales {
            let cogsKnown = s.units.map { $0 == 0 || s.costMissingUnits < $0 } ?? false
            if cogsKnown { v[.cogs] = .money(s.cogs) }
            if let costs {
                let shipping = costs.shippingCost(orders: s.paidOrders, bands: s.shippingBands, currency: facts.currency)
                if let shipping { v[.shippingCost] = .money(shipping) }
                let fees = s.gmv.applying(ppm: costs.commissionPPM) + s.gmv.applying(ppm: costs.paymentFeePPM)
                v[.platformFees] = .money(fees)
                if cogsKnown, let shipping {
                    let gross = s.gmv - s.cogs - shipping - fees
                    v[.grossProfit] = .money(gross)
                    // Break-even ROAS (保本ROI) = 1 / gross margin rate = GMV / gross profit; none without a margin.
                    if gross.minor > 0 { v[.breakEvenROAS] = .rate(Ratio(s.gmv.minor, gross.minor)) }
                    // Absent ads, affiliate or refund data count as none spent; absent cost data makes profit unknown, and so
                    // do refunds that may have completed on the day without a date (by refund day unknown).
                    if let notReturned = facts.refunds.map({ $0.notReturnedToStock }) ?? zero {
                        let net = gross - (adTotal?.spend ?? zero) - (facts.affiliateCommission ?? zero)
                            - notReturned - (costs.otherDailyCost ?? zero)
                        v[.netProfit] = .money(net)
                    }
                }
            }
        }

        if let d = facts.dsr {
            v[.dsrDescription] = .score(d.description)
            v[.dsrService] = .score(d.service)
            v[.dsrLogistics] = .score(d.logistics)
            if let p = facts.previousDSR {
                v[.dsrDescriptionChange] = .score(d.description - p.description)
                v[.dsrServiceChange] = .score(d.service - p.service)
                v[.dsrLogisticsChange] = .score(d.logistics - p.logistics)
            }
        }
        values = v
        costMissingUnits = sales?.costMissingUnits ?? 0
        costMissingValue = sales?.costMissingValue ?? zero
        var gaps: [MasterField: DataGap] = [:]
        for field in MasterField.allCases where !(v[field]?.hasData ?? false) {
            gaps[field] = MasterTableRow.gap(of: field, facts: facts, costs: costs, values: v)
        }
        self.gaps = gaps
    }

    /// The first missing input, in the order the figure needs them, of a field without a value.
    static func gap(of field: MasterField, facts: DailyFacts, costs: CostSettings?, values: [MasterField: MetricValue]) -> DataGap {
        let s = facts.sales
        let sales: DataGap? = s == nil ? .noOrders : nil
        let buyers: DataGap? = sales ?? (s?.buyers == nil ? .noBuyers : nil)
        let units: DataGap? = sales ?? (s?.units == nil ? .noUnits : nil)
        let traffic: DataGap? = facts.traffic == nil ? .noTraffic : nil
        let ads: DataGap? = facts.ads == nil ? .noAds : nil
        let settings: DataGap? = costs == nil ? .noCostSettings : nil
        let undated: DataGap? = facts.refunds?.amount == nil && facts.refunds != nil ? .undatedRefunds : nil
        let refunds: DataGap? = facts.refunds == nil ? .noRefunds : undated
        let cogs: DataGap? = values[.cogs] == .noData ? units ?? .noUnitCosts : nil
        let shipping: DataGap? = values[.shippingCost] == .noData ? .noCostSettings : nil
        let found: DataGap? = switch field {
        case .gmv, .paidOrders, .platformFees: sales ?? settings
        case .buyers: buyers
        case .units: units
        case .aov: buyers
        case .newBuyers, .returningBuyers, .newBuyerGMV, .returningBuyerGMV, .returningBuyerShare:
            buyers ?? (facts.customers == nil ? .noCustomerHistory : nil)
        case .visitors, .pageViews, .visitDepth: traffic
        case .bounceRate: traffic ?? .noBounceRate
        case .conversionRate: buyers ?? traffic
        case .uvValue: sales ?? traffic
        case .adSpendZtc, .adSpendDisplay, .adSpendFeed, .adSpendBrand, .adSpendWxt, .adSpendOther, .adSpendTotal,
             .roasZtc, .roasDisplay, .roasFeed, .roasBrand, .roasWxt, .roasOther, .roas: ads
        case .adShare: ads ?? sales
        case .affiliateCommission: .noAffiliate
        case .liveViewers, .liveGMV: .noLive
        case .cogs: cogs
        case .shippingCost: sales ?? settings
        case .grossProfit, .breakEvenROAS: sales ?? settings ?? cogs ?? shipping
        case .netProfit: sales ?? settings ?? cogs ?? shipping ?? undated
        case .refundAmount, .refundOrders, .refundRate: refunds ?? sales
        case .refundAmountByOrderDay: .noRefunds
        case .dsrDescription, .dsrDescriptionChange, .dsrService, .dsrServiceChange, .dsrLogistics, .dsrLogisticsChange: .noScores
        }
        return found ?? .nothingToDivide
    }

    /// The value of one field.
    public subscript(field: MasterField) -> MetricValue { values[field] ?? .noData }
}
