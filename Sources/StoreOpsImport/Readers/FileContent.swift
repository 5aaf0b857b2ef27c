import Foundation

/// What a file is by its first bytes, whatever its name says: an XLSX workbook (a zip), a legacy Excel workbook (a
/// compound file), an HTML table (what some back-ends save as `.xls`), or text (CSV, TSV, aligned columns).
public enum FileContent: Sendable, Equatable {
    case xlsx, xls, html, text

    /// Looks at the first 64 KB of the file.
    public static func kind(of url: URL) throws -> FileContent {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ReadError(Diagnostic(file: url.lastPathComponent, message: "The file cannot be read", hint: "Check the path and the file's permissions",
                                       zh: ("无法读取文件", "请检查路径和文件权限")))
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 65_536)) ?? Data())
        return kind(ofHead: head[...])
    }

    /// The kind of a file that starts with `head`.
    public static func kind(ofHead head: ArraySlice<UInt8>) -> FileContent {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if CompoundFile.matches(head) { return .xls }
        if HTMLTableReader.matches(head) { return .html }
        return .text
    }
}
