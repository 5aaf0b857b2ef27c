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
            v[.buyers] = .count(s.buyers)
            v[.units] = .count(s.units)
            v[.aov] = s.buyers > 0 ? .money(Money(minor: Money.divideRounded(s.gmv.minor, by: s.buyers), currency: s.gmv.currency)) : .noData
        }
        if let t = facts.traffic {
            v[.visitors] = .count(t.visitors)
            v[.pageViews] = .count(t.pageViews)
            v[.visitDepth] = .rate(Ratio(t.pageViews, t.visitors))
            if let bounced = t.bouncedVisitors { v[.bounceRate] = .rate(Ratio(bounced, t.visitors)) }
            if let s = sales {
                v[.conversionRate] = .rate(Ratio(s.buyers, t.visitors))
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
            v[.refundAmount] = .money(r.amount)
            v[.refundAmountByOrderDay] = .money(r.amountByOrderDay)
            v[.refundOrders] = .count(r.orders)
            if let s = sales { v[.refundRate] = .rate(Ratio(r.amount.minor, s.gmv.minor)) }
        }

        // Profit: COGS needs at least one costed unit (or no units at all); shipping and fees need settings.
        if let s = sales {
            let cogsKnown = s.units == 0 || s.costMissingUnits < s.units
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
                    // Absent ads, affiliate or refund data count as none spent; absent cost data makes profit unknown.
                    let net = gross - (adTotal?.spend ?? zero) - (facts.affiliateCommission ?? zero)
                        - (facts.refunds?.notReturnedToStock ?? zero) - (costs.otherDailyCost ?? zero)
                    v[.netProfit] = .money(net)
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
    }

    /// The value of one field.
    public subscript(field: MasterField) -> MetricValue { values[field] ?? .noData }
}
