import Foundation
import Qualification

/// A decider for tests of the pipeline alone: it publishes one qualification
/// record whenever the score or status changes, and nothing else.
struct QualificationOnlyDecider: OutputDecider {
    func decide(_ input: DecisionInput) -> Decision {
        let previous = input.state.emitted
        let result = input.result
        guard previous?.score != result.score || previous?.status != result.status.rawValue else {
            return Decision(outputs: [], emitted: previous)
        }

        let contactID = input.state.contactID
        let outputID = "qualification-\(contactID)-\(input.cause.eventID)"
        let object: [String: Any] = [
            "output_id": outputID, "contact_id": contactID, "score": result.score,
            "status": result.status.rawValue, "event_id": input.cause.eventID,
        ]
        let value = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        let components = EmittedQualification.Components(
            marketing: result.components.marketing, sales: result.components.sales, service: result.components.service,
            demographic: result.components.demographic, behavioral: result.components.behavioral)
        let emitted = EmittedQualification(score: result.score, status: result.status.rawValue,
                                           nurtureTrack: result.nurtureTrack.rawValue, components: components,
                                           lifecycleStage: "lead", sqlEnteredAt: previous?.sqlEnteredAt,
                                           modelVersion: result.modelVersion, causingEventID: input.cause.eventID)
        let record = OutputRecord(kind: .qualification, key: contactID, outputID: outputID, value: Array(value),
                                  headers: [OutputHeader("crosshub.output_id", outputID)])
        return Decision(outputs: [record], emitted: emitted)
    }
}
