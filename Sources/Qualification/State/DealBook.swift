/// The contact's deals, each with its newest stage and amount.
public struct DealBook: Sendable, Equatable {
    /// The maximum number of deals kept per contact.
    public static let dealLimit = 64

    public struct Deal: Sendable, Equatable {
        public var dealID: String
        public var stage: LatestValue<PipelineStage>
        public var amount: LatestValue<Double>?
    }

    /// Deals in the order first seen.
    public private(set) var deals: [Deal] = []

    public init() {}

    init(deals: [Deal]) {
        self.deals = deals
    }

    /// Applies a `deal_created` or `deal_stage_changed` event.
    public mutating func apply(_ change: DealChange, at time: EventTime, eventID: String) {
        if let index = deals.firstIndex(where: { $0.dealID == change.dealID }) {
            var stage: LatestValue<PipelineStage>? = deals[index].stage
            stage.offer(change.stage, at: time, eventID: eventID)
            deals[index].stage = stage!
            if let amount = change.amount {
                deals[index].amount.offer(amount, at: time, eventID: eventID)
            }
            return
        }

        deals.append(Deal(dealID: change.dealID,
                          stage: LatestValue(change.stage, occurredAt: time, eventID: eventID),
                          amount: change.amount.map { LatestValue($0, occurredAt: time, eventID: eventID) }))
        if deals.count > DealBook.dealLimit {
            // NOTE: past the limit the least advanced deal with the oldest stage change is
            // dropped; a late event for it starts a fresh entry.
            let dropped = deals.indices.min {
                (deals[$0].stage.value.advancement, deals[$0].stage.occurredAt) < (deals[$1].stage.value.advancement, deals[$1].stage.occurredAt)
            }!
            deals.remove(at: dropped)
        }
    }

    /// The most advanced stage among open and won deals, or Closed Lost when every deal was lost.
    public var mostAdvancedStage: PipelineStage? {
        deals.map(\.stage.value).max()
    }
}
