import StoreOpsCore

extension Order: StoredFact {
    public static let table = FactTable<Order>(
        name: "orders",
        columns: ["order_id", "buyer", "status", "created_at", "paid_at", "paid_day", "goods_total_minor", "shipping_fee_minor",
                  "paid_minor", "units", "source", "region", "ship_by", "shipped_at", "refunds_known"],
        key: ["order_id"], dayFilter: .column("paid_day"), rows: { $0.orders }, store: { $0.store },
        encode: { o in
            [.text(o.id), .text(o.buyer), .raw(o.status), .instant(o.createdAt), .instant(o.paidAt), .day(o.paidDay),
             .money(o.goodsTotal), .money(o.shippingFee), .money(o.paidAmount), .int(o.units), .text(o.source), .text(o.region),
             .instant(o.shipBy), .instant(o.shippedAt), .bool(o.refundsKnown)]
        },
        decode: { r in
            Order(store: r.store, id: try r.text(), buyer: try r.optionalText(), status: try r.value(OrderStatus.self), createdAt: try r.instant(),
                  paidAt: try r.optionalInstant(), paidDay: try r.optionalDay(), goodsTotal: try r.money(), shippingFee: try r.money(),
                  paidAmount: try r.money(), units: try r.optionalIntValue(), source: try r.optionalText(), region: try r.optionalText(),
                  shipBy: try r.optionalInstant(), shippedAt: try r.optionalInstant(), refundsKnown: try r.bool())
        })
}

extension OrderLine: StoredFact {
    public static let table = FactTable<OrderLine>(
        name: "order_lines",
        columns: ["order_id", "line_no", "product_id", "sku_id", "title", "unit_price_minor", "quantity", "paid_minor"],
        key: ["order_id", "line_no"], dayFilter: .ordersPaid,
        rows: { $0.orderLines }, store: { $0.store },
        encode: { l in
            [.text(l.orderID), .int(l.lineNo), .text(l.productID), .text(l.skuID), .text(l.title), .money(l.unitPrice), .int(l.quantity),
             .money(l.paidAmount)]
        },
        decode: { r in
            OrderLine(store: r.store, orderID: try r.text(), lineNo: try r.int(), productID: try r.optionalText(), skuID: try r.optionalText(),
                      title: try r.text(), unitPrice: try r.money(), quantity: try r.int(), paidAmount: try r.optionalMoney())
        })
}

extension Refund: StoredFact {
    public static let table = FactTable<Refund>(
        name: "refunds",
        columns: ["refund_id", "order_id", "product_id", "sku_id", "kind", "status", "reason", "amount_minor", "requested_at",
                  "completed_at", "completed_day", "due_at", "returned_to_stock"],
        key: ["refund_id"],
        dayFilter: .columnOrUndated("completed_day", undated: "(status IN ('waiting_seller', 'waiting_return') OR requested_at >= ?)"),
        rows: { $0.refunds }, store: { $0.store },
        encode: { f in
            [.text(f.id), .text(f.orderID), .text(f.productID), .text(f.skuID), .raw(f.kind), .raw(f.status), .text(f.reason),
             .money(f.amount), .instant(f.requestedAt), .instant(f.completedAt), .day(f.completedDay), .instant(f.dueAt),
             .bool(f.returnedToStock)]
        },
        decode: { r in
            Refund(store: r.store, id: try r.text(), orderID: try r.text(), productID: try r.optionalText(), skuID: try r.optionalText(),
                   kind: try r.value(Refund.Kind.self), status: try r.value(Refund.Status.self), reason: try r.text(), amount: try r.money(),
                   requestedAt: try r.instant(), completedAt: try r.optionalInstant(), completedDay: try r.optionalDay(),
                   dueAt: try r.optionalInstant(), returnedToStock: try r.bool())
        })
}

