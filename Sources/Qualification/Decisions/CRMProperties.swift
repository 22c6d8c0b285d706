/// The CRM contact properties crosshub sets, and the patch of those whose
/// value differs from the last published one.
///
/// Values are strings, as HubSpot's CRM API takes property values: numbers
/// in JSON number form (`87`, `62.5`), the date as `YYYY-MM-DD` (UTC).
///
/// `crosshub_qualification_date` is the UTC date of the as-of time. It joins
/// a patch only when another property changed too, so a rescoring that
/// changes nothing publishes nothing. `crosshub_qualification_source` is
/// constant and joins the first patch only.
///
/// Values are compared before any text is built (scores as numbers, the
/// factors by fingerprint), because most rescorings change nothing.
struct CRMProperties {
    struct Property: Equatable {
        let name: String
        let value: String
    }

    static let source = "Cross-Hub Workflow"

    /// The names in patch order.
    static let names = [
        "crosshub_score", "crosshub_status", "crosshub_nurture_track",
        "crosshub_marketing_score", "crosshub_sales_score", "crosshub_service_score",
        "crosshub_demographic_score", "crosshub_behavioral_score",
        "crosshub_qualification_factors", "lifecyclestage",
        "crosshub_qualification_date", "crosshub_qualification_source",
    ]

    let lifecycleStage: LifecycleStage
    /// The fingerprint of the top factors (see `fingerprint(of:)`).
    let factorsFingerprint: UInt64
    /// The changed properties in `names` order; empty when nothing changed.
    let patch: [Property]

    init(result: QualificationResult, status: QualificationStatus, track: NurtureTrack,
         lifecycleStage: LifecycleStage, asOf: EventTime, previous: EmittedQualification?) {
        self.lifecycleStage = lifecycleStage
        let factorsFingerprint = Self.fingerprint(of: result)
        self.factorsFingerprint = factorsFingerprint

        var patch: [Property] = []
        if previous?.score != result.score {
            patch.append(Property(name: "crosshub_score", value: String(result.score)))
        }
        if previous?.status != status.rawValue {
            patch.append(Property(name: "crosshub_status", value: status.rawValue))
        }
        if previous?.nurtureTrack != track.rawValue {
            patch.append(Property(name: "crosshub_nurture_track", value: track.rawValue))
        }
        let scores = result.components
        let old = previous?.components
        for (name, value, oldValue) in [("crosshub_marketing_score", scores.marketing, old?.marketing),
                                        ("crosshub_sales_score", scores.sales, old?.sales),
                                        ("crosshub_service_score", scores.service, old?.service),
                                        ("crosshub_demographic_score", scores.demographic, old?.demographic),
                                        ("crosshub_behavioral_score", scores.behavioral, old?.behavioral)]
        where value != oldValue {
            patch.append(Property(name: name, value: Self.numberText(value)))
        }
        if previous?.factorsFingerprint != factorsFingerprint {
            patch.append(Property(name: "crosshub_qualification_factors", value: Self.factorsText(result)))
        }
        if previous?.lifecycleStage != lifecycleStage.rawValue {
            patch.append(Property(name: "lifecyclestage", value: lifecycleStage.rawValue))
        }

        if !patch.isEmpty {
            let date = Self.dateText(asOf)
            if previous?.qualifiedAt.map(Self.dateText) != date {
                patch.append(Property(name: "crosshub_qualification_date", value: date))
            }
            if previous == nil {
                patch.append(Property(name: "crosshub_qualification_source", value: Self.source))
            }
        }
        self.patch = patch
    }

    /// Formats the UTC date of `time`: `2026-03-04`.
    static func dateText(_ time: EventTime) -> String {
        String(time.rfc3339.prefix(10))
    }

    /// Formats a number as JSON writes it: `50`, `62.5`.
    static func numberText(_ value: Double) -> String {
        String(unsafeUninitializedCapacity: JSONByteCursor.maxNumberBytes) { buffer in
            var cursor = JSONByteCursor(buffer)
            cursor.appendJSONNumber(value)
            return cursor.count
        }
    }

    /// Formats points with a sign: `+20`, `-10`, `+0`.
    static func pointsText(_ points: Double) -> String {
        (points < 0 ? "" : "+") + numberText(points)
    }

    /// Returns the `crosshub_qualification_factors` text: the top factors as
    /// `Component: detail (+points)`, joined by `; `.
    static func factorsText(_ result: QualificationResult) -> String {
        var text: [UInt8] = []
        for (index, factor) in result.topFactors.enumerated() {
            if index > 0 { text.appendASCII("; ") }
            text.append(contentsOf: componentLabel(factor.component).utf8)
            text.appendASCII(": ")
            text.appendJSON(maxCount: factor.maxDetailBytes(texts: result.factorTexts)) { cursor in
                factor.appendDetail(texts: result.factorTexts, escapingForJSON: false, to: &cursor)
            }
            text.appendASCII(" (")
            if !(factor.points < 0) { text.append(UInt8(ascii: "+")) }
            text.appendJSONNumber(factor.points)
            text.append(UInt8(ascii: ")"))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Returns the component's name capitalized: `Marketing`, `Sales`, `Service`, `Demographic`, `Behavioral`.
    static func componentLabel(_ component: ScoreComponent) -> String {
        componentLabels[component] ?? component.rawValue
    }

    private static let componentLabels: [ScoreComponent: String] = Dictionary(uniqueKeysWithValues: ScoreComponent.allCases.map {
        ($0, $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst())
    })

    /// Returns the 64-bit FNV-1a hash of the top factors' codes, points and
    /// subjects (with the texts they refer to), or 1 where the hash is 0,
    /// because 0 means unknown.
    ///
    /// The detail sentences are not hashed: they follow from these inputs,
    /// and a release that rewords them does not patch every contact. The
    /// hash only has to detect a change, so it need not resist collisions
    /// made on purpose.
    static func fingerprint(of result: QualificationResult) -> UInt64 {
        var hash = FNV1a()
        for factor in result.topFactors {
            hash.add(factor.code.name)
            hash.add(factor.points.bitPattern)
            switch factor.subject {
            case .none:
                hash.add(UInt64(0))
            case .count(let count):
                hash.add(UInt64(1))
                hash.add(UInt64(bitPattern: Int64(count)))
            case .number(let number):
                hash.add(UInt64(2))
                hash.add(number.bitPattern)
            case .text:
                hash.add(UInt64(3))
                hash.add(result.text(of: factor) ?? "")
            case .employees(let count):
                hash.add(UInt64(4))
                hash.add(UInt64(bitPattern: Int64(count)))
                hash.add(result.text(of: factor) ?? "")
            }
        }
        return hash.value == 0 ? 1 : hash.value
    }

    /// Writes the patch as a JSON object in `names` order.
    func writePatch(to writer: inout JSONWriter) {
        writer.beginObject()
        for property in patch {
            writer.key(property.name)
            writer.string(property.value)
        }
        writer.endObject()
    }
}

/// The 64-bit FNV-1a hash, fed with length-prefixed strings and 8-byte integers.
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            add(UInt8(truncatingIfNeeded: number >> UInt64(shift)))
        }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(UInt64(bytes.count))
            for byte in bytes {
                add(byte)
            }
        }
    }
}
