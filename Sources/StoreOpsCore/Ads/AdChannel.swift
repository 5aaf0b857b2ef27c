/// A paid-promotion channel; the raw value is the master-table key suffix (`ad_spend.ztc`).
public enum AdChannel: String, Sendable, Codable, CaseIterable, Comparable {
    /// 直通车 search ads.
    case ztc
    /// 引力魔方 / 钻展 display ads.
    case display
    /// 超级推荐 feed ads.
    case feed
    /// 品销宝 brand ads.
    case brand
    /// 万相台.
    case wxt
    /// Anything else (千川, Amazon PPC, Google, Meta ...).
    case other

    public var chineseName: String {
        switch self {
        case .ztc: "直通车"
        case .display: "引力魔方"
        case .feed: "超级推荐"
        case .brand: "品销宝"
        case .wxt: "万相台"
        case .other: "其他推广"
        }
    }

    public var englishName: String {
        switch self {
        case .ztc: "Search ads"
        case .display: "Display ads"
        case .feed: "Feed ads"
        case .brand: "Brand ads"
        case .wxt: "Wanxiangtai"
        case .other: "Other ads"
        }
    }

    public static func < (lhs: AdChannel, rhs: AdChannel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
