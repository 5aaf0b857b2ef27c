import Foundation
import StoreOpsCore
import StoreOpsImport

/// What every fuzz target shares: the bytes libFuzzer hands over, a store to import into, and a parse of a
/// record source with every built-in format that must end in facts or diagnostics, never a trap.
public enum FuzzInput {
    /// The store imports are parsed for.
    public static let store = Store(id: StoreID("fuzz"), name: "fuzz", platform: .tmall)

    /// The input as bytes.
    public static func bytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Parses `source` as an import of `fileName` would; errors are expected answers, so they are dropped.
    public static func parse(_ source: any RecordSource, fileName: String, strictWidth: Bool) {
        let context = ImportContext(store: store, fileName: fileName, pseudonymise: { "p" + String($0.utf8.count) })
        let parser = ImportParser(source: source, fileName: fileName, formats: BuiltInFormats.all, context: context,
                                  strictWidth: strictWidth, batchRows: 64)
        _ = try? parser.run()
    }

    /// Writes the input to a private file of this process (the XLSX, XLS and archive readers read files), runs
    /// `body` with it, and leaves the file for the next input to overwrite.
    public static func withFile(_ bytes: [UInt8], suffix: String, _ body: (URL) -> Void) {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("storeops-fuzz-\(ProcessInfo.processInfo.processIdentifier)\(suffix)")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            return
        }
        body(url)
    }
}
