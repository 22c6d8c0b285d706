import Qualification

/// An SVG line chart of the weekly status counts of a ``QualificationReport``:
/// one line per status, weeks on the x axis, contacts on the y axis.
///
/// The SVG is written by hand (no plot tool) and is the same for the same report.
public enum StatusChart {
    static let width = 900.0
    static let height = 420.0
    static let margin = (left: 60.0, right: 250.0, top: 40.0, bottom: 60.0)
    static let gridColor = "#e0e0e0"
    static let colors = ["#9e9e9e", "#1f77b4", "#ff7f0e", "#2ca02c"]

    /// Returns the chart as an SVG document.
    public static func svg(_ report: QualificationReport) -> String {
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let weeks = report.weeks
        let maxCount = max(1, weeks.flatMap(\.counts).max() ?? 1)
        let yMax = niceCeiling(maxCount)
        func x(_ index: Int) -> Double {
            weeks.count > 1 ? margin.left + plotWidth * Double(index) / Double(weeks.count - 1) : margin.left + plotWidth / 2
        }
        func y(_ count: Int) -> Double { margin.top + plotHeight * (1 - Double(count) / Double(yMax)) }

        var svg = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(format(width))" height="\#(format(height))" viewBox="0 0 \#(format(width)) \#(format(height))" font-family="sans-serif" font-size="12">"#,
            #"<rect width="100%" height="100%" fill="white"/>"#,
            #"<text x="\#(format(margin.left))" y="24" font-size="15">Contacts per status at the end of each week (\#(escape(report.modelVersion)))</text>"#,
        ]

        for step in 0...4 {
            let value = yMax * step / 4
            let lineY = format(y(value))
            svg.append(#"<line x1="\#(format(margin.left))" y1="\#(lineY)" x2="\#(format(margin.left + plotWidth))" y2="\#(lineY)" stroke="\#(gridColor)"/>"#)
            svg.append(#"<text x="\#(format(margin.left - 8))" y="\#(lineY)" text-anchor="end" dominant-baseline="middle">\#(value)</text>"#)
        }
        // About five date labels fit under the plot without overlapping.
        let labelEvery = max(1, (weeks.count + 4) / 5)
        for (index, week) in weeks.enumerated() where index % labelEvery == 0 {
            svg.append(#"<text x="\#(format(x(index)))" y="\#(format(margin.top + plotHeight + 20))" text-anchor="middle">\#(week.start.rfc3339.prefix(10))</text>"#)
        }
        svg.append(#"<line x1="\#(format(margin.left))" y1="\#(format(margin.top + plotHeight))" x2="\#(format(margin.left + plotWidth))" y2="\#(format(margin.top + plotHeight))" stroke="black"/>"#)
        svg.append(#"<line x1="\#(format(margin.left))" y1="\#(format(margin.top))" x2="\#(format(margin.left))" y2="\#(format(margin.top + plotHeight))" stroke="black"/>"#)
        svg.append(#"<text x="\#(format(margin.left + plotWidth / 2))" y="\#(format(height - 12))" text-anchor="middle">week starting (Monday, UTC)</text>"#)

        for (rank, status) in QualificationStatus.allCases.enumerated() {
            let points = weeks.indices.map { "\(format(x($0))),\(format(y(weeks[$0].counts[rank])))" }.joined(separator: " ")
            svg.append(#"<polyline fill="none" stroke="\#(colors[rank])" stroke-width="2" points="\#(points)"/>"#)
            let legendY = format(margin.top + 20 + Double(rank) * 22)
            let legendX = margin.left + plotWidth + 20
            svg.append(#"<line x1="\#(format(legendX))" y1="\#(legendY)" x2="\#(format(legendX + 24))" y2="\#(legendY)" stroke="\#(colors[rank])" stroke-width="3"/>"#)
            svg.append(#"<text x="\#(format(legendX + 30))" y="\#(legendY)" dominant-baseline="middle">\#(status.rawValue)</text>"#)
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// Returns the smallest axis maximum of the form 4 x (1, 2 or 5) x 10^n that is at least `value`, so the 4 grid steps are round numbers.
    static func niceCeiling(_ value: Int) -> Int {
        var power = 1
        while true {
            for factor in [1, 2, 5] where factor * power * 4 >= value {
                return factor * power * 4
            }
            power *= 10
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
