import StoreOpsCore

extension DataGap {
    /// What is missing and how to fill it, in `language`.
    public func explanation(_ language: Language) -> String {
        switch self {
        case .noOrders: language.pick("没有覆盖这一天的订单导出（导入订单报表）", "no order export covers the day (import one)")
        case .noBuyers:
            language.pick("订单导出没有买家列（导入含“买家会员名”的订单报表）", "the order export had no buyer column (import one with the buyer, e.g. 买家会员名)")
        case .noUnits:
            language.pick("订单导出没有件数列也没有宝贝明细（导入含“宝贝总数量”的订单报表或宝贝报表）",
                          "the order export had neither units nor item lines (import one with 宝贝总数量, or the item export)")
        case .noTraffic: language.pick("没有这一天的店铺流量（导入生意参谋店铺概况）", "no store traffic for the day (import the 生意参谋 store overview)")
        case .noBounceRate: language.pick("流量导出没有跳失率", "the traffic export has no bounce rate")
        case .noAds: language.pick("没有覆盖这一天的推广报表（导入直通车等报表）", "no ads report covers the day (import the 直通车 or other ads report)")
        case .noUnitCosts:
            language.pick("售出的 SKU 没有成本（导入含成本的商品表）", "the SKUs sold have no unit cost (import a products file with costs)")
        case .noCostSettings: language.pick("没有成本设置（storeops costs set）", "no cost settings (storeops costs set)")
        case .noRefunds:
            language.pick("没有覆盖这一天的退款数据（导入退款报表，或含退款金额列的订单报表）",
                          "no refund data covers the day (import the refund export, or an order export with its refund column)")
        case .undatedRefunds:
            language.pick("有退款没有完结时间（订单报表的退款金额列），无法按退款日统计（导入退款报表）",
                          "some refunds have no completion date (an order export's refund column), so by refund day is unknown "
                            + "(import the refund export)")
        case .noAffiliate: language.pick("没有导入淘宝客佣金", "no affiliate commissions imported")
        case .noLive: language.pick("没有导入直播场次", "no livestream sessions imported")
        case .noScores: language.pick("没有店铺评分（DSR）", "no store scores (DSR)")
        case .noCustomerHistory:
            language.pick("未读取客户历史，新老客未计算", "the customer history was not read, so new and returning buyers are not computed")
        case .nothingToDivide: language.pick("当天分母为零（如没有花费、没有买家）", "nothing to divide by that day (no spend, no buyers)")
        }
    }
}
