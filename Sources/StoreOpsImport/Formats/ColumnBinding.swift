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
    /// What the file's rows have shown so far, for judgements about the whole file.
    private let given = Given()

    /// Counts an id of more than 15 digits, and whether its digits after the 15th are all zeros.
    func noteLongID(roundedLooking: Bool, line: Int, value: String?, column: String?) {
        given.longIDs += 1
        if roundedLooking {
            given.roundedLooking += 1
            if given.firstRounded == nil { given.firstRounded = (line, value ?? "", column) }
        }
    }

    /// The first of the file's ids that look rounded, when every long id of the file does (at least two): a spreadsheet
    /// program rounded them. One real 18-digit id in a thousand ends in 000; all of them never do.
    var roundedIDs: (line: Int, value: String, column: String?, count: Int)? {
        guard given.longIDs >= 2, given.roundedLooking == given.longIDs, let first = given.firstRounded else { return nil }
        return (first.line, first.value, first.column, given.longIDs)
    }

    /// The ids counted; parsing a file runs on one thread.
    private final class Given: @unchecked Sendable {
        var longIDs = 0, roundedLooking = 0
        var firstRounded: (line: Int, value: String, column: String?)?
    }

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
