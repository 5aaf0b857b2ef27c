import StoreOpsCore

extension CustomerSegment {
    /// The segment's name in `l`.
    public func label(_ l: Language) -> String {
        switch self {
        case .champions: l.pick("重要价值客户", "Champions")
        case .loyal: l.pick("忠诚客户", "Loyal")
        case .potentialLoyalists: l.pick("潜力客户", "Potential loyalists")
        case .new: l.pick("新客户", "New")
        case .promising: l.pick("有望复购", "Promising")
        case .needAttention: l.pick("需要关注", "Need attention")
        case .aboutToSleep: l.pick("即将沉睡", "About to sleep")
        case .atRisk: l.pick("流失风险", "At risk")
        case .cannotLose: l.pick("不能流失的大客户", "Cannot lose")
        case .hibernating: l.pick("沉睡客户", "Hibernating")
        }
    }
}

extension CustomerSegment.Action {
    /// What to do, in `l`.
    public func label(_ l: Language) -> String {
        switch self {
        case .vipCare: l.pick("VIP 关怀：新品优先、会员礼、专属客服", "VIP care: early access, member gifts, personal service")
        case .membership: l.pick("入会/升级会员，推荐搭配和加购", "Membership or a higher tier; bundles and add-ons")
        case .coupon: l.pick("发复购券，促成下一单", "A coupon for the next purchase")
        case .limitedOffer: l.pick("限时优惠，趁还记得店铺", "A limited-time offer while they remember the store")
        case .reactivation: l.pick("唤醒：短信/私信加大额券", "Re-activation: a message with a strong coupon")
        case .personalOutreach: l.pick("一对一回访，了解为何不再购买", "Personal outreach: ask why they stopped buying")
        case .lowCost: l.pick("只做低成本触达（会员日群发）", "Only cheap mass campaigns (member day)")
        }
    }
}

extension CohortGrain {
    public func label(_ l: Language) -> String {
        switch self {
        case .month: l.pick("月", "month")
        case .week: l.pick("周", "week")
        }
    }
}
