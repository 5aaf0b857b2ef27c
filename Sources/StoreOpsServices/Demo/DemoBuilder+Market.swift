import StoreOpsCore

extension DemoBuilder {
    /// Four tracked competitors with three core items each (one cuts its price on the last day in the default
    /// demo), our tracked search keywords, and the injected bad reviews. A competitor is known by its shop's name, as the
    /// watch list an operator keeps names it.
    func buildMarket() {
        for (c, competitor) in DemoVocabulary.competitors.enumerated() {
            let tier = CompetitorTier(rawValue: competitor.tier)!
            batch.competitors.append(Competitor(store: store.id, id: competitor.name, name: competitor.name, platform: .taobao,
                                                tier: tier))
            for i in 0..<3 {
                let ours = batch.products[i]
                let itemID = String(700_000_000_000 + Int64(SeededRandom.hash("\(competitor.id)-\(i)", seed: scenario.seed) % 99_999_999_999))
                let kind = DemoVocabulary.kinds[i]
                let title = "\(scenario.end.year)新款\(DemoVocabulary.styles[(c + i) % DemoVocabulary.styles.count])\(kind.name)女\(DemoVocabulary.fits[(c * 2 + i) % DemoVocabulary.fits.count])"
                batch.competitorItems.append(CompetitorItem(store: store.id, competitorID: competitor.name, itemID: itemID,
                                                            title: title, isCore: true,
                                                            ourProductID: ours.id, listedOn: scenario.start.adding(days: -rng.int(30...200))))
                let price = ours.price.scaled(by: Int64(rng.int(85...115)), over: 100)
                var monthly = tier == .bigger ? rng.int(3000...8000) : rng.int(500...2000)
                var reviews = monthly * 4
                for day in DayRange(scenario.start, scenario.end)! {
                    monthly = max(100, Int(Double(monthly) * rng.jitter(0.03)))
                    reviews += monthly / 100
                    let cut = injected && competitor.id == "c-chujian" && i == 0 && day == scenario.end
                    batch.competitorSnapshots.append(CompetitorSnapshot(
                        store: store.id, day: day, competitorID: competitor.name, itemID: itemID,
                        price: cut ? price.scaled(by: 82, over: 100) : price, promoPrice: isEvent(day) ? price.scaled(by: 85, over: 100) : nil,
                        monthlySales: monthly, reviewCount: reviews, title: title, mainImage: "img-\(itemID)-1"))
                }
            }
        }
        let tracked = [("连衣裙女夏", 0), ("棉麻连衣裙", 0), ("法式复古连衣裙", 0), ("棉麻衬衫女", 1), ("宽松T恤女", 2), ("针织开衫女春秋", 2)]
        for (keyword, p) in tracked {
            var rank = rng.int(3...9)
            for day in DayRange(scenario.start, scenario.end)! {
                rank = min(15, max(1, rank + rng.int(-1...1)))
                batch.keywordRanks.append(KeywordRank(store: store.id, day: day, keyword: keyword, productID: batch.products[p].id, rank: rank))
            }
        }
        injectBadReviews()
    }

    /// Monthly targets a little above the run rate, the activities of the period, and complaints.
    func buildPlans() {
        var month = scenario.start.startOfMonth
        let typical = typicalDailyGMV()
        while month <= scenario.end {
            let days = Day.daysIn(year: month.year, month: month.month)
            let factor: Int64 = month == scenario.end.startOfMonth ? 110 : 105
            let gmv = Money.divideRounded(typical * Int64(days) * factor / 100, by: 1_000_000) * 1_000_000
            batch.targets.append(Target.month(store: store.id, year: month.year, month: month.month, gmv: yuan(gmv),
                                              profit: yuan(gmv / 10), adBudget: yuan(gmv / 12), spread: .weekday)!)
            month = month.adding(days: days)
        }
        let event = scenario.eventDays
        batch.activities = [
            Activity(store: store.id, id: "act-event", name: "聚划算·品牌团", kind: .platformEvent, start: event.first, end: event.last, status: .ended,
                     gmvGoal: yuan(typical * 3 * 2), cost: yuan(300_000)),
            Activity(store: store.id, id: "act-member-day", name: "会员日(每周三)", kind: .selfRun, start: scenario.start, end: scenario.end.adding(days: 60),
                     status: .running),
            Activity(store: store.id, id: "act-double12", name: "双12年终好价节", kind: .platformEvent, start: scenario.end.adding(days: 19),
                     end: scenario.end.adding(days: 21), status: .registered, gmvGoal: yuan(typical * 3 * 2)),
        ]
        batch.complaints.append(Complaint(store: store.id, id: "cp-001", orderID: batch.orders.first?.id, kind: "描述不符", penaltyPoints: 0,
                                          openedAt: zone.instant(day: scenario.start.adding(days: 20), hour: 11), dueAt: nil, resolved: true))
        if injected, let late = lateOrders.first {
            batch.complaints.append(Complaint(store: store.id, id: "cp-002", orderID: late, kind: "延迟发货", penaltyPoints: 1,
                                              openedAt: zone.instant(day: scenario.end, hour: 16), dueAt: zone.instant(day: scenario.end.adding(days: 2), hour: 16),
                                              resolved: false))
        }
        // Injected: the buyer of another late order asked for a refund 62 h before the end of the last day; nobody answered.
        if injected, lateOrders.count > 1, let order = batch.orders.first(where: { $0.id == lateOrders[1] }) {
            let requested = zone.instant(day: scenario.end.adding(days: -2), hour: 10)
            overdueRefund = "R-late-" + order.id
            batch.refunds.append(Refund(store: store.id, id: overdueRefund, orderID: order.id, kind: .refundOnly, status: .waitingSeller, reason: "未按约定时间发货",
                                        amount: order.paidAmount, requestedAt: requested, dueAt: requested.adding(hours: 48)))
        }
    }

    /// The median daily paid GMV of the period, in fen.
    func typicalDailyGMV() -> Int64 {
        var byDay: [Day: Int64] = [:]
        for order in batch.orders { if let day = order.paidDay { byDay[day, default: 0] += order.paidAmount.minor } }
        let sorted = byDay.values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
