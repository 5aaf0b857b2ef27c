import Foundation
import StoreOpsCore
import StoreOpsImport

/// A store's inbox folder: exports dropped there (by a person, a sync tool or an RPA script) are imported in the
/// order they arrived once complete (not modified for `settle`), then moved to `done/` (imported, or imported
/// before) or `rejected/` with their diagnostics beside them in `NAME.diagnostics.txt`. The import ledger keeps a
/// file dropped twice from being counted twice.
public struct InboxService: Sendable {
    let imports: ImportService
    let clock: @Sendable () -> Instant
    /// How long a file must be left alone before it counts as complete.
    let settle: TimeInterval

    public init(imports: ImportService, clock: @escaping @Sendable () -> Instant, settle: TimeInterval = 10) {
        self.imports = imports
        self.clock = clock
        self.settle = settle
    }

    /// What one file became.
    public struct Outcome: Sendable {
        public let file: String
        public let status: ImportReport.Status
        /// Where the file is now.
        public let movedTo: URL
        public let rowsImported: Int
    }

    /// Checks that `folder` is a folder StoreOps can use, creating `done/` and `rejected/` in it.
    public static func prepare(_ folder: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ServiceError(.invalidInput, "The inbox \(folder) is not a folder; create it first. 收件文件夹 \(folder) 不存在。")
        }
        for sub in ["done", "rejected"] {
            try FileManager.default.createDirectory(atPath: (folder as NSString).appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    /// Imports the complete files in `folder` into store `store`, oldest first, at most `limit` of them.
    public func importReady(_ folder: String, store: StoreID, limit: Int = 100) async throws -> [Outcome] {
        try Self.prepare(folder)
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        let now = Date(timeIntervalSince1970: TimeInterval(clock().seconds))
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey, .fileSizeKey]
        let entries = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        var ready: [(URL, Date)] = []
        for url in entries {
            let values = try url.resourceValues(forKeys: Set(keys))
            guard values.isRegularFile == true, !url.lastPathComponent.hasSuffix(".diagnostics.txt"),
                  let modified = values.contentModificationDate, now.timeIntervalSince(modified) >= settle else { continue }
            ready.append((url, modified))
        }
        ready.sort { ($0.1, $0.0.lastPathComponent) < ($1.1, $1.0.lastPathComponent) }
        var outcomes: [Outcome] = []
        for (url, _) in ready.prefix(limit) {
            let report: ImportReport
            do {
                report = try await imports.importFile(url, store: store)
            } catch let error as ServiceError where error.code == .invalidInput || error.code == .tooLarge {
                // A file that cannot be read at all is rejected like one with errors, with the reason beside it.
                outcomes.append(try move(url, to: "rejected", note: error.message, status: .rejected, rows: 0))
                continue
            }
            let rejected = report.status == .rejected
            let note = report.diagnostics.isEmpty ? nil : report.diagnostics.map { d -> String in
                let where_ = [d.line.map { "line \($0)" }, d.column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
                let text = d.text(chinese: false), zh = d.text(chinese: true)
                return "\(d.severity.rawValue)\(where_.isEmpty ? "" : " (\(where_))"): \(text.message) — \(text.hint)\n  \(zh.message) — \(zh.hint)"
            }.joined(separator: "\n")
            outcomes.append(try move(url, to: rejected ? "rejected" : "done", note: note, status: report.status, rows: report.rowsImported))
        }
        return outcomes
    }

    /// Moves `url` into `sub` (a name taken there gets the time in front) with `note` beside it.
    func move(_ url: URL, to sub: String, note: String?, status: ImportReport.Status, rows: Int) throws -> Outcome {
        let folder = url.deletingLastPathComponent().appendingPathComponent(sub, isDirectory: true)
        var target = folder.appendingPathComponent(url.lastPathComponent)
        if FileManager.default.fileExists(atPath: target.path) {
            target = folder.appendingPathComponent("\(clock().seconds)-\(url.lastPathComponent)")
        }
        try FileManager.default.moveItem(at: url, to: target)
        if let note {
            try Data((note + "\n").utf8).write(to: URL(fileURLWithPath: target.path + ".diagnostics.txt"))
        }
        return Outcome(file: url.lastPathComponent, status: status, movedTo: target, rowsImported: rows)
    }
}
