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

    /// Imports the complete files in `folder` into store `store`, oldest first, at most `limit` of them; `beat` is
    /// called after each (a run says it is alive). A file that vanished meanwhile is left for the next pass; one
    /// that cannot be imported for any other reason goes to `rejected/` with the reason, and the next file follows.
    public func importReady(_ folder: String, store: StoreID, limit: Int = 100,
                            beat: (@Sendable () async throws -> Void)? = nil) async throws -> [Outcome] {
        try Self.prepare(folder)
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        let now = Date(timeIntervalSince1970: TimeInterval(clock().seconds))
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey]
        let entries = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        var ready: [(URL, Date)] = []
        for url in entries {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
                  !url.lastPathComponent.hasSuffix(".diagnostics.txt"), let modified = values.contentModificationDate,
                  now.timeIntervalSince(modified) >= settle else { continue }
            ready.append((url, modified))
        }
        ready.sort { ($0.1, $0.0.lastPathComponent) < ($1.1, $1.0.lastPathComponent) }
        var outcomes: [Outcome] = []
        for (url, _) in ready.prefix(limit) {
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do {
                let report = try await imports.importFile(url, store: store)
                let rejected = report.status == .rejected
                outcomes.append(try move(url, to: rejected ? "rejected" : "done", note: Self.note(report), status: report.status,
                                         rows: report.rowsImported))
            } catch {
                if Task.isCancelled { throw CancellationError() }
                // Unreadable, too large, or refused by the database: rejected with the reason; the next file follows.
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                outcomes.append(try move(url, to: "rejected", note: "\(error)", status: .rejected, rows: 0))
            }
            try await beat?()
        }
        return outcomes
    }

    /// The diagnostics of an import, in both languages, for the file beside the export; nil when there are none.
    static func note(_ report: ImportReport) -> String? {
        guard !report.diagnostics.isEmpty else { return nil }
        return report.diagnostics.map { d -> String in
            let place = [d.line.map { "line \($0)" }, d.column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
            let text = d.text(chinese: false), zh = d.text(chinese: true)
            return "\(d.severity.rawValue)\(place.isEmpty ? "" : " (\(place))"): \(text.message) — \(text.hint)\n  \(zh.message) — \(zh.hint)"
        }.joined(separator: "\n")
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
