/// Hero items by sales (domain guide §10): the fewest items whose GMV makes at least a share of the store's, for a
/// store that flags none by hand.
public enum HeroItems {
    /// The items, largest GMV first (ties by id), until their GMV reaches `share` of the total; none without sales.
    public static func covering(_ share: Ratio, of gmvByProduct: [String: Int64]) -> Set<String> {
        // In Double: a selection, not an amount; sums of any size compare without overflow.
        let total = gmvByProduct.values.reduce(0.0) { $0 + Double(max($1, 0)) }
        guard total > 0, share.denominator > 0 else { return [] }
        let target = total * Double(share.numerator) / Double(share.denominator)
        var heroes = Set<String>(), sum = 0.0
        let ranked = gmvByProduct.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (product, gmv) in ranked {
            if sum >= target || gmv <= 0 { break }
            heroes.insert(product)
            sum += Double(gmv)
        }
        return heroes
    }
}
