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

extension RowBuilders {
    /// A complaint of the complaints sheet; times are the store's local times.
    static func complaint(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let id = r.required("complaint_id", r.keyID("complaint_id"))
        let kind = r.required("kind", r.text("kind"))
        let opened = r.required("opened_at", r.instant("opened_at"))
        let due = r.instant("due_at"), order = r.keyID("order_id")
        let points = r.count("points") ?? 0
        let resolved = r.resolved("resolved") ?? false
        if let opened, let due, due < opened {
            r.fail("due_at", "The deadline is before the complaint was opened", hint: "Check the opened and deadline columns",
                   zh: ("处理截止时间早于投诉发起时间", "请检查发起时间和截止时间列"))
        }
        guard let id, let kind, let opened, !r.hasErrors else { return }
        facts.complaints.append(Complaint(store: r.context.store.id, id: id, orderID: order, kind: kind, penaltyPoints: points,
                                          openedAt: opened, dueAt: due, resolved: resolved))
    }

    /// A purchase order of the purchase orders sheet; an arrival day closes it.
    static func purchaseOrder(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let id = r.required("po_id", r.keyID("po_id"))
        let sku = r.required("sku", r.keyID("sku"))
        let quantity = r.required("quantity", r.count("quantity"))
        let ordered = r.required("ordered_on", r.day("ordered_on")), expected = r.required("expected_on", r.day("expected_on"))
        let received = r.raw("received_on").flatMap(Cell.clean) != nil ? r.day("received_on") : nil
        let presale = r.flag("presale") ?? false
        if let ordered, let expected, expected < ordered {
            r.fail("expected_on", "The order is expected (\(expected.iso)) before it was placed (\(ordered.iso))",
                   hint: "Check the ordered and expected columns", zh: ("预计到货日期（\(expected.iso)）早于采购日期（\(ordered.iso)）", "请检查采购日期和预计到货日期列"))
        }
        if quantity == 0 { r.fail("quantity", "A purchase order of 0 units", hint: "Give the units ordered", zh: ("采购数量为 0", "请填写采购数量")) }
        guard let id, let sku, let quantity, let ordered, let expected, !r.hasErrors else { return }
        facts.purchaseOrders.append(PurchaseOrder(store: r.context.store.id, id: id, skuID: sku, quantity: quantity, orderedOn: ordered,
                                                  expectedOn: expected, receivedOn: received, isPresale: presale))
    }
}

extension FieldReader {
    /// Resolved or not: yes/no, or a status (已处理/已完结/已撤销 resolved; 处理中/待处理 not).
    mutating func resolved(_ field: String) -> Bool? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        if let flag = Cell.flag(text) { return flag }
        if ["已处理", "已完结", "已撤销", "已关闭", "申诉成功", "resolved", "closed"].contains(text.lowercased()) { return true }
        if ["处理中", "待处理", "待申诉", "申诉中", "open"].contains(text.lowercased()) { return false }
        fail(field, "Not a complaint status", hint: "Expected 是/否, 已处理 or 处理中", zh: ("不是投诉状态", "应为 是/否、已处理 或 处理中"))
        return nil
    }
}
