@testable import MatchingCore

/// The exhaustive planner as it was before `PairScorer`: every pair scored with `score`, stored
/// with its `Compatibility`, solved on all edges, and each unmatched mentee explained with sets.
/// Kept as the reference the scoring path is compared with.
func referencePlanMatches(
    mentees: [Profile], mentors: [Profile], weights: Weights = Weights(), history: PairHistory = PairHistory(),
    rules: MatchRules = MatchRules(), method: MatchMethod = .optimal, pruning: CandidatePruning = .automatic
) throws -> MatchPlan {
    let mentees = mentees.sorted { $0.id < $1.id }
    let mentors = mentors.sorted { $0.id < $1.id }
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
    case .optimal: try problem.optimalAssignment(pruning: pruning).assignment
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
                        reason: referenceExplainUnmatched(mentee: mentees[i], mentors: mentors, history: history, rules: rules))
    }
    return MatchPlan(pairs: pairs, unmatched: unmatched, totalScore: pairs.reduce(0) { $0 + $1.compatibility.score })
}

/// `explainUnmatched` as it was, on sets of rules.
func referenceExplainUnmatched(mentee: Profile, mentors: [Profile], history: PairHistory, rules: MatchRules) -> UnmatchedReason {
    guard mentee.role.canBeMentee else { return .notAMentee }
    let others = mentors.filter { $0.id != mentee.id }
    guard !others.isEmpty else { return .noMentors }
    let failed: [Set<HardRule>] = others.map { mentor in
        Set(hardRuleFailures(mentee: mentee, mentor: mentor, history: history, rules: rules).map(\.rule))
    }
    let compatible = failed.filter(\.isEmpty).count
    if compatible > 0 { return .allCompatibleMentorsFull(count: compatible) }
    let free = failed.filter { !$0.contains(.capacity) }
    guard !free.isEmpty else { return .noMentorHasFreeCapacity }
    let candidates: [HardRule] = [.role, .mentoringType, .language, .history, .timeZoneOverlap]
    var best: (rules: [HardRule], ruledOut: Int)?
    for subset in 1..<(1 << candidates.count) {
        let chosen = candidates.indices.filter { subset & (1 << $0) != 0 }.map { candidates[$0] }
        guard free.allSatisfy({ !$0.isDisjoint(with: chosen) }) else { continue }
        let ruledOut = chosen.reduce(0) { sum, rule in sum + free.filter { $0.contains(rule) }.count }
        if let current = best {
            if chosen.count > current.rules.count { continue }
            if chosen.count == current.rules.count, ruledOut <= current.ruledOut { continue }
        }
        best = (chosen, ruledOut)
    }
    let chosen = best?.rules ?? candidates
    let holdsForAll = failed.allSatisfy { !$0.isDisjoint(with: chosen) }
    let needs: [MenteeNeed] = chosen.map { rule in
        switch rule {
        case .mentoringType: .mentoringType(mentee.mentoringWanted)
        case .language: .language(mentee.languages)
        case .history: .newPairing
        case .timeZoneOverlap: .wakingOverlap(hours: rules.minimumOverlapHours)
        default: .mentorRole
        }
    }
    return .noMentorMeets(needs, amongFree: !holdsForAll)
}

/// Seeded random profiles with everything the rules look at: roles (some "both", so ids repeat
/// across sides), kinds, areas (in several spellings), languages, offsets (some odd), ways to
/// meet (some live only), regions, availability, pauses and full mentors, and a history.
struct RandomRound {
    var mentees: [Profile] = []
    var mentors: [Profile] = []
    var history = PairHistory()

    init(_ rng: inout SplitMix64, mentees menteeCount: Int, mentors mentorCount: Int, languages: [String] = ["en", "es", "pt", "zh"]) {
        let areas = ["Nova", "nova ", "neutron", "docs", "QA", "security", "i18n", "ux", "release", "infra"]
        let regions = ["berlin", "Paris", "são paulo", "tokyo"]
        func some<T>(_ pool: [T], upTo limit: Int) -> [T] {
            (0..<Int.random(in: 0...limit, using: &rng)).map { _ in pool.randomElement(using: &rng)! }
        }
        func person(id: Int, role: Role, capacity: Int) -> Profile {
            let kinds = Set(some(MentoringType.allCases, upTo: 2))
            let offset = Int.random(in: 0..<10, using: &rng) == 0 ? Int.random(in: -3000...3000, using: &rng)
                : 30 * Int.random(in: -24...28, using: &rng)
            return Profile(
                id: id, role: role, mentoringWanted: kinds, mentoringOffered: kinds, areas: Set(some(areas, upTo: 4)),
                utcOffsetMinutes: offset, languages: Set(some(languages, upTo: 2)),
                interactions: Set(some(Interaction.allCases, upTo: 3)), capacity: capacity,
                paused: Int.random(in: 0..<20, using: &rng) == 0,
                region: Bool.random(using: &rng) ? regions.randomElement(using: &rng) : nil,
                availability: Bool.random(using: &rng) ? Set(some(Array(0..<168), upTo: 30)) : nil,
                interactionsAssumed: Int.random(in: 0..<6, using: &rng) == 0)
        }
        for id in 0..<menteeCount {
            mentees.append(person(id: id, role: Int.random(in: 0..<8, using: &rng) == 0 ? .both : .mentee, capacity: 0))
        }
        for k in 0..<mentorCount {
            // Some mentors are also mentees of the round (same id), a few are listed by mistake.
            let id = Int.random(in: 0..<6, using: &rng) == 0 ? Int.random(in: 0..<max(1, menteeCount), using: &rng) : 100_000 + k
            let role: Role = Int.random(in: 0..<25, using: &rng) == 0 ? .mentee : .mentor
            mentors.append(person(id: id, role: role, capacity: Int.random(in: 0..<8, using: &rng) == 0 ? 0 : Int.random(in: 1...4, using: &rng)))
        }
        var seen = Set<Int>()
        mentors = mentors.filter { seen.insert($0.id).inserted }
        for _ in 0..<(menteeCount / 3) {
            guard let a = mentees.randomElement(using: &rng), let b = mentors.randomElement(using: &rng) else { break }
            history.record(a.id, b.id, endedBadly: Bool.random(using: &rng))
        }
    }
}
