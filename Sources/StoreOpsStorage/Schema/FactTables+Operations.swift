import StoreOpsCore

extension ServiceAgentDay: StoredFact {
    public static let table = FactTable<ServiceAgentDay>(
        name: "service_agent_days",
        columns: ["day", "agent", "inquiries", "served", "inquirers", "ordered", "paid", "paid_amount_minor", "first_response_seconds",
                  "average_response_seconds", "answered_within_3min_permille"],
        key: ["day", "agent"], dayFilter: .column("day"), rows: { $0.serviceAgentDays }, store: { $0.store },
        encode: { a in
            [.day(a.day), .text(a.agent), .int(a.inquiries), .int(a.served), .int(a.inquirers), .int(a.ordered), .int(a.paid),
             .money(a.paidAmount), .int(a.firstResponseSeconds), .int(a.averageResponseSeconds), .int(a.answeredWithin3MinPermille)]
        },
        decode: { r in
            ServiceAgentDay(store: r.store, day: try r.day(), agent: try r.text(), inquiries: try r.int(), served: try r.int(),
                            inquirers: try r.int(), ordered: try r.int(), paid: try r.int(), paidAmount: try r.money(),
                            firstResponseSeconds: try r.optionalIntValue(), averageResponseSeconds: try r.optionalIntValue(),
                            answeredWithin3MinPermille: try r.optionalIntValue())
        })
}

extension Review: StoredFact {
    public static let table = FactTable<Review>(
        name: "reviews", columns: ["review_id", "product_id", "order_id", "rating", "text", "at", "day", "replied"], key: ["review_id"],
        dayFilter: .column("day"), rows: { $0.reviews }, store: { $0.store },
        encode: { v in [.text(v.id), .text(v.productID), .text(v.orderID), .int(v.rating), .text(v.text), .instant(v.at), .day(v.day), .bool(v.replied)] },
        decode: { r in
            Review(store: r.store, id: try r.text(), productID: try r.text(), orderID: try r.optionalText(), rating: try r.int(), text: try r.text(),
                   at: try r.instant(), day: try r.day(), replied: try r.bool())
        })
}

extension DSRScore: StoredFact {
    public static let table = FactTable<DSRScore>(
        name: "dsr_scores", columns: ["day", "description_score", "service_score", "logistics_score"], key: ["day"], dayFilter: .column("day"),
        rows: { $0.dsrScores }, store: { $0.store },
        encode: { d in [.day(d.day), .int(d.description), .int(d.service), .int(d.logistics)] },
        decode: { r in DSRScore(store: r.store, day: try r.day(), description: try r.int(), service: try r.int(), logistics: try r.int()) })
}

extension InventorySnapshot: StoredFact {
    public static let table = FactTable<InventorySnapshot>(
        name: "inventory_snapshots", columns: ["day", "sku_id", "on_hand", "incoming"], key: ["day", "sku_id"], dayFilter: .column("day"),
        rows: { $0.inventory }, store: { $0.store },
        encode: { i in [.day(i.day), .text(i.skuID), .int(i.onHand), .int(i.incoming)] },
        decode: { r in InventorySnapshot(store: r.store, day: try r.day(), skuID: try r.text(), onHand: try r.int(), incoming: try r.int()) })
}

extension PurchaseOrder: StoredFact {
    public static let table = FactTable<PurchaseOrder>(
        name: "purchase_orders", columns: ["po_id", "sku_id", "quantity", "ordered_on", "expected_on", "received_on", "is_presale"],
        // A day range reads the orders received in it and those still open.
        key: ["po_id"], dayFilter: .columnOrOpen("received_on"), rows: { $0.purchaseOrders }, store: { $0.store },
        encode: { p in [.text(p.id), .text(p.skuID), .int(p.quantity), .day(p.orderedOn), .day(p.expectedOn), .day(p.receivedOn), .bool(p.isPresale)] },
        decode: { r in
            PurchaseOrder(store: r.store, id: try r.text(), skuID: try r.text(), quantity: try r.int(), orderedOn: try r.day(),
                          expectedOn: try r.day(), receivedOn: try r.optionalDay(), isPresale: try r.bool())
        })
}

