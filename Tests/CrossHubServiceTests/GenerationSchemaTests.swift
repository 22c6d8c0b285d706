import Foundation
import Testing
@testable import CrossHubService

/// Validates generated lines with Python's `jsonschema` against a JSON
/// Schema (2020-12) of the event catalog, written here apart from the
/// generator's code. Journey events and duplicates must pass. Every invalid
/// line must fail to parse, exceed 64 KiB or fail the schema.
@Suite struct GenerationSchemaTests {
    @Test func sampleMatchesCatalogSchema() throws {
        let batch = try JourneyGenerator(options: generationOptions(contacts: 600, seed: 21, duplicateRate: 0.02,
                                                                    invalidRate: 0.05)).generate()
        var input: [UInt8] = []
        for event in batch.events {
            switch event.origin {
            case .journey, .duplicate:
                input.append(contentsOf: Array("valid\t-\t".utf8))
            case .invalid(let kind):
                input.append(contentsOf: Array("invalid\t\(kind.rawValue)\t".utf8))
            }
            input.append(contentsOf: event.value)
            input.append(UInt8(ascii: "\n"))
        }

        let result = try runPython(Self.validator, input: input)

        #expect(result.status == 0, "validator failed:\n\(result.output)")
        #expect(result.output.contains("valid \(batch.summary.journeyEvents + batch.summary.duplicates) accepted"),
                "\(result.output)")
        #expect(result.output.contains("invalid \(batch.summary.invalidLineCount) rejected"), "\(result.output)")
    }

    /// Runs `python3 -c script FILE` with `input` stored in FILE.
    private func runPython(_ script: String, input: [UInt8]) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("generation-schema-\(ProcessInfo.processInfo.processIdentifier).txt")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }

    static let validator = #"""
import datetime, json, re, sys
try:
    import jsonschema
except ImportError:
    print("python3 has no jsonschema module: run 'make deps' or 'pip install jsonschema'")
    sys.exit(2)

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
checker = jsonschema.FormatChecker(formats=())

@checker.checks("date-time")
def is_date_time(text):
    if not isinstance(text, str) or not RFC3339.match(text):
        return False
    try:
        datetime.datetime.fromisoformat(text[:19])
    except ValueError:
        return False
    return True

def obj(required, **properties):
    return {"type": "object", "required": list(required), "properties": properties,
            "additionalProperties": False}

TIME = {"type": "string", "format": "date-time"}
TEXT = {"type": "string", "minLength": 1}
CAMPAIGN = obj(["campaign_id"], campaign_id=TEXT)
MEETING = obj(["meeting_id"], meeting_id=TEXT)
TICKET = obj(["ticket_id"], ticket_id=TEXT)
STAGES = ["Appointment Scheduled", "Qualified to Buy", "Presentation Scheduled", "Decision Maker Bought-In",
          "Contract Sent", "Closed Won", "Closed Lost", "appointmentscheduled", "qualifiedtobuy",
          "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"]
DEAL = obj(["deal_id", "stage"], deal_id=TEXT, stage={"enum": STAGES}, amount={"type": "number", "minimum": 0})
BANDS = ["Startup (1-10 employees)", "Small Business (11-100 employees)", "Mid-Market (101-999 employees)",
         "Enterprise (1000+ employees)"]
PROFILE = obj([], email=TEXT, firstname=TEXT, lastname=TEXT, company=TEXT, industry=TEXT,
              employees={"type": "integer", "minimum": 0}, company_size={"enum": BANDS},
              annual_revenue={"type": "number", "minimum": 0}, job_title=TEXT, job_function=TEXT,
              decision_maker={"type": "boolean"}, owner_id=TEXT, owner_email=TEXT)
