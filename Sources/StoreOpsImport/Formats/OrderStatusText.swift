import StoreOpsCore

/// Order status words of the platforms, normalised.
enum OrderStatusText {
    static let exact: [String: OrderStatus] = [
        "交易成功": .completed, "交易关闭": .closed, "等待买家付款": .awaitingPayment, "买家已付款，等待卖家发货": .paid,
        "卖家已发货，等待买家确认": .shipped, "已完成": .completed, "已发货": .shipped, "待发货": .paid, "已关闭": .closed, "待支付": .awaitingPayment,
        "备货中": .paid, "已收货": .completed, "已发货，待收货": .shipped, "已取消": .closed, "paid": .paid, "partially_refunded": .paid,
        "partially_paid": .paid, "refunded": .closed, "pending": .awaitingPayment, "authorized": .awaitingPayment, "voided": .closed,
        // Amazon's order-status.
        "shipped": .shipped, "unshipped": .paid, "partiallyshipped": .paid, "shipping": .paid, "cancelled": .closed,
        "canceled": .closed, "delivered": .completed,
    ]

    static func status(_ text: String?) -> OrderStatus? {
        guard let text else { return nil }
        if let status = exact[text] ?? exact[text.lowercased()] { return status }
        if text.contains("关闭") || text.contains("取消") { return .closed }
        if text.contains("待付款") || text.contains("等待买家付款") || text.contains("待支付") { return .awaitingPayment }
        if text.contains("成功") || text.contains("完成") || text.contains("已收货") { return .completed }
        if text.contains("已发货") || text.contains("待收货") { return .shipped }
        return .paid
    }
}
