/// Store scores (domain guide §9): a DSR score (description, service, logistics) that fell by at least the configured
/// amount between the day before the window and the checked day.
public struct ScoreCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let base = input.day.adding(days: -settings.windowDays)
        guard let before = input.dsrScores.first(where: { $0.day == base }), let now = input.dsrScores.first(where: { $0.day == input.day }) else { return [] }
        let dimensions: [(String, String, String, Int, Int, TaskRole)] = [
            ("description", "描述相符", "item as described", before.description, now.description, .designer),
            ("service", "服务态度", "service", before.service, now.service, .service),
            ("logistics", "物流服务", "logistics", before.logistics, now.logistics, .operator),
        ]
        return dimensions.compactMap { key, zh, en, old, new, role in
            let drop = old - new
            guard drop >= settings.dsrDropTenThousandths, drop > 0 else { return nil }
            let show = { (v: Int) in Money.decimalString(minor: Int64(v), digits: 4) }
            return Finding(
                check: .dsrDrop, severity: .warning, subject: key, atStake: nil,
                evidence: [Evidence("since", .day(base)), Evidence("score_before", .text(show(old))), Evidence("score_now", .text(show(new))),
                           Evidence("drop", .text(show(drop)))],
                adviceZh: "DSR「\(zh)」\(settings.windowDays) 天内从 \(show(old)) 降到 \(show(new))：查近期中差评和投诉的共同原因并整改。",
                adviceEn: "The DSR \(en) score fell from \(show(old)) to \(show(new)) in \(settings.windowDays) days: find what the recent bad reviews and complaints have in common and fix it.",
                role: role)
        }
    }
}
