extension Int64 {
    /// `self + other`, or nil when the sum passes Int64: for sums of stored figures, whose count has no bound.
    public func plus(_ other: Int64) -> Int64? {
        let sum = addingReportingOverflow(other)
        return sum.overflow ? nil : sum.partialValue
    }

    /// `self - other`, or nil when the difference passes Int64.
    public func minus(_ other: Int64) -> Int64? {
        let difference = subtractingReportingOverflow(other)
        return difference.overflow ? nil : difference.partialValue
    }

    /// `self × scale / denominator` (denominator > 0) rounded half up, computed exactly in 128 bits and clamped to
    /// Int64: for shares and means of sums whose products would pass Int64.
    public func scaled(by scale: Int64, over denominator: Int64) -> Int64 {
        precondition(denominator > 0, "division by zero or a negative denominator")
        return Int64(clamping: (Int128(self) * Int128(scale) * 2 + Int128(denominator)) / (Int128(denominator) * 2))
    }

    /// `self * other`, or nil when the product passes Int64.
    public func times(_ other: Int64) -> Int64? {
        let product = multipliedReportingOverflow(by: other)
        return product.overflow ? nil : product.partialValue
    }
}

extension Dictionary where Value == Int64 {
    /// Adds `amount` (nil: a product or sum that overflowed) to `key`'s total; a total that cannot be counted
    /// leaves the key and goes into `unknown`, so that it is shown as unknown rather than wrong.
    public mutating func add(_ amount: Int64?, to key: Key, unknown: inout Set<Key>) {
        guard !unknown.contains(key) else { return }
        guard let amount, let sum = self[key, default: 0].plus(amount) else {
            removeValue(forKey: key)
            unknown.insert(key)
            return
        }
        self[key] = sum
    }
}