extension Shipment: StoredFact {
    public static let table = FactTable<Shipment>(
        name: "shipments", columns: ["tracking_no", "order_id", "carrier", "shipped_at", "status", "last_event_at"], key: ["tracking_no"],
        // A day range reads the parcels of the orders paid in it (index shipments_order, migration 5).
        // What a file did not say (NULL) keeps what an earlier file said (migration 11 made them nullable), and the
        // status is that of the latest tracking report, whichever file came last.
        dayFilter: .ordersPaid, keptWhenNull: ["order_id", "carrier", "shipped_at"],
        newest: (clock: "last_event_at", columns: ["status", "last_event_at"]),
        rows: { $0.shipments }, store: { $0.store },
        encode: { s in [.text(s.trackingNo), .text(s.orderID), .text(s.carrier), .instant(s.shippedAt), .raw(s.status), .instant(s.lastEventAt)] },
        decode: { r in
            Shipment(store: r.store, trackingNo: try r.text(), orderID: try r.optionalText(), carrier: try r.optionalText(),
                     shippedAt: try r.optionalInstant(), status: try r.optionalValue(Shipment.Status.self),
                     lastEventAt: try r.optionalInstant())
        })
}

extension LogisticsEvent: StoredFact {
    public static let table = FactTable<LogisticsEvent>(
        name: "logistics_events", columns: ["tracking_no", "at", "status", "description"], key: ["tracking_no", "at"],
        dayFilter: .none, rows: { $0.logisticsEvents }, store: { $0.store },
        encode: { e in [.text(e.trackingNo), .instant(e.at), .raw(e.status), .text(e.description)] },
        decode: { r in
            LogisticsEvent(store: r.store, trackingNo: try r.text(), at: try r.instant(), status: try r.value(Shipment.Status.self),
                           description: try r.text())
        })
}

extension Complaint: StoredFact {
    public static let table = FactTable<Complaint>(
        name: "complaints", columns: ["complaint_id", "order_id", "kind", "penalty_points", "opened_at", "due_at", "resolved"],
        key: ["complaint_id"], dayFilter: .none, rows: { $0.complaints }, store: { $0.store },
        encode: { c in [.text(c.id), .text(c.orderID), .text(c.kind), .int(c.penaltyPoints), .instant(c.openedAt), .instant(c.dueAt), .bool(c.resolved)] },
        decode: { r in
            Complaint(store: r.store, id: try r.text(), orderID: try r.optionalText(), kind: try r.text(), penaltyPoints: try r.int(),
                      openedAt: try r.instant(), dueAt: try r.optionalInstant(), resolved: try r.bool())
        })
}

extension AffiliateCommission: StoredFact {
    public static let table = FactTable<AffiliateCommission>(
        name: "affiliate_commissions", columns: ["order_id", "day", "order_amount_minor", "commission_minor"], key: ["order_id"],
        dayFilter: .column("day"), rows: { $0.affiliateCommissions }, store: { $0.store },
        encode: { a in [.text(a.orderID), .day(a.day), .money(a.orderAmount), .money(a.commission)] },
        decode: { r in
            AffiliateCommission(store: r.store, orderID: try r.text(), day: try r.day(), orderAmount: try r.money(), commission: try r.money())
        })
}

extension LiveSession: StoredFact {
    public static let table = FactTable<LiveSession>(
        name: "live_sessions", columns: ["session_id", "day", "host", "duration_minutes", "viewers", "orders", "gmv_minor"],
        key: ["session_id"], dayFilter: .column("day"), rows: { $0.liveSessions }, store: { $0.store },
        encode: { l in [.text(l.id), .day(l.day), .text(l.host), .int(l.durationMinutes), .int(l.viewers), .int(l.orders), .money(l.gmv)] },
        decode: { r in
            LiveSession(store: r.store, id: try r.text(), day: try r.day(), host: try r.text(), durationMinutes: try r.int(),
                        viewers: try r.int(), orders: try r.int(), gmv: try r.money())
        })
}
