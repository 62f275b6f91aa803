/// A participant id in a scores file: a string, or an integer read as its decimal string.
public struct ParticipantKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral
{
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public init(integerLiteral value: Int) { rawValue = String(value) }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            rawValue = String(number)
        } else {
            rawValue = try container.decode(String.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Tie-breaking order: decimal integers by value, before other strings by UTF-8 bytes.
    public static func < (a: Self, b: Self) -> Bool {
        switch (a.integerDigits, b.integerDigits) {
        case let (x?, y?):
            if x.negative != y.negative { return x.negative }
            let less = x.digits.count != y.digits.count
                ? x.digits.count < y.digits.count
                : x.digits.lexicographicallyPrecedes(y.digits)
            return x.negative ? (x.digits != y.digits && !less) : less
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a.rawValue.utf8.lexicographicallyPrecedes(b.rawValue.utf8)
        }
    }

    /// Sign and digits without leading zeros, when the key is a decimal integer.
    private var integerDigits: (negative: Bool, digits: [UInt8])? {
        var bytes = Array(rawValue.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        let digits = Array(bytes.drop { $0 == UInt8(ascii: "0") })
        return (negative && !digits.isEmpty, digits)
    }
}

/// Input of `mentormail match --scores FILE.json`:
/// `{"mentors":[{"id","capacity"}],"mentees":[{"id"}],"scores":[{"mentee","mentor","score"}]}`.
public struct ScoresInput: Hashable, Sendable, Codable {
    public struct Mentor: Hashable, Sendable, Codable {
        public var id: ParticipantKey
        public var capacity: Int
        public init(id: ParticipantKey, capacity: Int) { self.id = id; self.capacity = capacity }
    }
    public struct Mentee: Hashable, Sendable, Codable {
        public var id: ParticipantKey
        public init(id: ParticipantKey) { self.id = id }
    }
    public struct Score: Hashable, Sendable, Codable {
        public var mentee: ParticipantKey
        public var mentor: ParticipantKey
        public var score: Int
        public init(mentee: ParticipantKey, mentor: ParticipantKey, score: Int) {
            self.mentee = mentee; self.mentor = mentor; self.score = score
        }
    }
    public var mentors: [Mentor]
    public var mentees: [Mentee]
    public var scores: [Score]
    public init(mentors: [Mentor], mentees: [Mentee], scores: [Score]) {
        self.mentors = mentors; self.mentees = mentees; self.scores = scores
    }
}

/// Output: `{"pairs":[{"mentee","mentor","score"}],"unmatched":[ids],"total":int,"solveSeconds":float}`.
public struct ScoresOutput: Hashable, Sendable, Codable {
    public struct Pair: Hashable, Sendable, Codable {
        public var mentee: String
        public var mentor: String
        public var score: Int
        public init(mentee: String, mentor: String, score: Int) {
            self.mentee = mentee; self.mentor = mentor; self.score = score
        }
    }
    /// Pairs in mentee id order.
    public var pairs: [Pair]
    /// Unmatched mentee ids in id order.
    public var unmatched: [String]
    public var total: Int
    /// Set by the caller, who owns the clock; `solveScores` leaves it 0.
    public var solveSeconds: Double

    public init(pairs: [Pair], unmatched: [String], total: Int, solveSeconds: Double) {
        self.pairs = pairs; self.unmatched = unmatched; self.total = total; self.solveSeconds = solveSeconds
    }
}

/// Solves a scores file: ids are ordered by `ParticipantKey` order and become indices, so ties go
/// to lower ids and the input's order does not matter.
///
/// - Complexity: O((n + m) log(n + m) + e) plus the solver's.
/// - Throws: `MatchingError` for a duplicate id, an unknown id, a pair scored twice, a negative
///   capacity or a score outside 0…`AssignmentProblem.maxScore`.
public func solveScores(_ input: ScoresInput, method: MatchMethod = .optimal) throws(MatchingError) -> ScoresOutput {
    let menteeKeys = input.mentees.map(\.id).sorted()
    let mentors = input.mentors.sorted { $0.id < $1.id }
    var menteeIndex = KeyIndex(capacity: menteeKeys.count)
    for (i, key) in menteeKeys.enumerated() {
        guard menteeIndex.insert(key, i) else { throw .duplicateID(key.rawValue) }
    }
    var mentorIndex = KeyIndex(capacity: mentors.count)
    for (j, mentor) in mentors.enumerated() {
        guard mentorIndex.insert(mentor.id, j) else { throw .duplicateID(mentor.id.rawValue) }
        guard mentor.capacity >= 0 else { throw .negativeCapacity(mentor: mentor.id.rawValue, capacity: mentor.capacity) }
    }
    var problem = try AssignmentProblem(menteeCount: menteeKeys.count, mentorCapacities: mentors.map(\.capacity))
    problem.reserveEdges(input.scores.count)
    var seen = PairsSeen(menteeCount: menteeKeys.count, mentorCount: mentors.count)
    var last: (key: ParticipantKey, index: Int)?
    for entry in input.scores {
        // Files usually list a mentee's scores together: look its id up once.
        let i: Int
        if let last, last.key == entry.mentee { i = last.index } else {
            guard let found = menteeIndex[entry.mentee] else { throw .unknownID(entry.mentee.rawValue) }
            i = found
            last = (entry.mentee, i)
        }
        guard let j = mentorIndex[entry.mentor] else { throw .unknownID(entry.mentor.rawValue) }
        guard seen.insert(i, j) else {
            throw .duplicateScore(mentee: entry.mentee.rawValue, mentor: entry.mentor.rawValue)
        }
        guard (0...AssignmentProblem.maxScore).contains(entry.score) else {
            throw .scoreOutOfRange(mentee: entry.mentee.rawValue, mentor: entry.mentor.rawValue, score: entry.score)
        }
        try problem.addEdge(mentee: i, mentor: j, score: entry.score)
    }
    let assignment = switch method {
    case .optimal: try problem.optimalAssignment().assignment
    case .stable: problem.stableMatching()
    }
    var matched = [Bool](repeating: false, count: menteeKeys.count)
    let pairs = assignment.pairs.map { pair in
        matched[pair.mentee] = true
        return ScoresOutput.Pair(mentee: menteeKeys[pair.mentee].rawValue, mentor: mentors[pair.mentor].id.rawValue, score: pair.score)
    }
    let unmatched = menteeKeys.indices.filter { !matched[$0] }.map { menteeKeys[$0].rawValue }
    return ScoresOutput(pairs: pairs, unmatched: unmatched, total: assignment.totalScore, solveSeconds: 0)
}
