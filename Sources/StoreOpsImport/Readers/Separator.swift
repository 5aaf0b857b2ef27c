/// How a text file separates its columns: one character (comma, tab, semicolon, pipe), runs of spaces in a file
/// whose columns are aligned for reading (two or more spaces, or a tab, end a cell; a single space belongs to it), or
/// any run of spaces and tabs (transaction files whose cells never contain a space).
public enum Separator: Sendable, Hashable {
    case character(UInt8)
    case aligned
    case whitespace

    public static let comma = Separator.character(UInt8(ascii: ","))
    public static let tab = Separator.character(0x09)
    public static let semicolon = Separator.character(UInt8(ascii: ";"))
    public static let pipe = Separator.character(UInt8(ascii: "|"))

    /// `,` `comma` `tab` `\t` `;` `semicolon` `|` `pipe` `spaces` `aligned` `whitespace`.
    public init?(name: String) {
        switch name.lowercased() {
        case ",", "comma": self = .comma
        case "\t", "\\t", "tab": self = .tab
        case ";", "semicolon": self = .semicolon
        case "|", "pipe": self = .pipe
        case "spaces", "space", "aligned": self = .aligned
        case "whitespace": self = .whitespace
        default: return nil
        }
    }

    /// The names `init(name:)` takes, for help texts.
    public static let names = "comma, tab, semicolon, pipe, spaces or whitespace"

    /// The separator of a file from its first bytes (up to 30 records). A character separates the columns when most
    /// records have it the same number of times, at least once (outside quotes); the character with the most such
    /// records wins, ties going to the order comma, tab, semicolon, pipe. With none, a file whose lines split into the
    /// same number of cells at runs of spaces is aligned; anything else is comma-separated (one column).
    static func detect(in bytes: ArraySlice<UInt8>) -> Separator {
        let candidates: [UInt8] = [0x2C, 0x09, 0x3B, 0x7C]
        var counts: [[Int]] = []
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false, lineHasText = false
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x22 { inQuotes.toggle(); lineHasText = true; continue }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if lineHasText {
                    counts.append(current)
                    lines.append(bytes[lineStart..<index])
                }
                current = [Int](repeating: 0, count: candidates.count)
                lineHasText = false
                lineStart = index + 1
                if counts.count >= 30 { break }
                continue
            }
            if byte != 0x20 { lineHasText = true }
            if let c = candidates.firstIndex(of: byte) { current[c] += 1 }
        }
        if lineHasText && counts.count < 30 {
            counts.append(current)
            lines.append(bytes[lineStart..<bytes.endIndex])
        }
        var best: (separator: UInt8, records: Int)?
        for (c, candidate) in candidates.enumerated() {
            let seen = counts.map { $0[c] }.filter { $0 > 0 }
            guard let modal = Dictionary(grouping: seen, by: { $0 }).max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) })
            else { continue }
            let records = modal.value.count
            // Most records, or all but banner lines above a header: at least half, and at least two unless the file has one.
            guard records * 2 >= counts.count, records >= min(2, counts.count) else { continue }
            if records > (best?.records ?? 0) { best = (candidate, records) }
        }
        if let best { return .character(best.separator) }
        let widths = lines.map { AlignedLine.cells(in: $0).count }.filter { $0 > 1 }
        if let modal = Dictionary(grouping: widths, by: { $0 }).max(by: { $0.value.count < $1.value.count }),
           modal.value.count * 2 >= lines.count, modal.value.count >= min(2, lines.count) {
            return .aligned
        }
        return .comma
    }
}

/// The cells of one line of an aligned text file: runs of two or more spaces (or a tab) end a cell; leading and
/// trailing spaces are not part of any cell. With `anySpace`, a single space ends a cell too.
enum AlignedLine {
    static func cells(in line: ArraySlice<UInt8>, anySpace: Bool = false) -> [ArraySlice<UInt8>] {
        var cells: [ArraySlice<UInt8>] = []
        var i = line.startIndex
        let end = line.endIndex
        while i < end {
            while i < end, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
            guard i < end else { break }
            let start = i
            var cellEnd = i
            while i < end {
                if line[i] == 0x09 { break }
                if line[i] == 0x20 {
                    if !anySpace, i + 1 < end, line[i + 1] != 0x20, line[i + 1] != 0x09 { i += 1; continue }
                    break
                }
                i += 1
                cellEnd = i
            }
            cells.append(line[start..<cellEnd])
        }
        return cells
    }
}
