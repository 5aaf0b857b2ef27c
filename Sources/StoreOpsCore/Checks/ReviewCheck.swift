/// Reviews (domain guide §9): new neutral and bad reviews, posted on the checked day or the day before, on the
/// top items by traffic. Priced at a day of the item's GMV (its average over the window), which a visible bad
/// review puts at risk. Any other neutral or bad review of the window still unreplied after the reply limit is
/// reported too (buyers read the replies).
public struct ReviewCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let top = input.visitorsByProduct.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(settings.topItemsByTraffic).map(\.key)
        let rank = Dictionary(top.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let titles = Dictionary(input.products.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let since = input.day.adding(days: -1)
        let covered = { (review: Review) in review.day >= since && review.day <= input.day && review.sentiment != .good && rank[review.productID] != nil }
        let limit = Int64(settings.replyWithinHours) * 3600
        let unreplied = input.reviews.filter { !$0.replied && $0.sentiment != .good && !covered($0) && input.now.seconds - $0.at.seconds >= limit && $0.at <= input.now }
            .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
            .map { review in
                let hours = (input.now.seconds - review.at.seconds) / 3600
                let title = titles[review.productID] ?? review.productID
                return Finding(
                    check: .unrepliedReview, severity: .warning, subject: review.id, atStake: nil,
                    evidence: [Evidence("product_id", .text(review.productID)), Evidence("rating", .count(Int64(review.rating))),
                               Evidence("text", .text(review.text)), Evidence("posted_at", .instant(review.at)), Evidence("hours_unreplied", .count(hours))],
                    adviceZh: "「\(title)」的\(review.rating) 星评价已 \(hours) 小时未回复：耐心回复说明处理办法，后来的买家会看到。",
                    adviceEn: "A \(review.rating)-star review of \(title) has waited \(hours) h for a reply: answer it with what you did about it; later buyers read it.",
                    role: .service)
            }
        return unreplied + input.reviews.filter(covered)
            .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
            .map { review in
                let position = rank[review.productID]!
                let title = titles[review.productID] ?? review.productID
                let bad = review.sentiment == .bad
                return Finding(
                    check: .badReview, severity: bad ? (review.replied ? .warning : .critical) : .info, subject: review.id,
                    atStake: input.gmvByProduct[review.productID].map { $0.scaled(by: 1, over: Int64(settings.windowDays)) },
                    evidence: [Evidence("product_id", .text(review.productID)), Evidence("traffic_rank", .count(Int64(position))),
                               Evidence("rating", .count(Int64(review.rating))), Evidence("text", .text(review.text)), Evidence("day", .day(review.day)),
                               Evidence("replied", .text(review.replied ? "yes" : "no"))],
                    adviceZh: "流量第 \(position) 的商品「\(title)」有新\(bad ? "差" : "中")评（\(review.rating) 星）：\(review.replied ? "" : "尽快回复并")联系买家解决，查明问题。",
                    adviceEn: "The #\(position) item by traffic, \(title), has a new \(bad ? "bad" : "neutral") review (\(review.rating) stars): \(review.replied ? "" : "reply soon, ")contact the buyer and find the cause.",
                    role: .service)
            }
    }
}
