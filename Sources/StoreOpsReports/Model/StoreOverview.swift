import StoreOpsCore

/// One store's line of the agency overview (代运营总览): its day's GMV and profit, the day's and the month's target
/// attainment, the 14-day GMV trend, and the day's checks (findings by severity, money at stake, checks that could not
/// run). Unknown figures stay unknown.
public struct StoreOverview: Sendable, Equatable {
    public let store: Store
    /// The day shown (yesterday in the store's time zone, unless asked).
    public let day: Day
    public let gmv: MetricValue
    public let netProfit: MetricValue
    /// The day's GMV against its day target (nil without a target or the day's GMV) and the month to date against its
    /// target so far (nil without a target).
    public let dayAttainment: Ratio?
    public let mtdAttainment: Ratio?
    /// GMV of the 14 days ending on `day`, oldest first.
    public let trend: [MetricValue]
    public let critical: Int
    public let warnings: Int
    public let infos: Int
    /// The money at stake of the day's findings together; nil when none says it (or the sum cannot be counted).
    public let atStake: Money?
    /// The checks that could not run for missing data.
    public let notRun: Int

    public init(store: Store, day: Day, rows: [MasterTableRow], pacing: TargetPacing?, checks: CheckReport) {
        self.store = store
        self.day = day
        let today = rows.first { $0.day == day }
        gmv = today?[.gmv] ?? .noData
        netProfit = today?[.netProfit] ?? .noData
        dayAttainment = pacing?.attainment
        mtdAttainment = pacing?.mtdAttainment
        let byDay = Dictionary(rows.map { ($0.day, $0) }, uniquingKeysWith: { a, _ in a })
        trend = DayRange(ending: day, count: 14).map { byDay[$0]?[.gmv] ?? .noData }
        critical = checks.findings.filter { $0.severity == .critical }.count
        warnings = checks.findings.filter { $0.severity == .warning }.count
        infos = checks.findings.filter { $0.severity == .info }.count
        var stake: Int64?
        for money in checks.findings.compactMap(\.atStake) {
            let (sum, overflow) = (stake ?? 0).addingReportingOverflow(money.minor)
            stake = overflow ? nil : sum
            if overflow { break }
        }
        atStake = stake.map { Money(minor: $0, currency: store.currency) }
        notRun = checks.notRun.count
    }

    /// A line from its parts (see `StoreOverview.Kept`).
    public init(store: Store, day: Day, gmv: MetricValue, netProfit: MetricValue, dayAttainment: Ratio?,
                mtdAttainment: Ratio?, trend: [MetricValue], critical: Int, warnings: Int, infos: Int, atStake: Money?,
                notRun: Int) {
        self.store = store
        self.day = day
        self.gmv = gmv
        self.netProfit = netProfit
        self.dayAttainment = dayAttainment
        self.mtdAttainment = mtdAttainment
        self.trend = trend
        self.critical = critical
        self.warnings = warnings
        self.infos = infos
        self.atStake = atStake
        self.notRun = notRun
    }

    /// What needs attention first: more critical findings, then more money at stake, then the month furthest behind its
    /// target, then the store id.
    public static func byAttention(_ a: StoreOverview, _ b: StoreOverview) -> Bool {
        if a.critical != b.critical { return a.critical > b.critical }
        let (sa, sb) = (a.atStake?.minor ?? -1, b.atStake?.minor ?? -1)
        if sa != sb { return sa > sb }
        let (ma, mb) = (a.mtdAttainment?.value ?? .infinity, b.mtdAttainment?.value ?? .infinity)
        if ma != mb { return ma < mb }
        return a.store.id.rawValue < b.store.id.rawValue
    }
}
