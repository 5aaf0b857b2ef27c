/// Words the demo builds its catalog, people and texts from: a women's apparel store on Taobao.
enum DemoVocabulary {
    static let storeName = "棉麻时光女装店"

    /// Product kinds with a price range in yuan, and the words of their titles.
    static let kinds: [(name: String, category: String, low: Int, high: Int)] = [
        ("连衣裙", "连衣裙", 129, 329), ("衬衫", "衬衫", 89, 199), ("T恤", "T恤", 49, 119), ("半身裙", "半身裙", 89, 219),
        ("阔腿裤", "裤子", 99, 229), ("针织开衫", "毛针织衫", 119, 259), ("卫衣", "卫衣", 99, 199), ("风衣", "外套", 259, 499),
        ("牛仔裤", "裤子", 119, 239), ("毛衣", "毛针织衫", 129, 279), ("打底衫", "T恤", 39, 89), ("西装外套", "外套", 219, 429),
    ]
    static let styles = ["法式", "复古", "简约", "文艺", "韩版", "日系", "港风", "气质", "通勤", "森系"]
    static let materials = ["棉麻", "纯棉", "亚麻", "真丝", "雪纺", "针织", "天丝", "羊毛"]
    static let fits = ["宽松", "显瘦", "收腰", "百搭", "长款", "短款", "高腰", "中长款"]
    static let seasons = ["春秋", "夏季", "秋冬", "四季"]
    static let colors = [("白色", "WH"), ("黑色", "BK"), ("米杏", "BE"), ("雾蓝", "BL"), ("燕麦", "OT"), ("墨绿", "GN")]
    static let sizes = ["S", "M", "L", "XL", "XXL"]

    static let provinces = ["浙江省", "江苏省", "上海", "广东省", "北京", "山东省", "四川省", "湖北省", "福建省", "河南省", "湖南省", "安徽省"]
    static let carriers = [("圆通速递", "YT"), ("中通快递", "ZT"), ("韵达快递", "YD"), ("顺丰速运", "SF")]

    /// Free traffic sources with base daily visitors and conversion.
    static let freeSources: [(name: String, visitors: Double, conversion: Double)] = [
        ("手淘搜索", 3200, 0.032), ("手淘推荐", 2200, 0.016), ("购物车", 500, 0.09), ("我的淘宝", 350, 0.07),
        ("直接访问", 150, 0.05), ("店铺首页", 200, 0.035), ("淘宝客", 300, 0.06),
    ]

    static let refundReasons: [(reason: String, weight: Double)] = [
        ("尺码不合适", 35), ("不喜欢/不想要", 25), ("质量问题", 15), ("颜色/款式与描述不符", 10), ("发错货", 5), ("物流太慢", 10),
    ]

    static let goodReviews = ["面料很舒服，版型好看，会回购", "颜色很正，和图片一样，很满意", "尺码标准，穿着显瘦", "发货快，包装好，衣服质量不错",
                              "性价比很高，已经推荐给朋友了", "做工精细，没有线头，好评"]
    static let neutralReviews = ["还可以吧，有点薄", "一般般，和预期差一点", "颜色比图片暗一些"]
    static let badReviews = ["质量太差了，洗一次就起球", "色差严重，和图片完全不一样", "尺码偏小两码，退货还要自己付运费", "线头很多，像是穿过的"]

    static let agents = ["小美", "小雪", "阿杰", "小糖", "婷婷"]
    static let weakAgent = "阿杰"

    static let competitors: [(id: String, name: String, tier: String)] = [
        ("c-mianyu", "棉语女装旗舰店", "bigger"), ("c-suse", "素色生活馆", "bigger"), ("c-chujian", "初见森林原创", "peer"), ("c-muzi", "木子小铺", "peer"),
    ]

    /// 直通车 keywords per campaign: (keyword, daily impressions, CTR, CPC yuan, CVR, losing in the default demo).
    static let ztcCampaigns: [(campaign: String, keywords: [(String, Double, Double, Double, Double, Bool)])] = [
        ("主推款-连衣裙", [("连衣裙女夏", 9000, 0.028, 1.10, 0.040, false), ("棉麻连衣裙", 5000, 0.034, 0.95, 0.048, false),
                      ("法式复古连衣裙", 4200, 0.031, 1.05, 0.044, false), ("碎花连衣裙长款", 3000, 0.026, 0.90, 0.035, false),
                      ("连衣裙", 15000, 0.012, 2.60, 0.008, true), ("大码连衣裙", 6000, 0.015, 2.20, 0.006, true)]),
        ("日常引流-上衣", [("棉麻衬衫女", 4000, 0.030, 0.80, 0.038, false), ("宽松T恤女", 5000, 0.027, 0.70, 0.033, false),
                       ("针织开衫女春秋", 3200, 0.029, 0.85, 0.036, false), ("女装", 20000, 0.008, 3.10, 0.004, true)]),
        ("新品测款", [("阔腿裤女高腰", 3000, 0.025, 0.90, 0.030, false), ("文艺风衣女中长款", 1800, 0.022, 1.20, 0.028, false)]),
    ]
}