PROFILE["minProperties"] = 1
EMPTY = obj([])
DATA = {
    "marketing.page_viewed": obj(["url"], url=TEXT, high_value={"type": "boolean"}),
    "marketing.form_submitted": obj(["form_id"], form_id=TEXT),
    "marketing.content_downloaded": obj(["asset_id"], asset_id=TEXT),
    "marketing.email_delivered": CAMPAIGN, "marketing.email_opened": CAMPAIGN, "marketing.email_clicked": CAMPAIGN,
    "marketing.lead_score_changed": obj(["lead_score"], lead_score={"type": "integer", "minimum": 0, "maximum": 100}),
    "marketing.mql_changed": obj(["mql"], mql={"type": "boolean"}),
    "contact.profile_updated": PROFILE,
    "sales.activity_logged": obj(["kind"], kind={"enum": ["call", "email", "meeting", "note", "task"]}),
    "sales.meeting_booked": obj(["meeting_id", "starts_at"], meeting_id=TEXT, starts_at=TIME),
    "sales.meeting_attended": MEETING, "sales.meeting_no_show": MEETING,
    "sales.call_logged": obj(["duration_minutes"], duration_minutes={"type": "number", "minimum": 0}),
    "sales.email_replied": EMPTY,
    "sales.deal_created": DEAL, "sales.deal_stage_changed": DEAL,
    "sales.objection_raised": obj([], topic=TEXT),
    "sales.lead_accepted": EMPTY,
    "sales.lead_rejected": obj(["reason"], reason=TEXT),
    "service.customer_status_changed": obj(["customer"], customer={"type": "boolean"}, since=TIME),
    "service.ticket_opened": TICKET, "service.ticket_closed": TICKET,
    "service.csat_submitted": obj(["score"], score={"type": "number", "minimum": 0, "maximum": 10}),
    "service.nps_submitted": obj(["score"], score={"type": "integer", "minimum": 0, "maximum": 10}),
    "service.product_usage_reported": obj(["usage_score"], usage_score={"type": "number", "minimum": 0, "maximum": 100}),
    "service.expansion_recorded": obj(["amount"], amount={"type": "number", "exclusiveMinimum": 0}),
    "qualification.override_set": obj(["status", "reason", "set_by"], reason=TEXT, set_by=TEXT, expires_at=TIME,
        status={"enum": ["SUBSCRIBER", "LEAD", "MARKETING_QUALIFIED_LEAD", "SALES_QUALIFIED_LEAD"]}),
    "qualification.override_cleared": EMPTY,
}
ID = {"type": "string", "minLength": 1, "maxLength": 128}
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["event_id", "contact_id", "type", "occurred_at", "data"],
    "additionalProperties": False,
    "properties": {"event_id": ID, "contact_id": ID, "type": {"enum": sorted(DATA)}, "occurred_at": TIME,
                   "data": {"type": "object"}},
    "allOf": [{"if": {"properties": {"type": {"const": name}}, "required": ["type"]},
               "then": {"properties": {"data": schema}}} for name, schema in DATA.items()],
}
jsonschema.Draft202012Validator.check_schema(SCHEMA)
validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=checker)

def problem(raw):
    if len(raw) > 65536:
        return "oversized"
    try:
        event = json.loads(raw.decode("utf-8"))
    except ValueError as error:
        return "invalid JSON or UTF-8: %s" % error
    errors = sorted(validator.iter_errors(event), key=lambda e: list(e.path))
    return "; ".join("%s: %s" % ("/".join(map(str, e.path)), e.message) for e in errors[:3]) or None

accepted = rejected = 0
failures = []
with open(sys.argv[1], "rb") as lines:
    for number, line in enumerate(lines, 1):
        label, kind, value = line.rstrip(b"\n").split(b"\t", 2)
        label = label.decode()
        kind = kind.decode()
        found = problem(value)
        if label == "valid" and found is None:
            accepted += 1
        elif label == "invalid" and found is not None:
            rejected += 1
        else:
            failures.append("line %d (%s %s): %s: %r" % (number, label, kind, found or "passes the schema", value[:300]))

print("valid %d accepted, invalid %d rejected, %d wrong" % (accepted, rejected, len(failures)))
for failure in failures[:20]:
    print(failure)
sys.exit(1 if failures else 0)
"""#
}
