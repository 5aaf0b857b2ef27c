import StoreOpsCore

/// Order status words of the platforms, normalised.
enum OrderStatusText {
    static let exact: [String: OrderStatus] = [
        "交易成功": .completed, "交易关闭": .closed, "等待买家付款": .awaitingPayment, "买家已付款，等待卖家发货": .paid,
        "卖家已发货，等待买家确认": .shipped, "已完成": .completed, "已发货": .shipped, "待发货": .paid, "已关闭": .closed, "待支付": .awaitingPayment,
        "备货中": .paid, "已收货": .completed, "已发货，待收货": .shipped, "已取消": .closed, "paid": .paid, "partially_refunded": .paid,
        "partially_paid": .paid, "refunded": .closed, "pending": .awaitingPayment, "authorized": .awaitingPayment, "voided": .closed,
        // JD's 订单状态 (a `(删除)` or `(锁定)` prefix is removed first).
        "等待出库": .paid, "等待确认收货": .shipped, "完成": .completed, "锁定": .paid,
        // Amazon's order-status.
        "shipped": .shipped, "unshipped": .paid, "partiallyshipped": .paid, "shipping": .paid, "cancelled": .closed,
        "canceled": .closed, "delivered": .completed,
    ]

    static func status(_ raw: String?) -> OrderStatus? {
        guard var text = raw else { return nil }
        for mark in ["(删除)", "（删除）", "(锁定)", "（锁定）"] where text.hasPrefix(mark) && text.count > mark.count {
            text.removeFirst(mark.count)
        }
        if let status = exact[text] ?? exact[text.lowercased()] { return status }
        if text.contains("关闭") || text.contains("取消") { return .closed }
        if text.contains("待付款") || text.contains("等待买家付款") || text.contains("待支付") { return .awaitingPayment }
        if text.contains("成功") || text.contains("完成") || text.contains("已收货") { return .completed }
        if text.contains("已发货") || text.contains("待收货") || text.contains("确认收货") { return .shipped }
        return .paid
    }
}
