import StoreOpsCore

/// Checks that could not run because the store lacks one kind of facts: which, and the checks it would feed.
public struct CheckGap: Hashable, Sendable {
    public let missing: CheckData
    public let checks: [CheckKind]

    public init(missing: CheckData, checks: [CheckKind]) {
        self.missing = missing
        self.checks = checks
    }

    /// The gaps of `missing`, in `CheckData` order, each with the checks (in `CheckKind` order) it stops.
    public static func of(missing: Set<CheckData>) -> [CheckGap] {
        CheckData.allCases.filter(missing.contains).compactMap { data in
            let stopped = CheckKind.allCases.filter { $0.needs.contains(data) }
            return stopped.isEmpty ? nil : CheckGap(missing: data, checks: stopped)
        }
    }
}
