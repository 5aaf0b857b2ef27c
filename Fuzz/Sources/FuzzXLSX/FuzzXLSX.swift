import FuzzSupport
import StoreOpsImport

/// The spreadsheet readers: the input as an XLSX workbook (ZIP, XML, shared strings, styles) and as a legacy
/// XLS one (compound file, BIFF records), each parsed with every built-in format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    FuzzInput.withFile(bytes, suffix: ".xlsx") { url in
        _ = try? XLSXReader(url: url).sheetNames()
        FuzzInput.parse(XLSXReader(url: url), fileName: "orders.xlsx", strictWidth: false)
        FuzzInput.parse(XLSReader(url: url), fileName: "orders.xls", strictWidth: false)
    }
    return 0
}
