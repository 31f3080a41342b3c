import Foundation
import Typesetting
import TrainingCore

/// A horizontal bar chart, one bar per row stacked by series, with a legend, a value axis and gridlines.
///
/// Row labels sit in a column of their own, one per bar, measured and shrunk (to two lines at
/// most) so that they never overlap; tick labels are spaced by their measured widths.
struct StackedBarChart {
    struct Series {
        var label: String
        var color: Color
    }

    struct Bar {
        var label: String
        var values: [Int]
        var total: Int { values.reduce(0, +) }
    }

    var title: String
    var series: [Series]
    var bars: [Bar]
    var axisTitle: String
    var language: DocumentLanguage
    /// The most height the bars may take; rows get thinner, down to a minimum, to stay within it.
    var maximumPlotHeight = 290.0

    func place(on composer: PageComposer) throws {
        let fonts = composer.fonts
        let left = ReportStyle.margin
        let width = ReportStyle.contentWidth
        let labelSize = 7.4

        let title = try fonts.fitted(self.title, style: ReportStyle.text(10.5, bold: true, lines: 2),
                                     in: Size(width: width, height: .infinity))

        // The legend flows left to right and wraps.
        let legendStyle = ReportStyle.text(7.4, lines: 1, minimum: 6)
        var legend: [(layout: TextLayout, color: Color, x: Double, line: Int)] = []
        var x = 0.0
        var line = 0
        for item in series {
            let layout = try fonts.fitted(item.label, style: legendStyle, in: Size(width: width - 14, height: .infinity))
            let itemWidth = 12 + layout.size.width + 14
            if x > 0 && x + itemWidth > width { x = 0; line += 1 }
            legend.append((layout, item.color, x, line))
            x += itemWidth
        }
        let legendLineHeight = 12.0
        let legendHeight = Double(line + 1) * legendLineHeight

        // Rows: as tall as there is room for, between 9 and 16 points.
        let rowHeight = min(16, max(9, maximumPlotHeight / Double(max(bars.count, 1))))
        let labelStyle = ReportStyle.text(labelSize, alignment: .right, vertical: .middle, lines: 2, minimum: 5)
        let widest = try bars.map { try fonts.measure($0.label, font: ReportStyle.regular, size: labelSize) }.max() ?? 0
        let labelWidth = min(widest + 2, width * 0.3)
        let labels = try bars.map { try fonts.fitted($0.label, style: labelStyle, in: Size(width: labelWidth, height: rowHeight)) }

        // The value axis: a round step that leaves room between tick labels.
        let maximum = max(bars.map(\.total).max() ?? 0, 1)
        let valueStyle = ReportStyle.text(6.8, color: ReportStyle.muted, lines: 1, minimum: 6.8)
        let valueLabels = try bars.map { try fonts.layout(ReportWording.count($0.total, in: language), style: valueStyle,
                                                          in: Size(width: .infinity, height: .infinity)) }
        let plotLeft = left + labelWidth + 6
        let plotRight = left + width - (valueLabels.map(\.size.width).max() ?? 0) - 6
        var step = Self.niceStep(above: Double(maximum) / 5)
        var ticks: [(value: Int, layout: TextLayout)] = []
        while true {
            let axisMaximum = (Double(maximum) / step).rounded(.up) * step
            ticks = try stride(from: 0.0, through: axisMaximum + step / 2, by: step).map { value in
                (Int(value), try fonts.layout(ReportWording.count(Int(value), in: language), style: valueStyle,
                                              in: Size(width: .infinity, height: .infinity)))
            }
            let spacing = (plotRight - plotLeft) * step / axisMaximum
            if (ticks.map(\.layout.size.width).max() ?? 0) + 4 <= spacing || ticks.count <= 2 { break }
            step = Self.niceStep(above: step * 1.01)
        }
        let axisMaximum = Double(ticks.last!.value)
        let axisTitle = try fonts.fitted(self.axisTitle, style: ReportStyle.text(7, color: ReportStyle.muted, alignment: .center, lines: 1),
                                         in: Size(width: plotRight - plotLeft, height: .infinity))

        let plotHeight = rowHeight * Double(bars.count)
        let tickHeight = ticks[0].layout.size.height
        let height = title.size.height + 4 + legendHeight + 4 + plotHeight + 3 + tickHeight + 2 + axisTitle.size.height
        let top = try composer.reserve(height)
        let legendTop = top + title.size.height + 4
        let plotTop = legendTop + legendHeight + 4
        let plotBottom = plotTop + plotHeight
        let bars = bars
        let scale = (plotRight - plotLeft) / axisMaximum

        composer.draw { canvas in
            try canvas.draw(title, in: Rect(x: left, y: top, width: width, height: title.size.height))
            for item in legend {
                let y = legendTop + Double(item.line) * legendLineHeight
                try canvas.drawRectangle(Rect(x: left + item.x, y: y + 2, width: 8, height: 8), fill: item.color)
                try canvas.draw(item.layout, in: Rect(x: left + item.x + 12, y: y, width: item.layout.size.width, height: item.layout.size.height))
            }
            for tick in ticks {
                let tickX = plotLeft + Double(tick.value) * scale
                if tick.value > 0 {
                    try canvas.drawLine(from: Point(x: tickX, y: plotTop), to: Point(x: tickX, y: plotBottom),
                                        color: ReportStyle.grid, width: 0.5, dash: [2, 2])
                }
                try canvas.drawLine(from: Point(x: tickX, y: plotBottom), to: Point(x: tickX, y: plotBottom + 2), color: ReportStyle.rule, width: 0.6)
                try canvas.draw(tick.layout, in: Rect(x: tickX - tick.layout.size.width / 2, y: plotBottom + 3,
                                                      width: tick.layout.size.width, height: tick.layout.size.height))
            }
            for (index, bar) in bars.enumerated() {
                let rowTop = plotTop + Double(index) * rowHeight
                try canvas.draw(labels[index], in: Rect(x: left, y: rowTop, width: labelWidth, height: rowHeight))
                let barHeight = rowHeight * 0.64
                let barTop = rowTop + (rowHeight - barHeight) / 2
                var segmentX = plotLeft
                for (seriesIndex, value) in bar.values.enumerated() where value > 0 {
                    let segmentWidth = Double(value) * scale
                    try canvas.drawRectangle(Rect(x: segmentX, y: barTop, width: segmentWidth, height: barHeight),
                                             fill: self.series[seriesIndex].color)
                    segmentX += segmentWidth
                }
                let value = valueLabels[index]
                try canvas.draw(value, in: Rect(x: segmentX + 3, y: rowTop + (rowHeight - value.size.height) / 2,
                                                width: value.size.width, height: value.size.height))
            }
            try canvas.drawLine(from: Point(x: plotLeft, y: plotTop), to: Point(x: plotLeft, y: plotBottom), color: ReportStyle.rule, width: 0.8)
            try canvas.drawLine(from: Point(x: plotLeft, y: plotBottom), to: Point(x: plotRight, y: plotBottom), color: ReportStyle.rule, width: 0.8)
            try canvas.draw(axisTitle, in: Rect(x: plotLeft, y: plotBottom + 3 + tickHeight + 2,
                                                width: plotRight - plotLeft, height: axisTitle.size.height))
        }
    }

    /// The smallest of 1, 2 and 5 times a power of ten that is at least `value` (and at least 1).
    static func niceStep(above value: Double) -> Double {
        guard value > 1 else { return 1 }
        let magnitude = pow(10, (log10(value)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= value - 1e-9 {
            return factor * magnitude
        }
        return 10 * magnitude
    }
}
