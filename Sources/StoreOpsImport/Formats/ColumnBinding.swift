import StoreOpsCore

/// A format's fields bound to one file's columns, worked out once per file: each field's column index, the column's
/// header as the file writes it (for diagnostics), whether its money is in fen, and the import's context. Every row's
/// `FieldReader` shares it.
final class ColumnBinding: Sendable {
    let context: ImportContext
    let indices: [String: Int]
    let headers: [String: String]
    let fenFields: Set<String>
    /// The number of cells of the header row.
    let width: Int

    init(indices: [String: Int], header: [String], format: FormatMapping, context: ImportContext) {
        self.context = context
        self.indices = indices
        headers = indices.mapValues { header[$0].trimmingSpaces }
        fenFields = Set(indices.keys.filter { format.moneyInFen || ColumnBinding.saysFen(header[indices[$0]!]) })
        width = header.count
    }

    /// `name`'s column and unit, looked up once.
    func field(_ name: String) -> FieldReader.Field {
        FieldReader.Field(name: name, index: indices[name], inFen: fenFields.contains(name))
    }

    /// A header that says its money is in fen: `花费(分)`.
    static func saysFen(_ header: String) -> Bool {
        header.utf8.containsBytes("(分)".utf8) || header.utf8.containsBytes("（分）".utf8)
    }
}
