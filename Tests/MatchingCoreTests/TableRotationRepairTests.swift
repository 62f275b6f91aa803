@testable import MatchingCore
import Testing

/// The solver starts from a few candidate pairs per mentee and mentor; when the bound finds a
/// better pair outside them, the flow takes it in and repairs itself. These tests start from the
/// fewest candidates, so that path does the work, and expect the same optimum.
struct TableRotationRepairTests {
    @Test func fewestCandidatesStillReachTheBruteForceOptimum() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB7)
        for _ in 0..<150 {
            let problem = RotationReference.randomProblem(&rng, maxMentees: 5, maxMentors: 4, maxRotations: 2)
            let plan = try TableRotations.solve(problem, perMentee: 0, perMentor: 0)
            let best = try #require(RotationReference.best(problem), "\(problem)")
            #expect(plan.totalInterest == best.interest, "\(problem)")
            #expect(plan.upperBound == best.interest, "\(problem)")
            #expect(TableRotations.violations(of: plan, for: problem) == [], "\(problem)")
        }
    }

    @Test func fewestCandidatesMatchAllCandidatesOnLargerProblems() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB8)
        for round in 0..<10 {
            let m = Int.random(in: 4...25, using: &rng)
            let r = Int.random(in: 1...min(m, 5), using: &rng)
            let n = Int.random(in: 10...120, using: &rng)
            let problem = round.isMultiple(of: 2)
                ? RotationReference.sharedAreas(&rng, mentees: n, mentors: m, rotations: r)
                : RotationProblem(mentees: n, mentors: m, rotations: r, scores: (0..<n).flatMap { i in
                    (0..<m).map { j in [i, j, Int.random(in: 0...1_000, using: &rng)] }
                })
            let all = try TableRotations.solve(problem, perMentee: m, perMentor: n)
            let few = try TableRotations.solve(problem, perMentee: 0, perMentor: 0)
            #expect(few.totalInterest == all.totalInterest, "\(n) × \(m) × \(r)")
            #expect(few.upperBound == few.totalInterest, "\(n) × \(m) × \(r)")
            #expect(TableRotations.violations(of: few, for: problem) == [], "\(n) × \(m) × \(r)")
        }
    }

    /// Any prices give valid starting potentials: with none at all the flow finds the same optimum.
    @Test func pricesOnlyChangeTheSpeed() throws {
        var rng = SplitMix64(seed: 0x5EED_7AB9)
        for _ in 0..<10 {
            let problem = RotationReference.sharedAreas(&rng, mentees: 80, mentors: 9, rotations: 3)
            let input = try RotationInput(problem)
            let noPrices = [Int](repeating: 0, count: input.mentors)
            var plain = RotationFlow(input, candidates: RotationCandidates(input, prices: noPrices, perMentee: 9, perMentor: 80))
            plain.solve()
            let prices = rotationPrices(input)
            var priced = RotationFlow(input, candidates: RotationCandidates(input, prices: prices, perMentee: 9, perMentor: 80), prices: prices)
            priced.solve()
            let (a, b) = (RotationBound(plain), RotationBound(priced))
            #expect(a.underpriced.isEmpty && b.underpriced.isEmpty)
            #expect(a.value == b.value)
        }
    }
}
