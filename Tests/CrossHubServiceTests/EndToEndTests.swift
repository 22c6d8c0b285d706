import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

@Suite struct EndToEndTests {
    /// Splits the fixture by input topic into `contact_id<TAB>json` files for kcat.
    private func kcatFiles(_ fixture: URL, topics: InputTopics) throws -> [String: URL] {
        var lines: [String: [String]] = [:]
        for line in try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let type = try #require(object["type"] as? String)
            let topic = try #require(topics.topic(forEventType: type))
            let contactID = try #require(object["contact_id"] as? String)
            lines[topic, default: []].append("\(contactID)\t\(line)")
        }
        var files: [String: URL] = [:]
        for (topic, topicLines) in lines {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("kcat-\(topic)-\(UUID().uuidString).tsv")
            try (topicLines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            files[topic] = file
        }
        return files
    }

    @Test func kcatJourneyReachesSQL() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let fixture = try #require(Bundle.module.url(forResource: "Fixtures/sql-journey", withExtension: "jsonl"))
        let eventCount = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").count

        for (topic, file) in try kcatFiles(fixture, topics: environment.topics.inputs) {
            let run = try ChildProcess.runTool("kcat", ["-P", "-b", environment.bootstrapServers, "-X", "topic.partitioner=murmur2_random",
                                                       "-t", topic, "-K", "\t", "-l", file.path])
            #expect(run.status == 0, "kcat produced to \(topic): \(run.output)")
            try? FileManager.default.removeItem(at: file)
        }

        let service = try environment.startService(environment.configuration(group: "end-to-end"),
                                                   decider: QualificationDecider())
        defer {
            service.requestStop()
            _ = service.waitUntilStopped(timeout: .seconds(30))
        }
        try waitUntil("the journey processed") { service.metrics.snapshot().totalConsumed == UInt64(eventCount) }
        #expect(service.metrics.snapshot().total(.folded) == UInt64(eventCount))

        let contact = try #require(service.contacts.lookup("journey-sql-1"))
        #expect(contact.state.emitted?.status == QualificationStatus.salesQualifiedLead.rawValue)

        let tasks = try environment.readAll(environment.topics.topic(for: .task))
        #expect(tasks.count == 1)
        let notifications = try environment.readAll(environment.topics.topic(for: .notification))
        #expect(notifications.count == 2)
        let recipients = Set(notifications.compactMap { message -> String? in
            guard let value = message.value,
                  let object = try? JSONSerialization.jsonObject(with: value.data) as? [String: Any] else { return nil }
            return object["recipient_role"] as? String
        })
        #expect(recipients.count == 2, "one notification to sales and one to marketing: \(recipients)")

        // Every output record validates against its schema.
        var lines: [String] = []
        for kind in OutputKind.allCases {
            for message in try environment.readAll(environment.topics.topic(for: kind)) {
                lines.append("\(kind.rawValue)\t\(message.value?.string ?? "null")")
            }
        }
        #expect(lines.count > 3)
        let records = FileManager.default.temporaryDirectory.appendingPathComponent("outputs-\(UUID().uuidString).tsv")
        try (lines.joined(separator: "\n") + "\n").write(to: records, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: records) }
        let script = try #require(Bundle.module.url(forResource: "Fixtures/validate-outputs", withExtension: "py"))
        let schemas = ChildProcess.repositoryRoot.appendingPathComponent("schemas/outputs")
        let validation = try ChildProcess.runTool("python3", [script.path, schemas.path, records.path])
        #expect(validation.status == 0, "\(validation.output)")
        let results = validation.output.split(separator: "\n")
        #expect(results.count == lines.count)
        #expect(results.allSatisfy { $0 == "ok" }, "\(results.filter { $0 != "ok" })")
    }
}
