import StoreOpsCore

extension RowBuilders {
    /// A campaign's daily budget and, when it ran out, the time (a date and time, or a clock time of the row's day).
    /// An empty run-out cell is a day the budget lasted.
    static func adBudget(_ r: inout FieldReader, _ facts: inout FactBatch, channel: AdChannel) {
        let day = r.day()
        let channel = r.channel("channel") ?? channel
        let campaign = r.required("campaign", r.text("campaign"))
        let budget = r.required("budget", r.money("budget"))
        let exhausted = day.flatMap { r.timeOfDay("exhausted_at", on: $0) } ?? nil
        guard let day, let campaign, let budget, !r.hasErrors else { return }
        facts.adBudgets.append(AdBudgetDay(store: r.context.store.id, day: day, channel: channel, campaign: campaign, budget: budget,
                                           exhaustedAt: exhausted))
    }

    /// A tracked competitor item (the watch list): its shop becomes a competitor, the item one of its tracked items.
    static func competitor(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let shop = r.required("competitor", r.text("competitor"))
        let item = r.required("item_id", r.itemID("item_id"))
        let title = r.required("title", r.text("title"))
        let tier = r.tier("tier") ?? .peer
        let platform = r.platform("platform") ?? r.context.store.platform
        let core = r.flag("core") ?? true
        let ours = r.itemID("our_product_id")
        let listed = r.raw("listed_on").flatMap(Cell.clean) != nil ? r.day("listed_on") : nil
        guard let shop, let item, let title, !r.hasErrors else { return }
        let store = r.context.store.id
        facts.competitors.append(Competitor(store: store, id: shop, name: shop, platform: platform, tier: tier))
        facts.competitorItems.append(CompetitorItem(store: store, competitorID: shop, itemID: item, title: title, isCore: core,
                                                    ourProductID: ours, listedOn: listed))
    }

    /// What a competitor item looked like on a day (price, promotion price, monthly sales, reviews, title).
    static func competitorSnapshot(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let day = r.day()
        let shop = r.required("competitor", r.text("competitor"))
        let item = r.required("item_id", r.itemID("item_id"))
        let price = r.required("price", r.money("price"))
        let sales = r.required("monthly_sales", r.count("monthly_sales"))
        let title = r.required("title", r.text("title"))
        let promo = r.money("promo_price"), reviews = r.count("reviews"), image = r.text("main_image")
        guard let day, let shop, let item, let price, let sales, let title, !r.hasErrors else { return }
        facts.competitorSnapshots.append(CompetitorSnapshot(store: r.context.store.id, day: day, competitorID: shop, itemID: item,
                                                            price: price, promoPrice: promo, monthlySales: sales,
                                                            reviewCount: reviews, title: title, mainImage: image))
    }

    /// Our item's organic rank for a tracked keyword on a day; `未找到` / `not found` is a rank past the tracked pages.
    static func keywordRank(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let day = r.day()
        let keyword = r.required("keyword", r.text("keyword"))
        let product = r.required("product_id", r.itemID("product_id"))
        let rank = r.required("rank", r.rank("rank"))
        guard let day, let keyword, let product, let rank, !r.hasErrors else { return }
        facts.keywordRanks.append(KeywordRank(store: r.context.store.id, day: day, keyword: keyword, productID: product,
                                              rank: rank.position))
    }
}

extension FieldReader {
    /// A rank cell: a position, or not found in the tracked pages.
    struct RankCell {
        let position: Int?
    }

    /// An item id, or the id in an item's address (`https://item.taobao.com/item.htm?id=6512...`).
    mutating func itemID(_ field: String) -> String? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        if let range = text.range(of: "id=") {
            let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { return String(digits) }
        }
        return id(field)
    }

    /// A position from 1, or not found (`未找到`, `not found`, `-`, `>100`).
    mutating func rank(_ field: String) -> RankCell? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        if ["未找到", "无排名", "not found", "-", "—"].contains(text.lowercased()) || text.hasPrefix(">") { return RankCell(position: nil) }
        if let n = Cell.decimal(text, digits: 0, round: false), (1...100_000).contains(n) { return RankCell(position: Int(n)) }
        fail(field, "Not a rank", hint: "Expected a position from 1, or 未找到 (not found in the tracked pages)",
             zh: ("不是排名", "应为从 1 开始的名次，或“未找到”（在跟踪的页数内没有找到）"))
        return nil
    }

    /// A competitor's size against us: bigger (大店, 头部, 标杆) or a peer (同级, 同行).
    mutating func tier(_ field: String) -> CompetitorTier? {
        guard let text = raw(field).flatMap(Cell.clean)?.lowercased() else { return nil }
        if ["bigger", "大店", "头部", "标杆", "大"].contains(text) { return .bigger }
        if ["peer", "同级", "同行", "同层级"].contains(text) { return .peer }
        fail(field, "Not a competitor tier", hint: "Expected bigger (大店) or peer (同级)", zh: ("不是竞品层级", "应为“大店”或“同级”"))
        return nil
    }

    /// An ad channel by its code (`ztc`) or its Chinese name (直通车, 引力魔方 ...).
    mutating func channel(_ field: String) -> AdChannel? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        if let found = AdChannel.allCases.first(where: { $0.rawValue == text.lowercased() || $0.chineseName == text }) { return found }
        fail(field, "Not an ad channel", hint: "Expected one of \(AdChannel.allCases.map(\.rawValue).joined(separator: ", ")) or 直通车, 引力魔方, "
                + "超级推荐, 品销宝, 万相台",
             zh: ("不是推广渠道", "应为 直通车、引力魔方、超级推荐、品销宝、万相台 之一"))
        return nil
    }

    /// A platform by its code (`taobao`) or its Chinese or English name.
    mutating func platform(_ field: String) -> Platform? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        let key = text.lowercased()
        if let found = Platform.allCases.first(where: { [$0.rawValue, $0.chineseName, $0.englishName.lowercased()].contains(key) }) {
            return found
        }
        fail(field, "Not a platform", hint: "Expected one of \(Platform.allCases.map(\.rawValue).joined(separator: ", ")) or 淘宝, 天猫, 京东 ...",
             zh: ("不是平台", "应为 淘宝、天猫、京东、拼多多、抖音、Shopify、亚马逊 之一"))
        return nil
    }

    /// A time of `day`: a date and time, or a clock time (`10:30`) of that day; nil when empty.
    mutating func timeOfDay(_ field: String, on day: Day) -> Instant? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            let n = parts.map { Int($0)! }
            guard n[0] < 24, n[1] < 60, (n.count == 2 || n[2] < 60) else {
                fail(field, "Not a time of day", hint: "Expected HH:MM, such as 10:30", zh: ("不是时刻", "应为 HH:MM，例如 10:30"))
                return nil
            }
            return context.store.timeZone.instant(day: day, hour: n[0], minute: n[1], second: n.count == 3 ? n[2] : 0)
        }
        return instant(field)
    }
}
