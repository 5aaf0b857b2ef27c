import StoreOpsCore
import Testing

@Suite("Days and time zones")
struct DayTests {
    @Test("civil dates round-trip over four centuries")
    func roundTrip() {
        for number in stride(from: Int32(-146_097), through: 146_097 * 2, by: 97) {
            let day = Day(number: number)
            let c = day.components
            #expect(Day(year: c.year, month: c.month, day: c.day) == day)
            #expect(Day(iso: day.iso) == day)
        }
    }

    @Test("known days", arguments: [
        ("1970-01-01", Int32(0), 4), ("2000-02-29", 11_016, 2), ("2026-11-22", 20_779, 7), ("2026-03-10", 20_522, 2),
    ])
    func known(_ iso: String, _ number: Int32, _ weekday: Int) {
        let day = Day(iso: iso)!
        #expect(day.weekday == weekday)
        #expect(day.number == number)
    }

    @Test("invalid dates are rejected", arguments: ["2025-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024-1-01", "x"])
    func invalid(_ iso: String) { #expect(Day(iso: iso) == nil) }

    @Test("leap years and month lengths")
    func leap() {
        #expect(Day.isLeap(2000) && Day.isLeap(2024) && !Day.isLeap(1900) && !Day.isLeap(2026))
        #expect(Day.daysIn(year: 2024, month: 2) == 29 && Day.daysIn(year: 2026, month: 2) == 28 && Day.daysIn(year: 2026, month: 4) == 30)
        #expect(Day(iso: "2026-03-31")!.startOfMonth == Day(iso: "2026-03-01"))
    }

    @Test("store days follow the store's time zone")
    func storeDay() {
        let shanghai = StoreTimeZone.shanghai
        // 16:00 UTC is midnight in Shanghai: the next store day starts.
        #expect(shanghai.day(of: Instant(year: 2026, month: 3, day: 10, hour: 15, minute: 59, second: 59)!) == Day(iso: "2026-03-10"))
        #expect(shanghai.day(of: Instant(year: 2026, month: 3, day: 10, hour: 16)!) == Day(iso: "2026-03-11"))
        #expect(shanghai.instant(day: Day(iso: "2026-03-11")!) == Instant(year: 2026, month: 3, day: 10, hour: 16))
        // Toronto: UTC-5 in winter, UTC-4 after the March change.
        let toronto = StoreTimeZone("America/Toronto")!
        #expect(toronto.day(of: Instant(year: 2026, month: 1, day: 15, hour: 4, minute: 59)!) == Day(iso: "2026-01-14"))
        #expect(toronto.day(of: Instant(year: 2026, month: 7, day: 15, hour: 4)!) == Day(iso: "2026-07-15"))
        #expect(toronto.instant(day: Day(iso: "2026-07-15")!) == Instant(year: 2026, month: 7, day: 15, hour: 4))
        #expect(StoreTimeZone("Mars/Olympus") == nil)
        #expect(shanghai.yesterday(now: Instant(year: 2026, month: 11, day: 21, hour: 17)!) == Day(iso: "2026-11-21"))
    }

    @Test("instants print as UTC")
    func instants() {
        #expect(Instant(year: 2025, month: 3, day: 20, hour: 5, minute: 20, second: 57, utcOffset: -7 * 3600)!.iso == "2025-03-20T12:20:57Z")
        #expect(Instant(seconds: -1).iso == "1969-12-31T23:59:59Z")
    }

    @Test("day ranges")
    func ranges() {
        let range = DayRange(ending: Day(iso: "2026-03-10")!, count: 14)
        #expect(range.count == 14 && range.first == Day(iso: "2026-02-25"))
        #expect(Array(range).count == 14)
        #expect(DayRange(Day(iso: "2026-03-10")!, Day(iso: "2026-03-09")!) == nil)
    }
}
