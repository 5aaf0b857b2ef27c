import StoreOpsReports
import Testing

/// The SVG charts' shapes that tables show: the sparkline.
@Suite("SVG charts")
struct SVGChartTests {
    @Test("a sparkline leaves unknown days as gaps, marks the last known day, and is empty without data")
    func sparkline() {
        let svg = SVGChart.sparkline([1, 3, nil, 2, 4], title: "GMV <14 days>", width: 104, height: 24)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2, "split at the unknown day")
        #expect(svg.contains("points=\"2.0,21.0 27.0,9.0\""), "the lowest at the bottom, 3 of 1...4 two thirds up")
        #expect(svg.contains("<circle cx=\"102.0\" cy=\"3.0\""))
        #expect(svg.contains("GMV &lt;14 days&gt;"))
        #expect(SVGChart.sparkline([nil, nil], title: "x").isEmpty)
        #expect(SVGChart.sparkline([5], title: "x").isEmpty)
        #expect(!SVGChart.sparkline([5, 5], title: "x").contains("nan"), "a flat line has no zero span")
    }
}
