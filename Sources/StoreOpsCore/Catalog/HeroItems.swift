/// Hero items by sales (domain guide §10): the fewest items whose GMV makes at least a share of the store's, for a
/// store that flags none by hand.
public enum HeroItems {
    /// The items, largest GMV first (ties by id), until their GMV reaches `share` of the total; none without sales.
    public static func covering(_ share: Ratio, of gmvByProduct: [String: Int64]) -> Set<String> {
        // In 128 bits: exact minor units, and no sum of Int64 amounts (nor its product with a ratio term) overflows.
        let total = gmvByProduct.values.reduce(Int128(0)) { $0 + Int128(max($1, 0)) }
        guard total > 0, share.denominator > 0 else { return [] }
        let ranked = gmvByProduct.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var heroes = Set<String>(), sum = Int128(0)
        for (product, gmv) in ranked {
            // sum / total >= numerator / denominator
            if sum * Int128(share.denominator) >= total * Int128(share.numerator) || gmv <= 0 { break }
            heroes.insert(product)
            sum += Int128(gmv)
        }
        return heroes
    }
}
