/// One customer-service agent's figures for one day (客服绩效).
public struct ServiceAgentDay: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    /// The agent's nickname (客服昵称).
    public var agent: String
    /// People who contacted (咨询人数).
    public var inquiries: Int
    /// People served (接待人数).
    public var served: Int
    /// Pre-sale inquirers (询单人数).
    public var inquirers: Int
    /// Inquirers who ordered (下单人数).
    public var ordered: Int
    /// Inquirers who paid (付款人数).
    public var paid: Int
    /// What those inquirers paid.
    public var paidAmount: Money
    /// First response time.
    public var firstResponseSeconds: Int?
    /// Average response time (平均响应时长).
    public var averageResponseSeconds: Int?
    /// Share of messages answered within 3 minutes, in 1/1000.
    public var answeredWithin3MinPermille: Int?

    public init(store: StoreID, day: Day, agent: String, inquiries: Int, served: Int, inquirers: Int, ordered: Int, paid: Int, paidAmount: Money, firstResponseSeconds: Int? = nil, averageResponseSeconds: Int? = nil, answeredWithin3MinPermille: Int? = nil) {
        self.store = store
        self.day = day
        self.agent = agent
        self.inquiries = inquiries
        self.served = served
        self.inquirers = inquirers
        self.ordered = ordered
        self.paid = paid
        self.paidAmount = paidAmount
        self.firstResponseSeconds = firstResponseSeconds
        self.averageResponseSeconds = averageResponseSeconds
        self.answeredWithin3MinPermille = answeredWithin3MinPermille
    }

    /// Inquiry conversion (询单转化率) = inquirers who paid / inquirers.
    public var inquiryConversion: Ratio { Ratio(Int64(paid), Int64(inquirers)) }
}
