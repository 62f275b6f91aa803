@testable import MatchingCore
import Testing

struct StableMatchingTests {
    @Test func isStableAndMenteeOptimalAgainstBruteForce() throws {
        var rng = SplitMix64(seed: 0x57AB_0001)
        for round in 0..<300 {
            var tiny = TinyProblem.random(&rng, maxScore: round.isMultiple(of: 3) ? 1 : 9)
            // A pair listed twice counts at its best score.
            if round.isMultiple(of: 4), let copy = tiny.edges.randomElement(using: &rng) {
                tiny.edges.append(AssignmentEdge(mentee: copy.mentee, mentor: copy.mentor, score: Int.random(in: 0...9, using: &rng)))
            }
            let problem = try tiny.problem
            let result = problem.stableMatching()
            let mentorOf = result.mentorOf(tiny.menteeCount)
            #expect(tiny.isStable(mentorOf), "\(tiny)")
            #expect(problem.blockingPairs(in: result).isEmpty, "\(tiny)")
            for j in tiny.capacities.indices {
                #expect(mentorOf.filter { $0 == j }.count <= tiny.capacities[j])
            }
            // Every mentee does at least as well as in any other stable assignment.
            for other in tiny.allAssignments() {
                let otherMentorOf = other.map { $0?.mentor }
                guard tiny.isStable(otherMentorOf) else { continue }
                for i in 0..<tiny.menteeCount {
                    if let better = otherMentorOf[i] {
                        #expect(!tiny.menteePrefers(i, better, over: mentorOf[i]), "\(tiny)")
                    }
                }
            }
        }
    }

    @Test(arguments: [0, 1])
    func heapProposalsGiveTheSameMatching(scans: Int) throws {
        var rng = SplitMix64(seed: 0x57AB_0004)
        for _ in 0..<200 {
            var tiny = TinyProblem.random(&rng, maxMentees: 12, maxMentors: 5, maxScore: 3)
            if let copy = tiny.edges.randomElement(using: &rng) {
                tiny.edges.append(AssignmentEdge(mentee: copy.mentee, mentor: copy.mentor, score: Int.random(in: 0...3, using: &rng)))
            }
            let problem = try tiny.problem
            let result = problem.stableMatching(scansBeforeHeap: scans)
            #expect(result == problem.stableMatching(), "\(tiny)")
            #expect(problem.blockingPairs(in: result).isEmpty, "\(tiny)")
        }
    }

    @Test func blockingPairsAgreesWithTheNaiveDefinition() throws {
        var rng = SplitMix64(seed: 0x57AB_0002)
        for _ in 0..<150 {
            let tiny = TinyProblem.random(&rng, maxMentees: 5, maxScore: 3)
            let problem = try tiny.problem
            for other in tiny.allAssignments() {
                let pairs = other.compactMap { $0 }.map { AssignedPair(mentee: $0.mentee, mentor: $0.mentor, score: $0.score) }
                let stable = tiny.isStable(other.map { $0?.mentor })
                #expect(problem.blockingPairs(in: Assignment(pairs: pairs)).isEmpty == stable, "\(tiny) \(pairs)")
            }
        }
    }

    @Test func findsTheBlockingPair() throws {
        // Mentor 0 (capacity 1) likes mentee 1 best, and mentee 1 likes mentor 0 best.
        let problem = try AssignmentProblem(menteeCount: 2, mentorCapacities: [1, 1], edges: [
            AssignmentEdge(mentee: 0, mentor: 0, score: 2), AssignmentEdge(mentee: 1, mentor: 0, score: 9),
            AssignmentEdge(mentee: 1, mentor: 1, score: 1),
        ])
        let unstable = Assignment(pairs: [AssignedPair(mentee: 0, mentor: 0, score: 2), AssignedPair(mentee: 1, mentor: 1, score: 1)])
        #expect(problem.blockingPairs(in: unstable) == [BlockingPair(mentee: 1, mentor: 0)])
        #expect(problem.stableMatching().pairs == [AssignedPair(mentee: 1, mentor: 0, score: 9)])
    }

    @Test func largerRandomInstancesHaveNoBlockingPair() throws {
        var rng = SplitMix64(seed: 0x57AB_0003)
        for _ in 0..<5 {
            let tiny = TinyProblem.random(&rng, maxMentees: 300, maxMentors: 80, maxScore: 20)
            let problem = try tiny.problem
            let result = problem.stableMatching()
            #expect(problem.blockingPairs(in: result).isEmpty)
            var load = [Int](repeating: 0, count: tiny.capacities.count)
            for pair in result.pairs { load[pair.mentor] += 1 }
            #expect(zip(load, tiny.capacities).allSatisfy { $0 <= $1 })
            #expect(Set(result.pairs.map(\.mentee)).count == result.pairs.count)
        }
    }
}
