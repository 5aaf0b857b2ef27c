import StoreOpsCore

extension RowBuilders {
    /// An activity of the activities sheet: its days, kind and status (default: where the import's day stands against
    /// its days), GMV goal and cost. Its id defaults to its name and first day, as `storeops activity add` makes it.
    static func activity(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let name = r.required("name", r.text("name"))
        let start = r.required("start", r.day("start")), end = r.required("end", r.day("end"))
        let kind = r.activityKind("kind") ?? .platformEvent
        let status = r.activityStatus("status")
        let goal = r.money("gmv_goal"), cost = r.money("cost")
        let id = r.keyID("activity_id")
        if let start, let end, start > end {
            r.fail("end", "The activity ends (\(end.iso)) before it starts (\(start.iso))", hint: "Check the start and end columns",
                   zh: ("活动结束日期（\(end.iso)）早于开始日期（\(start.iso)）", "请检查开始和结束日期列"))
        }
        guard let name, let start, let end, !r.hasErrors else { return }
        let today = r.context.today
        let derived: ActivityStatus = today.map { $0 < start ? .planned : $0 > end ? .ended : .running } ?? .planned
        facts.activities.append(Activity(store: r.context.store.id, id: id ?? "\(name)@\(start.iso)", name: name, kind: kind,
                                         start: start, end: end, status: status ?? derived, gmvGoal: goal, cost: cost))
    }
}

extension FieldReader {
    /// 平台活动 / platform, or 自营 / own.
    mutating func activityKind(_ field: String) -> ActivityKind? {
        guard let text = raw(field).flatMap(Cell.clean)?.lowercased() else { return nil }
        if ["平台活动", "平台", "官方活动", "platform", "platform_event"].contains(text) { return .platformEvent }
        if ["自营", "自营活动", "店铺活动", "店铺自营", "own", "self_run"].contains(text) { return .selfRun }
        fail(field, "Not an activity kind", hint: "Expected 平台活动 (platform) or 自营 (own)",
             zh: ("不是活动类型", "应为“平台活动”或“自营”"))
        return nil
    }

    /// 计划中/已报名/进行中/已结束 or planned/registered/running/ended.
    mutating func activityStatus(_ field: String) -> ActivityStatus? {
        guard let text = raw(field).flatMap(Cell.clean)?.lowercased() else { return nil }
        let words: [(ActivityStatus, [String])] = [(.planned, ["计划中", "未开始", "planned"]), (.registered, ["已报名", "registered"]),
                                                   (.running, ["进行中", "running"]), (.ended, ["已结束", "ended"])]
        if let found = words.first(where: { $0.1.contains(text) }) { return found.0 }
        fail(field, "Not an activity status", hint: "Expected 计划中, 已报名, 进行中 or 已结束 (planned, registered, running, ended)",
             zh: ("不是活动状态", "应为 计划中、已报名、进行中 或 已结束"))
        return nil
    }
}
