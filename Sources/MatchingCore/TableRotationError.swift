/// Why a `RotationProblem` cannot be planned, beyond the input checks `MatchingError` covers.
///
/// Kept apart from `MatchingError` only because that file is shared; the cases read the same way.
public enum TableRotationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Each mentee meets a different mentor in every rotation, so `rotations` rotations need at
    /// least `rotations` mentors.
    case tooFewMentors(mentors: Int, rotations: Int)
    /// There are mentees but no mentor to seat them with.
    case noMentors(mentees: Int)
    /// A score entry is not `[mentee, mentor, score]`.
    case malformedScore(entry: Int, valueCount: Int)

    public var description: String {
        switch self {
        case let .tooFewMentors(mentors, rotations):
            "\(rotations) rotations need at least \(rotations) mentors (each mentee meets a different one "
                + "every rotation); there \(mentors == 1 ? "is 1" : "are \(mentors)")"
        case let .noMentors(mentees):
            "there are no mentors to seat \(mentees) mentee\(mentees == 1 ? "" : "s") with"
        case let .malformedScore(entry, valueCount):
            "score entry \(entry) has \(valueCount) value\(valueCount == 1 ? "" : "s"); expected [mentee, mentor, score]"
        }
    }
}
