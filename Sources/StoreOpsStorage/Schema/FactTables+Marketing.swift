import StoreOpsCore

extension TrafficDay: StoredFact {
    public static let table = FactTable<TrafficDay>(
        name: "traffic_days", columns: ["day", "visitors", "page_views", "bounced_visitors", "average_stay_seconds", "add_to_cart_buyers"],
        key: ["day"], dayFilter: .column("day"), rows: { $0.trafficDays }, store: { $0.store },
        encode: { t in [.day(t.day), .int(t.visitors), .int(t.pageViews), .int(t.bouncedVisitors), .int(t.averageStaySeconds), .int(t.addToCartBuyers)] },
        decode: { r in
            TrafficDay(store: r.store, day: try r.day(), visitors: try r.int(), pageViews: try r.int(), bouncedVisitors: try r.optionalIntValue(),
                       averageStaySeconds: try r.optionalIntValue(), addToCartBuyers: try r.optionalIntValue())
        })
}

extension TrafficSourceDay: StoredFact {
    public static let table = FactTable<TrafficSourceDay>(
        name: "traffic_sources", columns: ["day", "source", "source_group", "visitors", "buyers", "gmv_minor"], key: ["day", "source"],
        dayFilter: .column("day"), rows: { $0.trafficSources }, store: { $0.store },
        encode: { t in [.day(t.day), .text(t.source), .raw(t.group), .int(t.visitors), .int(t.buyers), .money(t.gmv)] },
        decode: { r in
            TrafficSourceDay(store: r.store, day: try r.day(), source: try r.text(), group: try r.value(TrafficGroup.self), visitors: try r.int(),
                             buyers: try r.int(), gmv: try r.money())
        })
}

extension ItemTrafficDay: StoredFact {
    public static let table = FactTable<ItemTrafficDay>(
        name: "item_traffic",
        columns: ["day", "product_id", "visitors", "page_views", "bounced_visitors", "buyers", "units", "gmv_minor", "add_to_cart_buyers", "favourites"],
        key: ["day", "product_id"], dayFilter: .column("day"), rows: { $0.itemTraffic }, store: { $0.store },
        encode: { t in
            [.day(t.day), .text(t.productID), .int(t.visitors), .int(t.pageViews), .int(t.bouncedVisitors), .int(t.buyers), .int(t.units),
             .money(t.gmv), .int(t.addToCartBuyers), .int(t.favourites)]
        },
        decode: { r in
            ItemTrafficDay(store: r.store, day: try r.day(), productID: try r.text(), visitors: try r.int(), pageViews: try r.int(),
                           bouncedVisitors: try r.optionalIntValue(), buyers: try r.int(), units: try r.int(), gmv: try r.money(),
                           addToCartBuyers: try r.optionalIntValue(), favourites: try r.optionalIntValue())
        })
}

extension AdStat: StoredFact {
    public static let table = FactTable<AdStat>(
        name: "ad_stats",
        columns: ["day", "channel", "campaign", "ad_group", "product_id", "keyword", "impressions", "clicks", "spend_minor",
                  "average_rank_tenths", "orders", "revenue_minor", "direct_revenue_minor", "favourites", "carts"],
        key: ["day", "channel", "campaign", "ad_group", "product_id", "keyword"], dayFilter: .column("day"),
        rows: { $0.adStats }, store: { $0.store },
        encode: { a in
            [.day(a.day), .raw(a.channel), .text(a.campaign), .text(a.adGroup), .text(a.productID), .text(a.keyword), .int(a.impressions),
             .int(a.clicks), .money(a.spend), .int(a.averageRankTenths), .int(a.orders), .money(a.revenue), .money(a.directRevenue),
             .int(a.favourites), .int(a.carts)]
        },
        decode: { r in
            AdStat(store: r.store, day: try r.day(), channel: try r.value(AdChannel.self), campaign: try r.text(), adGroup: try r.text(),
                   productID: try r.text(), keyword: try r.text(), impressions: try r.int(), clicks: try r.int(), spend: try r.money(),
                   averageRankTenths: try r.optionalIntValue(), orders: try r.int(), revenue: try r.money(), directRevenue: try r.optionalMoney(),
                   favourites: try r.int(), carts: try r.int())
        })
}

