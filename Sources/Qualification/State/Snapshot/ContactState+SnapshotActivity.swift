extension ContactState {
    // MARK: Sales

    func writeSales(to writer: inout SnapshotWriter) {
        for count in [sales.activitiesLogged, sales.callsLogged, sales.meetingsBooked, sales.meetingsAttended,
                      sales.meetingsMissed, sales.emailReplies, sales.objections] {
            writer.writeCount(count)
        }
        writer.writeOptional(sales.longestCallMinutes) { $0.writeDouble($1) }
        writer.writeLatest(sales.latestBooking) { writer, booking in
            writer.writeString(booking.meetingID)
            writer.writeTime(booking.startsAt)
        }
        writer.writeCount(sales.deals.deals.count)
        for deal in sales.deals.deals {
            writer.writeString(deal.dealID)
            writer.writeLatest(deal.stage) { $0.writeByte(UInt8(PipelineStage.allCases.firstIndex(of: $1)!)) }
            writer.writeLatest(deal.amount) { $0.writeDouble($1) }
        }
    }

    mutating func readSales(from reader: inout SnapshotReader) throws(SnapshotDecodingError) {
        sales.activitiesLogged = try reader.readCount(limit: Int.max)
        sales.callsLogged = try reader.readCount(limit: Int.max)
        sales.meetingsBooked = try reader.readCount(limit: Int.max)
        sales.meetingsAttended = try reader.readCount(limit: Int.max)
        sales.meetingsMissed = try reader.readCount(limit: Int.max)
        sales.emailReplies = try reader.readCount(limit: Int.max)
        sales.objections = try reader.readCount(limit: Int.max)
        sales.longestCallMinutes = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readDouble() }
        sales.latestBooking = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in
            MeetingBooking(meetingID: try reader.readString(), startsAt: try reader.readTime())
        }

        var deals: [DealBook.Deal] = []
        for _ in 0..<(try reader.readCount(limit: DealBook.dealLimit)) {
            let dealID = try reader.readString()
            let stage = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) -> PipelineStage in
                let index = Int(try reader.readByte())
                guard index < PipelineStage.allCases.count else { throw reader.error("unknown deal stage \(index)") }
                return PipelineStage.allCases[index]
            }
            guard let stage else { throw reader.error("deal \(dealID) has no stage") }
            let amount = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readDouble() }
            deals.append(DealBook.Deal(dealID: dealID, stage: stage, amount: amount))
        }
        sales.deals = DealBook(deals: deals)
    }

    // MARK: Service

    func writeService(to writer: inout SnapshotWriter) {
        writer.writeLatest(service.customer) { $0.writeBool($1) }
        writer.writeLatest(service.customerSince) { $0.writeTime($1) }
        writer.writeCount(service.ticketsOpened)
        writer.writeCount(service.ticketsClosed)
        writer.writeCount(service.csatCount)
        writer.writeSigned(service.csatSumThousandths)
        writer.writeLatest(service.nps) { $0.writeSigned(Int64($1)) }
        writer.writeLatest(service.productUsage) { $0.writeDouble($1) }
        writer.writeCount(service.expansionCount)
        writer.writeSigned(service.expansionSumTenThousandths)
    }

    mutating func readService(from reader: inout SnapshotReader) throws(SnapshotDecodingError) {
        service.customer = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readBool() }
        service.customerSince = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readTime() }
        service.ticketsOpened = try reader.readCount(limit: Int.max)
        service.ticketsClosed = try reader.readCount(limit: Int.max)
        service.csatCount = try reader.readCount(limit: Int.max)
        service.csatSumThousandths = try reader.readSigned()
        service.nps = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readInt() }
        service.productUsage = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readDouble() }
        service.expansionCount = try reader.readCount(limit: Int.max)
        service.expansionSumTenThousandths = try reader.readSigned()
    }
}

extension ContactState {
    // MARK: Touches and sales feedback (version 2 and later)

    func writeTouchesAndFeedback(to writer: inout SnapshotWriter) {
        writer.writeCount(touches.touches.count)
        for touch in touches.touches {
            writer.writeByte(UInt8(EventType.allCases.firstIndex(of: touch.type)!))
            writer.writeTime(touch.occurredAt)
            writer.writeString(touch.detail)
        }
        writer.writeLatest(sales.feedback) { writer, feedback in
            switch feedback {
            case .accepted:
                writer.writeByte(0)
            case .rejected(let reason):
                writer.writeByte(1)
                writer.writeString(reason)
            }
        }
    }

