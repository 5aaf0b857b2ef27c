import FuzzSupport
import StoreOpsCore
import StoreOpsImport

/// Every cell parser on one text: money (yuan and fen), counts, ratios, durations, dates and times, ids and flags.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCells(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: FuzzInput.bytes(start, count), as: UTF8.self)
    _ = try? Cell.money(text, currency: .cny)
    _ = try? Cell.money(text, currency: .cny, inFen: true)
    _ = try? Cell.money(text, currency: Currency("JPY"))
    _ = try? Cell.count(text)
    _ = try? Cell.ppm(text)
    _ = try? Cell.seconds(text)
    _ = try? Cell.time(text)
    _ = try? Cell.day(text)
    _ = Cell.id(text)
    _ = Cell.flag(text)
    _ = Cell.clean(text)
    return 0
}
