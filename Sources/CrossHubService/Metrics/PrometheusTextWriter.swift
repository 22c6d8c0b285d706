/// Renders metric families in the Prometheus text exposition format 0.0.4.
///
/// Output is deterministic: families sorted by name, series sorted by label
/// values (numerically where both values are integers, so partition 2 comes
/// before partition 10). Each family gets `# HELP` and `# TYPE` lines, even
/// with no series, so that dashboards see the metric exists. Histograms
/// write cumulative `_bucket` lines ending with `le="+Inf"`, then `_sum` and
/// `_count`.
public enum PrometheusTextWriter {
    /// Renders `families` as one exposition text ending with a line feed.
    ///
    /// - Throws: `PrometheusMetricError.duplicateFamily` when two families
    ///   share a name, since a scraper would reject the whole text.
    public static func render(_ families: [PrometheusMetricFamily]) throws(PrometheusMetricError) -> String {
        let sorted = families.sorted { $0.name < $1.name }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.name == next.name {
            throw .duplicateFamily(next.name)
        }

        var text = ""
        for family in sorted {
            write(family, to: &text)
        }
        return text
    }

    private static func write(_ family: PrometheusMetricFamily, to text: inout String) {
        text += "# HELP \(family.name) \(escapeHelp(family.help))\n"
        text += "# TYPE \(family.name) \(family.type.rawValue)\n"

        let series = family.series.sorted { compareLabelValues($0.labelValues, $1.labelValues) }
        for entry in series {
            let labels = Array(zip(family.labelNames, entry.labelValues))
            switch entry.value {
            case .number(let value):
                text += "\(family.name)\(labelSet(labels)) \(formatNumber(value))\n"
            case .histogram(let histogram):
                let cumulative = histogram.cumulativeCounts
                for (bound, count) in zip(histogram.upperBounds, cumulative) {
                    text += "\(family.name)_bucket\(labelSet(labels + [("le", formatNumber(bound))])) \(count)\n"
                }
                text += "\(family.name)_bucket\(labelSet(labels + [("le", "+Inf")])) \(histogram.count)\n"
                text += "\(family.name)_sum\(labelSet(labels)) \(formatNumber(histogram.sum))\n"
                text += "\(family.name)_count\(labelSet(labels)) \(histogram.count)\n"
            }
        }
    }

    /// `{name="value",...}`, or nothing for an empty label set.
    private static func labelSet(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        return "{" + labels.map { "\($0.0)=\"\(escapeLabelValue($0.1))\"" }.joined(separator: ",") + "}"
    }

    /// Escapes `\`, `"` and line feed, as the format requires inside label values.
    static func escapeLabelValue(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// Escapes `\` and line feed, as the format requires in help text.
    static func escapeHelp(_ help: String) -> String {
        escape(help, quotes: false)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\"" where quotes: escaped += "\\\""
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Writes integers without a fraction (`42`, not `42.0`), other values in
    /// Swift's shortest round-trip form (`0.005`, `1e-07`), and `NaN`, `+Inf`, `-Inf`.
    static func formatNumber(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }

    /// Orders label value lists element by element; integers compare as numbers.
    private static func compareLabelValues(_ left: [String], _ right: [String]) -> Bool {
        for (a, b) in zip(left, right) where a != b {
            if let x = Int64(a), let y = Int64(b) {
                return x < y
            }
            return a < b
        }
        return left.count < right.count
    }
}
