import StoreOpsCore

/// Parcel tracking from a tracking export: one row per parcel (its latest report) or one per tracking event. Every
/// row with a report is a tracking event; each parcel becomes a shipment carrying its latest report of the file, and
/// what the file does not say (its order, carrier, shipping time) stays as an order export gave it. A row whose status
/// says there is no report yet (`Pending`, 暂无轨迹) names the parcel without judging it.
///
/// No silent loss: two rows of one parcel at the same time with a different status or text is an error naming both
/// lines (one would overwrite the other); the same row twice changes nothing.
struct TrackingBuilder: FactBuilder {
    private var parcels: [String: Shipment] = [:]
    private var order: [String] = []
    private var events = KeyLedger()
    /// Status texts read so far and what they say (a file repeats a handful of them on every row).
    private var reports: [String: TrackingStatusText.Report?] = [:]

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        var r = row
        let trackingNo = r.required("tracking_no", r.keyID("tracking_no"))
        let statusText = r.required("status", r.text("status"))
        var report: TrackingStatusText.Report?
        if let statusText { report = self.report(of: statusText) }
        if let statusText, report == nil {
            r.fail("status", "Unknown tracking status \"\(statusText)\"",
                   hint: "Expected a carrier status such as 揽收, 在途, 派件, 签收, 疑难, 退回, 退签, 丢失 (or InTransit, Delivered, "
                       + "Exception, Returned); describe other values in a mapping file's status column",
                   zh: ("不认识的物流状态“\(statusText)”",
                        "应为揽收、在途、派件、签收、疑难、退回、退签、丢失（或 InTransit、Delivered、Exception、Returned）等快递状态"))
        }
        let at = r.instant("updated_at")
        let description = r.text("event") ?? ""
        let orderID = r.keyID("order_id"), carrier = r.text("carrier"), shippedAt = r.instant("shipped_at")
        if case .status? = report { _ = r.required("updated_at", at) }
        guard let trackingNo, let report, !r.hasErrors else {
            return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())]
        }
        var facts = FactBatch()
        var parcel = parcels[trackingNo] ?? Shipment(store: r.context.store.id, trackingNo: trackingNo, orderID: nil, carrier: nil,
                                                     shippedAt: nil, status: nil, lastEventAt: nil)
        if parcels[trackingNo] == nil { order.append(trackingNo) }
        parcel.orderID = parcel.orderID ?? orderID
        parcel.carrier = parcel.carrier ?? carrier
        parcel.shippedAt = parcel.shippedAt ?? shippedAt
        if case .status(let status) = report, let at {
            let content = KeyLedger.hash("\(status.rawValue)|\(description)".utf8)
            if let earlier = events.note("\(trackingNo)|\(at.seconds)", line: row.record.line, content: content) {
                if !earlier.sameContent {
                    r.fail("updated_at", "Parcel \(trackingNo) has a report of the same time on line \(earlier.line) and on line "
                               + "\(row.record.line) that say different things: one would overwrite the other",
                           hint: "Check the time column (it must be the time of each report), or remove the duplicate row",
                           zh: ("包裹 \(trackingNo) 在第 \(earlier.line) 行和第 \(row.record.line) 行有同一时间、内容不同的物流记录："
                                    + "一行会覆盖另一行",
                                "请检查时间列（应为每条物流记录的时间），或删除重复的行"))
                }
                return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())]
            }
            facts.logisticsEvents.append(LogisticsEvent(store: parcel.store, trackingNo: trackingNo, at: at, status: status,
                                                        description: description))
            if parcel.lastEventAt.map({ at >= $0 }) ?? true {
                parcel.status = status
                parcel.lastEventAt = at
            }
        }
        parcels[trackingNo] = parcel
        return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: facts)]
    }

    /// What a status text says, remembered per text (at most 64 texts).
    private mutating func report(of text: String) -> TrackingStatusText.Report? {
        if let known = reports[text] { return known }
        let report = TrackingStatusText.report(text)
        if reports.count < 64 { reports[text] = report }
        return report
    }

    mutating func finish() -> [CompletedUnit] {
        var facts = FactBatch()
        facts.shipments = order.map { parcels[$0]! }
        return [CompletedUnit(records: [], diagnostics: [], facts: facts)]
    }
}
