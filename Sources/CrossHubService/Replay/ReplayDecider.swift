import Qualification

/// The final qualification of one replayed contact, for comparisons with a live run.
public struct ReplayedQualification: Sendable, Equatable {
    public var contactID: String
    public var result: QualificationResult
    /// What the decision left as published: score, effective status and components.
    public var emitted: EmittedQualification?
}

/// Decides the outputs of a replay once per contact, in contact-id order.
///
/// For each contact, the final state's features are scored with the model,
/// and the decider runs with the warm-up baseline as the previous
/// publication: the decision for the warm-up state alone (nothing without a
/// `--from`). So a contact whose window changed nothing publishes nothing,
/// and one that qualified before the window is not handed to sales again.
///
/// NOTE: a live run decides after every batch, so it publishes each
/// transition inside the window (an MQL that became SQL and fell back); a
/// replay publishes only the step from the baseline to the final state.
/// Output ids then differ from the live run's for contacts whose live
/// history had more transitions, because ids count the transitions.
public struct ReplayDecider: Sendable {
    public let scorer: Scorer
    public let decider: QualificationDecider

    /// - Parameters:
    ///   - policy: the decision policy; `backfill` is set to true here, and
    ///     `sideEffects` is left as given (`suppress` unless the replay asks for them).
    /// - Throws: `DecisionPolicyError` when the policy is invalid.
    public init(scorer: Scorer, policy: DecisionPolicy) throws(DecisionPolicyError) {
        var policy = policy
        policy.backfill = true
        self.scorer = scorer
        self.decider = try QualificationDecider(policy: policy)
    }

    /// Decides one contact and returns its outputs and final qualification.
    public func decide(_ contact: ReplayContact) -> (outputs: [OutputRecord], qualification: ReplayedQualification) {
        var state = contact.state
        state.emitted = baseline(contact)
        let result = scorer.score(state.features())
        let decision = decider.decide(DecisionInput(state: state, result: result, cause: contact.newest))
        return (decision.outputs, ReplayedQualification(contactID: state.contactID, result: result, emitted: decision.emitted))
    }

    /// The publication the window starts from: the decision for the warm-up state, or nil without warm-up events.
    func baseline(_ contact: ReplayContact) -> EmittedQualification? {
        guard let warmUp = contact.warmUpState, let cause = contact.newestWarmUp else { return nil }
        let result = scorer.score(warmUp.features())
        return decider.decide(DecisionInput(state: warmUp, result: result, cause: cause)).emitted
    }
}
