/// Builds the output records of one decision, each written with `JSONWriter`
/// in a fixed key order so that the same input gives the same bytes.
///
/// Every record starts with `schema`, `output_id`, `contact_id`,
/// `occurred_at` (the as-of time), `model_version` and `sequence` (the
/// ordinal in its output id), and ends with `cause`. Qualification records
/// and property updates also carry `backfill` after `model_version`.
struct RecordBuilder {
    let transition: QualificationTransition
    let policy: DecisionPolicy
    /// The as-of time and the cause's time in RFC 3339, formatted once for every record.
    let asOfText: String
    let causeTimeText: String
    /// The detail sentence of each top factor, rendered once for every record that lists them.
    let topFactorDetails: [String]
    /// The top factors as a JSON array, written once for every record that lists them.
    let topFactorsJSON: [UInt8]

    init(transition: QualificationTransition, policy: DecisionPolicy) {
        self.transition = transition
        self.policy = policy
        asOfText = transition.asOf.rfc3339
        causeTimeText = transition.input.cause.occurredAt.rfc3339
        let result = transition.result
        topFactorDetails = result.topFactors.map(result.detail(of:))
        var topFactorsJSON: [UInt8] = []
        topFactorsJSON.appendJSON(maxCount: result.maxFactorsJSONBytes(result.topFactors)) { cursor in
            result.writeFactors(result.topFactors, to: &cursor)
        }
        self.topFactorsJSON = topFactorsJSON
    }

    /// Builds one record; `body` writes the fields between the common ones.
    func record(_ kind: OutputKind, discriminator: String, ordinal: Int,
                body: (inout JSONWriter) -> Void) -> OutputRecord {
        var discriminator = discriminator
        return discriminator.withUTF8 { record(kind, discriminator: UnsafeRawBufferPointer($0), ordinal: ordinal, body: body) }
    }

    /// Builds one record with a discriminator given as UTF-8 bytes.
    func record(_ kind: OutputKind, discriminator: [UInt8], ordinal: Int,
                body: (inout JSONWriter) -> Void) -> OutputRecord {
        discriminator.withUnsafeBytes { record(kind, discriminator: $0, ordinal: ordinal, body: body) }
    }

    private func record(_ kind: OutputKind, discriminator: UnsafeRawBufferPointer, ordinal: Int,
                        body: (inout JSONWriter) -> Void) -> OutputRecord {
        let contactID = transition.contactID
        let outputID = OutputID.make(contactID: contactID, kind: kind, discriminator: discriminator, ordinal: ordinal)
        let modelVersion = transition.result.modelVersion

        // Qualification records list every factor and take about 2.5 KB; the other kinds take less.
        var writer = JSONWriter(reservingCapacity: kind == .qualification ? 4096 : 1536)
        writer.beginObject()
        writer.key("schema")
        writer.string(kind.schemaName)
        writer.key("output_id")
        writer.string(outputID)
        writer.key("contact_id")
        writer.string(contactID)
        writer.key("occurred_at")
        writer.string(asOfText)
        writer.key("model_version")
        writer.string(modelVersion)
        if !kind.isSideEffect {
            writer.key("backfill")
            writer.bool(policy.backfill)
        }
        writer.key("sequence")
        writer.integer(ordinal)
        body(&writer)
        writer.key("cause")
        writeCause(to: &writer)
        writer.endObject()

        var headers = [
            OutputHeader("crosshub.schema", kind.schemaName),
            OutputHeader("crosshub.output_id", outputID),
            OutputHeader("crosshub.model_version", modelVersion),
            OutputHeader("crosshub.source_event_id", transition.input.cause.eventID),
            OutputHeader("crosshub.contact_id", contactID),
        ]
        if policy.backfill {
            headers.append(OutputHeader("crosshub.backfill", "true"))
        }
        return OutputRecord(kind: kind, key: contactID, outputID: outputID, value: writer.bytes, headers: headers)
    }

    // MARK: Shared fields

    /// Writes the cause as `{"event_id", "event_type", "occurred_at", "source"}`, where `source` is null or `{"topic", "partition", "offset"}`.
    func writeCause(to writer: inout JSONWriter) {
        let cause = transition.input.cause
        writer.beginObject()
        writer.key("event_id")
        writer.string(cause.eventID)
        writer.key("event_type")
        writer.string(cause.eventType.rawValue)
        writer.key("occurred_at")
        writer.string(causeTimeText)
        writer.key("source")
        if let source = cause.source {
            writer.beginObject()
            writer.key("topic")
            writer.string(source.topic)
            writer.key("partition")
            writer.integer(Int(source.partition))
            writer.key("offset")
            writer.integer(Int(source.offset))
            writer.endObject()
        } else {
            writer.null()
        }
        writer.endObject()
    }

    /// Writes `null`, or the override in force as `{"status", "reason", "set_by", "set_at", "expires_at", "event_id"}`.
    func writeOverride(to writer: inout JSONWriter) {
        guard let override = transition.override else {
            writer.null()
            return
        }
        writer.beginObject()
        writer.key("status")
        writer.string(override.value.status.rawValue)
        writer.key("reason")
        writer.string(override.value.reason)
        writer.key("set_by")
        writer.string(override.value.setBy)
        writer.key("set_at")
        writer.string(override.occurredAt.rfc3339)
        writer.key("expires_at")
        if let expiresAt = override.value.expiresAt {
            writer.string(expiresAt.rfc3339)
        } else {
            writer.null()
        }
        writer.key("event_id")
        writer.string(override.eventID)
        writer.endObject()
    }

    /// Writes every factor as an array of `{"component", "code", "points", "detail"}`
    /// objects, as the scorer's result JSON does.
    func writeAllFactors(to writer: inout JSONWriter) {
        let result = transition.result
        writer.rawValue(maxCount: result.maxFactorsJSONBytes(result.factors)) { cursor in
            result.writeFactors(result.factors, to: &cursor)
        }
    }

    /// Writes the top factors like `writeAllFactors(to:)`.
    func writeTopFactors(to writer: inout JSONWriter) {
        writer.rawValue(topFactorsJSON)
    }

    /// Writes the scores as `{"marketing", "sales", "service", "demographic", "behavioral"}`.
    static func writeComponents(_ components: EmittedQualification.Components, to writer: inout JSONWriter) {
        writer.beginObject()
        for (name, value) in [("marketing", components.marketing), ("sales", components.sales),
                              ("service", components.service), ("demographic", components.demographic),
                              ("behavioral", components.behavioral)] {
            writer.key(name)
            writer.number(value)
        }
        writer.endObject()
    }

    static func writeStrings(_ strings: [String], to writer: inout JSONWriter) {
        writer.beginArray()
        for string in strings {
            writer.string(string)
        }
        writer.endArray()
    }

    /// Writes `"name": value`, or `"name": null` when `value` is nil.
    static func writeNullable(_ name: String, _ value: String?, to writer: inout JSONWriter) {
        writer.key(name)
        if let value {
            writer.string(value)
        } else {
            writer.null()
        }
    }
}
