/// A plain text table for terminals: columns padded to their widest cell (wide characters count as two),
/// two spaces between columns, no trailing spaces.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { DisplayWidth.of($0.indices.contains(i) ? $0[i] : "") }.max() ?? 0 }
        return all.map { cells in
            cells.enumerated().map { DisplayWidth.pad($1, to: widths[$0]) }.joined(separator: "  ").trailingSpacesTrimmed
        }.joined(separator: "\n") + "\n"
    }
}