extension AdBudgetDay: StoredFact {
    public static let table = FactTable<AdBudgetDay>(
        name: "ad_budgets", columns: ["day", "channel", "campaign", "budget_minor", "exhausted_at"], key: ["day", "channel", "campaign"],
        dayFilter: .column("day"), rows: { $0.adBudgets }, store: { $0.store },
        encode: { b in [.day(b.day), .raw(b.channel), .text(b.campaign), .money(b.budget), .instant(b.exhaustedAt)] },
        decode: { r in
            AdBudgetDay(store: r.store, day: try r.day(), channel: try r.value(AdChannel.self), campaign: try r.text(), budget: try r.money(),
                        exhaustedAt: try r.optionalInstant())
        })
}

extension Competitor: StoredFact {
    public static let table = FactTable<Competitor>(
        name: "competitors", columns: ["competitor_id", "name", "platform", "tier"], key: ["competitor_id"], dayFilter: .none,
        rows: { $0.competitors }, store: { $0.store },
        encode: { c in [.text(c.id), .text(c.name), .raw(c.platform), .raw(c.tier)] },
        decode: { r in
            Competitor(store: r.store, id: try r.text(), name: try r.text(), platform: try r.value(Platform.self), tier: try r.value(CompetitorTier.self))
        })
}

extension CompetitorItem: StoredFact {
    public static let table = FactTable<CompetitorItem>(
        name: "competitor_items", columns: ["competitor_id", "item_id", "title", "is_core", "our_product_id", "listed_on"],
        key: ["competitor_id", "item_id"], dayFilter: .none, rows: { $0.competitorItems }, store: { $0.store },
        encode: { c in [.text(c.competitorID), .text(c.itemID), .text(c.title), .bool(c.isCore), .text(c.ourProductID), .day(c.listedOn)] },
        decode: { r in
            CompetitorItem(store: r.store, competitorID: try r.text(), itemID: try r.text(), title: try r.text(), isCore: try r.bool(),
                           ourProductID: try r.optionalText(), listedOn: try r.optionalDay())
        })
}

extension CompetitorSnapshot: StoredFact {
    public static let table = FactTable<CompetitorSnapshot>(
        name: "competitor_snapshots",
        columns: ["day", "competitor_id", "item_id", "price_minor", "promo_price_minor", "monthly_sales", "review_count", "title", "main_image"],
        key: ["day", "competitor_id", "item_id"], dayFilter: .column("day"), rows: { $0.competitorSnapshots }, store: { $0.store },
        encode: { c in
            [.day(c.day), .text(c.competitorID), .text(c.itemID), .money(c.price), .money(c.promoPrice), .int(c.monthlySales),
             .int(c.reviewCount), .text(c.title), .text(c.mainImage)]
        },
        decode: { r in
            CompetitorSnapshot(store: r.store, day: try r.day(), competitorID: try r.text(), itemID: try r.text(), price: try r.money(),
                               promoPrice: try r.optionalMoney(), monthlySales: try r.int(), reviewCount: try r.optionalIntValue(), title: try r.text(),
                               mainImage: try r.optionalText())
        })
}

extension KeywordRank: StoredFact {
    public static let table = FactTable<KeywordRank>(
        name: "keyword_ranks", columns: ["day", "keyword", "product_id", "rank"], key: ["day", "keyword", "product_id"],
        dayFilter: .column("day"), rows: { $0.keywordRanks }, store: { $0.store },
        encode: { k in [.day(k.day), .text(k.keyword), .text(k.productID), .int(k.rank)] },
        decode: { r in KeywordRank(store: r.store, day: try r.day(), keyword: try r.text(), productID: try r.text(), rank: try r.optionalIntValue()) })
}
