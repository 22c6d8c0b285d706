import CRdKafka
import Glibc

/// The client roles of every librdkafka property, read once from the
/// linked library's own property table (`rd_kafka_conf_properties_show`),
/// so that the roles match the installed version.
final class RDPropertyScopes: Sendable {
    static let shared = RDPropertyScopes(table: RDPropertyScopes.libraryTable())

    private let scopes: [String: Set<KafkaClientRole>]

    /// Parses the Markdown tables that `rd_kafka_conf_properties_show` prints:
    /// `name | C/P | range | default | importance | description` rows, whose
    /// second column is `*`, `C` or `P`.
    init(table: String) {
        var scopes: [String: Set<KafkaClientRole>] = [:]
        for line in table.split(separator: "\n") {
            let columns = line.split(separator: "|", omittingEmptySubsequences: false)
            guard columns.count >= 3 else { continue }
            let name = columns[0].trimmingCharacters()
            switch columns[1].trimmingCharacters() {
            case "*": scopes[name] = [.consumer, .producer]
            case "C": scopes[name] = [.consumer]
            case "P": scopes[name] = [.producer]
            default: continue
            }
        }
        self.scopes = scopes
    }

    /// Returns the roles that accept `key`, or nil when the table does not list it.
    func scope(of key: String) -> Set<KafkaClientRole>? {
        scopes[key]
    }

    private static func libraryTable() -> String {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return "" }
        rd_kafka_conf_properties_show(stream)
        fclose(stream)
        guard let buffer else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(self).trimmingWhitespace()
    }
}
