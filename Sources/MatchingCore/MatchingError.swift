/// Why a matching input was refused; `description` says what to fix.
public enum MatchingError: Error, Hashable, Sendable, CustomStringConvertible {
    case negativeCount(String)
    case negativeCapacity(mentor: String, capacity: Int)
    case indexOutOfRange(what: String, index: Int, count: Int)
    case scoreOutOfRange(mentee: String, mentor: String, score: Int)
    case duplicateID(String)
    case unknownID(String)
    case duplicateScore(mentee: String, mentor: String)
    /// Scores so large that the exact solver's lexicographic weights would overflow `Int`.
    case scoresTooLarge(maxScore: Int)

    public var description: String {
        switch self {
        case let .negativeCount(what): "the number of \(what) is negative"
        case let .negativeCapacity(mentor, capacity): "mentor \(mentor) has a negative capacity (\(capacity))"
        case let .indexOutOfRange(what, index, count): "\(what) index \(index) is outside 0..<\(count)"
        case let .scoreOutOfRange(mentee, mentor, score):
            "score \(score) for mentee \(mentee) and mentor \(mentor) is outside 0…\(AssignmentProblem.maxScore)"
        case let .duplicateID(id): "id \(id) is listed twice"
        case let .unknownID(id): "a score names id \(id), which is not among the mentors or mentees"
        case let .duplicateScore(mentee, mentor): "mentee \(mentee) and mentor \(mentor) have two scores"
        case let .scoresTooLarge(maxScore): "scores up to \(maxScore) are too large to solve exactly; scale them down"
        }
    }
}
