import Testing
@testable import CrossHubService

@Suite struct GenerationRoutingTests {
    @Test func everyCatalogTypeRoutesToItsTopic() {
        let topics = InputTopics.defaults
        let expected: [InputTopicFamily: String] = [
            .marketing: "marketing.events", .sales: "sales.events", .service: "service.events",
        ]
        for (type, family) in catalogTypes {
            #expect(topics.topic(forEventType: type) == expected[family], "type \(type)")
            #expect(InputTopicFamily(eventType: type) == family, "type \(type)")
        }
    }

    @Test func unknownFamiliesHaveNoTopic() {
        for type in ["contact.deleted", "crm.sync", "", "marketing", "Sales.call_logged", "contact.profile"] {
            #expect(InputTopics.defaults.topic(forEventType: type) == nil, "type \(type)")
        }
    }

    @Test func customTopicNamesAreUsed() {
        let topics = InputTopics(marketing: "prod.mkt", sales: "prod.sales", service: "prod.svc")

        #expect(topics.topic(forEventType: "contact.profile_updated") == "prod.mkt")
        #expect(topics.topic(forEventType: "qualification.override_set") == "prod.sales")
        #expect(topics.topic(forEventType: "service.nps_submitted") == "prod.svc")
        #expect(topics.all == ["prod.mkt", "prod.sales", "prod.svc"])
    }

    @Test func generatedEventsFollowRouting() throws {
        // Enough contacts for the rarest type, a cleared override (about 0.2 % of contacts).
        let batch = try JourneyGenerator(options: generationOptions(contacts: 2_500)).generate()
        var typesSeen = Set<String>()

        for event in batch.events {
            #expect(InputTopics.defaults.topic(forEventType: event.eventType) == event.topic, "type \(event.eventType)")
            typesSeen.insert(event.eventType)
        }
        #expect(typesSeen == Set(catalogTypes.keys), "types never generated: \(Set(catalogTypes.keys).subtracting(typesSeen).sorted())")
    }
}
