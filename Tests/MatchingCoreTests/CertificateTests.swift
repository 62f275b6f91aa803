import MatchingCore
import Testing

struct CertificateTests {
    @Test func rejectsStrictlyWorseAssignments() throws {
        var rng = SplitMix64(seed: 0xCE27_0001)
        var checked = 0
        for _ in 0..<200 {
            let tiny = TinyProblem.random(&rng, maxMentees: 5)
            let problem = try tiny.problem
            let solution = try problem.optimalAssignment(pruning: .off)
            let best = tiny.bruteForceOptimum()
            for other in tiny.allAssignments() {
                let pairs = other.compactMap { $0 }.map { AssignedPair(mentee: $0.mentee, mentor: $0.mentor, score: $0.score) }
                let worse = pairs.count < best.count || pairs.reduce(0) { $0 + $1.score } < best.total
                let violations = problem.optimalityViolations(of: Assignment(pairs: pairs), certificate: solution.certificate)
                #expect(violations.isEmpty == !worse, "\(tiny) \(pairs)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func rejectsATamperedCertificate() throws {
        let problem = try AssignmentProblem(menteeCount: 2, mentorCapacities: [1], edges: [
            AssignmentEdge(mentee: 0, mentor: 0, score: 3), AssignmentEdge(mentee: 1, mentor: 0, score: 5),
        ])
        let solution = try problem.optimalAssignment()
        #expect(solution.assignment.pairs == [AssignedPair(mentee: 1, mentor: 0, score: 5)])
        let c = solution.certificate
        let lowered = OptimalityCertificate(bigM: c.bigM, menteeDuals: c.menteeDuals, mentorDuals: c.mentorDuals.map { $0 - 1 })
        #expect(!problem.optimalityViolations(of: solution.assignment, certificate: lowered).isEmpty)
        let smallM = OptimalityCertificate(bigM: 1, menteeDuals: c.menteeDuals, mentorDuals: c.mentorDuals)
        #expect(problem.optimalityViolations(of: solution.assignment, certificate: smallM).contains(.bigMTooSmall(required: 6)))
        let short = OptimalityCertificate(bigM: c.bigM, menteeDuals: [], mentorDuals: c.mentorDuals)
        #expect(problem.optimalityViolations(of: solution.assignment, certificate: short) == [.wrongDualCount])
    }

    @Test func rejectsInfeasibleAssignments() throws {
        let problem = try AssignmentProblem(menteeCount: 2, mentorCapacities: [1], edges: [
            AssignmentEdge(mentee: 0, mentor: 0, score: 3), AssignmentEdge(mentee: 1, mentor: 0, score: 5),
        ])
        let certificate = try problem.optimalAssignment().certificate
        let both = Assignment(pairs: [AssignedPair(mentee: 0, mentor: 0, score: 3), AssignedPair(mentee: 1, mentor: 0, score: 5)])
        #expect(problem.optimalityViolations(of: both, certificate: certificate).contains(.mentorOverCapacity(mentor: 0)))
        let inflated = Assignment(pairs: [AssignedPair(mentee: 1, mentor: 0, score: 9)])
        #expect(problem.optimalityViolations(of: inflated, certificate: certificate).contains(.notAnEdge(inflated.pairs[0])))
        let stranger = Assignment(pairs: [AssignedPair(mentee: 5, mentor: 0, score: 5)])
        #expect(problem.optimalityViolations(of: stranger, certificate: certificate).contains(.menteeOutOfRange(5)))
    }
}
