import StoreOpsCore

/// One traffic source's figures for a simulated day.
struct DemoSource {
    let name: String
    let visitors: Int
    let conversion: Double
}

extension DemoBuilder {
    /// Simulates one day: traffic by source, paid ads, orders that follow from them, stock, service.
    func simulate(_ day: Day) {
        let index = scenario.start.distance(to: day)
        let base = weekdayFactor(day) * (1 + 0.0015 * Double(index)) * (isEvent(day) ? 2.2 : 1)
        var sources: [DemoSource] = []
        for free in DemoVocabulary.freeSources {
            var visitors = free.visitors * base * rng.jitter(0.06)
            // The injected fall: organic search loses about a third of its visitors on the last day.
            if injected && day == scenario.end && free.name == "手淘搜索" { visitors *= 0.66 }
            sources.append(DemoSource(name: free.name, visitors: Int(visitors.rounded()), conversion: free.conversion))
        }
        let ads = simulateAds(day, base: base)
        sources.append(DemoSource(name: "直通车", visitors: Int((Double(ads.ztcClicks) * 0.92).rounded()), conversion: ads.ztcConversion))
        sources.append(DemoSource(name: "引力魔方", visitors: Int((Double(ads.displayClicks) * 0.92).rounded()), conversion: 0.013))
        sources.append(DemoSource(name: "超级推荐", visitors: Int((Double(ads.feedClicks) * 0.92).rounded()), conversion: 0.015))
        if isEvent(day) { sources.append(DemoSource(name: "聚划算", visitors: Int((4000 * rng.jitter(0.08)).rounded()), conversion: 0.06)) }
        let liveDay = [2, 4, 6].contains(day.weekday)
        if liveDay { sources.append(DemoSource(name: "淘宝直播", visitors: Int((600 * base * rng.jitter(0.1)).rounded()), conversion: 0.05)) }

        var usedBuyers = Set<Int>()
        var productSales: [Int: (buyers: Set<Int>, units: Int, gmv: Int64)] = [:]
        var sourceOrders: [String: [Order]] = [:]
        var storeBuyers = 0
        for source in sources {
            let conversion = source.conversion * (isEvent(day) ? 1.3 : 1)
            let buyers = rng.round(Double(source.visitors) * conversion * rng.jitter(0.08))
            for _ in 0..<buyers {
                let customer = nextCustomer(excluding: &usedBuyers)
                storeBuyers += 1
                let orderCount = rng.chance(0.04) ? 2 : 1
                for _ in 0..<orderCount {
                    if let order = makeOrder(day: day, customer: customer, source: source.name, productSales: &productSales) {
                        sourceOrders[source.name, default: []].append(order)
                    }
                }
            }
        }
        // Placed but never paid: about 6 % more orders.
        for _ in 0..<rng.round(Double(storeBuyers) * 0.06) { makeUnpaidOrder(day: day) }

        var storeVisitors = 0
        for source in sources {
            let orders = sourceOrders[source.name] ?? []
            let gmv = orders.reduce(Int64(0)) { $0 + $1.paidAmount.minor }
            batch.trafficSources.append(TrafficSourceDay(store: store.id, day: day, source: source.name, group: TrafficGroup.of(source: source.name),
                                                         visitors: source.visitors, buyers: Set(orders.map(\.buyer)).count, gmv: yuan(gmv)))
            storeVisitors += source.visitors
        }
        // Store visitors are fewer than the sum over sources: one visitor can come by several.
        let visitors = Int((Double(storeVisitors) * 0.94).rounded())
        batch.trafficDays.append(TrafficDay(store: store.id, day: day, visitors: visitors, pageViews: Int(Double(visitors) * 3.0 * rng.jitter(0.08)),
                                            bouncedVisitors: Int(Double(visitors) * 0.58 * rng.jitter(0.05)), averageStaySeconds: rng.int(45...70),
                                            addToCartBuyers: Int(Double(visitors) * 0.09 * rng.jitter(0.1))))
        simulateItemTraffic(day, storeVisitors: visitors, productSales: productSales)
        if liveDay {
            let live = sourceOrders["淘宝直播"] ?? []
            let viewers = Int(Double(sources.first { $0.name == "淘宝直播" }?.visitors ?? 0) * 2.2)
            batch.liveSessions.append(LiveSession(store: store.id, id: "live-\(day.iso)", day: day, host: "小美", durationMinutes: 120,
                                                  viewers: viewers, orders: live.count, gmv: live.map(\.paidAmount).sum(in: .cny)))
        }
        for order in sourceOrders["淘宝客"] ?? [] {
            batch.affiliateCommissions.append(AffiliateCommission(store: store.id, orderID: order.id, day: day, orderAmount: order.paidAmount,
                                                                  commission: order.paidAmount.scaled(by: 8, over: 100)))
        }
        simulateService(day, visitors: visitors)
        simulateScores(day)
        restock(day)
        recordInventory(day)
    }

    /// A returning customer (about one buyer in five) or a new one; never the same buyer twice in a day.
    func nextCustomer(excluding used: inout Set<Int>) -> Int {
        if !returningPool.isEmpty && rng.chance(0.22) {
            let candidate = returningPool[rng.int(0...(returningPool.count - 1))]
            if !used.contains(candidate) {
                used.insert(candidate)
                return candidate
            }
        }
        customers += 1
        used.insert(customers)
        if rng.chance(0.5) { addToReturningPool(customers) }
        return customers
    }

    func addToReturningPool(_ customer: Int) {
        if inReturningPool.insert(customer).inserted { returningPool.append(customer) }
    }

    func buyerID(_ customer: Int) -> String {
        let h = SeededRandom.hash("customer-\(customer)", seed: scenario.seed)
        return "b" + String(h, radix: 16)
    }

    func nextOrderID(_ day: Day) -> String {
        orderCounter += 1
        return String(300_000_000_000_000_000 + Int64(scenario.start.distance(to: day)) * 1_000_000 + Int64(orderCounter % 1_000_000))
    }

    /// Paid-time hour weights: evenings are busiest.
    static let hourWeights: [Double] = [2, 1, 0.5, 0.3, 0.3, 0.4, 1, 2, 3, 4, 5, 5, 6, 5, 5, 5, 5, 5, 5, 6, 8, 9, 8, 5]
    static let hourCumulative: [Double] = { var t = 0.0; return hourWeights.map { t += $0; return t } }()
}
