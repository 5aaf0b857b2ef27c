/// Customer service (domain guide §8): agents whose inquiry conversion (inquirers who paid / inquirers) over the
/// window is under 50 %, or well under the team's, get a training task. The money at stake is the sales they
/// would have made at the team's conversion and the team's paid amount per paying inquirer. Agents whose average
/// first response (weighted by inquiries served) is slower than the limit, or who answer too few within 3 minutes,
/// are reported too.
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
        return findings + responses(input, settings)
    }

    func responses(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        var agents: [String: (served: Int64, firstSum: Int64, firstServed: Int64, within: Int64, withinServed: Int64)] = [:]
        var names: [String] = []
        for row in input.agentDays where row.served > 0 {
            if agents[row.agent] == nil { names.append(row.agent) }
            var a = agents[row.agent] ?? (0, 0, 0, 0, 0)
            let served = Int64(row.served)
            a.served += served
            if let first = row.firstResponseSeconds { a.firstSum += Int64(first) * served; a.firstServed += served }
            if let within = row.answeredWithin3MinPermille { a.within += Int64(within) * served; a.withinServed += served }
            agents[row.agent] = a
        }
        let floor = settings.answeredWithin3MinFloor
        return names.compactMap { name in
            let a = agents[name]!
            let slow = a.firstServed > 0 && a.firstSum > Int64(settings.firstResponseLimitSeconds) * a.firstServed
            // within / 1000 < floor  <=>  within * den < floor.num * 1000 * served
            let late = a.withinServed > 0 && a.within * floor.denominator < floor.numerator * 1000 * a.withinServed
            guard slow || late else { return nil }
            let first = a.firstServed > 0 ? a.firstSum / a.firstServed : 0
            let share = Ratio(a.within, 1000 * max(1, a.withinServed))
            return Finding(
                check: .agentResponse, severity: .warning, subject: name, atStake: nil,
                evidence: [Evidence("served", .count(a.served)), Evidence("first_response_seconds", .count(first)),
                           Evidence("first_response_limit_seconds", .count(Int64(settings.firstResponseLimitSeconds))),
                           Evidence("answered_within_3min", .rate(share)), Evidence("answered_within_3min_floor", .rate(floor))],
                adviceZh: "客服「\(name)」近 \(settings.windowDays) 天平均首次响应 \(first) 秒，3 分钟内回复 \(share.percentString)：检查排班和快捷短语，高峰时段加人。",
                adviceEn: "Agent \(name) took \(first) s to first respond on average over \(settings.windowDays) days and answered \(share.percentString) within 3 minutes: check the rota and quick replies, add staff at peak hours.",
                role: .service)
        }
    }
}
