import StoreOpsCore

/// The master-table row of one day beside the day before and the same weekday a week earlier, with the
/// 14 days ending on it for sparklines.
public struct DailyReport: Sendable {
    public let store: Store
    public let day: Day
    public let row: MasterTableRow
    public let previousDay: MasterTableRow
    public let lastWeek: MasterTableRow
    /// The 14 days ending on `day`, oldest first.
    public let history: [MasterTableRow]
    /// The day against the period's target, when a target covers it.
    public var target: TargetPacing?
    /// Why GMV moved against the baseline, when both days have sales and traffic.
    public var why: WhyAnalysis?
    /// The morning checks of the day, when they were run for the briefing.
    public var checks: CheckReport?
    /// The store's open tasks, by due date.
    public var openTasks: [OpsTask] = []
    /// The activities (platform events and own promotions) running on the day, by first day.
    public var activities: [Activity] = []

    /// Builds the report of `day` from the master table of (at least) the 14 days ending on it.
    public init?(store: Store, day: Day, table: [MasterTableRow]) {
        let byDay = Dictionary(table.map { ($0.day, $0) }, uniquingKeysWith: { first, _ in first })
        guard let row = byDay[day], let previous = byDay[day.adding(days: -1)], let lastWeek = byDay[day.adding(days: -7)] else { return nil }
        self.store = store
        self.day = day
        self.row = row
        self.previousDay = previous
        self.lastWeek = lastWeek
        self.history = DayRange(ending: day, count: 14).compactMap { byDay[$0] }
    }

    /// The days of master table the report needs.
    public static func daysNeeded(for day: Day) -> DayRange { DayRange(ending: day, count: 14) }

    /// The fields worth showing: those with data on any of the three days; ad channels only when they spent.
    public var shownFields: [MasterField] { MasterField.worthShowing { [row[$0], previousDay[$0], lastWeek[$0]] } }

    /// The fields without a value on the day, grouped by why, in the order of the gaps.
    public var gaps: [(gap: DataGap, fields: [MasterField])] {
        let grouped = Dictionary(grouping: MasterField.allCases.filter { row.gaps[$0] != nil }) { row.gaps[$0]! }
        return grouped.keys.sorted().map { ($0, grouped[$0]!) }
    }
}
