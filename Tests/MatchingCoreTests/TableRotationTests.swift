import MatchingCore
import Testing

/// Table sizes of each rotation, empty tables included.
func tableSizes(_ plan: RotationPlan, mentors: Int) -> [[Int]] {
    plan.assignment.map { row in (0..<mentors).map { j in row.count { $0 == j } } }
}

struct TableRotationTests {
    @Test func matchesBruteForceOnTinyProblems() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB1)
        for _ in 0..<300 {
            let problem = RotationReference.randomProblem(&rng)
            let plan = try TableRotations.solve(problem)
            let best = try #require(RotationReference.best(problem), "\(problem)")
            #expect(plan.totalInterest == best.interest, "\(problem)")
            #expect(plan.upperBound == best.interest, "\(problem)")
            #expect(TableRotations.violations(of: plan, for: problem) == [], "\(problem)")
        }
    }

    @Test func matchesBruteForceWithThreeRotationsAndManyTies() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB2)
        for round in 0..<120 {
            let problem = RotationReference.randomProblem(&rng, maxMentees: 4, maxMentors: 4, maxRotations: 3,
                                                          maxScore: round.isMultiple(of: 2) ? 1 : 5)
            let plan = try TableRotations.solve(problem)
            let best = try #require(RotationReference.best(problem), "\(problem)")
            #expect(plan.totalInterest == best.interest, "\(problem)")
            #expect(TableRotations.violations(of: plan, for: problem) == [], "\(problem)")
        }
    }

    @Test func exactWithTheLargestScores() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB3)
        for _ in 0..<40 {
            let problem = RotationReference.randomProblem(&rng, maxScore: AssignmentProblem.maxScore)
            let plan = try TableRotations.solve(problem)
            #expect(plan.totalInterest == RotationReference.best(problem)?.interest, "\(problem)")
            #expect(TableRotations.violations(of: plan, for: problem) == [], "\(problem)")
        }
    }

    /// On tiny problems the search for variety should find the fewest repeats there are.
    @Test func fewestRepeatsOnTinyProblems() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB4)
        var tried = 0
        for _ in 0..<200 {
            let problem = RotationReference.randomProblem(&rng, maxMentees: 5, maxMentors: 3, maxRotations: 2, maxScore: 1)
            let best = try #require(RotationReference.best(problem))
            let plan = try TableRotations.solve(problem)
            #expect(plan.repeatedMenteePairs == best.repeats, "\(problem)")
            #expect(plan.repeatedMenteePairs == RotationReference.repeats(plan.assignment))
            tried += best.repeats > 0 || plan.repeatedMenteePairs > 0 ? 1 : 0
        }
        #expect(tried > 0)
    }

    @Test func hardRulesAndExactBoundOnLargerProblems() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB5)
        for round in 0..<16 {
            let m = Int.random(in: 3...30, using: &rng)
            let r = Int.random(in: 1...min(m, 6), using: &rng)
            let n = Int.random(in: 1...150, using: &rng)
            let problem = round.isMultiple(of: 2)
                ? RotationReference.sharedAreas(&rng, mentees: n, mentors: m, rotations: r)
                : RotationProblem(mentees: n, mentors: m, rotations: r, scores: (0..<n).flatMap { i in
                    (0..<m).compactMap { j in Int.random(in: 0..<3, using: &rng) == 0 ? nil : [i, j, Int.random(in: 0...50, using: &rng)] }
                })
            let plan = try TableRotations.solve(problem)
            #expect(TableRotations.violations(of: plan, for: problem) == [], "\(n) × \(m) × \(r)")
            // The bound is computed from duals over every pair, apart from the plan: equality
            // proves the plan optimal.
            #expect(plan.totalInterest == plan.upperBound, "\(n) × \(m) × \(r)")
            #expect(plan.repeatedMenteePairs == RotationReference.repeats(plan.assignment))
            for i in 0..<n { #expect(Set(plan.assignment.map { $0[i] }).count == r) }
            for sizes in tableSizes(plan, mentors: m) { #expect(sizes.max()! - sizes.min()! <= 1) }
        }
    }

    @Test func sameInputSamePlanWhateverTheScoreOrder() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB6)
        var problem = RotationReference.sharedAreas(&rng, mentees: 90, mentors: 12, rotations: 4)
        let first = try TableRotations.solve(problem)
        #expect(try TableRotations.solve(problem) == first)
        for _ in 0..<3 {
            problem.scores.shuffle(using: &rng)
            #expect(try TableRotations.solve(problem) == first)
        }
    }

    @Test func unevenAndSmallShapes() throws {
        // (mentees, mentors, rotations): N not divisible by M, N < M, R = 1, mentors == R.
        for (n, m, r) in [(23, 5, 3), (7, 4, 2), (3, 8, 3), (1, 5, 5), (10, 3, 1), (12, 4, 4), (9, 3, 3), (50, 7, 7)] {
            var rng = SplitMix64(seed: UInt64(n * 10_000 + m * 100 + r))
            let problem = RotationProblem(mentees: n, mentors: m, rotations: r, scores: (0..<n).flatMap { i in
                (0..<m).map { j in [i, j, Int.random(in: 0...20, using: &rng)] }
            })
            let plan = try TableRotations.solve(problem)
            #expect(TableRotations.violations(of: plan, for: problem) == [], "\(n) × \(m) × \(r)")
            #expect(plan.assignment.count == r && plan.assignment.allSatisfy { $0.count == n })
            #expect(plan.totalInterest == plan.upperBound)
            for sizes in tableSizes(plan, mentors: m) {
                #expect(Set(sizes).isSubset(of: [n / m, (n + m - 1) / m]), "\(n) × \(m) × \(r): \(sizes)")
            }
            if m == r {
                // Every mentee meets every mentor.
                for i in 0..<n { #expect(Set(plan.assignment.map { $0[i] }) == Set(0..<m)) }
            }
        }
    }

    @Test func emptyPlans() throws {
        let none = try TableRotations.solve(RotationProblem(mentees: 0, mentors: 3, rotations: 2, scores: []))
        #expect(none == RotationPlan(assignment: [[], []], totalInterest: 0, upperBound: 0, repeatedMenteePairs: 0))
        let nobody = try TableRotations.solve(RotationProblem(mentees: 0, mentors: 0, rotations: 2, scores: []))
        #expect(nobody.assignment == [[], []])
        let noRotations = try TableRotations.solve(RotationProblem(mentees: 4, mentors: 2, rotations: 0, scores: [[0, 1, 5]]))
        #expect(noRotations.assignment.isEmpty && noRotations.totalInterest == 0)
    }

    /// Two mentors, two rotations: the mentees at one table must all move to the other together.
    @Test func forcedRepeatsAreCounted() throws {
        let plan = try TableRotations.solve(RotationProblem(mentees: 4, mentors: 2, rotations: 2, scores: []))
        #expect(plan.repeatedMenteePairs == 2)
        #expect(RotationReference.repeats(plan.assignment) == 2)
    }

    @Test func avoidableRepeatsAreAvoided() throws {
        // 6 mentees, 3 tables of 2, 2 rotations: a plan where nobody meets twice exists.
        let plan = try TableRotations.solve(RotationProblem(mentees: 6, mentors: 3, rotations: 2, scores: []))
        #expect(plan.repeatedMenteePairs == 0)
        #expect(TableRotations.violations(of: plan, for: RotationProblem(mentees: 6, mentors: 3, rotations: 2, scores: [])) == [])
    }

    @Test func interestComesFirst() throws {
        // Mentees 0 and 1 both love mentors 0 and 1; with 2 rotations and tables of 2 they must
        // meet twice to get it, and they do.
        let scores = [[0, 0, 9], [0, 1, 9], [1, 0, 9], [1, 1, 9]]
        let problem = RotationProblem(mentees: 4, mentors: 2, rotations: 2, scores: scores)
        let plan = try TableRotations.solve(problem)
        #expect(plan.totalInterest == 36)
        #expect(plan.repeatedMenteePairs == 2)
    }
}
