import FuzzSupport
import StoreOpsImport

/// The text reader (encoding and separator detection, quoting, limits) and the parser behind it, fed in small
/// chunks so that records and characters split across chunk boundaries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    let chunk = max(1, Int(bytes.first ?? 0) % 64 + 1)
    var offset = 0
    let reader = CSVReader(fileName: "orders.csv") {
        guard offset < bytes.count else { return nil }
        defer { offset = min(bytes.count, offset + chunk) }
        return Array(bytes[offset..<min(bytes.count, offset + chunk)])
    }
    FuzzInput.parse(reader, fileName: "orders.csv", strictWidth: true)
    return 0
}
