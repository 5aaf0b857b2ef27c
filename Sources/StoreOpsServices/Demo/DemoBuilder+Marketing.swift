import StoreOpsCore

/// The clicks the paid channels sent on one day, and the conversion of search-ad visitors.
struct DemoAdDay {
    var ztcClicks = 0
    var ztcConversion = 0.03
    var displayClicks = 0
    var feedClicks = 0
}

extension DemoBuilder {
    /// 直通车 keywords (some profitable, some losing money), 引力魔方 and 超级推荐 campaigns, with budgets.
    func simulateAds(_ day: Day, base: Double) -> DemoAdDay {
        var result = DemoAdDay()
        var ztcOrders = 0
        for campaign in DemoVocabulary.ztcCampaigns {
            var campaignSpend: Int64 = 0
            for (keyword, impressionsBase, ctr, cpc, cvr, losing) in campaign.keywords {
                let impressions = Int((impressionsBase * base * rng.jitter(0.1)).rounded())
                let clicks = rng.round(Double(impressions) * ctr * rng.jitter(0.1))
                // The clean demo bids its broad words down to the campaign's level.
                let cpcFen = Int64(((losing && scenario.clean ? 1.0 : cpc) * 100 * rng.jitter(0.08)).rounded())
                let conversion = losing && scenario.clean ? 0.035 : cvr
                let orders = rng.round(Double(clicks) * conversion * rng.jitter(0.15))
                let revenue = (0..<orders).reduce(Int64(0)) { sum, _ in sum + Int64(rng.int(150...260)) * 100 }
                let spend = cpcFen * Int64(clicks)
                campaignSpend += spend
                result.ztcClicks += clicks
                ztcOrders += orders
                batch.adStats.append(AdStat(store: store.id, day: day, channel: .ztc, campaign: campaign.campaign, adGroup: "", productID: batch.products[0].id,
                                            keyword: keyword, impressions: impressions, clicks: clicks, spend: yuan(spend),
                                            averageRankTenths: rng.int(30...100), orders: orders, revenue: yuan(revenue),
                                            directRevenue: yuan(revenue * 7 / 10), favourites: rng.round(Double(clicks) * 0.05),
                                            carts: rng.round(Double(clicks) * 0.09)))
            }
            // Budgets sized with room to spare; the injected main campaign runs dry mid-afternoon yesterday.
            let budget = (campaignSpend * 13 / 10 / 10_000 + 1) * 10_000
            let exhausted = injected && day == scenario.end && campaign.campaign == DemoVocabulary.ztcCampaigns[0].campaign
            batch.adBudgets.append(AdBudgetDay(store: store.id, day: day, channel: .ztc, campaign: campaign.campaign,
                                               budget: yuan(exhausted ? campaignSpend : budget),
                                               exhaustedAt: exhausted ? zone.instant(day: day, hour: 15, minute: 20) : nil))
        }
        result.ztcConversion = result.ztcClicks > 0 ? Double(ztcOrders) / Double(result.ztcClicks) * 0.85 : 0.03
        for (channel, campaign, impressionsBase, ctr, cpc, cvr) in [(AdChannel.display, "引力魔方-人群拉新", 60_000.0, 0.009, 0.55, 0.013),
                                                                     (AdChannel.feed, "超级推荐-猜你喜欢", 40_000.0, 0.011, 0.45, 0.015)] {
            let impressions = Int((impressionsBase * base * rng.jitter(0.1)).rounded())
            let clicks = rng.round(Double(impressions) * ctr * rng.jitter(0.1))
            let spend = Int64((cpc * 100 * rng.jitter(0.08)).rounded()) * Int64(clicks)
            let orders = rng.round(Double(clicks) * cvr * rng.jitter(0.15))
            let revenue = (0..<orders).reduce(Int64(0)) { sum, _ in sum + Int64(rng.int(160...240)) * 100 }
            batch.adStats.append(AdStat(store: store.id, day: day, channel: channel, campaign: campaign, adGroup: "", productID: "", keyword: "",
                                        impressions: impressions, clicks: clicks, spend: yuan(spend), orders: orders, revenue: yuan(revenue)))
            if channel == .display { result.displayClicks = clicks } else { result.feedClicks = clicks }
        }
        return result
    }

    /// Per-item traffic: item visitors follow popularity; a sold-out item loses exposure.
    func simulateItemTraffic(_ day: Day, storeVisitors: Int, productSales: [Int: (buyers: Set<Int>, units: Int, gmv: Int64)]) {
        let totalWeight = productWeights.reduce(0, +)
        let heroProductSoldOut = onHand[heroSKU] == 0
        for (p, product) in batch.products.enumerated() {
            let soldOut = heroProductSoldOut && p == productOfSKU[heroSKU]
            let visitors = Int((Double(storeVisitors) * 1.6 * productWeights[p] / totalWeight * rng.jitter(0.1) * (soldOut ? 0.6 : 1)).rounded())
            let sales = productSales[p]
            batch.itemTraffic.append(ItemTrafficDay(store: store.id, day: day, productID: product.id, visitors: max(visitors, sales?.buyers.count ?? 0),
                                                    pageViews: Int(Double(visitors) * 1.6), bouncedVisitors: Int(Double(visitors) * 0.5 * rng.jitter(0.1)),
                                                    buyers: sales?.buyers.count ?? 0, units: sales?.units ?? 0, gmv: yuan(sales?.gmv ?? 0),
                                                    addToCartBuyers: Int(Double(visitors) * 0.08), favourites: Int(Double(visitors) * 0.04)))
        }
    }

    /// Five agents; in the default demo one converts under 50 % of inquirers.
    func simulateService(_ day: Day, visitors: Int) {
        let inquiries = Double(visitors) * 0.045
        let shares = [0.24, 0.22, 0.18, 0.2, 0.16]
        let conversions = [0.64, 0.61, injected ? 0.42 : 0.6, 0.63, 0.59]
        for (n, agent) in DemoVocabulary.agents.enumerated() {
            let asked = rng.round(inquiries * shares[n] * rng.jitter(0.08))
            let inquirers = rng.round(Double(asked) * 0.65)
            let paid = min(inquirers, rng.round(Double(inquirers) * conversions[n] * rng.jitter(0.04)))
            let ordered = min(inquirers, paid + rng.round(Double(inquirers) * 0.05))
            batch.serviceAgentDays.append(ServiceAgentDay(store: store.id, day: day, agent: agent, inquiries: asked, served: asked - rng.round(Double(asked) * 0.01),
                                                          inquirers: inquirers, ordered: ordered, paid: paid,
                                                          paidAmount: yuan(Int64(paid) * Int64(rng.int(160...220)) * 100),
                                                          firstResponseSeconds: rng.int(8...25), averageResponseSeconds: rng.int(20...40),
                                                          answeredWithin3MinPermille: rng.int(950...990)))
        }
    }

    /// DSR scores drift slowly around 4.8.
    func simulateScores(_ day: Day) {
        let previous = batch.dsrScores.last
        func walk(_ value: Int?, start: Int) -> Int { min(50_000, max(46_000, (value ?? start) + rng.int(-6...6))) }
        batch.dsrScores.append(DSRScore(store: store.id, day: day, description: walk(previous?.description, start: 48_200),
                                        service: walk(previous?.service, start: 48_500), logistics: walk(previous?.logistics, start: 48_100)))
    }
}
