import StoreOpsCore

extension ChatDigest {
    /// The findings pushed as soon as they are found (a sold-out hero item, a refund about to time out, a
    /// complaint's deadline): what must not wait for tomorrow's briefing.
    public static let alertKinds: Set<CheckKind> = [.soldOutHero, .refundOverdue, .refundDueSoon, .complaint]

    /// The digest of one urgent finding found during the day `day`: what it is, its advice and money at stake.
    public static func alert(_ finding: Finding, store: Store, day: Day, language l: Language, base: String?) -> ChatDigest {
        let stake = finding.atStake.map { l.pick(" · 涉及 \($0.groupedString)", " · \($0.groupedString) at stake") } ?? ""
        let link = Self.link(base, "stores/\(store.id.rawValue)/checks?date=\(day.iso)")
        return ChatDigest(
            title: l.pick("\(store.name) · 提醒：\(finding.check.label(l))", "\(store.name) · alert: \(finding.check.label(l))"),
            summary: l == .zh ? finding.adviceZh : finding.adviceEn, figures: [],
            findings: ["[\(finding.severity.label(l))] \(finding.check.label(l)) · \(finding.subject)\(stake)"], more: 0,
            link: link, language: l)
    }
}
