/// One problem a morning check found: what, where, how much money is at stake, the numbers that show it, the
/// advice, and who should act on it.
public struct Finding: Hashable, Sendable {
    public var check: CheckKind
    public var severity: Severity
    /// What the finding is about: a keyword, an agent, a SKU, an order, a parcel, a competitor item.
    public var subject: String
    /// The money this costs or puts at risk (nil when it cannot be priced).
    public var atStake: Money?
    /// The numbers behind the finding, in reading order.
    public var evidence: [Evidence]
    /// What to do, in both languages.
    public var adviceZh: String
    public var adviceEn: String
    /// Who acts on it.
    public var role: TaskRole

    public init(check: CheckKind, severity: Severity, subject: String, atStake: Money?, evidence: [Evidence], adviceZh: String, adviceEn: String,
                role: TaskRole) {
        self.check = check
        self.severity = severity
        self.subject = subject
        self.atStake = atStake
        self.evidence = evidence
        self.adviceZh = adviceZh
        self.adviceEn = adviceEn
        self.role = role
    }

    /// The check's section.
    public var section: CheckSection { check.section }

    /// How urgent a finding is.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case info, warning, critical

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }
}

/// One number (or fact) behind a finding, under a stable key.
public struct Evidence: Hashable, Sendable {
    public var key: String
    public var value: Value

    public init(_ key: String, _ value: Value) {
        self.key = key
        self.value = value
    }

    public enum Value: Hashable, Sendable {
        case money(Money)
        case count(Int64)
        case rate(Ratio)
        case text(String)
        case day(Day)
        case instant(Instant)
    }
}
