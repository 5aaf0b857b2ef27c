/// The e-commerce platform a store sells on.
public enum Platform: String, Sendable, Codable, CaseIterable {
    case taobao, tmall, jd, pdd, douyin, shopify, amazon, other

    /// The platform's name in Simplified Chinese.
    public var chineseName: String {
        switch self {
        case .taobao: "淘宝"
        case .tmall: "天猫"
        case .jd: "京东"
        case .pdd: "拼多多"
        case .douyin: "抖音"
        case .shopify: "Shopify"
        case .amazon: "亚马逊"
        case .other: "其他"
        }
    }

    /// The platform's name in English.
    public var englishName: String {
        switch self {
        case .taobao: "Taobao"
        case .tmall: "Tmall"
        case .jd: "JD"
        case .pdd: "Pinduoduo"
        case .douyin: "Douyin"
        case .shopify: "Shopify"
        case .amazon: "Amazon"
        case .other: "Other"
        }
    }
}
