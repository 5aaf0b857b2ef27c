import StoreOpsCore

/// What a carrier's status text says of a parcel: the Chinese carriers' and aggregators' words (快递100's 在途, 揽收,
/// 疑难, 签收, 退签, 派件, 退回, 转投, 清关, 拒签 and the platforms' 已揽收, 运输中, 派送中, 已签收 ...) and AfterShip's
/// English tags. Problems on the way (疑难, Exception, AttemptFail) are still on the way: the stalled check judges them
/// by their silence.
enum TrackingStatusText {
    /// A status, or that the carrier has no report yet.
    enum Report: Equatable {
        case status(Shipment.Status)
        case noReportYet
    }

    /// The report a status text gives; nil when the text is not a status StoreOps knows.
    static func report(_ text: String) -> Report? {
        let t = text.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
        func has(_ words: String...) -> Bool { words.contains { t.contains($0) } }
        if has("暂无", "无轨迹", "待查询", "pending", "notfound", "inforeceived", "待揽收", "已下单") { return .noReportYet }
        if has("丢失", "遗失", "丢件", "lost") { return .status(.lost) }
        if has("退回", "退签", "拒签", "拒收", "退件", "return") { return .status(.returned) }
        if has("签收", "妥投", "delivered") { return .status(.delivered) }
        if has("在途", "揽收", "揽件", "运输", "派件", "派送", "疑难", "异常", "问题件", "转投", "清关", "待取", "投柜", "驿站",
               "到达", "发出", "已发货", "转单", "transit", "outfordelivery", "attemptfail", "availableforpickup", "exception",
               "expired", "shipped") {
            return .status(.inTransit)
        }
        return nil
    }
}
