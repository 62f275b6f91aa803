@testable import MatchingCore
import Testing

/// The scoring path (`PairScorer`, pruned candidates) against `score`, `hardRuleFailures` and the
/// exhaustive reference planner.
struct PairScorerTests {
    static let weightsToTry = [
        Weights(),
        Weights(sharedArea: 7, sharedInteraction: 0, mentoringType: 2, timeZoneCloseness: 3, sameRegion: 40,
                sharedAvailabilityHour: 2, maxSharedAvailabilityHours: 5),
        // Negative points: the score is clamped at 0 the same way.
        Weights(sharedArea: -4, sharedInteraction: 1, mentoringType: -9, timeZoneCloseness: 1, sameRegion: 0,
                sharedAvailabilityHour: -1, maxSharedAvailabilityHours: 3),
    ]

    @Test(arguments: weightsToTry.indices)
    func everyPairScoresAndFailsAsScoreSays(weightsIndex: Int) {
        let weights = Self.weightsToTry[weightsIndex]
        var rng = SplitMix64(seed: 0x5C0E_0001 + UInt64(weightsIndex))
        for round in 0..<20 {
            let instance = RandomRound(&rng, mentees: 30, mentors: 25)
            let rules = round % 2 == 0 ? MatchRules() : MatchRules(minimumOverlapHours: 6, wakingFrom: 7, wakingUntil: 20)
            let scorer = PairScorer(mentees: instance.mentees, mentors: instance.mentors, weights: weights,
                                    history: instance.history, rules: rules)
            for (i, mentee) in instance.mentees.enumerated() {
                var allowed: [Int: Int] = [:]
                scorer.forEachAllowed(mentee: i) { j, score in allowed[j] = score }
                for (j, mentor) in instance.mentors.enumerated() {
                    let expected = score(mentee: mentee, mentor: mentor, weights: weights, history: instance.history, rules: rules)
                    switch expected {
                    case let .success(fit): #expect(allowed[j] == fit.score, "mentee \(mentee.id) mentor \(mentor.id)")
                    case .failure: #expect(allowed[j] == nil, "mentee \(mentee.id) mentor \(mentor.id)")
                    }
                    let failures = hardRuleFailures(mentee: mentee, mentor: mentor, history: instance.history, rules: rules)
                    #expect(scorer.failedRules(mentee: i, mentor: j) == failures.reduce(0) { $0 | 1 << $1.rule.rawValue })
                }
            }
        }
    }

    @Test(arguments: MatchMethod.allCases)
    func plansEqualTheExhaustiveReference(method: MatchMethod) throws {
        var rng = SplitMix64(seed: 0x5C0E_0100)
        for round in 0..<12 {
            // Few languages early on, so that some mentees have no compatible mentor at all.
            let instance = RandomRound(&rng, mentees: 40 + round * 5, mentors: 12 + round, languages: round < 4 ? ["en", "es", "pt", "zh", "ja", "ko"] : ["en", "es"])
            let weights = Self.weightsToTry[round % Self.weightsToTry.count]
            let plan = try planMatches(mentees: instance.mentees.shuffled(using: &rng), mentors: instance.mentors,
                                       weights: weights, history: instance.history, method: method)
            let reference = try referencePlanMatches(mentees: instance.mentees, mentors: instance.mentors, weights: weights,
                                                     history: instance.history, method: method)
            #expect(plan == reference)
        }
    }

    /// A seeded round of a few hundred people, pruned hard so that candidates are added back.
    @Test func prunedScoringGivesTheReferenceCountAndTotal() throws {
        var rng = SplitMix64(seed: 0x5C0E_0200)
        let harsh = CandidatePruning(perMentee: 1, perMentorSlot: 0, perMentor: 1, minimumEdges: 0)
        for _ in 0..<4 {
            let instance = RandomRound(&rng, mentees: 300, mentors: 90, languages: ["en", "es", "pt"])
            let mentees = instance.mentees.sorted { $0.id < $1.id }, mentors = instance.mentors.sorted { $0.id < $1.id }
            let scorer = PairScorer(mentees: mentees, mentors: mentors, weights: Weights(), history: instance.history, rules: MatchRules())
            let problem = try scorer.storedProblem()
            let pruned = try solveOptimal(scorer, pruning: harsh)
            let exact = try problem.optimalAssignment(pruning: .off)
            #expect(pruned.rounds > 1)
            #expect(pruned.assignment.matchedCount == exact.assignment.matchedCount)
            #expect(pruned.assignment.totalScore == exact.assignment.totalScore)
            #expect(problem.optimalityViolations(of: pruned.assignment, certificate: pruned.certificate).isEmpty)
            let reference = try referencePlanMatches(mentees: mentees, mentors: mentors, history: instance.history, pruning: harsh)
            #expect((reference.pairs.count, reference.totalScore) == (pruned.assignment.matchedCount, pruned.assignment.totalScore))
        }
    }

    @Test func unmatchedMenteesAreExplainedAsBefore() {
        var rng = SplitMix64(seed: 0x5C0E_0300)
        for round in 0..<30 {
            let instance = RandomRound(&rng, mentees: 20, mentors: round % 5, languages: ["en", "es", "pt", "zh", "ja"])
            let scorer = PairScorer(mentees: instance.mentees, mentors: instance.mentors, weights: Weights(),
                                    history: instance.history, rules: MatchRules())
            for (i, mentee) in instance.mentees.enumerated() {
                let expected = referenceExplainUnmatched(mentee: mentee, mentors: instance.mentors, history: instance.history, rules: MatchRules())
                #expect(scorer.explainUnmatched(mentee: i) == expected)
                #expect(explainUnmatched(mentee: mentee, mentors: instance.mentors, history: instance.history) == expected)
            }
        }
    }

    @Test func interactionBitsFollowTheCaseOrder() {
        #expect(PairScorer.emailBit == 1 << Interaction.allCases.firstIndex(of: .email)!)
        #expect(PairScorer.inPersonBit == 1 << Interaction.allCases.firstIndex(of: .inPerson)!)
        #expect(Interaction.allCases.count < 7, "the assumed bit stays above every way to meet")
    }
}
