import StoreOpsCore

/// What a format needs to know about where its rows go.
public struct ImportContext: Sendable {
    public var store: Store
    public var fileName: String
    /// The day of rows whose file has no date column (from `--date`, or a date in the file name).
    public var defaultDay: Day?
    /// Turns a buyer's account into the store's salted pseudonym; names are never stored.
    public var pseudonymise: @Sendable (String) -> String
    /// The day unit costs from a products export take effect.
    public var costsFrom: Day
    /// Whether ids a spreadsheet program rounded to 15 digits are imported as they are (one warning for the file)
    /// instead of refused. Ids in E-notation are refused always: their digits are lost.
    public var allowRoundedIDs = false
    /// The day of the import in the store's time zone: the day of a stock count that names none.
    public var today: Day?

    public init(store: Store, fileName: String, defaultDay: Day? = nil, pseudonymise: @escaping @Sendable (String) -> String,
                costsFrom: Day = Day(year: 2000, month: 1, day: 1)!) {
        self.store = store
        self.fileName = fileName
        self.defaultDay = defaultDay ?? ImportContext.day(inFileName: fileName)
        self.pseudonymise = pseudonymise
        self.costsFrom = costsFrom
    }

    /// A date written in a file name: `BusinessReport-31-03-2026.csv`, `report_2026-03-31.xlsx`, `20260331`.
    public static func day(inFileName name: String) -> Day? {
        let digits = name.split { !$0.isNumber }.map(String.init)
        for i in digits.indices {
            if digits[i].count == 8, let v = Int(digits[i]), let d = Day(year: v / 10_000, month: v / 100 % 100, day: v % 100), d.year > 2000 { return d }
            if i + 2 < digits.count {
                let (a, b, c) = (Int(digits[i]) ?? 0, Int(digits[i + 1]) ?? 0, Int(digits[i + 2]) ?? 0)
                if digits[i].count == 4, let d = Day(year: a, month: b, day: c) { return d }
                if digits[i + 2].count == 4, let d = Day(year: c, month: b, day: a) { return d }
            }
        }
        return nil
    }
}
