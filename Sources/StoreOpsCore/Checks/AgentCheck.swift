/// Customer service (domain guide §8): agents whose inquiry conversion (inquirers who paid / inquirers) over the
/// window is under 50 %, or well under the team's, get a training task. The money at stake is the sales they
/// would have made at the team's conversion and the team's paid amount per paying inquirer.
public struct AgentCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        var agents: [String: (inquirers: Int64, paid: Int64, amount: Money)] = [:]
        var names: [String] = []
        let zero = Money.zero(input.store.currency)
        for row in input.agentDays {
            if agents[row.agent] == nil { names.append(row.agent) }
            let a = agents[row.agent] ?? (0, 0, zero)
            agents[row.agent] = (a.inquirers + Int64(row.inquirers), a.paid + Int64(row.paid), a.amount + row.paidAmount)
        }
        let inquirers = agents.values.reduce(0) { $0 + $1.inquirers }, paid = agents.values.reduce(0) { $0 + $1.paid }
        let amount = agents.values.reduce(zero) { $0 + $1.amount }
        guard inquirers > 0, paid > 0 else { return [] }
        let team = Ratio(paid, inquirers)
        let perPayer = amount.scaled(by: 1, over: paid)
        var findings: [Finding] = []
        for name in names {
            let a = agents[name]!
            guard a.inquirers > 0 else { continue }
            let conversion = Ratio(a.paid, a.inquirers)
            let c = conversion.value ?? 0, t = team.value ?? 0
            let underFloor = c < (settings.agentConversionFloor.value ?? 0.5)
            let underTeam = c < t * (settings.agentBelowTeamShare.value ?? 0.8)
            guard underFloor || underTeam else { continue }
            // Payers missed at the team's rate, rounded down, priced at the team's amount per payer.
            let missed = max(0, a.inquirers * paid / inquirers - a.paid)
            findings.append(Finding(
                check: .agentConversion, severity: underFloor ? .critical : .warning, subject: name, atStake: missed > 0 ? perPayer * missed : nil,
                evidence: [Evidence("inquirers", .count(a.inquirers)), Evidence("paid", .count(a.paid)), Evidence("inquiry_conversion", .rate(conversion)),
                           Evidence("team_inquiry_conversion", .rate(team)), Evidence("missed_payers", .count(missed)), Evidence("paid_per_payer", .money(perPayer))],
                adviceZh: "客服「\(name)」询单转化率 \(conversion.percentString)，团队 \(team.percentString)\(underFloor ? "，低于 50%" : "")：安排培训，请转化高的同事分享话术。",
                adviceEn: "Agent \(name) converts \(conversion.percentString) of inquiries against the team's \(team.percentString)\(underFloor ? ", under 50 %" : ""): schedule training and have the best converters share their approach.",
                role: .service))
        }
        return findings
    }
}
