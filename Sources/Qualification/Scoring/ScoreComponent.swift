/// One of the five component scores that the unified score weighs.
///
/// The declaration order is the order of the weighted sum and of every
/// listing: marketing, sales, service, demographic, behavioral.
public enum ScoreComponent: String, Sendable, CaseIterable, Comparable {
    case marketing
    case sales
    case service
    case demographic
    case behavioral

    /// The position in the weighted sum, from 0.
    public var index: Int {
        switch self {
        case .marketing: 0
        case .sales: 1
        case .service: 2
        case .demographic: 3
        case .behavioral: 4
        }
    }

    public static func < (lhs: ScoreComponent, rhs: ScoreComponent) -> Bool {
        lhs.index < rhs.index
    }
}

/// The five component scores of one contact, each from the component's floor
/// to its cap: 0 to 100 in the default model, where marketing has no floor.
/// Values may be fractional because the lead score adds half a point per point.
public struct ComponentScores: Sendable, Equatable {
    public var marketing: Double
    public var sales: Double
    public var service: Double
    public var demographic: Double
    public var behavioral: Double

    public init(marketing: Double, sales: Double, service: Double, demographic: Double, behavioral: Double) {
        self.marketing = marketing
        self.sales = sales
        self.service = service
        self.demographic = demographic
        self.behavioral = behavioral
    }

    /// Returns the score of one component.
    public subscript(component: ScoreComponent) -> Double {
        switch component {
        case .marketing: marketing
        case .sales: sales
        case .service: service
        case .demographic: demographic
        case .behavioral: behavioral
        }
    }
}
