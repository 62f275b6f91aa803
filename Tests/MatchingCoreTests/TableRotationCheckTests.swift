import MatchingCore
import Testing

/// Input errors, and `TableRotations.violations` on plans broken on purpose.
struct TableRotationCheckTests {
    func error(_ problem: RotationProblem) -> String? {
        do {
            _ = try TableRotations.solve(problem)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func refusesBadInput() {
        let ok = RotationProblem(mentees: 3, mentors: 3, rotations: 2, scores: [[0, 1, 4]])
        #expect(error(ok) == nil)
        func with(_ change: (inout RotationProblem) -> Void) -> RotationProblem {
            var problem = ok
            change(&problem)
            return problem
        }
        #expect(error(with { $0.mentees = -1 }) == "the number of mentees is negative")
        #expect(error(with { $0.mentors = -2 }) == "the number of mentors is negative")
        #expect(error(with { $0.rotations = -1 }) == "the number of rotations is negative")
        #expect(error(with { $0.mentors = 1 })
            == "2 rotations need at least 2 mentors (each mentee meets a different one every rotation); there is 1")
        #expect(error(with { $0.mentors = 0; $0.scores = [] }) == "there are no mentors to seat 3 mentees with")
        #expect(error(with { $0.scores = [[3, 0, 1]] }) == "mentee index 3 is outside 0..<3")
        #expect(error(with { $0.scores = [[0, -1, 1]] }) == "mentor index -1 is outside 0..<3")
        #expect(error(with { $0.scores = [[0, 0, -5]] })
            == "score -5 for mentee #0 and mentor #0 is outside 0…\(AssignmentProblem.maxScore)")
        #expect(error(with { $0.scores = [[0, 0, AssignmentProblem.maxScore + 1]] }) != nil)
        #expect(error(with { $0.scores = [[0, 1, 4], [2, 2, 1], [0, 1, 4]] }) == "mentee #0 and mentor #1 have two scores")
        #expect(error(with { $0.scores = [[0, 1]] }) == "score entry 0 has 2 values; expected [mentee, mentor, score]")
        #expect(throws: TableRotationError.tooFewMentors(mentors: 2, rotations: 3)) {
            try TableRotations.solve(RotationProblem(mentees: 5, mentors: 2, rotations: 3, scores: []))
        }
        #expect(throws: MatchingError.duplicateScore(mentee: "#1", mentor: "#0")) {
            try TableRotations.solve(RotationProblem(mentees: 2, mentors: 2, rotations: 1, scores: [[1, 0, 1], [1, 0, 2]]))
        }
    }

    @Test func acceptsTheSolversPlans() throws {
        let problem = RotationProblem(mentees: 7, mentors: 3, rotations: 2, scores: [[0, 0, 3], [4, 2, 8]])
        let plan = try TableRotations.solve(problem)
        #expect(TableRotations.violations(of: plan, for: problem) == [])
    }

    @Test func findsEachBrokenRule() throws {
        let problem = RotationProblem(mentees: 4, mentors: 3, rotations: 2, scores: [[0, 0, 5], [1, 2, 3]])
        // Mentee 0 meets mentor 0 (5), mentee 1 mentor 2 (3).
        let good = RotationPlan(assignment: [[0, 1, 2, 0], [1, 2, 0, 2]], totalInterest: 8, upperBound: 8, repeatedMenteePairs: 0)
        #expect(TableRotations.violations(of: good, for: problem) == [])

        var plan = good
        plan.assignment[1][0] = 0
        plan.assignment[1][1] = 1
        plan.totalInterest = 10
        plan.upperBound = 10
        #expect(TableRotations.violations(of: plan, for: problem) == [
            "mentee 0 meets mentor 0 in rotations 0 and 1", "mentee 1 meets mentor 1 in rotations 0 and 1",
        ])

        plan = good
        plan.assignment[0] = [0, 0, 0, 1]
        #expect(TableRotations.violations(of: plan, for: problem).contains(
            "rotation 0: mentor 0's table seats 3 but mentor 2's seats 0"))

        plan = good
        plan.assignment.append([2, 0, 1, 1])
        #expect(TableRotations.violations(of: plan, for: problem).first == "the plan has 3 rotations; the problem has 2")

        plan = good
        plan.assignment[0].removeLast()
        #expect(TableRotations.violations(of: plan, for: problem).contains("rotation 0 seats 3 mentees; there are 4"))

        plan = good
        plan.assignment[1][3] = 3
        #expect(TableRotations.violations(of: plan, for: problem).contains("rotation 1: mentee 3 sits at mentor 3, outside 0..<3"))

        plan = good
        plan.totalInterest = 6
        plan.upperBound = 5
        #expect(TableRotations.violations(of: plan, for: problem) == [
            "totalInterest says 6; the seats add up to 8", "upperBound 5 is below totalInterest 6",
        ])

        plan = good
        plan.repeatedMenteePairs = 1
        #expect(TableRotations.violations(of: plan, for: problem) == ["repeatedMenteePairs says 1; the seats give 0"])

        #expect(TableRotations.violations(of: good, for: RotationProblem(mentees: 4, mentors: 1, rotations: 2, scores: []))
            .first?.hasPrefix("the problem is invalid") == true)
    }

    @Test func capsRepeatedMessages() {
        let problem = RotationProblem(mentees: 30, mentors: 3, rotations: 2, scores: [])
        let plan = RotationPlan(assignment: [[Int]](repeating: (0..<30).map { $0 % 3 }, count: 2),
                                totalInterest: 0, upperBound: 0, repeatedMenteePairs: 135)
        let found = TableRotations.violations(of: plan, for: problem)
        #expect(found.count == 11)
        #expect(found.last == "… and 20 more like the last")
    }
}
