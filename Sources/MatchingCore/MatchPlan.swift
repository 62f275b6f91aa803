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
/// the order of the input arrays. Pairs are scored on the fly (`PairScorer`, no pair is stored
/// unless the solver keeps it as a candidate); reasons come from `score` for the chosen pairs.
///
/// - Complexity: O(n · m) per pass over the pairs (one to pick candidates, one or two per solving
///   round to check it; `.stable` stores every allowed pair), plus the solver's.
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
    let scorer = PairScorer(mentees: mentees, mentors: mentors, weights: weights, history: history, rules: rules)
    let assignment = switch method {
    case .optimal: try solveOptimal(scorer, pruning: .automatic).assignment
    case .stable: try scorer.storedProblem().stableMatching()
    }
    var pairs: [PlannedPair] = []
    var matched = [Bool](repeating: false, count: mentees.count)
    for pair in assignment.pairs {
        let (mentee, mentor) = (mentees[pair.mentee], mentors[pair.mentor])
        guard case let .success(fit) = score(mentee: mentee, mentor: mentor, weights: weights, history: history, rules: rules)
        else { continue }
        let compatibility = Compatibility(score: min(fit.score, AssignmentProblem.maxScore), reasons: fit.reasons)
        pairs.append(PlannedPair(menteeID: mentee.id, mentorID: mentor.id, compatibility: compatibility))
        matched[pair.mentee] = true
    }
    let unmatched = mentees.indices.filter { !matched[$0] }.map { i in
        UnmatchedMentee(menteeID: mentees[i].id, reason: scorer.explainUnmatched(mentee: i))
    }
    return MatchPlan(pairs: pairs, unmatched: unmatched, totalScore: pairs.reduce(0) { $0 + $1.compatibility.score })
}
