import StoreOpsCore

extension DemoFileWriter {
    /// The item list with costs (a products sheet under a mapping: no Taobao export carries unit costs), each later cost
    /// change as a products file dated the day it takes effect, and the hero items and lead times as an item-settings
    /// sheet.
    func catalog(_ b: FactBatch, start: Day) -> [DemoFile] {
        let header = ["宝贝ID", "标题", "类目", "商家编码", "价格", "成本价", "重量(克)", "销售属性"]
        let columns = [
            ("product_id", "宝贝ID"), ("title", "标题"), ("category", "类目"), ("sku", "商家编码"), ("price", "价格"),
            ("cost", "成本价"), ("grams", "重量(克)"), ("attributes", "销售属性"),
        ]
        let products = Dictionary(b.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Costs by the day they take effect, in order; the earliest is the list's own.
        var costs: [Day: [String: Money]] = [:]
        for cost in b.skuCosts { costs[cost.effectiveFrom, default: [:]][cost.skuID] = cost.unitCost }
        let days = costs.keys.sorted()
        func rows(_ skus: [SKU], _ cost: [String: Money]) -> [[String]] {
            skus.map { sku in
                let p = products[sku.productID]
                return [
                    sku.productID, p?.title ?? "", p?.category ?? "", sku.id, money(sku.price), money(cost[sku.id]),
                    count(sku.weightGrams), sku.attributes,
                ]
            }
        }
        var files: [DemoFile] = []
        for (n, day) in days.enumerated() {
            let cost = costs[day]!
            let skus = n == 0 ? b.skus : b.skus.filter { cost[$0.id] != nil }
            let name = n == 0 ? "items.csv" : "item-costs-\(day.iso).csv"
            files.append(
                DemoFile(
                    name, csv(header, rows(skus, cost)), kind: nil,
                    mapping: mapping("products", "商品清单（含成本）", columns), date: day))
        }
        if days.isEmpty {
            files.append(
                DemoFile(
                    "items.csv", csv(header, rows(b.skus, [:])), kind: nil,
                    mapping: mapping("products", "商品清单（含成本）", columns), date: start))
        }
        let heroes = Set(b.products.filter(\.isHero).map(\.id))
        let settings = b.skus.compactMap { sku -> [String]? in
            let hero = heroes.contains(sku.productID)
            guard hero || sku.leadTimeDays != nil else { return nil }
            return [sku.id, hero ? "是" : "", count(sku.leadTimeDays), ""]
        }
        files.append(
            DemoFile("item-settings.csv", csv(["商家编码", "主推款", "交期天数", "安全天数"], settings), kind: "sku-settings"))
        return files
    }

    /// The 订单报表: one row per order with its parcel, and what was refunded on it.
    func orders(_ b: FactBatch) -> DemoFile {
        let parcels = Dictionary(
            b.shipments.compactMap { s in s.orderID.map { ($0, s) } }, uniquingKeysWith: { _, last in last })
        var refunded: [String: Money] = [:]
        for refund in b.refunds where refund.status == .completed {
            refunded[refund.orderID] = (refunded[refund.orderID] ?? .zero(refund.amount.currency)).adding(refund.amount)
        }
        let rows = b.orders.map { o -> [String] in
            let parcel = parcels[o.id]
            return [
                id(o.id), o.buyer ?? "", statusText(o.status), time(o.createdAt), o.paidAt.map(time) ?? "",
                money(o.goodsTotal),
                money(o.shippingFee), money(o.paidAmount), count(o.units),
                money(refunded[o.id] ?? .zero(o.paidAmount.currency)),
                o.region.map { "\($0) 示例市 示例区 示例路1号" } ?? "", parcel.map { id($0.trackingNo) } ?? "",
                parcel?.carrier ?? "", parcel?.shippedAt.map(time) ?? "",
            ]
        }
        return DemoFile(
            "orders.csv",
            csv(
                [
                    "订单编号", "买家会员名", "订单状态", "订单创建时间", "订单付款时间", "总金额", "买家应付邮费",
                    "买家实际支付金额", "宝贝总数量", "退款金额", "收货地址", "物流单号", "物流公司", "发货时间",
                ], rows),
            kind: "taobao-orders")
    }

    /// The 宝贝报表: one row per order line, an order's lines together.
    func orderItems(_ b: FactBatch) -> DemoFile {
        let rows = b.orderLines.map { l in
            [id(l.orderID), l.title, money(l.unitPrice), String(l.quantity), l.skuID ?? "", l.productID ?? ""]
        }
        return DemoFile(
            "order-items.csv", csv(["订单编号", "标题", "价格", "购买数量", "商家编码", "宝贝ID"], rows), kind: "taobao-items")
    }

    /// The 退款报表.
    func refunds(_ b: FactBatch) -> DemoFile {
        let rows = b.refunds.map { r -> [String] in
            let status =
                switch r.status {
                case .completed: "退款成功"
                case .closed: "退款关闭"
                case .waitingReturn: "卖家已经同意退款，等待买家退货"
                case .waitingSeller: "买家已经申请退款，等待卖家同意"
                }
            let needsReturn = r.kind != .refundOnly
            return [
                id(r.id), id(r.orderID), r.productID ?? "", r.skuID ?? "", money(r.amount), status,
                needsReturn ? "是" : "否",
                r.returnedToStock ? "买家已退货" : (needsReturn ? "买家未退货" : "买家未收到货"), r.reason, time(r.requestedAt),
                r.completedAt.map(time) ?? "", r.dueAt.map(time) ?? "",
            ]
        }
        return DemoFile(
            "refunds.csv",
            csv(
                [
                    "退款编号", "订单编号", "商品id", "商家编码", "买家退款金额", "退款状态", "是否需要退货", "货物状态",
                    "买家退款原因", "退款的申请时间", "退款完结时间", "超时时间",
                ], rows), kind: "taobao-refunds")
    }

    /// A tracking export: every report of the parcels a carrier's API still keeps, and the latest state of older ones.
    func tracking(_ b: FactBatch) -> DemoFile {
        var rows: [[String]] = []
        var reported = Set<String>()
        let parcels = Dictionary(b.shipments.map { ($0.trackingNo, $0) }, uniquingKeysWith: { _, last in last })
        for event in b.logisticsEvents {
            reported.insert(event.trackingNo)
            let parcel = parcels[event.trackingNo]
            rows.append([
                id(event.trackingNo), parcel?.carrier ?? "", trackingText(event.status), time(event.at),
                event.description,
                parcel?.orderID.map(id) ?? "",
            ])
        }
        for parcel in b.shipments where !reported.contains(parcel.trackingNo) {
            guard let status = parcel.status, let at = parcel.lastEventAt else { continue }
            rows.append([
                id(parcel.trackingNo), parcel.carrier ?? "", trackingText(status), time(at), "",
                parcel.orderID.map(id) ?? "",
            ])
        }
        return DemoFile(
            "tracking.csv", csv(["运单号", "快递公司", "物流状态", "最后更新时间", "最新轨迹", "订单编号"], rows),
            kind: "tracking-status")
    }

    /// The review export.
    func reviews(_ b: FactBatch) -> DemoFile {
        let rows = b.reviews.map { r in
            [
                id(r.id), r.orderID.map(id) ?? "", r.productID, String(r.rating), r.text, time(r.at),
                r.replied ? "是" : "否",
            ]
        }
        return DemoFile(
            "reviews.csv", csv(["评价ID", "订单编号", "宝贝ID", "星级", "评价内容", "评价时间", "是否回复"], rows),
            kind: "taobao-reviews")
    }

    /// 淘宝客 orders with their commissions.
    func affiliate(_ b: FactBatch) -> DemoFile {
        let rows = b.affiliateCommissions.map {
            [id($0.orderID), $0.day.iso, money($0.orderAmount), money($0.commission)]
        }
        return DemoFile("affiliate-orders.csv", csv(["淘宝父订单编号", "日期", "付款金额", "预估佣金"], rows), kind: "affiliate-orders")
    }

    /// The live sessions list.
    func live(_ b: FactBatch) -> DemoFile {
        let rows = b.liveSessions.map { s in
            [s.id, s.day.iso, s.host, String(s.durationMinutes), String(s.viewers), String(s.orders), money(s.gmv)]
        }
        return DemoFile(
            "live-sessions.csv", csv(["场次ID", "日期", "主播", "直播时长(分钟)", "观看人数", "成交笔数", "成交金额"], rows),
            kind: "live-sessions")
    }

    func statusText(_ status: OrderStatus) -> String {
        switch status {
        case .awaitingPayment: "等待买家付款"
        case .paid, .paidShippingUnknown: "买家已付款，等待卖家发货"
        case .shipped: "卖家已发货，等待买家确认"
        case .completed: "交易成功"
        case .closed: "交易关闭"
        }
    }

    func trackingText(_ status: Shipment.Status) -> String {
        switch status {
        case .inTransit: "在途"
        case .delivered: "签收"
        case .lost: "丢失"
        case .returned: "退回"
        }
    }
}
