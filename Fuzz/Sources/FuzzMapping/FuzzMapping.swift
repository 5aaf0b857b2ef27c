import Foundation
import FuzzSupport
import StoreOpsImport

/// The mapping-file reader (`--mapping FILE`), and the header matching of a mapping it accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapping(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(FuzzInput.bytes(start, count))
    guard let mapping = try? MappingFile.mapping(from: data, fileName: "mapping.json") else { return 0 }
    let header = ["订单编号", "买家实际支付金额", "订单付款时间", "order id", "amount"]
    if let binding = mapping.bind(header) { _ = mapping.missing(from: binding) }
    _ = mapping.columnsPresent(in: header)
    return 0
}
