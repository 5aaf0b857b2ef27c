/// Search rank (domain guide §11): a tracked keyword whose organic rank for our item fell off page one on the
/// checked day (on page one the day before; beyond it, or not found, now). Priced at a day of the item's GMV.
public struct RankCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let yesterday = input.day.adding(days: -1)
        let before = Dictionary(input.keywordRanks.filter { $0.day == yesterday }.map { ("\($0.keyword)|\($0.productID)", $0.rank) }, uniquingKeysWith: { a, _ in a })
        let titles = Dictionary(input.products.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let page = settings.pageOneSize
        return input.keywordRanks.filter { $0.day == input.day }.sorted { ($0.keyword, $0.productID) < ($1.keyword, $1.productID) }.compactMap { now in
            guard let was = before["\(now.keyword)|\(now.productID)"] ?? nil, was <= page, (now.rank ?? Int.max) > page else { return nil }
            let title = titles[now.productID] ?? now.productID
            let rankText = now.rank.map(String.init) ?? "—"
            return Finding(
                check: .keywordOffPageOne, severity: .warning, subject: now.keyword,
                atStake: input.gmvByProduct[now.productID].map { $0.scaled(by: 1, over: Int64(settings.windowDays)) },
                evidence: [Evidence("product_id", .text(now.productID)), Evidence("rank_before", .count(Int64(was))),
                           Evidence("rank_now", now.rank.map { .count(Int64($0)) } ?? .text("not found")), Evidence("page_size", .count(Int64(page)))],
                adviceZh: "关键词「\(now.keyword)」下「\(title)」的自然排名从第 \(was) 位掉到 \(rankText)，掉出首页：检查标题、价格、转化和近期差评，必要时用直通车稳住。",
                adviceEn: "Our \(title) fell off page one for \"\(now.keyword)\" (rank \(was) -> \(rankText)): check its title, price, conversion and recent reviews; hold it with search ads if needed.",
                role: .operator)
        }
    }
}
