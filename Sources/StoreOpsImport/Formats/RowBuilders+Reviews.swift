import StoreOpsCore

extension RowBuilders {
    static func review(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let product = r.required("product_id", r.id("product_id"))
        let at = r.required("reviewed_at", r.instant("reviewed_at"))
        let rating = r.required("rating", r.rating("rating"))
        let text = r.text("text") ?? ""
        let order = r.keyID("order_id")
        let replied = r.flag("replied") ?? (r.text("reply") != nil)
        let given = r.keyID("review_id")
        guard let product, let at, let rating, !r.hasErrors else { return }
        // One review per order line: the order and item name it when the export has no review number.
        let id = given ?? order.map { "\($0)|\(product)" }
            ?? "h" + String(SHA256.hex(SHA256.hash(Array("\(product)|\(at.iso)|\(text)".utf8))).prefix(20))
        facts.reviews.append(Review(store: r.context.store.id, id: id, productID: product, orderID: order, rating: rating,
                                    text: text, at: at, day: r.context.store.timeZone.day(of: at), replied: replied))
    }

    static func score(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let day = r.day()
        let description = r.required("description", r.score("description"))
        let service = r.required("service", r.score("service"))
        let logistics = r.required("logistics", r.score("logistics"))
        guard let day, let description, let service, let logistics, !r.hasErrors else { return }
        facts.dsrScores.append(DSRScore(store: r.context.store.id, day: day, description: description, service: service,
                                        logistics: logistics))
    }
}

extension FieldReader {
    /// Stars 1-5 (`5`, `5.0`), or the platforms' classes 好评/中评/差评 as 5, 3 and 1 (only the class is known).
    mutating func rating(_ field: String) -> Int? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        switch text {
        case "好评": return 5
        case "中评": return 3
        case "差评": return 1
        default: break
        }
        if let stars = Cell.decimal(text, digits: 0, round: false), (1...5).contains(stars) { return Int(stars) }
        fail(field, "Not a rating", hint: "Expected 1 to 5 stars, or 好评, 中评 or 差评",
             zh: ("不是评价等级", "应为 1 到 5 星，或 好评、中评、差评"))
        return nil
    }

    /// A store score from 0 to 5 with up to four decimals, in 1/10000 (4.8123 is 48123).
    mutating func score(_ field: String) -> Int? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        if let value = Cell.score(text) { return value }
        fail(field, "Not a store score", hint: "Expected a score from 0 to 5 such as 4.8123",
             zh: ("不是店铺评分", "应为 0 到 5 之间的分数，例如 4.8123"))
        return nil
    }
}
