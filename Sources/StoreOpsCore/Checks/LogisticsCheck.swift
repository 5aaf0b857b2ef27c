/// Orders and parcels (domain guide §9): paid orders not shipped within the promised time, parcels with no
/// tracking update for 72 h, lost and returned parcels, and big orders paid on the day to double-check before they
/// ship (address, buyer, stock). Each is priced at the order's paid amount.
public struct LogisticsCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        var findings: [Finding] = []
        for order in input.unshippedOrders {
            guard let paid = order.paidAt else { continue }
            let due = order.shipBy ?? paid.adding(hours: settings.shipWithinHours)
            guard due < input.now else { continue }
            let late = (input.now.seconds - due.seconds) / 3600
            findings.append(Finding(
                check: .unshippedOrder, severity: late >= 24 ? .critical : .warning, subject: order.id, atStake: order.paidAmount,
                evidence: [Evidence("paid_at", .instant(paid)), Evidence("ship_by", .instant(due)), Evidence("hours_late", .count(late)),
                           Evidence("paid_amount", .money(order.paidAmount))],
                adviceZh: "订单 \(order.id) 已超过承诺发货时间 \(late) 小时未发货：立即发货并联系买家，避免延迟发货投诉和扣分。",
                adviceEn: "Order \(order.id) is \(late) h past its promised shipping time: ship it now and contact the buyer before a late-shipment complaint and penalty.",
                role: .service))
        }
        for parcel in input.openShipments {
            // A parcel without a tracking report has nothing to judge: no update is not a stalled update.
            guard let status = parcel.status, let last = parcel.lastEventAt else { continue }
            let amount = parcel.orderID.flatMap { input.orderAmounts[$0] }
            let order = parcel.orderID ?? "—", carrier = parcel.carrier ?? "—"
            switch status {
            case .inTransit:
                let silent = (input.now.seconds - last.seconds) / 3600
                guard silent >= Int64(settings.stalledAfterHours) else { continue }
                findings.append(Finding(
                    check: .stalledShipment, severity: .warning, subject: parcel.trackingNo, atStake: amount,
                    evidence: [Evidence("order_id", .text(order)), Evidence("carrier", .text(carrier)),
                               Evidence("last_update", .instant(last)), Evidence("hours_without_update", .count(silent))],
                    adviceZh: "包裹 \(parcel.trackingNo)（\(carrier)）已 \(silent) 小时无物流更新：联系快递核实，并主动告知买家。",
                    adviceEn: "Parcel \(parcel.trackingNo) (\(carrier)) has had no tracking update for \(silent) h: "
                        + "ask the carrier and tell the buyer first.",
                    role: .service))
            case .lost, .returned:
                let lost = status == .lost
                findings.append(Finding(
                    check: lost ? .lostShipment : .returnedShipment, severity: lost ? .critical : .warning,
                    subject: parcel.trackingNo, atStake: amount,
                    evidence: [Evidence("order_id", .text(order)), Evidence("carrier", .text(carrier)),
                               Evidence("status", .text(status.rawValue)), Evidence("last_update", .instant(last))],
                    adviceZh: lost ? "包裹 \(parcel.trackingNo) 丢失：向快递理赔，并为订单 \(order) 补发。"
                                   : "包裹 \(parcel.trackingNo) 被退回：联系买家确认地址或退款，入库时检查商品。",
                    adviceEn: lost ? "Parcel \(parcel.trackingNo) is lost: claim from the carrier and resend order \(order)."
                                   : "Parcel \(parcel.trackingNo) is coming back: ask the buyer (address or refund) and check "
                                       + "the goods on arrival.",
                    role: .service))
            case .delivered:
                continue
            }
        }
        for order in input.paidOrders where order.paidDay == input.day && order.paidAmount.minor >= settings.bigOrderMinor {
            let unitsZh = order.units.map { "，\($0) 件" } ?? "", unitsEn = order.units.map { ", \($0) units" } ?? ""
            findings.append(Finding(
                check: .bigOrder, severity: .info, subject: order.id, atStake: order.paidAmount,
                evidence: [Evidence("paid_amount", .money(order.paidAmount)), Evidence("units", order.units.map { .count(Int64($0)) } ?? .text("—")),
                           Evidence("threshold", .money(Money(minor: settings.bigOrderMinor, currency: order.paidAmount.currency))),
                           Evidence("shipped", .text(order.shippedAt == nil ? "no" : "yes"))],
                adviceZh: "大额订单 \(order.id)（\(order.paidAmount.decimalString)\(unitsZh)）：发货前核对收货信息和买家，留意刷单或恶意退款风险。",
                adviceEn: "Big order \(order.id) (\(order.paidAmount.decimalString)\(unitsEn)): check the address and the buyer before it ships (fake orders, refund abuse).",
                role: .service))
        }
        // Orders whose export had no status or shipping columns are not judged above; say so once, not once per order.
        let unknown = input.paidOrders.filter { $0.paidDay == input.day && $0.status == .paidShippingUnknown }
        if !unknown.isEmpty {
            findings.append(Finding(
                check: .shippingUnknown, severity: .info, subject: "\(unknown.count)", atStake: nil,
                evidence: [Evidence("orders", .count(Int64(unknown.count)))],
                adviceZh: "\(input.day.iso) 付款的 \(unknown.count) 笔订单来自没有订单状态和发货时间的导出，无法判断是否超时未发货，未做检查。"
                    + "导入含“订单状态”或“发货时间”列的订单报表即可检查。",
                adviceEn: "\(unknown.count) orders paid on \(input.day.iso) came from an export without status or shipping times, so the "
                    + "unshipped check could not judge them. Import an order export with its status or shipping-time column to check them.",
                role: .service))
        }
        return findings
    }
}
