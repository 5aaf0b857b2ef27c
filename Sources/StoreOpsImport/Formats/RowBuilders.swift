import StoreOpsCore

/// Builders of targets whose every row is one fact.
enum RowBuilders {
    static let refundStatus: [String: Refund.Status] = [
        "退款成功": .completed, "退款关闭": .closed, "买家已经申请退款，等待卖家同意": .waitingSeller, "卖家已经同意退款，等待买家退货": .waitingReturn,
        "买家已经退货，等待卖家确认收货": .waitingSeller, "卖家拒绝退款": .waitingSeller,
    ]

    static func refund(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let id = r.required("refund_id", r.keyID("refund_id"))
        let orderID = r.required("order_id", r.keyID("order_id"))
        let amount = r.required("amount", r.money("amount"))
        let requestedAt = r.required("requested_at", r.instant("requested_at"))
        let completedAt = r.instant("completed_at")
        let statusText = r.text("status")
        var status = statusText.flatMap { refundStatus[$0] } ?? (completedAt != nil ? .completed : .waitingSeller)
        if let statusText, refundStatus[statusText] == nil {
            if statusText.contains("成功") || statusText.lowercased().contains("success") { status = .completed }
            if statusText.contains("关闭") { status = .closed }
        }
        let needsReturn = r.flag("needs_return") ?? false
        let goodsBack = (r.text("goods_status") ?? "").contains("已退货")
        guard let id, let orderID, let amount, let requestedAt, !r.hasErrors else { return }
        let done = status == .completed ? completedAt : nil
        facts.refunds.append(Refund(store: r.context.store.id, id: id, orderID: orderID, productID: r.id("product_id"), skuID: r.id("sku"),
                                    kind: needsReturn ? .returnAndRefund : .refundOnly, status: status, reason: r.text("reason") ?? "", amount: amount,
                                    requestedAt: requestedAt, completedAt: done, completedDay: done.map { r.context.store.timeZone.day(of: $0) },
                                    dueAt: r.instant("due_at"), returnedToStock: status == .completed && needsReturn && goodsBack))
    }

    static func trafficDay(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let day = r.day()
        let visitors = r.required("visitors", r.count("visitors"))
        let pageViews = r.count("page_views")
        let bounce = r.ppm("bounce_rate")
        let stay = r.seconds("average_stay")
        let carts = r.count("add_to_cart")
        guard let day, let visitors, !r.hasErrors else { return }
        facts.trafficDays.append(TrafficDay(store: r.context.store.id, day: day, visitors: visitors, pageViews: pageViews ?? 0,
                                            bouncedVisitors: bounce.map { Int(Money.divideRounded(Int64(visitors) * $0, by: 1_000_000)) },
                                            averageStaySeconds: stay, addToCartBuyers: carts))
    }

    static func trafficSource(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let day = r.day()
        let source = r.required("source", r.text("source"))
        let detail = r.text("source_detail")
        let visitors = r.required("visitors", r.count("visitors"))
        let buyers = r.count("buyers") ?? 0
        let gmv = r.money("gmv") ?? .zero(r.context.store.currency)
        guard let day, let source, let visitors, !r.hasErrors else { return }
        let name = detail.map { $0 == source ? source : "\(source)·\($0)" } ?? source
        facts.trafficSources.append(TrafficSourceDay(store: r.context.store.id, day: day, source: name, group: TrafficGroup.of(source: name),
                                                     visitors: visitors, buyers: buyers, gmv: gmv))
    }

    static func adStat(_ r: inout FieldReader, _ facts: inout FactBatch, channel: AdChannel) {
        let day = r.day()
        let campaign = r.required("campaign", r.text("campaign"))
        let spend = r.required("spend", r.money("spend"))
        let rank = r.raw("average_rank").flatMap(Cell.clean).flatMap { Cell.decimal($0.filter { $0 != "," }, digits: 1) }
        let revenue = r.money("revenue") ?? .zero(r.context.store.currency)
        let impressions = r.count("impressions") ?? 0
        let clicks = r.count("clicks") ?? 0
        let orders = r.count("orders") ?? 0
        let direct = r.money("direct_revenue")
        let favourites = r.count("favourites") ?? 0
        let carts = r.count("carts") ?? 0
        // One keyword under several match types is several targets.
        var keyword = r.text("keyword") ?? ""
        if !keyword.isEmpty, let match = r.text("match_type") { keyword += " [\(match.lowercased())]" }
        guard let day, let campaign, let spend, !r.hasErrors else { return }
        facts.adStats.append(AdStat(store: r.context.store.id, day: day, channel: channel, campaign: campaign, adGroup: r.text("ad_group") ?? "",
                                    productID: r.id("product_id") ?? "", keyword: keyword, impressions: impressions, clicks: clicks,
                                    spend: spend, averageRankTenths: rank.map { Int($0) }, orders: orders, revenue: revenue, directRevenue: direct,
                                    favourites: favourites, carts: carts))
    }

    static func serviceAgent(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let day = r.day()
        let agent = r.required("agent", r.text("agent"))
        let inquirers = r.required("inquirers", r.count("inquirers"))
        let paid = r.required("paid", r.count("paid"))
        let inquiries = r.count("inquiries")
        let served = r.count("served")
        let ordered = r.count("ordered")
        let amount = r.money("paid_amount") ?? .zero(r.context.store.currency)
        let first = r.seconds("first_response")
        let average = r.seconds("average_response")
        let within = r.ppm("answered_3min")
        if let inquirers, let paid, paid > inquirers {
            r.fail("paid", "More inquirers paid than asked", hint: "Check that the columns are 询单人数 and 付款人数",
                   zh: ("付款人数多于询单人数", "请检查这两列是否是“询单人数”和“付款人数”"))
        }
        guard let day, let agent, let inquirers, let paid, !r.hasErrors else { return }
        facts.serviceAgentDays.append(ServiceAgentDay(store: r.context.store.id, day: day, agent: agent, inquiries: inquiries ?? inquirers,
                                                      served: served ?? inquiries ?? inquirers, inquirers: inquirers, ordered: ordered ?? paid, paid: paid,
                                                      paidAmount: amount, firstResponseSeconds: first, averageResponseSeconds: average,
                                                      answeredWithin3MinPermille: within.map { Int($0 / 1_000) }))
    }

    static func itemTraffic(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let day = r.day()
        let product = r.required("product_id", r.id("product_id"))
        let visitors = r.required("visitors", r.count("visitors"))
        let pageViews = r.count("page_views") ?? 0
        let units = r.count("units") ?? 0
        let gmv = r.money("gmv") ?? .zero(r.context.store.currency)
        let buyers = r.count("buyers") ?? 0
        let bounce = r.ppm("bounce_rate"), carts = r.count("add_to_cart"), favourites = r.count("favourites")
        guard let day, let product, let visitors, !r.hasErrors else { return }
        let bounced = bounce.map { Int(Money.divideRounded(Int64(visitors) * $0, by: 1_000_000)) }
        facts.itemTraffic.append(ItemTrafficDay(store: r.context.store.id, day: day, productID: product, visitors: visitors,
                                                pageViews: pageViews, bouncedVisitors: bounced, buyers: buyers, units: units, gmv: gmv,
                                                addToCartBuyers: carts, favourites: favourites))
    }
}
