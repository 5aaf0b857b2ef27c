import StoreOpsCore

extension ActivityKind {
    /// 平台活动 / platform event, 自营活动 / own promotion.
    public func label(_ l: Language) -> String {
        switch self {
        case .platformEvent: l.pick("平台活动", "platform event")
        case .selfRun: l.pick("自营活动", "own promotion")
        }
    }
}

extension ActivityStatus {
    /// 计划中, 已报名, 进行中, 已结束.
    public func label(_ l: Language) -> String {
        switch self {
        case .planned: l.pick("计划中", "planned")
        case .registered: l.pick("已报名", "registered")
        case .running: l.pick("进行中", "running")
        case .ended: l.pick("已结束", "ended")
        }
    }
}

extension Activity {
    /// The activity as a report shows it on `day`: its name, kind, which of its days and its GMV goal,
    /// `双12（平台活动，第 2/3 天，目标 300,000.00）`.
    public func line(on day: Day, _ l: Language) -> String {
        let n = start.distance(to: day) + 1, total = start.distance(to: end) + 1
        let goal = gmvGoal.map { l.pick("，目标 \($0.groupedString)", ", goal \($0.groupedString)") } ?? ""
        return name + l.pick("（\(kind.label(l))，第 \(n)/\(total) 天\(goal)）", " (\(kind.label(l)), day \(n) of \(total)\(goal))")
    }
}
