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
    /// The `crosshub_qualification_factors` text: the top factors as
    /// `Component: detail (+points)`, joined by `; `.
    let factorsText: String
    let factorsFingerprint: UInt64
    /// The changed properties in `names` order; empty when nothing changed.
    let patch: [Property]

    init(result: QualificationResult, status: QualificationStatus, track: NurtureTrack,
         lifecycleStage: LifecycleStage, asOf: EventTime, previous: EmittedQualification?) {
        self.lifecycleStage = lifecycleStage
        let factorsText = Self.factorsText(result)
        self.factorsText = factorsText
        let factorsFingerprint = Self.fingerprint(factorsText)
        self.factorsFingerprint = factorsFingerprint

        var patch: [Property] = []
        func offer(_ name: String, _ value: String, previous: String?) {
            if value != previous { patch.append(Property(name: name, value: value)) }
        }
        offer("crosshub_score", String(result.score), previous: previous.map { String($0.score) })
        offer("crosshub_status", status.rawValue, previous: previous?.status)
        offer("crosshub_nurture_track", track.rawValue, previous: previous?.nurtureTrack)
        let components = result.components
        let old = previous?.components
        offer("crosshub_marketing_score", Self.numberText(components.marketing), previous: old.map { Self.numberText($0.marketing) })
        offer("crosshub_sales_score", Self.numberText(components.sales), previous: old.map { Self.numberText($0.sales) })
        offer("crosshub_service_score", Self.numberText(components.service), previous: old.map { Self.numberText($0.service) })
        offer("crosshub_demographic_score", Self.numberText(components.demographic), previous: old.map { Self.numberText($0.demographic) })
        offer("crosshub_behavioral_score", Self.numberText(components.behavioral), previous: old.map { Self.numberText($0.behavioral) })
        if previous?.factorsFingerprint != factorsFingerprint {
            patch.append(Property(name: "crosshub_qualification_factors", value: factorsText))
        }
        offer("lifecyclestage", lifecycleStage.rawValue, previous: previous?.lifecycleStage)

        if !patch.isEmpty {
            offer("crosshub_qualification_date", Self.dateText(asOf), previous: previous?.qualifiedAt.map(Self.dateText))
            if previous == nil {
                patch.append(Property(name: "crosshub_qualification_source", value: Self.source))
            }
        }
        self.patch = patch
    }

    /// `2026-03-04` for any time on that UTC day.
    static func dateText(_ time: EventTime) -> String {
        String(time.rfc3339.prefix(10))
    }

    /// A number as JSON writes it: `50`, `62.5`.
    static func numberText(_ value: Double) -> String {
        var writer = JSONWriter(reservingCapacity: 24)
        writer.number(value)
        return writer.text
    }

    /// Points with a sign: `+20`, `-10`, `+0`.
    static func pointsText(_ points: Double) -> String {
        (points < 0 ? "" : "+") + numberText(points)
    }

    static func factorsText(_ result: QualificationResult) -> String {
        result.topFactors.map { factor in
            "\(componentLabel(factor.component)): \(result.detail(of: factor)) (\(pointsText(factor.points)))"
        }.joined(separator: "; ")
    }

    /// `Marketing`, `Sales`, `Service`, `Demographic`, `Behavioral`.
    static func componentLabel(_ component: ScoreComponent) -> String {
        component.rawValue.prefix(1).uppercased() + component.rawValue.dropFirst()
    }

    /// The first 8 bytes of the SHA-256 of `text`; never 0, which means unknown.
    static func fingerprint(_ text: String) -> UInt64 {
        let digest = SHA256.hash(text).bytes
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return value == 0 ? 1 : value
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
