import Qualification

extension DemoSummary {
    /// Builds the summary of a finished run.
    ///
    /// - Parameters:
    ///   - generation: what the generator produced, for the injected counts.
    ///   - published: records acknowledged by the broker.
    ///   - seconds: from the first published record until the last one was committed.
    ///   - metrics: the service's metrics after it caught up.
    ///   - states: the committed state of every contact the service folded an event for.
    ///   - scorer: the scorer the service used, to list the top factors of each SQL again.
    init(settings: DemoSettings, generation: GenerationSummary, published: Int, seconds: Double,
         metrics: ServiceMetrics.Snapshot, states: [ContactState], scorer: Scorer, topics: ServiceTopics) {
        contacts = settings.population.contacts
        days = settings.population.days
        seed = settings.population.seed
        guarantee = settings.guarantee.rawValue
        partitions = settings.partitions

        self.published = published
        injectedDuplicates = generation.duplicates
        injectedInvalid = generation.invalidLineCount
        folded = Int(metrics.total(.folded))
        duplicates = Int(metrics.total(.duplicate))
        deadLettered = Int(metrics.total(.deadLettered))
        deadLettersByReason = metrics.deadLettersByCode
            .map { NamedCount(name: $0.key, count: Int($0.value)) }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }

        var byStatus: [String: Int] = [:]
        for state in states {
            if let status = state.emitted?.status { byStatus[status, default: 0] += 1 }
        }
        contactsByStatus = Self.statusRows(byStatus)
        contactsWithoutStatus = settings.population.contacts - byStatus.values.reduce(0, +)

        outputs = OutputKind.allCases.map { kind in
            NamedCount(name: kind.rawValue, count: Int(metrics.outputsByTopic[topics.topic(for: kind)] ?? 0))
        }
        changelogRecords = Int(metrics.changelogRecords)
        batchesCommitted = Int(metrics.batchesCommitted)
        batchesRetried = Int(metrics.batchesRetried)

        self.seconds = seconds
        eventsPerSecond = seconds > 0 ? Double(published) / seconds : 0
        topSQLs = Self.topLeads(states, count: settings.topSQLCount, scorer: scorer)
    }

    /// Lists the known statuses highest first, then any other status the
    /// service published (an override's, for instance) by name.
    private static func statusRows(_ counts: [String: Int]) -> [NamedCount] {
        let known = QualificationStatus.allCases.sorted(by: >).map(\.rawValue)
        let others = counts.keys.filter { !known.contains($0) }.sorted()
        return (known + others).map { NamedCount(name: $0, count: counts[$0] ?? 0) }
    }

    /// Returns the `count` SQLs with the highest published score, ties by
    /// contact id, each with the top factors of a fresh scoring of its state.
    ///
    /// The fresh scoring uses the same state and scorer as the service, so
    /// its factors are the ones behind the published score.
    private static func topLeads(_ states: [ContactState], count: Int, scorer: Scorer) -> [Lead] {
        let sqlStatus = QualificationStatus.salesQualifiedLead.rawValue
        let leads = states
            .compactMap { state in state.emitted.map { (state, $0) } }
            .filter { $0.1.status == sqlStatus }
            .sorted { ($0.1.score, $1.0.contactID) > ($1.1.score, $0.0.contactID) }
            .prefix(count)

        return leads.map { state, emitted in
            let result = scorer.score(state.features())
            let factors = result.topFactors.map { factor in
                Factor(component: factor.component.rawValue, points: factor.points, detail: result.detail(of: factor))
            }
            let profile = state.profile
            return Lead(contactID: state.contactID, score: emitted.score, jobTitle: profile.jobTitle?.value,
                        company: profile.company?.value, industry: profile.industry?.value, factors: factors)
        }
    }
}
