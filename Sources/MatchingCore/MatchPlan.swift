/// Which assignment `planMatches` computes.
public enum MatchMethod: String, Hashable, Sendable, Codable, CaseIterable {
    /// Most pairs, then the greatest total score (`AssignmentProblem.optimalAssignment`).
    case optimal
    /// Mentee-optimal stable matching (`AssignmentProblem.stableMatching`).
    case stable
}

/// A proposed match and why it fits.
public struct PlannedPair: Hashable, Sendable {
    public var menteeID: Int
    public var mentorID: Int
    public var compatibility: Compatibility
}

/// A mentee left without a mentor and why.
public struct UnmatchedMentee: Hashable, Sendable {
    public var menteeID: Int
    public var reason: UnmatchedReason
}

/// The outcome of `planMatches`: pairs by mentee id, unmatched mentees by id.
public struct MatchPlan: Hashable, Sendable {
    public var pairs: [PlannedPair]
    public var unmatched: [UnmatchedMentee]
    public var totalScore: Int
}

/// Scores every (mentee, mentor) pair, solves with `method`, and explains each outcome.
///
/// Participants are ordered by id, so ties go to lower ids and the plan does not depend on
/// the order of the input arrays.
///
/// - Complexity: O(n · m · c) to score (c the cost of one `score`), plus the solver's.
/// - Throws: `MatchingError.duplicateID` when an id appears twice on one side.
public func planMatches(
    mentees: [Profile],
    mentors: [Profile],
    weights: Weights = Weights(),
    history: PairHistory = PairHistory(),
    rules: MatchRules = MatchRules(),
    method: MatchMethod = .optimal
) throws(MatchingError) -> MatchPlan {
    let mentees = mentees.sorted { $0.id < $1.id }
    let mentors = mentors.sorted { $0.id < $1.id }
    for side in [mentees, mentors] {
        for (a, b) in zip(side, side.dropFirst()) where a.id == b.id { throw .duplicateID(String(a.id)) }
    }
    var problem = try AssignmentProblem(menteeCount: mentees.count, mentorCapacities: mentors.map { max(0, $0.capacity) })
    var fits: [Int: Compatibility] = [:]
    for (i, mentee) in mentees.enumerated() {
        for (j, mentor) in mentors.enumerated() {
            guard case let .success(fit) = score(mentee: mentee, mentor: mentor, weights: weights, history: history, rules: rules)
            else { continue }
            let clamped = min(fit.score, AssignmentProblem.maxScore)
            try problem.addEdge(mentee: i, mentor: j, score: clamped)
            fits[i * mentors.count + j] = Compatibility(score: clamped, reasons: fit.reasons)
        }
    }
    let assignment = switch method {
    case .optimal: try problem.optimalAssignment().assignment
    case .stable: problem.stableMatching()
    }
    var pairs: [PlannedPair] = []
    var matched = Set<Int>()
    for pair in assignment.pairs {
        guard let fit = fits[pair.mentee * mentors.count + pair.mentor] else { continue }
        pairs.append(PlannedPair(menteeID: mentees[pair.mentee].id, mentorID: mentors[pair.mentor].id, compatibility: fit))
        matched.insert(pair.mentee)
    }
    let unmatched = mentees.indices.filter { !matched.contains($0) }.map { i in
        UnmatchedMentee(menteeID: mentees[i].id,
                        reason: explainUnmatched(mentee: mentees[i], mentors: mentors, history: history, rules: rules))
    }
    return MatchPlan(pairs: pairs, unmatched: unmatched, totalScore: pairs.reduce(0) { $0 + $1.compatibility.score })
}
