import Foundation
import Qualification

extension QualificationReport {
    /// The measures as readable text, then the weekly status counts.
    public var table: String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a" }
        func days(_ value: Double?) -> String { value.map { String(format: "%.1f days", $0) } ?? "n/a" }
        func money(_ value: Double) -> String { String(format: "%.2f", value) }

        var lines = [
            "model: \(modelVersion)",
            "contacts: \(contacts)",
            "",
            "qualification accuracy: \(percent(qualificationAccuracy)) (\(sqlWithDeal) of \(sqlContacts) SQLs got a deal at or after qualifying; \(sqlWithEarlierDeal) had a deal before)",
            "sales acceptance rate: \(percent(acceptanceRate)) (\(leadsAccepted) accepted, \(leadsRejected) rejected)",
            "first touch to SQL: median \(days(timeToSQL.medianDays)), p90 \(days(timeToSQL.p90Days)) over \(timeToSQL.count) contacts",
            "SQL to deal: median \(days(timeToDeal.medianDays)), p90 \(days(timeToDeal.p90Days)) over \(timeToDeal.count) contacts",
            "won revenue from qualified leads: \(money(wonRevenueFromQualified)) from \(wonDealsFromQualified) deals (all won deals: \(money(wonRevenue)) from \(wonDeals); \(wonDealsWithoutAmount) without an amount)",
            "",
            "contacts per status at the end of each week (weeks start Monday 00:00 UTC)",
            "week starting   SUBSCRIBER        LEAD         MQL         SQL",
        ]
        for week in weeks {
            let date = String(week.start.rfc3339.prefix(10))
            lines.append(date + "  " + week.counts.map { String(repeating: " ", count: max(0, 11 - String($0).count)) + String($0) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    /// The measures as one JSON object, keys in a fixed order; ratios are 0 to 1, null without data.
    public var json: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("model_version", modelVersion)
        writer.field("contacts", contacts)
        writer.key("qualification_accuracy")
        writer.beginObject()
        writer.field("sql_contacts", sqlContacts)
        writer.field("sql_with_deal", sqlWithDeal)
        writer.field("sql_with_earlier_deal", sqlWithEarlierDeal)
        writer.field("rate", qualificationAccuracy)
        writer.endObject()
        writer.key("sales_acceptance")
        writer.beginObject()
        writer.field("accepted", leadsAccepted)
        writer.field("rejected", leadsRejected)
        writer.field("rate", acceptanceRate)
        writer.endObject()
        writer.key("first_touch_to_sql_days")
        Self.write(timeToSQL, to: &writer)
        writer.key("sql_to_deal_days")
        Self.write(timeToDeal, to: &writer)
        writer.key("won_revenue")
        writer.beginObject()
        writer.field("qualified_deals", wonDealsFromQualified)
        writer.field("qualified_amount", wonRevenueFromQualified)
        writer.field("all_deals", wonDeals)
        writer.field("all_amount", wonRevenue)
        writer.field("deals_without_amount", wonDealsWithoutAmount)
        writer.endObject()
        writer.key("weeks")
        writer.beginArray()
        for week in weeks {
            writer.beginObject()
            writer.field("start", String(week.start.rfc3339.prefix(10)))
            for status in QualificationStatus.allCases {
                writer.field(status.rawValue, week.counts[status.rank])
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    private static func write(_ duration: Duration, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("contacts", duration.count)
        writer.field("median", duration.medianDays.map { ($0 * 1000).rounded() / 1000 })
        writer.field("p90", duration.p90Days.map { ($0 * 1000).rounded() / 1000 })
        writer.endObject()
    }
}
