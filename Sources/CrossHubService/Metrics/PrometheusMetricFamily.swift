/// The type of a metric family in the Prometheus text format.
public enum PrometheusMetricType: String, Sendable {
    /// A value that only goes up, reset to zero only when the process restarts.
    case counter
    /// A value that goes up and down.
    case gauge
    /// Observations counted in cumulative buckets, with their sum and count.
    case histogram
}

/// One metric family: a name, its help text, its type and label names, and
/// one series per distinct set of label values.
///
/// The names are checked when the family is made and each series when it is
/// added, so a family that exists can always be rendered.
public struct PrometheusMetricFamily: Sendable, Equatable {
    /// The value of one series.
    public enum Value: Sendable, Equatable {
        case number(Double)
        case histogram(PrometheusHistogram)
    }

    /// One time series of the family.
    public struct Series: Sendable, Equatable {
        /// Label values in the order of the family's `labelNames`.
        public let labelValues: [String]
        public let value: Value
    }

    /// The metric name, for example `crosshub_outputs_total`.
    public let name: String
    /// One line saying what the metric measures and in what unit.
    public let help: String
    public let type: PrometheusMetricType
    /// The label names every series carries, in output order.
    public let labelNames: [String]
    /// The series, in the order they were added; the writer sorts them.
    public private(set) var series: [Series] = []

    /// - Throws: `PrometheusMetricError` when the metric or a label name is
    ///   invalid, a label name repeats, or a histogram uses the label `le`.
    public init(name: String, help: String, type: PrometheusMetricType,
                labelNames: [String] = []) throws(PrometheusMetricError) {
        guard Self.isValidMetricName(name) else {
            throw .invalidMetricName(name)
        }
        for label in labelNames {
            guard Self.isValidLabelName(label) else {
                throw .invalidLabelName(metric: name, label: label)
            }
            guard !(type == .histogram && label == "le") else {
                throw .reservedLabelName(metric: name, label: label)
            }
        }
        guard Set(labelNames).count == labelNames.count else {
            throw .duplicateLabelName(metric: name, labels: labelNames)
        }

        self.name = name
        self.help = help
        self.type = type
        self.labelNames = labelNames
    }

    /// Adds a counter or gauge series.
    ///
    /// - Throws: `PrometheusMetricError` when the number of label values
    ///   differs from `labelNames`, the family is a histogram, a series with
    ///   these label values exists, or a counter value is negative or NaN.
    public mutating func add(_ value: Double, labels labelValues: [String] = []) throws(PrometheusMetricError) {
        guard type != .histogram else {
            throw .wrongValueType(metric: name, expected: type)
        }
        guard type != .counter || value >= 0 else {
            throw .negativeCounter(metric: name, value: value)
        }
        try append(Series(labelValues: labelValues, value: .number(value)))
    }

    /// Adds a histogram series.
    ///
    /// - Throws: `PrometheusMetricError` when the family is not a histogram,
    ///   the label values do not fit `labelNames`, or the series exists.
    public mutating func add(_ histogram: PrometheusHistogram, labels labelValues: [String] = []) throws(PrometheusMetricError) {
        guard type == .histogram else {
            throw .wrongValueType(metric: name, expected: type)
        }
        try append(Series(labelValues: labelValues, value: .histogram(histogram)))
    }

    private mutating func append(_ newSeries: Series) throws(PrometheusMetricError) {
        guard newSeries.labelValues.count == labelNames.count else {
            throw .labelCountMismatch(metric: name, expected: labelNames, values: newSeries.labelValues)
        }
        guard !series.contains(where: { $0.labelValues == newSeries.labelValues }) else {
            throw .duplicateSeries(metric: name, labelValues: newSeries.labelValues)
        }
        series.append(newSeries)
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`, as the exposition format defines metric names.
    static func isValidMetricName(_ name: String) -> Bool {
        isValidName(name, allowColon: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, without the leading `__` that Prometheus reserves.
    static func isValidLabelName(_ name: String) -> Bool {
        isValidName(name, allowColon: false) && !name.hasPrefix("__")
    }

    private static func isValidName(_ name: String, allowColon: Bool) -> Bool {
        guard let first = name.utf8.first else { return false }
        let isLetter = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || byte == UInt8(ascii: "_") || (allowColon && byte == UInt8(ascii: ":"))
        }
        return isLetter(first) && name.utf8.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// A metric family or series that the Prometheus text format cannot represent.
public enum PrometheusMetricError: Error, Equatable, CustomStringConvertible {
    case invalidMetricName(String)
    case invalidLabelName(metric: String, label: String)
    case reservedLabelName(metric: String, label: String)
    case duplicateLabelName(metric: String, labels: [String])
    case labelCountMismatch(metric: String, expected: [String], values: [String])
    case duplicateSeries(metric: String, labelValues: [String])
    case duplicateFamily(String)
    case wrongValueType(metric: String, expected: PrometheusMetricType)
    case negativeCounter(metric: String, value: Double)
    case invalidBuckets(String)

    public var description: String {
        switch self {
        case .invalidMetricName(let name):
            "invalid metric name '\(name)': use letters, digits, '_' and ':', not starting with a digit"
        case .invalidLabelName(let metric, let label):
            "invalid label name '\(label)' on \(metric): use letters, digits and '_', not starting with a digit or '__'"
        case .reservedLabelName(let metric, let label):
            "label name '\(label)' on histogram \(metric) is reserved for bucket bounds; rename the label"
        case .duplicateLabelName(let metric, let labels):
            "label names \(labels) on \(metric) repeat a name; give each label once"
        case .labelCountMismatch(let metric, let expected, let values):
            "series of \(metric) has label values \(values) but the family's labels are \(expected); give one value per label"
        case .duplicateSeries(let metric, let labelValues):
            "series of \(metric) with label values \(labelValues) was added twice; add each label set once"
        case .duplicateFamily(let metric):
            "two metric families are named \(metric); merge their series into one family"
        case .wrongValueType(let metric, let expected):
            "\(metric) is a \(expected.rawValue); add a \(expected == .histogram ? "histogram" : "number") value"
        case .negativeCounter(let metric, let value):
            "counter \(metric) has value \(value); a counter must be zero or more"
        case .invalidBuckets(let message):
            "invalid histogram buckets: \(message)"
        }
    }
}
