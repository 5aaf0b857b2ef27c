/// Ids that a spreadsheet program turned into numbers. Excel and its kin keep 15 significant digits: a 17-digit
/// order number saved through them becomes `2.14073006270149E+16`, or, in a cell formatted as a number,
/// `21407300627014900` (its last digits replaced by zeros). Two orders can then share one id.
extension Cell {
    /// How an id was mangled.
    enum SpreadsheetMangling: Equatable {
        /// Written in E-notation (`2.14073006270149e+16`): the id is lost.
        case eNotation
        /// More than 15 significant digits, the ones after the 15th all zeros: rounded to 15 digits.
        case rounded
    }

    /// Whether `id` looks like a number a spreadsheet program made of an id.
    static func spreadsheetMangling(of id: String) -> SpreadsheetMangling? {
        let bytes = id.utf8
        guard let first = bytes.first, first >= 0x30, first <= 0x39 else { return nil }
        var digits = 0, significant = 0, zerosAfterFifteen = 0, sawE = false, sawPoint = false, exponentDigits = 0
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x30 && byte <= 0x39 {
                if sawE { exponentDigits += 1; continue }
                digits += 1
                if significant > 0 || byte != 0x30 { significant += 1 }
                if significant > 15 { zerosAfterFifteen += byte == 0x30 ? 1 : -1_000 }
            } else if byte == 0x2E && !sawE && !sawPoint {
                sawPoint = true
            } else if (byte == 0x45 || byte == 0x65) && !sawE && index > 0 {
                sawE = true
            } else if (byte == 0x2B || byte == 0x2D) && sawE && exponentDigits == 0 {
                continue
            } else {
                return nil
            }
        }
        if sawE { return exponentDigits > 0 && digits > 0 ? .eNotation : nil }
        if sawPoint { return nil }
        return significant > 15 && zerosAfterFifteen == significant - 15 ? .rounded : nil
    }
}
