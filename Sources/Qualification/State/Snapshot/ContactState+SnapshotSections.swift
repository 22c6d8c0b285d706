extension ContactState {
    func writeSections(to writer: inout SnapshotWriter) {
        writer.writeCount(foldedEventCount)
        writeProfile(to: &writer)
        writeMarketing(to: &writer)
        writeSales(to: &writer)
        writeService(to: &writer)
        writeEngagement(to: &writer)
        writeTouchesAndFeedback(to: &writer)
        writer.writeLatest(overrideDecision) { writer, decision in
            writer.writeOptional(decision) { writer, decision in
                writer.writeString(decision.status.rawValue)
                writer.writeString(decision.reason)
                writer.writeString(decision.setBy)
                writer.writeOptional(decision.expiresAt) { $0.writeTime($1) }
            }
        }
        writer.writeOptional(emitted) { $0.writeEmitted($1) }

        writer.writeCount(appliedOffsets.entries.count)
        for entry in appliedOffsets.entries {
            writer.writeString(entry.topic)
            writer.writeSigned(Int64(entry.partition))
            writer.writeSigned(entry.offset)
        }
        writer.writeCount(recentEventIDs.hashes.count)
        for hash in recentEventIDs.hashes {
            writer.writeFixed64(hash)
        }
    }

    mutating func readSections(from reader: inout SnapshotReader, version: UInt8) throws(SnapshotDecodingError) {
        foldedEventCount = try reader.readCount(limit: Int.max)
        try readProfile(from: &reader)
        try readMarketing(from: &reader)
        try readSales(from: &reader)
        try readService(from: &reader)
        try readEngagement(from: &reader)
        if version >= 2 {
            try readTouchesAndFeedback(from: &reader)
        }
        overrideDecision = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in
            try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) -> HumanOverride in
                let name = try reader.readString()
                guard let status = QualificationStatus(rawValue: name) else {
                    throw reader.error("unknown override status \(name)")
                }
                return HumanOverride(status: status, reason: try reader.readString(),
                              setBy: try reader.readString(),
                              expiresAt: try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readTime() })
            }
        }
        emitted = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readEmitted(version: version) }

        var offsets: [AppliedOffsets.Entry] = []
        for _ in 0..<(try reader.readCount(limit: 4096)) {
            let topic = try reader.readString()
            let partition = try reader.readSigned()
            guard let partition32 = Int32(exactly: partition) else { throw reader.error("partition \(partition) out of range") }
            offsets.append(AppliedOffsets.Entry(topic: topic, partition: partition32, offset: try reader.readSigned()))
        }
        appliedOffsets = AppliedOffsets(entries: offsets)

        var hashes: [UInt64] = []
        for _ in 0..<(try reader.readCount(limit: RecentEventIDs.capacity)) {
            hashes.append(try reader.readFixed64())
        }
        recentEventIDs = RecentEventIDs(hashes: hashes)
    }

    // MARK: Profile

    private func writeProfile(to writer: inout SnapshotWriter) {
        let strings = [profile.email, profile.firstName, profile.lastName, profile.company, profile.industry,
                       profile.companySize, profile.jobTitle, profile.jobFunction, profile.ownerID, profile.ownerEmail]
        for field in strings {
            writer.writeLatest(field) { $0.writeString($1) }
        }
        writer.writeLatest(profile.employees) { $0.writeSigned(Int64($1)) }
        writer.writeLatest(profile.annualRevenue) { $0.writeDouble($1) }
        writer.writeLatest(profile.decisionMaker) { $0.writeBool($1) }
    }

    private mutating func readProfile(from reader: inout SnapshotReader) throws(SnapshotDecodingError) {
        func string(_ reader: inout SnapshotReader) throws(SnapshotDecodingError) -> LatestValue<String>? {
            try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readString() }
        }
        profile.email = try string(&reader)
        profile.firstName = try string(&reader)
        profile.lastName = try string(&reader)
        profile.company = try string(&reader)
        profile.industry = try string(&reader)
        profile.companySize = try string(&reader)
        profile.jobTitle = try string(&reader)
        profile.jobFunction = try string(&reader)
        profile.ownerID = try string(&reader)
        profile.ownerEmail = try string(&reader)
        profile.employees = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readInt() }
        profile.annualRevenue = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readDouble() }
        profile.decisionMaker = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readBool() }
    }

    // MARK: Marketing

    private func writeMarketing(to writer: inout SnapshotWriter) {
        writer.writeCount(marketing.pageViews)
        writer.writeCount(marketing.highValuePageViews)
        writer.writeCount(marketing.formSubmissions)
        writer.writeCount(marketing.contentDownloads)
        writer.writeLatest(marketing.leadScore) { $0.writeSigned(Int64($1)) }
        writer.writeLatest(marketing.mql) { $0.writeBool($1) }

        let window = marketing.email
        writer.writeOptional(window.newestDay) { $0.writeSigned(Int64($1)) }
        let newestDay = window.newestDay ?? 0
        writer.writeCount(window.campaigns.count)
        for campaign in window.campaigns {
            writer.writeString(campaign.campaignID)
            writer.writeCount(newestDay - campaign.lastDeliveredDay)
            writer.writeOptional(campaign.lastOpenedDay) { $0.writeCount(newestDay - $1) }
            writer.writeOptional(campaign.lastClickedDay) { $0.writeCount(newestDay - $1) }
        }
    }

    private mutating func readMarketing(from reader: inout SnapshotReader) throws(SnapshotDecodingError) {
        marketing.pageViews = try reader.readCount(limit: Int.max)
        marketing.highValuePageViews = try reader.readCount(limit: Int.max)
        marketing.formSubmissions = try reader.readCount(limit: Int.max)
        marketing.contentDownloads = try reader.readCount(limit: Int.max)
        marketing.leadScore = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readInt() }
        marketing.mql = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readBool() }

        let newestDay = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readInt() }
        let base = newestDay ?? 0
        let window = EmailCampaignWindow.windowDays
        var campaigns: [EmailCampaignWindow.Campaign] = []
        for _ in 0..<(try reader.readCount(limit: EmailCampaignWindow.campaignLimit)) {
            let campaignID = try reader.readString()
            let delivered = base - (try reader.readCount(limit: window))
            // An open or click may be older than the window when the campaign was delivered again later.
            let opened = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in base - (try reader.readCount()) }
            let clicked = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in base - (try reader.readCount()) }
            campaigns.append(.init(campaignID: campaignID, lastDeliveredDay: delivered, lastOpenedDay: opened, lastClickedDay: clicked))
        }
        marketing.email = EmailCampaignWindow(campaigns: campaigns, newestDay: newestDay)
    }

    // MARK: Engagement

    private func writeEngagement(to writer: inout SnapshotWriter) {
        writer.writeOptional(engagement.lastEngagedAt) { $0.writeTime($1) }
        writer.writeOptional(engagement.newestDay) { writer, newestDay in
            writer.writeSigned(Int64(newestDay))
            let days = (0..<EngagementHistory.dayCount).filter { engagement.count(onDay: newestDay - $0) > 0 }
            writer.writeCount(days.count)
            for age in days {
                writer.writeCount(age)
                writer.writeUnsigned(UInt64(engagement.count(onDay: newestDay - age)))
            }
        }
    }

    private mutating func readEngagement(from reader: inout SnapshotReader) throws(SnapshotDecodingError) {
        let lastEngagedAt = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readTime() }
        var counts: [UInt32] = []
        let newestDay = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) -> Int in
            let newestDay = try reader.readInt()
            counts = [UInt32](repeating: 0, count: EngagementHistory.dayCount)
            for _ in 0..<(try reader.readCount(limit: EngagementHistory.dayCount)) {
                let age = try reader.readCount(limit: EngagementHistory.dayCount - 1)
                let count = try reader.readCount(limit: Int(UInt32.max))
                let slot = ((newestDay - age) % EngagementHistory.dayCount + EngagementHistory.dayCount) % EngagementHistory.dayCount
                counts[slot] = UInt32(count)
            }
            return newestDay
        }
        engagement = EngagementHistory(newestDay: newestDay, dailyCounts: counts, lastEngagedAt: lastEngagedAt)
    }
}
