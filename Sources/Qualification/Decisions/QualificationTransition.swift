/// A contact's new qualification compared with the last published one: the
/// effective values, what changed, which outputs follow, and the new
/// `EmittedQualification`.
///
/// Rules (no previous publication means everything is new):
/// - the effective status is the active override's status at the as-of
///   time, else the model's;
/// - the effective track is `SALES_HANDOFF` for an effective SQL. An override
///   to a lower status turns a model `SALES_HANDOFF` into `HIGH_POTENTIAL`,
///   so a contact a person held back from sales is nurtured instead;
/// - a qualification record follows a change of the score, effective
///   status, effective track, any component, or the override in force;
/// - a property update follows any changed property (see `CRMProperties`);
/// - a note follows each change of the effective status;
/// - a sales task and two notifications follow an entry into SQL, unless an
///   earlier entry created them less than the cooldown before, in event time;
/// - enrollments follow each change of the effective track.
///
/// A class, so that the record builder shares it instead of copying the
/// contact state inside it for every decision that publishes.
final class QualificationTransition {
    let input: DecisionInput
    let asOf: EventTime
    let previous: EmittedQualification?
    let override: LatestValue<HumanOverride>?
    let status: QualificationStatus
    let track: NurtureTrack
    let components: EmittedQualification.Components
    let properties: CRMProperties
    /// The record's `changed` list: `score`, `status`, `nurture_track`, `components`, `override`.
    let changedFields: [String]
    let statusChanged: Bool
    let trackChanged: Bool
    /// True when the effective status became SQL.
    let entersSQL: Bool
    /// True when the SQL entry creates the task and notifications (outside the cooldown).
    let createsSalesFollowUp: Bool

    init(_ input: DecisionInput, policy: DecisionPolicy) {
        self.input = input
        let result = input.result
        let asOf = input.asOf
        self.asOf = asOf
        let previous = input.state.emitted
        self.previous = previous

        let override = input.state.activeOverride(at: asOf)
        self.override = override
        let status = override?.value.status ?? result.status
        self.status = status
        let track = Self.effectiveTrack(status: status, modelTrack: result.nurtureTrack, overridden: override != nil)
        self.track = track
        let components = EmittedQualification.Components(
            marketing: result.components.marketing, sales: result.components.sales, service: result.components.service,
            demographic: result.components.demographic, behavioral: result.components.behavioral)
        self.components = components

        let stage = Self.forwardStage(previous: previous?.lifecycleStage,
                                      derived: LifecycleStage.derived(from: input.state, status: status))
        properties = CRMProperties(result: result, status: status, track: track, lifecycleStage: stage,
                                   asOf: asOf, previous: previous)

        var changed: [String] = []
        if previous?.score != result.score { changed.append("score") }
        if previous?.status != status.rawValue { changed.append("status") }
        if previous?.nurtureTrack != track.rawValue { changed.append("nurture_track") }
        if previous?.components != components { changed.append("components") }
        if previous == nil || previous?.overrideEventID != override?.eventID { changed.append("override") }
        changedFields = changed

        statusChanged = previous?.status != status.rawValue
        trackChanged = previous?.nurtureTrack != track.rawValue
        let wasSQL = previous?.status == QualificationStatus.salesQualifiedLead.rawValue
        entersSQL = status == .salesQualifiedLead && !wasSQL
        let cooledDown = previous?.sqlEnteredAt.map {
            asOf.microsecondsSinceEpoch - $0.microsecondsSinceEpoch >= policy.sqlReentryCooldownMicroseconds
        } ?? true
        createsSalesFollowUp = entersSQL && cooledDown
    }

    var publishesQualification: Bool { !changedFields.isEmpty }
    var publishesProperties: Bool { !properties.patch.isEmpty }
    /// True when anything at all is published, side effects included.
    var publishesAnything: Bool { publishesQualification || publishesProperties }

    var result: QualificationResult { input.result }
    var contactID: String { input.state.contactID }

    /// The counts after this decision's outputs, which number them.
    var counts: EmittedQualification.Counts {
        var counts = previous?.counts ?? EmittedQualification.Counts()
        if publishesQualification { counts.qualifications += 1 }
        if publishesProperties { counts.propertyUpdates += 1 }
        if statusChanged { counts.statusChanges += 1 }
        if trackChanged { counts.trackChanges += 1 }
        if createsSalesFollowUp { counts.sqlEntries += 1 }
        return counts
    }

    /// The value to store as published once this decision's outputs are sent.
    /// It is the previous value, unchanged, when nothing is published.
    var emitted: EmittedQualification? {
        guard publishesAnything else { return previous }
        return EmittedQualification(
            score: result.score, status: status.rawValue, nurtureTrack: track.rawValue, components: components,
            lifecycleStage: properties.lifecycleStage.rawValue,
            sqlEnteredAt: createsSalesFollowUp ? asOf : previous?.sqlEnteredAt,
            modelVersion: result.modelVersion, causingEventID: input.cause.eventID,
            overrideEventID: override?.eventID, factorsFingerprint: properties.factorsFingerprint,
            qualifiedAt: publishesProperties ? asOf : previous?.qualifiedAt, counts: counts)
    }

    static func effectiveTrack(status: QualificationStatus, modelTrack: NurtureTrack, overridden: Bool) -> NurtureTrack {
        guard overridden else { return modelTrack }
        if status == .salesQualifiedLead { return .salesHandoff }
        return modelTrack == .salesHandoff ? .highPotential : modelTrack
    }

    /// Returns the later of the published stage and the derived one. A
    /// published value that this release does not recognize counts as no stage.
    static func forwardStage(previous: String?, derived: LifecycleStage) -> LifecycleStage {
        guard let previous = previous.flatMap(LifecycleStage.init(rawValue:)) else { return derived }
        return max(previous, derived)
    }
}
