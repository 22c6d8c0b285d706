/// The `OutputDecider` of the service: it compares a contact's new result
/// with `state.emitted` and decides the outputs by the rules in
/// `QualificationTransition`, configured by a validated `DecisionPolicy`.
///
/// Outputs come in this order: the qualification record, the property
/// update, the note, the sales task, the notification to the sales owner,
/// the one to marketing, the leave and then the enroll enrollment. Ids are
/// described in `OutputID`, record fields in the `RecordBuilder` methods and
/// in `schemas/outputs/`.
///
/// NOTE: overrides expire and the cooldown passes in event time only, when
/// a newer event of the contact is decided. An expired override keeps the
/// status pinned until then.
public struct QualificationDecider: OutputDecider {
    public let policy: DecisionPolicy

    /// - Throws: `DecisionPolicyError` when the policy is invalid.
    public init(policy: DecisionPolicy = DecisionPolicy()) throws(DecisionPolicyError) {
        try policy.validate()
        self.policy = policy
    }

    public func decide(_ input: DecisionInput) -> Decision {
        let transition = QualificationTransition(input, policy: policy)
        guard transition.publishesAnything else {
            return Decision(outputs: [], emitted: transition.previous)
        }

        let builder = RecordBuilder(transition: transition, policy: policy)
        var outputs: [OutputRecord] = []
        if transition.publishesQualification {
            outputs.append(builder.qualificationRecord())
        }
        if transition.publishesProperties {
            outputs.append(builder.propertyUpdateRecord())
        }
        if policy.sideEffects == .emit {
            if transition.statusChanged {
                outputs.append(builder.noteRecord())
            }
            if transition.createsSalesFollowUp {
                outputs += builder.salesFollowUpRecords()
            }
            if transition.trackChanged {
                outputs += builder.enrollmentRecords()
            }
        }
        return Decision(outputs: outputs, emitted: transition.emitted)
    }

    /// Returns the status that is published for `state` at `time`: the status
    /// of the override in force, else `modelStatus`.
    public static func effectiveStatus(of state: ContactState, modelStatus: QualificationStatus,
                                       at time: EventTime) -> QualificationStatus {
        state.activeOverride(at: time)?.value.status ?? modelStatus
    }
}
