import StoreOpsCore

/// Small SVG charts drawn in Swift for reports: no scripts, no external files, printable.
public enum SVGChart {
    /// One bar (or step) of a chart.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// A marker drawn across the bar (a target), if any.
        public var marker: Double?
        public init(label: String, value: Double, marker: Double? = nil) {
            self.label = label
            self.value = value
            self.marker = marker
        }
    }

    /// Vertical bars with optional markers (actual against target).
    public static func bars(_ bars: [Bar], title: String, width: Int = 640, height: Int = 220) -> String {
        let top = 28.0, bottom = 36.0, left = 8.0
        let plotHeight = Double(height) - top - bottom
        let maxValue = max(1, bars.map { max($0.value, $0.marker ?? 0) }.max() ?? 1)
        let step = (Double(width) - left * 2) / Double(max(1, bars.count))
        var svg = header(width, height, title)
        for (i, bar) in bars.enumerated() {
            let x = left + Double(i) * step
            let h = plotHeight * max(0, bar.value) / maxValue
            svg += "<rect x=\"\(f(x + step * 0.15))\" y=\"\(f(top + plotHeight - h))\" width=\"\(f(step * 0.7))\" height=\"\(f(h))\" class=\"bar\"><title>\(escape(bar.label)): \(number(bar.value))</title></rect>"
            if let marker = bar.marker {
                let y = top + plotHeight - plotHeight * marker / maxValue
                svg += "<line x1=\"\(f(x + step * 0.05))\" x2=\"\(f(x + step * 0.95))\" y1=\"\(f(y))\" y2=\"\(f(y))\" class=\"marker\"><title>\(number(marker))</title></line>"
            }
            svg += "<text x=\"\(f(x + step / 2))\" y=\"\(f(Double(height) - bottom + 14))\" class=\"axis\" text-anchor=\"middle\">\(escape(bar.label))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars around zero (changes): negative to the left in red, positive to the right in green.
    public static func diverging(_ bars: [Bar], title: String, width: Int = 640) -> String {
        let rowHeight = 22.0, top = 28.0, labelWidth = 150.0
        let height = Int(top + rowHeight * Double(bars.count) + 10)
        let maxValue = max(1, bars.map { abs($0.value) }.max() ?? 1)
        // Each side keeps 52 points for the value printed beyond its longest bar.
        let room = 52.0
        let half = (Double(width) - labelWidth - 20) / 2 - room
        let zero = labelWidth + room + half
        var svg = header(width, height, title)
        svg += "<line x1=\"\(f(zero))\" x2=\"\(f(zero))\" y1=\"\(f(top - 4))\" y2=\"\(f(Double(height) - 6))\" class=\"zero\"/>"
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let w = half * abs(bar.value) / maxValue
            let x = bar.value < 0 ? zero - w : zero
            svg += "<text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + 15))\" class=\"axis\" text-anchor=\"end\">\(escape(bar.label))</text>"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowHeight - 6))\" class=\"\(bar.value < 0 ? "down" : "up")\"><title>\(escape(bar.label)): \(number(bar.value))</title></rect>"
            svg += "<text x=\"\(f(bar.value < 0 ? x - 4 : x + w + 4))\" y=\"\(f(y + 15))\" class=\"value\" text-anchor=\"\(bar.value < 0 ? "end" : "start")\">\(number(bar.value))</text>"
        }
        return svg + "</svg>"
    }

    /// A waterfall: a start total, steps up or down, and the end total.
    public static func waterfall(start: Bar, steps: [Bar], end: Bar, title: String, width: Int = 640, height: Int = 250) -> String {
        // Room under the title for the values printed above the columns.
        let top = 44.0, bottom = 36.0, left = 8.0
        let plotHeight = Double(height) - top - bottom
        var running = start.value
        var levels = [running]
        for step in steps { running += step.value; levels.append(running) }
        let maxValue = max(1, (levels + [end.value]).max() ?? 1)
        let minValue = min(0, (levels + [end.value]).min() ?? 0)
        func y(_ v: Double) -> Double { top + plotHeight * (maxValue - v) / (maxValue - minValue) }
        let columns = [start] + steps + [end]
        let stepWidth = (Double(width) - left * 2) / Double(columns.count)
        var svg = header(width, height, title)
        var level = 0.0
        for (i, column) in columns.enumerated() {
            let x = left + Double(i) * stepWidth + stepWidth * 0.15
            let (from, to, kind): (Double, Double, String)
            if i == 0 || i == columns.count - 1 {
                (from, to, kind) = (0, column.value, "bar")
                level = column.value
            } else {
                (from, to, kind) = (level, level + column.value, column.value < 0 ? "down" : "up")
                level += column.value
            }
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y(max(from, to))))\" width=\"\(f(stepWidth * 0.7))\" height=\"\(f(max(1, abs(y(from) - y(to)))))\" class=\"\(kind)\"><title>\(escape(column.label)): \(number(column.value))</title></rect>"
            svg += "<text x=\"\(f(x + stepWidth * 0.35))\" y=\"\(f(Double(height) - bottom + 14))\" class=\"axis\" text-anchor=\"middle\">\(escape(column.label))</text>"
            svg += "<text x=\"\(f(x + stepWidth * 0.35))\" y=\"\(f(y(max(from, to)) - 4))\" class=\"value\" text-anchor=\"middle\">\(number(column.value))</text>"
        }
        return svg + "</svg>"
    }

    /// A small line of `values` (oldest first) for a table cell: unknown days are gaps, not zeros; the last point is
    /// marked. Empty when no value is known.
    public static func sparkline(_ values: [Double?], title: String, width: Int = 112, height: Int = 24) -> String {
        let known = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = known.min(), let high = known.max(), values.count > 1 else { return "" }
        let span = high > low ? high - low : 1
        let step = Double(width - 4) / Double(values.count - 1)
        func point(_ i: Int, _ v: Double) -> String { "\(f(2 + Double(i) * step)),\(f(Double(height - 3) - (v - low) / span * Double(height - 6)))" }
        var runs: [[String]] = [[]]
        for (i, value) in values.enumerated() {
            if let value, value.isFinite { runs[runs.count - 1].append(point(i, value)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "class=\"spark\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for run in runs where run.count > 1 { svg += "<polyline points=\"\(run.joined(separator: " "))\" class=\"line\"/>" }
        if let lastIndex = values.lastIndex(where: { $0 != nil }), let last = values[lastIndex], last.isFinite {
            let xy = point(lastIndex, last).split(separator: ",")
            svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2\" class=\"last\"/>"
        }
        return svg + "</svg>"
    }

    static func header(_ width: Int, _ height: Int, _ title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(title))\">"
            + "<text x=\"8\" y=\"18\" class=\"title\">\(escape(title))</text>"
    }

    /// A coordinate with one decimal.
    static func f(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        return Money.decimalString(minor: tenths, digits: 1)
    }

    /// A value grouped, without decimals.
    static func number(_ value: Double) -> String {
        let rounded = Int64(value.rounded())
        return Money(minor: rounded, currency: Currency("JPY")).groupedString
    }

    /// Text for XML: & < > " escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
