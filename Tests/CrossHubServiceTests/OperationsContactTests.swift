import Foundation
import Kafka
import Qualification
import Testing
@testable import CrossHubService

/// `/contacts/{id}` of running instances against `crosshub qualify` and the partition owners.
@Suite struct OperationsContactTests {
    /// Runs `crosshub qualify` on `events` and returns its records by contact id.
    private func qualifyRecords(_ events: [GeneratedEvent]) throws -> [String: [String: Any]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-\(UUID().uuidString).jsonl")
        let lines = events.map { String(decoding: $0.value, as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let run = try runProcess(ChildProcess.crosshub.path, ["qualify", file.path])
        guard run.status == 0 else {
            throw HTTPTestClientError(description: "crosshub qualify exited \(run.status): \(run.output.suffix(2000))")
        }
        var records: [String: [String: Any]] = [:]
        for line in run.output.split(separator: "\n") where line.hasPrefix("{") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            if let contactID = object["contact_id"] as? String { records[contactID] = object }
        }
        return records
    }

    @Test func lookupMatchesQualify() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        let events = try JourneyGenerator(options: generationOptions(contacts: 15, seed: 43, duplicateRate: 0.05)).events()
        try environment.produce(events)
        let expected = try qualifyRecords(events)
        try #require(expected.count == 15, "qualify printed \(expected.count) records")
        try #require(Set(expected.values.compactMap { $0["status"] as? String }).count > 1, "the contacts reach more than one status")

        let instance = try ServedInstance(environment, environment.configuration(group: "lookup"), decider: QualificationDecider())
        defer { instance.stop() }
        try instance.waitUntilConsumed(events.count)

        for (contactID, record) in expected.sorted(by: { $0.key < $1.key }) {
            let response = try getJSON("/contacts/\(contactID)", port: instance.port)
            #expect(response.status == 200, "\(contactID)")
            #expect(response.object["contact_id"] as? String == contactID)
            #expect(response.object["partition"] as? Int
                == Int(KafkaPartitioner.partition(forKey: Array(contactID.utf8), partitionCount: 2)), "\(contactID)")

            let qualification = try #require(response.object["qualification"] as? [String: Any], "\(contactID)")
            #expect(qualification["score"] as? Int == record["score"] as? Int, "score of \(contactID)")
            #expect(qualification["status"] as? String == record["model_status"] as? String, "model status of \(contactID)")
            #expect((qualification["factors"] as? [Any])?.isEmpty == false, "factors of \(contactID)")
            let features = try #require(response.object["features"] as? [String: Any], "\(contactID)")
            #expect(features["contact_id"] as? String == contactID)

            let emitted = (response.object["state"] as? [String: Any])?["emitted"] as? [String: Any]
            #expect(emitted?["status"] as? String == record["status"] as? String, "published status of \(contactID)")
            #expect(emitted?["score"] as? Int == record["score"] as? Int, "published score of \(contactID)")
        }

        let unknown = try getJSON("/contacts/nobody-here", port: instance.port)
        #expect(unknown.status == 404)
        #expect(unknown.object["error"] as? String == "contact not found in this instance's state")
        #expect(unknown.object["partition"] == nil)
    }

    @Test func otherInstanceContactNamesPartition() throws {
        let environment = try ServiceTestCluster(partitions: 2)
        var first = environment.configuration(group: "owners", instance: "owner-1")
        first.batchMaxEvents = 50
        var second = first
        second.instanceID = "owner-2"

        let instances = [try ServedInstance(environment, first), try ServedInstance(environment, second)]
        defer {
            for instance in instances { instance.service.requestStop() }
            for instance in instances { instance.stop() }
        }
        let (one, two) = (instances[0].service, instances[1].service)
        try waitUntil("both instances ready with one partition each") {
            let statuses = [one.status.snapshot(), two.status.snapshot()]
            return statuses.allSatisfy { $0.isReady && $0.assignedPartitions.count == 1 }
        }
        let owners = [one.status.snapshot().assignedPartitions[0], two.status.snapshot().assignedPartitions[0]]
        #expect(Set(owners) == [0, 1])

        let events = try ServiceTestCluster.orderedEvents(contacts: 16, seed: 9)
        try environment.produce(events)
        try waitUntil("every record processed by the pair") {
            one.metrics.snapshot().totalConsumed + two.metrics.snapshot().totalConsumed == UInt64(events.count)
        }

        let contactIDs = Set(events.map(\.key))
        var placed = Set<Int32>()
        for contactID in contactIDs.sorted() {
            let computed = KafkaPartitioner.partition(forKey: Array(contactID.utf8), partitionCount: 2)
            let owner = try #require(owners.firstIndex(of: computed))
            let stored = try #require([one, two][owner].contacts.lookup(contactID), "\(contactID) held by its owner")
            #expect(stored.partition == computed, "\(contactID) was consumed from partition \(stored.partition)")
            placed.insert(stored.partition)

            let found = try getJSON("/contacts/\(contactID)", port: instances[owner].port)
            #expect(found.status == 200, "\(contactID) on its owner")
            #expect(found.object["partition"] as? Int == Int(computed))

            let elsewhere = try getJSON("/contacts/\(contactID)", port: instances[1 - owner].port)
            #expect(elsewhere.status == 404, "\(contactID) on the other instance")
            #expect(elsewhere.object["partition"] as? Int == Int(computed), "\(contactID) names its partition")
            #expect(elsewhere.object["error"] as? String
                == "contact is owned by the instance assigned partition \(computed); ask that instance")
        }
        #expect(placed == [0, 1], "the contacts spread over both partitions")
    }
}