    mutating func readTouchesAndFeedback(from reader: inout SnapshotReader) throws(SnapshotDecodingError) {
        var recent: [RecentTouches.Touch] = []
        for _ in 0..<(try reader.readCount(limit: RecentTouches.capacity)) {
            let typeIndex = Int(try reader.readByte())
            guard typeIndex < EventType.allCases.count else { throw reader.error("unknown event type \(typeIndex)") }
            recent.append(RecentTouches.Touch(type: EventType.allCases[typeIndex], occurredAt: try reader.readTime(),
                                              detail: try reader.readString()))
        }
        touches = RecentTouches(touches: recent)
        sales.feedback = try reader.readLatest { (reader: inout SnapshotReader) throws(SnapshotDecodingError) -> SalesFeedback in
            switch try reader.readByte() {
            case 0: return .accepted
            case 1: return .rejected(reason: try reader.readString())
            case let other: throw reader.error("unknown sales feedback \(other)")
            }
        }
    }
}

extension SnapshotWriter {
    mutating func writeEmitted(_ emitted: EmittedQualification) {
        writeSigned(Int64(emitted.score))
        writeString(emitted.status)
        writeString(emitted.nurtureTrack)
        for component in [emitted.components.marketing, emitted.components.sales, emitted.components.service,
                          emitted.components.demographic, emitted.components.behavioral] {
            writeDouble(component)
        }
        writeString(emitted.lifecycleStage)
        writeOptional(emitted.sqlEnteredAt) { $0.writeTime($1) }
        writeString(emitted.modelVersion)
        writeString(emitted.causingEventID)

        // Version 3 and later.
        writeOptional(emitted.overrideEventID) { $0.writeString($1) }
        writeFixed64(emitted.factorsFingerprint)
        writeOptional(emitted.qualifiedAt) { $0.writeTime($1) }
        let counts = emitted.counts
        for count in [counts.qualifications, counts.propertyUpdates, counts.statusChanges, counts.trackChanges,
                      counts.sqlEntries] {
            writeCount(count)
        }
    }
}

extension SnapshotReader {
    /// Reads an emitted qualification written by a snapshot of `version`.
    ///
    /// Versions 1 and 2 stored no override id, factors fingerprint,
    /// qualification time or counts. Such a record was published at least
    /// once, so each count decodes as 1 (SQL entries as 1 only when
    /// `sqlEnteredAt` is set). The next output ids then continue after the
    /// first publication instead of repeating its ids.
    mutating func readEmitted(version: UInt8) throws(SnapshotDecodingError) -> EmittedQualification {
        let score = try readInt()
        let status = try readString()
        let nurtureTrack = try readString()
        let components = EmittedQualification.Components(
            marketing: try readDouble(), sales: try readDouble(), service: try readDouble(),
            demographic: try readDouble(), behavioral: try readDouble())
        let lifecycleStage = try readString()
        let sqlEnteredAt = try readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readTime() }
        var emitted = EmittedQualification(score: score, status: status, nurtureTrack: nurtureTrack, components: components,
                                           lifecycleStage: lifecycleStage, sqlEnteredAt: sqlEnteredAt,
                                           modelVersion: try readString(), causingEventID: try readString())
        guard version >= 3 else {
            emitted.counts = .init(qualifications: 1, propertyUpdates: 1, statusChanges: 1, trackChanges: 1,
                                   sqlEntries: sqlEnteredAt == nil ? 0 : 1)
            return emitted
        }

        emitted.overrideEventID = try readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readString() }
        emitted.factorsFingerprint = try readFixed64()
        emitted.qualifiedAt = try readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in try reader.readTime() }
        emitted.counts = .init(qualifications: try readCount(limit: Int.max), propertyUpdates: try readCount(limit: Int.max),
                               statusChanges: try readCount(limit: Int.max), trackChanges: try readCount(limit: Int.max),
                               sqlEntries: try readCount(limit: Int.max))
        return emitted
    }
}
