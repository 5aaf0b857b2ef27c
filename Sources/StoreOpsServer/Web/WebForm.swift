import Foundation
import Hummingbird

/// A posted form (`application/x-www-form-urlencoded`), read whole up to a small limit: the workbench's forms are a
/// few short fields, so anything bigger is refused before it is read.
struct WebForm: Sendable {
    let fields: [String: String]

    /// The largest form body read.
    static let maxBytes = 16 << 10

    static func read(_ request: Request) async throws -> WebForm {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw HTTPError(.unsupportedMediaType, message: "Send the form as application/x-www-form-urlencoded.")
        }
        let buffer = try await request.body.collect(upTo: maxBytes)
        return WebForm(String(buffer: buffer))
    }

    init(_ body: String) {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            // A repeated field keeps its first value: a smuggled second copy cannot override it.
            if fields[name] == nil, let value { fields[name] = value }
        }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name] }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
