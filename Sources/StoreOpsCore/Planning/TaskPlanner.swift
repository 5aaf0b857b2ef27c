/// Turns a day's findings into tasks (domain guide §14), pure: a finding with no open task of the same key gets a new
/// task (role from the finding, due by severity: critical the next day, warning in two days, info in a week); a
/// finding whose task is still open updates that task's text (never a second task); a finding in the data of a day
/// up to the day its task was closed makes no new task (the fix came after it); and a closed task learns whether
/// its metric recovered: no if its finding came back within seven days of closing, yes once seven days passed
/// without it.
public struct TaskPlanner: Sendable {
    /// What a run changes: the rows to upsert, and their ids by kind of change.
    public struct Plan: Hashable, Sendable {
        public var writes: [OpsTask] = []
        public var created: [String] = []
        public var updated: [String] = []
        public var recovered: [String] = []
        public var relapsed: [String] = []
    }

    public init() {}

    /// The key that identifies a finding across days: its check and subject.
    public static func key(of finding: Finding) -> String { "\(finding.check.rawValue):\(finding.subject)" }

    /// The check kind of a task created from a finding (nil for hand-made tasks).
    public static func check(of task: OpsTask) -> CheckKind? {
        task.findingKey.flatMap { key in key.firstIndex(of: ":").flatMap { CheckKind(rawValue: String(key[..<$0])) } }
    }

    /// The subject of a task's finding (its key after the check), e.g. a keyword; nil for hand-made tasks.
    public static func subject(of task: OpsTask) -> String? {
        task.findingKey.flatMap { key in key.firstIndex(of: ":").map { String(key[key.index(after: $0)...]) } }
    }

    /// The plan for `findings` of `day`, given every task the store has.
    public func plan(findings: [Finding], day: Day, now: Instant, existing: [OpsTask], store: Store) -> Plan {
        var plan = Plan()
        var open: [String: OpsTask] = [:], lastClosed: [String: Day] = [:]
        for task in existing {
            guard let key = task.findingKey else { continue }
            if task.status == .open { open[key] = task }
            if let closed = task.closedAt {
                let day = store.timeZone.day(of: closed)
                lastClosed[key] = max(lastClosed[key] ?? day, day)
            }
        }
        var next = existing.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
        let found = Set(findings.map(Self.key))
        var seen = Set<String>()
        for finding in findings {
            let key = Self.key(of: finding)
            guard seen.insert(key).inserted else { continue }
            let detail = finding.adviceZh + "\n" + finding.adviceEn
            if var task = open[key] {
                // The latest numbers; the role and assignee stay as the team set them.
                guard task.detail != detail else { continue }
                task.detail = detail
                plan.writes.append(task)
                plan.updated.append(task.id)
            } else if let closed = lastClosed[key], day <= closed {
                // The data of a day up to the one its task was closed on predates the fix: no new task.
                continue
            } else {
                next += 1
                let days = switch finding.severity { case .critical: 1; case .warning: 2; case .info: 7 }
                let task = OpsTask(store: store.id, id: "T\(next)", title: finding.subject, detail: detail, role: finding.role, findingKey: key,
                                   due: day.adding(days: days), status: .open, createdAt: now)
                plan.writes.append(task)
                plan.created.append(task.id)
            }
        }
        // Closed tasks waiting for their verdict.
        for var task in existing where task.status == .done && task.recovered == nil {
            guard let key = task.findingKey, let closed = task.closedAt else { continue }
            let closedDay = store.timeZone.day(of: closed)
            guard day > closedDay else { continue }
            if found.contains(key) && day <= closedDay.adding(days: 7) {
                task.recovered = false
                plan.relapsed.append(task.id)
            } else if day >= closedDay.adding(days: 7) {
                task.recovered = !found.contains(key)
                if task.recovered! { plan.recovered.append(task.id) } else { plan.relapsed.append(task.id) }
            } else {
                continue
            }
            plan.writes.append(task)
        }
        return plan
    }
}
