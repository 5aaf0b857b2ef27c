import StoreOpsCore

/// The demo store's facts as the files an operator of a Taobao store has: the back-end's order, item, refund and
/// review exports, 生意参谋 and 直通车 reports, a tracking export, an ERP's stock and purchase orders, and for what no
/// platform exports (the competitor watch, budgets' run-out times, hero items and lead times, activities, complaints)
/// the documented sheets. `DemoService` imports them through the same service `storeops import` uses.
enum DemoFiles {
    /// Every file of `data`, parents before children (the catalog, orders, then what refers to them), each made when
    /// asked for: a long demo's files are written one at a time rather than all held at once.
    static func files(of data: DemoData, start: Day) -> [() -> [DemoFile]] {
        let writer = DemoFileWriter(zone: data.store.timeZone)
        let b = data.batch
        return [
            { writer.catalog(b, start: start) }, { [writer.orders(b)] }, { [writer.orderItems(b)] },
            { [writer.refunds(b)] },
            { [writer.tracking(b)] }, { [writer.reviews(b)] }, { [writer.affiliate(b)] }, { [writer.live(b)] },
            { writer.traffic(b) }, { writer.ads(b) }, { [writer.service(b)] }, { [writer.scores(b)] },
            { [writer.stock(b)] },
            { [writer.purchaseOrders(b)] }, { writer.market(b) }, { [writer.activities(b)] },
            { [writer.complaints(b)] },
        ]
    }
}

/// Writes the demo's facts as CSV text: cells quoted when they hold a separator, a quote or a line break; times in the
/// store's zone as the back-ends write them (`2026-11-20 10:05:00`); ids a spreadsheet would mangle behind a tab, as
/// Taobao's exports keep them.
struct DemoFileWriter {
    let zone: StoreTimeZone

    /// A CSV of `header` and `rows`.
    func csv(_ header: [String], _ rows: [[String]]) -> String {
        var text = header.map(cell).joined(separator: ",") + "\n"
        text.reserveCapacity(rows.count * 80)
        for row in rows { text += row.map(cell).joined(separator: ",") + "\n" }
        return text
    }

    private func cell(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// A store-local time, `2026-11-20 10:05:00`.
    func time(_ instant: Instant) -> String {
        let local = instant.seconds + Int64(zone.utcOffset(at: instant))
        let day = Day(number: Int32((local - ((local % 86_400) + 86_400) % 86_400) / 86_400))
        let second = Int(((local % 86_400) + 86_400) % 86_400)
        return day.iso + " " + two(second / 3600) + ":" + two(second / 60 % 60) + ":" + two(second % 60)
    }

    /// A store-local clock time of the day, `15:20`.
    func clock(_ instant: Instant) -> String { String(time(instant).dropFirst(11).prefix(5)) }

    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    func money(_ m: Money) -> String { m.decimalString }
    func money(_ m: Money?) -> String { m?.decimalString ?? "" }
    func count(_ n: Int?) -> String { n.map(String.init) ?? "" }
    /// An id as Taobao exports it: behind a tab, so that a spreadsheet keeps all its digits.
    func id(_ text: String) -> String { "\t" + text }
    /// A share of a whole as a decimal with six places (a rate the importer turns back into the same count).
    func rate(_ part: Int?, of whole: Int) -> String {
        guard let part, whole > 0 else { return "" }
        let ppm = (Int64(part) * 1_000_000 + Int64(whole) / 2) / Int64(whole)
        return ppm >= 1_000_000 ? "1" : "0." + String(String(ppm + 1_000_000).dropFirst())
    }
    /// A mapping file's JSON of `kind` with `columns` (field to header), `channel` and `required` fields.
    func mapping(_ kind: String, _ name: String, _ columns: [(String, String)], channel: String? = nil) -> String {
        let fields = columns.map { "    \"\($0.0)\": \"\($0.1)\"" }.joined(separator: ",\n")
        return "{\n  \"kind\": \"\(kind)\",\n  \"name\": \"\(name)\",\n"
            + (channel.map { "  \"channel\": \"\($0)\",\n" } ?? "")
            + "  \"columns\": {\n\(fields)\n  }\n}\n"
    }
}
