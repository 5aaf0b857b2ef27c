import StoreOpsCore

extension CheckSection {
    /// The section's heading.
    public func label(_ l: Language) -> String {
        switch self {
        case .afterSales: l.pick("售后", "After-sales")
        case .logistics: l.pick("订单与物流", "Orders and logistics")
        case .stock: l.pick("库存", "Stock")
        case .pageHealth: l.pick("页面健康", "Page health")
        case .ads: l.pick("推广", "Ads")
        case .service: l.pick("客服", "Customer service")
        case .reviews: l.pick("评价", "Reviews")
        case .competitors: l.pick("竞品", "Competitors")
        case .listings: l.pick("商品规范", "Listing hygiene")
        }
    }
}

extension CheckKind {
    /// What the finding is, in a few words.
    public func label(_ l: Language) -> String {
        switch self {
        case .unshippedOrder: l.pick("超时未发货", "Unshipped past promise")
        case .stalledShipment: l.pick("物流停滞", "Parcel stalled")
        case .lostShipment: l.pick("包裹丢失", "Parcel lost")
        case .returnedShipment: l.pick("包裹退回", "Parcel returned")
        case .soldOutHero: l.pick("主推款售罄", "Hero item sold out")
        case .restock: l.pick("需要补货", "Restock")
        case .keywordDelete: l.pick("删除关键词", "Delete keyword")
        case .keywordLowerBid: l.pick("降低出价", "Lower bid")
        case .keywordRaiseBid: l.pick("提高出价", "Raise bid")
        case .agentConversion: l.pick("询单转化低", "Low inquiry conversion")
        case .badReview: l.pick("新中差评", "New neutral/bad review")
        case .competitorPriceCut: l.pick("竞品降价", "Competitor price cut")
        }
    }
}

extension TaskRole {
    public func label(_ l: Language) -> String {
        switch self {
        case .operator: l.pick("运营", "operator")
        case .ads: l.pick("推广", "ads")
        case .designer: l.pick("美工", "designer")
        case .service: l.pick("客服", "service")
        case .content: l.pick("内容", "content")
        }
    }
}
