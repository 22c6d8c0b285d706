/// HubSpot's contact lifecycle stages by internal value, earliest first.
/// crosshub only moves a contact's stage forward, as HubSpot does.
///
/// `evangelist` and `other` are left out: nothing in the events leads to them.
public enum LifecycleStage: String, Sendable, CaseIterable, Comparable {
    case subscriber
    case lead
    case marketingQualifiedLead = "marketingqualifiedlead"
    case salesQualifiedLead = "salesqualifiedlead"
    case opportunity
    case customer

    /// The position from 0 (subscriber) to 5 (customer).
    public var rank: Int { LifecycleStage.allCases.firstIndex(of: self)! }

    public static func < (lhs: LifecycleStage, rhs: LifecycleStage) -> Bool {
        lhs.rank < rhs.rank
    }

    /// The stage of an effective status.
    public init(_ status: QualificationStatus) {
        self = switch status {
        case .subscriber: .subscriber
        case .lead: .lead
        case .marketingQualifiedLead: .marketingQualifiedLead
        case .salesQualifiedLead: .salesQualifiedLead
        }
    }

    /// The stage the contact's data supports: `customer` when the newest
    /// customer status says so or a deal was won, `opportunity` while a deal
    /// is open, otherwise the stage of `status`, whichever is furthest.
    public static func derived(from state: ContactState, status: QualificationStatus) -> LifecycleStage {
        let stages = state.sales.deals.deals.map(\.stage.value)
        if state.service.customer?.value == true || stages.contains(.closedWon) {
            return .customer
        }
        let byStatus = LifecycleStage(status)
        if stages.contains(where: { !$0.isClosed }) {
            return max(byStatus, .opportunity)
        }
        return byStatus
    }
}
