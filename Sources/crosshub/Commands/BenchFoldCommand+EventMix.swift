import Qualification

extension BenchFoldCommand {
    /// A seeded population of events in a realistic proportion of types, as
    /// JSON lines written by `JSONWriter`, one contiguous buffer.
    ///
    /// The mix leans on marketing email and page views, as CRM feeds do, with
    /// fewer sales and service events. Contacts are picked with a skew (the
    /// square of a uniform draw), so a few contacts receive many events.
    /// Times rise through a 180-day span, with random jitter of up to a day.
    struct EventMix {
        var bytes: [UInt8] = []
        /// The start offset of each line in `bytes`; line i ends where line i + 1 starts, minus its newline.
        var lineStarts: [Int] = []

        var count: Int { lineStarts.count }

        func line(_ index: Int, in buffer: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
            let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count - 1
            return UnsafeRawBufferPointer(rebasing: buffer[lineStarts[index]..<end])
        }

        /// Event types with their weight in the mix, in parts per thousand.
        static let weights: [(EventType, Int)] = [
            (.emailDelivered, 300), (.emailOpened, 140), (.emailClicked, 40), (.pageViewed, 200),
            (.formSubmitted, 30), (.contentDownloaded, 20), (.leadScoreChanged, 40), (.mqlChanged, 10),
            (.profileUpdated, 30), (.activityLogged, 30), (.meetingBooked, 10), (.meetingAttended, 7),
            (.meetingNoShow, 3), (.callLogged, 20), (.salesEmailReplied, 15), (.dealCreated, 5),
            (.dealStageChanged, 10), (.objectionRaised, 5), (.leadAccepted, 1), (.leadRejected, 1),
            (.customerStatusChanged, 5), (.ticketOpened, 12), (.ticketClosed, 10), (.csatSubmitted, 10),
            (.npsSubmitted, 5), (.productUsageReported, 8), (.expansionRecorded, 2), (.overrideSet, 1), (.overrideCleared, 0),
        ]

        init(events: Int, contacts: Int, seed: UInt64) {
            var random = SplitMix64(seed: seed)
            var table: [EventType] = []
            for (type, weight) in EventMix.weights {
                table += Array(repeating: type, count: weight)
            }
            let start = EventTime(rfc3339: "2026-01-01T00:00:00Z")!.microsecondsSinceEpoch
            let span = Int64(180) * EventTime.microsecondsPerDay

            bytes.reserveCapacity(events * 230)
            lineStarts.reserveCapacity(events)
            var writer = JSONWriter(reservingCapacity: 512)
            for index in 0..<events {
                let draw = random.nextUnit()
                let contact = Int(draw * draw * Double(contacts))
                let jitter = Int64(random.next() % UInt64(EventTime.microsecondsPerDay))
                let time = EventTime(microsecondsSinceEpoch: start + Int64(Double(span) * Double(index) / Double(events)) + jitter)
                let type = table[Int(random.next() % UInt64(table.count))]

                writer = JSONWriter(reservingCapacity: 512)
                writer.beginObject()
                writer.field("event_id", uuidLike(&random))
                writer.field("contact_id", "contact-\(contact)")
                writer.field("type", type.rawValue)
                writer.field("occurred_at", time.rfc3339)
                writer.key("data")
                writeData(type, to: &writer, random: &random, time: time)
                writer.endObject()

                lineStarts.append(bytes.count)
                bytes.append(contentsOf: writer.bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
        }

        private func writeData(_ type: EventType, to writer: inout JSONWriter, random: inout SplitMix64, time: EventTime) {
            let pick = { (values: [String], random: inout SplitMix64) in values[Int(random.next() % UInt64(values.count))] }
            writer.beginObject()
            switch type {
            case .pageViewed:
                writer.field("url", "https://www.example.com/" + pick(["pricing", "product/overview", "blog/forecasting-guide", "customers", "demo"], &random))
                if random.next() % 3 == 0 { writer.field("high_value", true) }
            case .formSubmitted: writer.field("form_id", pick(["demo-request", "newsletter", "webinar-signup", "contact-sales"], &random))
            case .contentDownloaded: writer.field("asset_id", "asset-\(random.next() % 40)")
            case .emailDelivered, .emailOpened, .emailClicked: writer.field("campaign_id", "campaign-\(random.next() % 60)")
            case .leadScoreChanged: writer.field("lead_score", Int(random.next() % 101))
            case .mqlChanged: writer.field("mql", random.next() % 2 == 0)
            case .profileUpdated:
                writer.field("job_title", pick(["VP Marketing", "Director of Sales", "CTO", "Analyst", "Marketing Manager"], &random))
                writer.field("industry", pick(["Technology", "Healthcare", "Retail", "Education", "Energy"], &random))
                writer.field("employees", Int(random.next() % 5000) + 1)
                writer.field("annual_revenue", Double(random.next() % 200) * 1_000_000)
                writer.field("decision_maker", random.next() % 2 == 0)
                writer.field("owner_id", "owner-\(random.next() % 25)")
            case .activityLogged: writer.field("kind", pick(["call", "email", "meeting", "note", "task"], &random))
            case .meetingBooked:
                writer.field("meeting_id", "meeting-\(random.next() % 100_000)")
                writer.field("starts_at", time.adding(days: 3).rfc3339)
            case .meetingAttended, .meetingNoShow: writer.field("meeting_id", "meeting-\(random.next() % 100_000)")
            case .callLogged: writer.field("duration_minutes", Double(random.next() % 900) / 10)
            case .dealCreated, .dealStageChanged:
                writer.field("deal_id", "deal-\(random.next() % 20_000)")
                writer.field("stage", pick(PipelineStage.allCases.map(\.label), &random))
                writer.field("amount", Double(random.next() % 100) * 1000)
            case .objectionRaised: writer.field("topic", pick(["price", "timing", "competitor"], &random))
            case .leadRejected: writer.field("reason", "no budget this quarter")
            case .customerStatusChanged:
                writer.field("customer", random.next() % 4 != 0)
                writer.field("since", time.adding(days: -Int(random.next() % 900)).rfc3339)
            case .ticketOpened, .ticketClosed: writer.field("ticket_id", "ticket-\(random.next() % 50_000)")
            case .csatSubmitted: writer.field("score", Double(random.next() % 21) / 2)
            case .npsSubmitted: writer.field("score", Int(random.next() % 11))
            case .productUsageReported: writer.field("usage_score", Double(random.next() % 1001) / 10)
            case .expansionRecorded: writer.field("amount", Double(random.next() % 50_000 + 1))
            case .overrideSet:
                writer.field("status", "SALES_QUALIFIED_LEAD")
                writer.field("reason", "met at the trade fair")
                writer.field("set_by", "lead@example.com")
            case .salesEmailReplied, .leadAccepted, .overrideCleared:
                break
            }
            writer.endObject()
        }

        private func uuidLike(_ random: inout SplitMix64) -> String {
            let high = random.next()
            let low = random.next()
            let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
            let characters = Array(hex)
            return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-" + String(characters[12..<16])
                + "-" + String(characters[16..<20]) + "-" + String(characters[20..<32])
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
