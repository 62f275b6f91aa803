// Interim rotations (round-robin, ignores scores) until the optimising solver lands.
public struct RotationProblem: Sendable, Hashable, Codable {
    public var mentees: Int
    public var mentors: Int
    public var rotations: Int
    public var scores: [[Int]]
    public init(mentees: Int, mentors: Int, rotations: Int, scores: [[Int]]) {
        self.mentees = mentees
        self.mentors = mentors
        self.rotations = rotations
        self.scores = scores
    }
}

public struct RotationPlan: Sendable, Hashable, Codable {
    public var assignment: [[Int]]
    public var totalInterest: Int
    public var upperBound: Int
    public var repeatedMenteePairs: Int
}

public enum TableRotations {
    public static func solve(_ problem: RotationProblem) throws -> RotationPlan {
        guard problem.mentees == 0 || problem.mentors >= problem.rotations else {
            throw MatchingError.negativeCount("mentors short of the rotations")
        }
        let assignment = (0..<problem.rotations).map { r in (0..<problem.mentees).map { ($0 + r) % max(problem.mentors, 1) } }
        return RotationPlan(assignment: assignment, totalInterest: 0, upperBound: 0, repeatedMenteePairs: 0)
    }
}
