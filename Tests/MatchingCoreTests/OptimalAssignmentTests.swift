import MatchingCore
import Testing

struct OptimalAssignmentTests {
    /// Prunes everything it can, so most instances need the check-and-add-back rounds.
    static let harshPruning = CandidatePruning(perMentee: 1, perMentorSlot: 0, perMentor: 1, minimumEdges: 0)

    @Test(arguments: [CandidatePruning.off, harshPruning, .automatic])
    func matchesBruteForceOnSmallInstances(pruning: CandidatePruning) throws {
        var rng = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<400 {
            let tiny = TinyProblem.random(&rng)
            let problem = try tiny.problem
            let solution = try problem.optimalAssignment(pruning: pruning)
            let expected = tiny.bruteForceOptimum()
            #expect(solution.assignment.matchedCount == expected.count, "\(tiny)")
            #expect(solution.assignment.totalScore == expected.total, "\(tiny)")
            #expect(problem.optimalityViolations(of: solution.assignment, certificate: solution.certificate).isEmpty, "\(tiny)")
        }
    }

    @Test func matchesBruteForceWithManyTiesAndParallelPairs() throws {
        var rng = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<300 {
            var tiny = TinyProblem.random(&rng, maxScore: 1)
            if let extra = tiny.edges.randomElement(using: &rng) {
                tiny.edges.append(AssignmentEdge(mentee: extra.mentee, mentor: extra.mentor, score: Int.random(in: 0...3, using: &rng)))
            }
            let problem = try tiny.problem
            let solution = try problem.optimalAssignment(pruning: .off)
            let expected = tiny.bruteForceOptimum()
            #expect(solution.assignment.matchedCount == expected.count, "\(tiny)")
            #expect(solution.assignment.totalScore == expected.total, "\(tiny)")
            #expect(problem.optimalityViolations(of: solution.assignment, certificate: solution.certificate).isEmpty, "\(tiny)")
        }
    }

    @Test func prunedAndUnprunedAgreeOnMediumInstances() throws {
        var rng = SplitMix64(seed: 0x5EED_0003)
        for round in 0..<12 {
            let tiny = TinyProblem.random(&rng, maxMentees: 120, maxMentors: 40, maxScore: round.isMultiple(of: 2) ? 3 : 1000)
            let problem = try tiny.problem
            let full = try problem.optimalAssignment(pruning: .off)
            for pruning in [Self.harshPruning, CandidatePruning(perMentee: 3, perMentorSlot: 2, perMentor: 2, minimumEdges: 0)] {
                let pruned = try problem.optimalAssignment(pruning: pruning)
                #expect(pruned.assignment.matchedCount == full.assignment.matchedCount)
                #expect(pruned.assignment.totalScore == full.assignment.totalScore)
                #expect(problem.optimalityViolations(of: pruned.assignment, certificate: pruned.certificate).isEmpty)
            }
            #expect(problem.optimalityViolations(of: full.assignment, certificate: full.certificate).isEmpty)
        }
    }

    @Test func resultDoesNotDependOnEdgeOrder() throws {
        var rng = SplitMix64(seed: 0x5EED_0004)
        for _ in 0..<50 {
            var tiny = TinyProblem.random(&rng, maxMentees: 30, maxMentors: 10, maxScore: 2)
            let first = try tiny.problem.optimalAssignment(pruning: .off).assignment
            let firstPruned = try tiny.problem.optimalAssignment(pruning: Self.harshPruning).assignment
            tiny.edges.shuffle(using: &rng)
            #expect(try tiny.problem.optimalAssignment(pruning: .off).assignment == first)
            // Pruning may pick another of several equal optima, but always the same one.
            #expect(try tiny.problem.optimalAssignment(pruning: Self.harshPruning).assignment == firstPruned)
        }
    }

    @Test func prefersOneMorePairOverAHigherTotal() throws {
        // Mentee 0 fits only mentor 0 (score 1); mentee 1 fits mentor 0 (score 100) and mentor 1 (0).
        let problem = try AssignmentProblem(menteeCount: 2, mentorCapacities: [1, 1], edges: [
            AssignmentEdge(mentee: 0, mentor: 0, score: 1),
            AssignmentEdge(mentee: 1, mentor: 0, score: 100),
            AssignmentEdge(mentee: 1, mentor: 1, score: 0),
        ])
        let solution = try problem.optimalAssignment()
        #expect(solution.assignment.pairs == [
            AssignedPair(mentee: 0, mentor: 0, score: 1), AssignedPair(mentee: 1, mentor: 1, score: 0),
        ])
    }

    @Test func capacitiesAreFilled() throws {
        let problem = try AssignmentProblem(menteeCount: 3, mentorCapacities: [3], edges: (0..<3).map {
            AssignmentEdge(mentee: $0, mentor: 0, score: $0)
        })
        #expect(try problem.optimalAssignment().assignment.matchedCount == 3)
    }

    @Test func emptyAndEdgelessProblems() throws {
        let empty = try AssignmentProblem(menteeCount: 0, mentorCapacities: [])
        #expect(try empty.optimalAssignment().assignment.pairs.isEmpty)
        let edgeless = try AssignmentProblem(menteeCount: 3, mentorCapacities: [2, 0])
        let solution = try edgeless.optimalAssignment()
        #expect(solution.assignment.pairs.isEmpty)
        #expect(edgeless.optimalityViolations(of: solution.assignment, certificate: solution.certificate).isEmpty)
    }

    @Test func invalidInputIsRefused() {
        #expect(throws: MatchingError.negativeCount("mentees")) { try AssignmentProblem(menteeCount: -1, mentorCapacities: []) }
        #expect(throws: MatchingError.negativeCapacity(mentor: "#0", capacity: -2)) {
            try AssignmentProblem(menteeCount: 1, mentorCapacities: [-2])
        }
        #expect(throws: MatchingError.indexOutOfRange(what: "mentor", index: 1, count: 1)) {
            try AssignmentProblem(menteeCount: 1, mentorCapacities: [1], edges: [AssignmentEdge(mentee: 0, mentor: 1, score: 0)])
        }
        #expect(throws: MatchingError.scoreOutOfRange(mentee: "#0", mentor: "#0", score: -1)) {
            try AssignmentProblem(menteeCount: 1, mentorCapacities: [1], edges: [AssignmentEdge(mentee: 0, mentor: 0, score: -1)])
        }
    }

    @Test func bigMOutweighsEveryScoreDifference() throws {
        let problem = try AssignmentProblem(menteeCount: 3, mentorCapacities: [1, 1], edges: [
            AssignmentEdge(mentee: 0, mentor: 0, score: 7), AssignmentEdge(mentee: 1, mentor: 1, score: 2),
            AssignmentEdge(mentee: 2, mentor: 1, score: 5),
        ])
        // At most 2 pairs, scores up to 7.
        #expect(try problem.lexicographicBigM() == 2 * 7 + 1)
    }
}
