import StoreOpsCore
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("parses decimals exactly", arguments: [
        ("1234.56", Int64(123_456)), ("0.05", 5), ("-3", -300), ("+0.1", 10), ("12.", 1_200), (".5", 50), ("7.100", 710),
    ])
    func parses(_ text: String, _ minor: Int64) {
        #expect(Money(decimal: text, currency: .cny)?.minor == minor)
    }

    @Test("rejects what is not a plain decimal", arguments: ["", "-", "1.2.3", "1,000", "¥5", "0.001", "abc", "99999999999999999999"])
    func rejects(_ text: String) {
        #expect(Money(decimal: text, currency: .cny) == nil)
    }

    @Test("formats without floating point")
    func formats() {
        #expect(Money(minor: 123_456, currency: .cny).decimalString == "1234.56")
        #expect(Money(minor: -5, currency: .cny).decimalString == "-0.05")
        #expect(Money(minor: 1_234_567_890, currency: .cny).groupedString == "12,345,678.90")
        #expect(Money(minor: -100_000, currency: .cny).groupedString == "-1,000.00")
        #expect(Money(minor: 1_500, currency: Currency("JPY")).decimalString == "1500")
        #expect(Currency("jpy").minorDigits == 0 && Currency("KWD").minorDigits == 3)
    }

    @Test("arithmetic and rounding half away from zero")
    func arithmetic() {
        let a = Money(minor: 1_000, currency: .cny)
        #expect((a + a - Money(minor: 1, currency: .cny)).minor == 1_999)
        #expect((a * 3).minor == 3_000)
        #expect(Money(minor: 25_000, currency: .cny).applying(ppm: 26_000).minor == 650)
        #expect(Money(minor: 5, currency: .cny).scaled(by: 1, over: 2).minor == 3)
        #expect(Money(minor: -5, currency: .cny).scaled(by: 1, over: 2).minor == -3)
        #expect(Money.divideRounded(7, by: 3) == 2)
        #expect(Money.divideRounded(-7, by: 2) == -4)
        #expect([a, a].sum(in: .cny).minor == 2_000)
        #expect([Money]().sum(in: .cny).isZero)
    }

    @Test("ratios print from their integer parts")
    func ratios() {
        #expect(Ratio(2, 100).decimalString() == "0.0200")
        #expect(Ratio(1, 3).decimalString(digits: 4) == "0.3333")
        #expect(Ratio(2, 3).decimalString(digits: 2) == "0.67")
        #expect(Ratio(1, 0).decimalString() == nil)
        #expect(!Ratio(0, 0).isDefined)
    }
}
