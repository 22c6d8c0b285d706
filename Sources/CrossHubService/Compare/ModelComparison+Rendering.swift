import Foundation
import Qualification

extension ModelComparison {
    /// The comparison as readable text: counts per direction, the transition
    /// matrix, both distributions and the contacts that move most.
    public var table: String {
        var lines = ["model A: \(modelA)", "model B: \(modelB)", "contacts: \(contacts)",
                     "status under B compared with A: \(up) up, \(down) down, \(same) same", ""]

        let names = QualificationStatus.allCases.map(\.rawValue)
        let width = names.map(\.count).max()! + 2
        let columns = ["SUBSCRIBER", "LEAD", "MQL", "SQL"]
        lines.append("status transitions (rows: A, columns: B)")
        lines.append(Self.pad("", width) + columns.map { Self.pad($0, 12, right: true) }.joined())
        for (row, name) in names.enumerated() {
            lines.append(Self.pad(name, width) + transitions[row].map { Self.pad(String($0), 12, right: true) }.joined())
        }

        lines.append("")
        lines.append("score distribution" + Self.pad("A", 8, right: true) + Self.pad("B", 8, right: true))
        for (bucketA, bucketB) in zip(distributionA.buckets, distributionB.buckets) {
            lines.append(Self.pad("  " + bucketA.label, 18) + Self.pad(String(bucketA.count), 8, right: true)
                         + Self.pad(String(bucketB.count), 8, right: true))
        }
        lines.append(Self.pad("  mean", 18) + Self.pad(String(format: "%.1f", distributionA.mean), 8, right: true)
                     + Self.pad(String(format: "%.1f", distributionB.mean), 8, right: true))
        lines.append(Self.pad("  p50", 18) + Self.pad(String(distributionA.p50), 8, right: true) + Self.pad(String(distributionB.p50), 8, right: true))
        lines.append(Self.pad("  p90", 18) + Self.pad(String(distributionA.p90), 8, right: true) + Self.pad(String(distributionB.p90), 8, right: true))

        lines.append("")
        lines.append("contacts whose status changes most (\(movers.count) of \(changedStatus))")
        for mover in movers {
            let scores = "\(mover.scoreA) -> \(mover.scoreB)"
            lines.append("  \(mover.contactID)  \(mover.statusA.rawValue) -> \(mover.statusB.rawValue)  score \(scores)")
        }
        return lines.joined(separator: "\n")
    }

    /// The comparison as one JSON object, keys in a fixed order.
    public var json: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("model_a", modelA)
        writer.field("model_b", modelB)
        writer.field("contacts", contacts)
        writer.key("directions")
        writer.beginObject()
        writer.field("up", up)
        writer.field("down", down)
        writer.field("same", same)
        writer.endObject()
        writer.key("transitions")
        writer.beginObject()
        for (row, from) in QualificationStatus.allCases.enumerated() {
            writer.key(from.rawValue)
            writer.beginObject()
            for (column, to) in QualificationStatus.allCases.enumerated() {
                writer.field(to.rawValue, transitions[row][column])
            }
            writer.endObject()
        }
        writer.endObject()
        writer.key("distribution_a")
        Self.write(distributionA, to: &writer)
        writer.key("distribution_b")
        Self.write(distributionB, to: &writer)
        writer.field("changed_status", changedStatus)
        writer.key("movers")
        writer.beginArray()
        for mover in movers {
            writer.beginObject()
            writer.field("contact_id", mover.contactID)
            writer.field("status_a", mover.statusA.rawValue)
            writer.field("status_b", mover.statusB.rawValue)
            writer.field("score_a", mover.scoreA)
            writer.field("score_b", mover.scoreB)
            writer.field("rank_change", mover.rankChange)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    private static func write(_ distribution: ScoreDistribution, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("buckets")
        writer.beginObject()
        for bucket in distribution.buckets {
            writer.field(bucket.label, bucket.count)
        }
        writer.endObject()
        writer.field("mean", (distribution.mean * 100).rounded() / 100)
        writer.field("p50", distribution.p50)
        writer.field("p90", distribution.p90)
        writer.endObject()
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        guard text.count < width else { return text + " " }
        let spaces = String(repeating: " ", count: width - text.count)
        return right ? spaces + text : text + spaces
    }
}
