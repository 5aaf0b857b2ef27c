import StoreOpsCore

/// The master table as CSV, one row per day: `day`, `store`, `currency`, then every field key (domain guide §3).
public struct MasterTableCSVRenderer: Sendable {
    public init() {}

    public func render(store: Store, rows: [MasterTableRow]) -> String {
        var csv = CSVWriter()
        csv.header(["day", "store", "currency"] + MasterField.allCases.map(\.key))
        for row in rows {
            csv.row([.text(row.day.iso), .text(row.store.rawValue), .text(row.currency.code)]
                + MasterField.allCases.map { field in
                    let value = row[field]
                    return value.hasData ? .number(value.csv) : .text("")
                })
        }
        return csv.output
    }
}
