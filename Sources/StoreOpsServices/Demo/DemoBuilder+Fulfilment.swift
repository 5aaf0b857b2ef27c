import StoreOpsCore

extension DemoBuilder {
    /// A parcel and its tracking events. Injected: a few parcels stall in transit, one is lost, one returned.
    func makeShipment(order: Order, shippedAt: Instant, deliveredAt: Instant) {
        let carrier = DemoVocabulary.carriers[Int(SeededRandom.hash(order.id, seed: scenario.seed) % UInt64(DemoVocabulary.carriers.count))]
        let tracking = carrier.1 + String(SeededRandom.hash("parcel-\(order.id)", seed: scenario.seed) % 1_000_000_000_000)
        let paidDay = order.paidDay!
        var fate = Shipment.Status.delivered
        if injected && paidDay == scenario.end.adding(days: -6) {
            if stalled.count < 4 { fate = .inTransit; stalled.append(tracking) }
            else if lost.isEmpty { fate = .lost; lost.append(tracking) }
            else if returned.isEmpty { fate = .returned; returned.append(tracking) }
        }
        var events: [LogisticsEvent] = [
            LogisticsEvent(store: store.id, trackingNo: tracking, at: shippedAt, status: .inTransit, description: "【杭州市】\(carrier.0) 已揽收"),
            LogisticsEvent(store: store.id, trackingNo: tracking, at: shippedAt.adding(hours: 10), status: .inTransit, description: "快件已到达 杭州转运中心"),
        ]
        switch fate {
        case .delivered:
            events.append(LogisticsEvent(store: store.id, trackingNo: tracking, at: deliveredAt.adding(hours: -3), status: .inTransit, description: "快件正在派送中"))
            events.append(LogisticsEvent(store: store.id, trackingNo: tracking, at: deliveredAt, status: .delivered, description: "已签收，签收人: 本人"))
        case .lost:
            events.append(LogisticsEvent(store: store.id, trackingNo: tracking, at: shippedAt.adding(hours: 30), status: .lost, description: "快件异常: 包裹丢失，已登记理赔"))
        case .returned:
            events.append(LogisticsEvent(store: store.id, trackingNo: tracking, at: shippedAt.adding(hours: 50), status: .returned, description: "收件人拒收，快件退回中"))
        default:
            break
        }
        let happened = events.filter { $0.at <= now }
        guard let last = happened.last else { return }
        batch.shipments.append(Shipment(store: store.id, trackingNo: tracking, orderID: order.id, carrier: carrier.0, shippedAt: shippedAt,
                                        status: last.status, lastEventAt: last.at))
        // Tracking history is kept for the last 30 days of orders, as carriers' APIs do.
        if paidDay >= scenario.end.adding(days: -30) { batch.logisticsEvents.append(contentsOf: happened) }
    }

    /// About a quarter of completed orders get a review. The clean demo has no neutral or bad review in its last week.
    func maybeReview(order: Order, lines: [OrderLine], deliveredAt: Instant) {
        guard rng.chance(0.25) else { return }
        let at = deliveredAt.adding(seconds: Int64(rng.int(3600...5 * 86_400)))
        guard at <= now else { return }
        let day = zone.day(of: at)
        var rating = rng.chance(0.85) ? 5 : (rng.chance(0.67) ? 4 : (rng.chance(0.6) ? 3 : rng.int(1...2)))
        if scenario.clean && day >= scenario.end.adding(days: -6) { rating = max(rating, 4) }
        let text = rating >= 4 ? rng.pick(DemoVocabulary.goodReviews) : (rating == 3 ? rng.pick(DemoVocabulary.neutralReviews) : rng.pick(DemoVocabulary.badReviews))
        let line = lines[0]
        batch.reviews.append(Review(store: store.id, id: "rv-\(order.id)", productID: line.productID ?? "", orderID: order.id, rating: rating, text: text,
                                    at: at, day: day, replied: day < scenario.end.adding(days: -2) || rating >= 4))
    }

    /// Injected: three bad reviews on the top items in the last two days, not yet replied.
    func injectBadReviews() {
        guard injected else { return }
        for (n, p) in [0, 1, 0].enumerated() {
            let product = batch.products[p]
            let day = scenario.end.adding(days: n == 2 ? -1 : 0)
            let id = "rv-bad-\(n + 1)"
            badReviewIDs.append(id)
            batch.reviews.append(Review(store: store.id, id: id, productID: product.id, orderID: nil, rating: n == 1 ? 2 : 1,
                                        text: DemoVocabulary.badReviews[n], at: time(day, hour: 10 + n * 3), day: day, replied: false))
        }
    }
}
