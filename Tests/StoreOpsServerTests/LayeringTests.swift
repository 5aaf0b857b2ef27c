import Foundation
import Testing

/// The layers' dependencies point one way: every target imports only the StoreOps modules below it, and the server
/// reaches data through the services alone (it never imports the storage).
struct LayeringTests {
    /// The StoreOps modules each target may import.
    static let allowed: [String: Set<String>] = [
        "StoreOpsCore": [],
        "StoreOpsImport": ["StoreOpsCore"],
        "StoreOpsStorage": ["StoreOpsCore"],
        "StoreOpsReports": ["StoreOpsCore"],
        "StoreOpsServices": ["StoreOpsCore", "StoreOpsImport", "StoreOpsStorage", "StoreOpsReports"],
        "StoreOpsServer": ["StoreOpsCore", "StoreOpsReports", "StoreOpsServices"],
        "StoreOpsDelivery": ["StoreOpsCore", "StoreOpsServices"],
    ]

    @Test func everyTargetImportsOnlyTheLayersBelowIt() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let pattern = /^\s*(?:@testable\s+|@_exported\s+|(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|typealias)\s+)?(StoreOps\w+)/
        for (target, allowed) in Self.allowed {
            let folder = sources.appendingPathComponent(target)
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
                .filter { $0.hasSuffix(".swift") }
            #expect(!files.isEmpty, "\(target) has sources")
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    guard let match = line.firstMatch(of: pattern) else { continue }
                    let module = String(match.1)
                    #expect(allowed.contains(module), "\(target)/\(file) imports \(module)")
                }
            }
        }
    }
}
