/// The group a traffic source belongs to (domain guide §5).
public enum TrafficGroup: String, Sendable, Codable, CaseIterable {
    case free, paid, activity, other

    /// The group of a platform source name; unknown names are `other`.
    public static func of(source: String) -> TrafficGroup {
        let paid = ["直通车", "引力魔方", "钻展", "超级推荐", "淘宝客", "万相台", "品销宝", "千川", "PPC", "Sponsored", "Google Ads", "Meta Ads"]
        let activity = ["聚划算", "淘抢购", "天天特价", "活动", "百亿补贴"]
        let free = ["手淘搜索", "手淘推荐", "猜你喜欢", "购物车", "我的淘宝", "直接访问", "店铺首页", "站外", "淘宝直播", "直播", "Organic", "Direct", "Search", "Referral", "Social", "Email"]
        if paid.contains(where: { source.localizedStandardContainsCompat($0) }) { return .paid }
        if activity.contains(where: { source.localizedStandardContainsCompat($0) }) { return .activity }
        if free.contains(where: { source.localizedStandardContainsCompat($0) }) { return .free }
        return .other
    }
}

extension String {
    /// Case-insensitive ASCII containment without Foundation.
    func localizedStandardContainsCompat(_ other: String) -> Bool {
        lowercased().contains(other.lowercased())
    }
}
