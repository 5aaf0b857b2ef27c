import StoreOpsCore

/// The findings of one store's morning checks for a day, grouped by section with the most money at stake first.
public struct CheckReport: Sendable {
    public let store: Store
    public let day: Day
    public let findings: [Finding]
    /// Refunds of the after-sales window by reason (the returns Pareto), when the store has any.
    public var returnReasons: ReturnReasons?
    /// What recording the findings as tasks changed, when they were recorded.
    public var tasks: TaskPlanner.Plan?
    /// The checks that could not run for lack of facts, by the kind missing.
    public var notRun: [CheckGap] = []
    /// Every paid-search keyword of the check window with its recommended action, and the window.
    public var keywords: [KeywordVerdict] = []
    public var keywordWindow: DayRange?

    public init(store: Store, day: Day, findings: [Finding], returnReasons: ReturnReasons? = nil, tasks: TaskPlanner.Plan? = nil) {
        self.store = store
        self.day = day
        self.findings = findings
        self.returnReasons = returnReasons
        self.tasks = tasks
    }

    /// The findings by section, in the operator's order; sections without findings are left out.
    public var sections: [(section: CheckSection, findings: [Finding])] {
        CheckSection.allCases.compactMap { section in
            let found = findings.filter { $0.section == section }
            return found.isEmpty ? nil : (section, found)
        }
    }
}
