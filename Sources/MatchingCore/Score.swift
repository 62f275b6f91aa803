/// Whether `mentor` may mentor `mentee`, and if so how well they fit.
///
/// Hard rules (each failure is reported, in `HardRule` order): roles; a kind of mentoring both
/// want and offer; a common language; the mentor has free capacity and is not paused; not the
/// same person; not matched before; and, when neither is happy with email, at least
/// `rules.minimumOverlapHours` of shared local waking hours.
///
/// Soft criteria add `weights` points: per shared area, per shared interaction (stated by both), per shared kind
/// of mentoring, per hour the time zones are closer than 12 h, for a shared region when both want
/// to meet in person, and per shared available hour (capped). A reason is listed when it adds
/// points; the score is never negative.
///
/// - Complexity: O(a + l + h), the sizes of the two profiles' area, language and availability sets.
public func score(
    mentee: Profile,
    mentor: Profile,
    weights: Weights = Weights(),
    history: PairHistory = PairHistory(),
    rules: MatchRules = MatchRules()
) -> Result<Compatibility, Incompatibility> {
    let failures = hardRuleFailures(mentee: mentee, mentor: mentor, history: history, rules: rules)
    if !failures.isEmpty { return .failure(Incompatibility(failures: failures)) }

    var total = 0
    var reasons: [MatchReason] = []
    func add(_ points: Int, _ reason: MatchReason) {
        guard points != 0 else { return }
        total += points
        reasons.append(reason)
    }

    let areas = mentee.areas.intersection(mentor.areas).sorted()
    add(weights.sharedArea * areas.count, .sharedAreas(areas))

    let hours = (timeZoneDistanceMinutes(mentee.utcOffsetMinutes, mentor.utcOffsetMinutes) + 30) / 60
    add(weights.timeZoneCloseness * max(0, 12 - hours), .timeZoneDistance(hours: hours))

    let stated = !mentee.interactionsAssumed && !mentor.interactionsAssumed
    let media = stated ? mentee.interactions.intersection(mentor.interactions).sorted() : []
    add(weights.sharedInteraction * media.count, .sharedInteraction(media))

    for type in mentee.mentoringWanted.intersection(mentor.mentoringOffered).sorted() {
        add(weights.mentoringType, .mentoringType(type))
    }

    if media.contains(.inPerson), let region = mentee.region, region == mentor.region {
        add(weights.sameRegion, .sameRegion(region))
    }

    if let a = mentee.availability, let b = mentor.availability {
        let shared = a.intersection(b).count
        add(weights.sharedAvailabilityHour * min(shared, weights.maxSharedAvailabilityHours),
            .sharedAvailability(hours: shared))
    }
    return .success(Compatibility(score: max(0, total), reasons: reasons))
}

/// Every hard rule the pair breaks, in `HardRule` order; empty when the pair is allowed.
///
/// - Complexity: O(l), the size of the smaller language set.
public func hardRuleFailures(
    mentee: Profile,
    mentor: Profile,
    history: PairHistory = PairHistory(),
    rules: MatchRules = MatchRules()
) -> [HardRuleFailure] {
    var failures: [HardRuleFailure] = []
    if mentee.id == mentor.id { failures.append(.samePerson) }
    if !mentee.role.canBeMentee { failures.append(.menteeNotMentee) }
    if !mentor.role.canBeMentor { failures.append(.mentorNotMentor) }
    if mentee.mentoringWanted.isDisjoint(with: mentor.mentoringOffered) {
        failures.append(.mentoringType(wanted: mentee.mentoringWanted, offered: mentor.mentoringOffered))
    }
    if mentee.languages.isDisjoint(with: mentor.languages) { failures.append(.noCommonLanguage) }
    if mentor.paused { failures.append(.mentorPaused) }
    if mentor.capacity <= 0 { failures.append(.mentorFull) }
    let pair = PairHistory.Pair(mentee.id, mentor.id)
    if history.endedBadly.contains(pair) {
        failures.append(.endedBadly)
    } else if history.existed.contains(pair) {
        failures.append(.pairedBefore)
    }
    if !mentee.interactions.contains(.email), !mentor.interactions.contains(.email) {
        let overlap = wakingOverlapMinutes(mentee.utcOffsetMinutes, mentor.utcOffsetMinutes, rules: rules)
        if overlap < rules.minimumOverlapHours * 60 {
            failures.append(.notEnoughOverlap(hours: overlap / 60, required: rules.minimumOverlapHours))
        }
    }
    return failures
}
