import StoreOpsCore

/// A wall-clock time read from a cell, with its UTC offset when the cell gives one.
public struct LocalTime: Hashable, Sendable {
    public var day: Day
    public var secondOfDay: Int
    /// Seconds east of UTC when the text carries an offset (`-0700`, `+08:00`, `Z`).
    public var utcOffset: Int?

    /// The instant, reading a time without offset in `zone`.
    public func instant(in zone: StoreTimeZone) -> Instant {
        if let utcOffset {
            return Instant(seconds: Int64(day.number) * 86_400 + Int64(secondOfDay) - Int64(utcOffset))
        }
        return zone.instant(day: day, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }
}

extension Cell {
    /// A date and time in the many ways exports write them: `2017/5/30 23:18`, `2017-05-30 23:18:00`,
    /// `2025-03-20 05:20:57 -0700`, `2025-03-20T05:20:57Z`, `2017年5月30日 23:18`, `20170530`, a date alone,
    /// or an Excel serial number (`42885.97`).
    public static func time(_ raw: String) throws -> LocalTime? {
        guard let text = clean(raw) else { return nil }
        if let parsed = parseTime(text) { return parsed }
        throw CellError("Not a date and time", hint: "Expected a form such as 2017/5/30 23:18, 2025-03-20 05:20:57 -0700 or 20170530",
                        zh: ("不是日期时间", "应为 2017/5/30 23:18、2025-03-20 05:20:57 -0700 或 20170530 这样的格式"))
    }

    /// A calendar day (`2026-03-10`, `2026/3/10`, `20260310`, `2026年3月10日`, an Excel serial); a time part is ignored.
    public static func day(_ raw: String) throws -> Day? {
        guard let text = clean(raw) else { return nil }
        if let parsed = parseTime(text) { return parsed.day }
        throw CellError("Not a date", hint: "Expected a form such as 2026-03-10, 2026/3/10 or 20260310",
                        zh: ("不是日期", "应为 2026-03-10、2026/3/10 或 20260310 这样的格式"))
    }

    static func parseTime(_ text: String) -> LocalTime? {
        // Excel serial days (1955 to 2118), as a plain number.
        if let serial = Double(text), text.allSatisfy({ $0.isNumber || $0 == "." }), !(text.count == 8 && !text.contains(".")) {
            guard serial > 20_000, serial < 80_000, let formatted = XLSXReader.excelDate(serial) else { return nil }
            return parseTime(formatted)
        }
        var s = text
        if let named = monthNamed(s) { s = named }
        if !s.utf8.allSatisfy({ $0 < 0x80 }) { s = s.replacingAll("年", with: "-").replacingAll("月", with: "-").replacingAll("日", with: " ") }
        if s.utf8.contains(UInt8(ascii: "T")) { s = s.replacingAll("T", with: " ") }
        s = s.trimmingSpaces
        // Offset at the end: Z, +08:00, -0700, +0800.
        var offset: Int?
        if s.hasSuffix("Z") {
            offset = 0
            s = String(s.dropLast()).trimmingSpaces
        } else if let sign = s.lastIndex(where: { $0 == "+" || $0 == "-" }), s.distance(from: s.startIndex, to: sign) >= 10 {
            let tail = s[s.index(after: sign)...].filter { $0 != ":" }
            if tail.count == 4, let value = Int(tail) {
                offset = (value / 100 * 3600 + value % 100 * 60) * (s[sign] == "-" ? -1 : 1)
                s = String(s[..<sign]).trimmingSpaces
            }
        }
        let parts = s.split(separator: " ", omittingEmptySubsequences: true)
        guard let datePart = parts.first, parts.count <= 2 else { return nil }
        let day: Day?
        if datePart.count == 8, datePart.allSatisfy(\.isNumber), let value = Int(datePart) {
            day = Day(year: value / 10_000, month: value / 100 % 100, day: value % 100)
        } else {
            let fields = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
            guard fields.count == 3, let a = fields[0], let b = fields[1], let c = fields[2] else { return nil }
            day = a > 31 ? Day(year: a, month: b, day: c) : nil
        }
        guard let day else { return nil }
        var second = 0
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":").map { Int($0.split(separator: ".").first ?? "") }
            guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }), clock[0]! < 24, clock[1]! < 60, (clock.count == 2 || clock[2]! < 61) else { return nil }
            second = clock[0]! * 3600 + clock[1]! * 60 + (clock.count == 3 ? clock[2]! : 0)
        }
        return LocalTime(day: day, secondOfDay: second, utcOffset: offset)
    }

    /// English month names and their numbers (`Feb`, `February`, `Sept`).
    static let monthNames: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"]
        var table: [String: Int] = ["sept": 9]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        return table
    }()

    /// A date with an English month name, as Amazon's reports write it (`Feb 1, 2020`, `1 Feb 2020`, `February 1, 2020
    /// 10:30`), rewritten as `2020-02-01` with any time kept; nil when the text has no month name.
    static func monthNamed(_ text: String) -> String? {
        guard text.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }), text.utf8.count <= 40 else { return nil }
        let words = text.replacingAll(",", with: " ").split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 3, words.count <= 4 else { return nil }
        let month: Int, day: Int
        func name(_ word: String) -> Int? { monthNames[word.lowercased().filter { $0 != "." }] }
        if let m = name(words[0]), let d = Int(words[1]) {
            (month, day) = (m, d)
        } else if let d = Int(words[0]), let m = name(words[1]) {
            (month, day) = (m, d)
        } else {
            return nil
        }
        guard let year = Int(words[2]), (1900...2200).contains(year), let date = Day(year: year, month: month, day: day)?.iso else {
            return nil
        }
        return words.count == 4 ? date + " " + words[3] : date
    }
}