extension Target: StoredFact {
    public static let table = FactTable<Target>(
        name: "targets", columns: ["period", "start_day", "end_day", "gmv_minor", "profit_minor", "ad_budget_minor", "spread"],
        key: ["period", "start_day"], dayFilter: .custom("end_day >= ? AND start_day <= ?".withStoreGuard), rows: { $0.targets }, store: { $0.store },
        encode: { t in [.raw(t.period), .day(t.start), .day(t.end), .money(t.gmv), .money(t.profit), .money(t.adBudget), .raw(t.spread)] },
        decode: { r in
            Target(store: r.store, period: try r.value(Target.Period.self), start: try r.day(), end: try r.day(), gmv: try r.money(),
                   profit: try r.optionalMoney(), adBudget: try r.optionalMoney(), spread: try r.value(Target.Spread.self))
        })
}

extension Activity: StoredFact {
    public static let table = FactTable<Activity>(
        name: "activities", columns: ["activity_id", "name", "kind", "start_day", "end_day", "status", "gmv_goal_minor", "cost_minor"],
        key: ["activity_id"], dayFilter: .custom("end_day >= ? AND start_day <= ?".withStoreGuard), rows: { $0.activities }, store: { $0.store },
        encode: { a in
            [.text(a.id), .text(a.name), .raw(a.kind), .day(a.start), .day(a.end), .raw(a.status), .money(a.gmvGoal), .money(a.cost)]
        },
        decode: { r in
            Activity(store: r.store, id: try r.text(), name: try r.text(), kind: try r.value(ActivityKind.self), start: try r.day(),
                     end: try r.day(), status: try r.value(ActivityStatus.self), gmvGoal: try r.optionalMoney(), cost: try r.optionalMoney())
        })
}

extension OpsTask: StoredFact {
    public static let table = FactTable<OpsTask>(
        name: "tasks",
        columns: ["task_id", "title", "detail", "role", "finding_key", "due_day", "status", "assignee", "created_at", "closed_at", "recovered"],
        key: ["task_id"], dayFilter: .column("due_day"), rows: { $0.tasks }, store: { $0.store },
        encode: { t in
            [.text(t.id), .text(t.title), .text(t.detail), .raw(t.role), .text(t.findingKey), .day(t.due), .raw(t.status), .text(t.assignee),
             .instant(t.createdAt), .instant(t.closedAt), .bool(t.recovered)]
        },
        decode: { r in
            OpsTask(store: r.store, id: try r.text(), title: try r.text(), detail: try r.text(), role: try r.value(TaskRole.self),
                    findingKey: try r.optionalText(), due: try r.day(), status: try r.value(TaskStatus.self), assignee: try r.optionalText(),
                    createdAt: try r.instant(), closedAt: try r.optionalInstant(), recovered: try r.optionalBool())
        })
}

extension CheckSetting: StoredFact {
    public static let table = FactTable<CheckSetting>(
        name: "check_settings", columns: ["name", "value"], key: ["name"], dayFilter: .none, rows: { $0.checkSettings }, store: { $0.store },
        encode: { s in [.text(s.name), .text(s.value)] },
        decode: { r in CheckSetting(store: r.store, name: try r.text(), value: try r.text()) })
}

private extension String {
    /// Prefixes a period-overlap condition (`end >= first AND start <= last`) with a store placeholder so that it
    /// takes the `(store, first, last)` arguments of a custom day filter.
    var withStoreGuard: String { "store_id = ? AND " + self }
}

extension SKUSetting: StoredFact {
    /// A setting row says only what its source said: an unsaid part keeps the stored value.
    public static let table = FactTable<SKUSetting>(
        name: "sku_settings", columns: ["sku_id", "is_hero", "lead_time_days", "safety_days"], key: ["sku_id"], dayFilter: .none,
        keptWhenNull: ["is_hero", "lead_time_days", "safety_days"], rows: { $0.skuSettings }, store: { $0.store },
        encode: { [.text($0.skuID), .bool($0.isHero), .int($0.leadTimeDays), .int($0.safetyDays)] },
        decode: { r in
            SKUSetting(store: r.store, skuID: try r.text(), isHero: try r.optionalBool(), leadTimeDays: try r.optionalIntValue(),
                       safetyDays: try r.optionalIntValue())
        })
}
