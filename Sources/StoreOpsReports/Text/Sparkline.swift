/// A one-line chart of a series with the eight block characters ▁▂▃▄▅▆▇█; a missing value is a space.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func render(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return String(repeating: " ", count: values.count) }
        return String(values.map { value -> Character in
            guard let value else { return " " }
            guard high > low else { return blocks[3] }
            let index = Int(((value - low) / (high - low) * 7).rounded())
            return blocks[min(7, max(0, index))]
        })
    }
}
