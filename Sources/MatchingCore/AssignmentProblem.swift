/// An allowed (mentee, mentor) pair and its score, by index.
public struct AssignmentEdge: Hashable, Sendable {
    public var mentee: Int
    public var mentor: Int
    public var score: Int
    public init(mentee: Int, mentor: Int, score: Int) {
        self.mentee = mentee
        self.mentor = mentor
        self.score = score
    }
}

/// Mentees `0..<menteeCount`, mentors `0..<mentorCapacities.count` with capacities, and the
/// allowed pairs with integer scores. The input of every solver in this module.
///
/// Edges are stored compactly (32-bit). When a pair is listed more than once, the highest
/// score counts. Indices are the tie-breaking order: give them in id order.
public struct AssignmentProblem: Hashable, Sendable {
    /// The largest score accepted (2³¹ − 1).
    public static let maxScore = Int(Int32.max)

    public let menteeCount: Int
    public let mentorCapacities: [Int]
    var edgeMentee: [Int32] = []
    var edgeMentor: [Int32] = []
    var edgeScore: [Int32] = []

    public var mentorCount: Int { mentorCapacities.count }
    public var edgeCount: Int { edgeMentee.count }

    /// A problem without edges; add them with `addEdge`.
    ///
    /// - Complexity: O(m), m the number of mentors.
    public init(menteeCount: Int, mentorCapacities: [Int]) throws(MatchingError) {
        guard menteeCount >= 0 else { throw .negativeCount("mentees") }
        guard menteeCount < Int(Int32.max), mentorCapacities.count < Int(Int32.max) else {
            throw .indexOutOfRange(what: "participant", index: max(menteeCount, mentorCapacities.count), count: Int(Int32.max))
        }
        for (mentor, capacity) in mentorCapacities.enumerated() where capacity < 0 {
            throw .negativeCapacity(mentor: "#\(mentor)", capacity: capacity)
        }
        self.menteeCount = menteeCount
        self.mentorCapacities = mentorCapacities
    }

    /// A problem with the given edges.
    ///
    /// - Complexity: O(m + e).
    public init(menteeCount: Int, mentorCapacities: [Int], edges: [AssignmentEdge]) throws(MatchingError) {
        try self.init(menteeCount: menteeCount, mentorCapacities: mentorCapacities)
        reserveEdges(edges.count)
        for edge in edges { try addEdge(mentee: edge.mentee, mentor: edge.mentor, score: edge.score) }
    }

    /// Allows `mentee` with `mentor` at `score` (0…`maxScore`).
    ///
    /// - Complexity: amortised O(1).
    public mutating func addEdge(mentee: Int, mentor: Int, score: Int) throws(MatchingError) {
        guard (0..<menteeCount).contains(mentee) else {
            throw .indexOutOfRange(what: "mentee", index: mentee, count: menteeCount)
        }
        guard (0..<mentorCount).contains(mentor) else {
            throw .indexOutOfRange(what: "mentor", index: mentor, count: mentorCount)
        }
        guard (0...Self.maxScore).contains(score) else {
            throw .scoreOutOfRange(mentee: "#\(mentee)", mentor: "#\(mentor)", score: score)
        }
        edgeMentee.append(Int32(mentee))
        edgeMentor.append(Int32(mentor))
        edgeScore.append(Int32(score))
    }

    /// Reserves room for `count` more edges.
    ///
    /// - Complexity: O(e).
    public mutating func reserveEdges(_ count: Int) {
        edgeMentee.reserveCapacity(edgeCount + count)
        edgeMentor.reserveCapacity(edgeCount + count)
        edgeScore.reserveCapacity(edgeCount + count)
    }

    /// The edge at `index` (0..<edgeCount), in insertion order.
    public func edge(at index: Int) -> AssignmentEdge {
        AssignmentEdge(mentee: Int(edgeMentee[index]), mentor: Int(edgeMentor[index]), score: Int(edgeScore[index]))
    }

    /// All edges, in insertion order.
    ///
    /// - Complexity: O(e).
    public var edges: [AssignmentEdge] { (0..<edgeCount).map(edge(at:)) }
}

/// One matched pair of an `Assignment`: an edge that was chosen.
public typealias AssignedPair = AssignmentEdge

/// A set of matched pairs, sorted by mentee index, each mentee at most once.
public struct Assignment: Hashable, Sendable {
    public let pairs: [AssignedPair]

    /// Sorts `pairs` by mentee (then mentor).
    ///
    /// - Complexity: O(p log p).
    public init(pairs: [AssignedPair]) {
        self.pairs = pairs.sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
    }

    public var matchedCount: Int { pairs.count }
    public var totalScore: Int { pairs.reduce(0) { $0 + $1.score } }

    /// The mentor of each mentee (nil when unmatched), for `menteeCount` mentees.
    ///
    /// - Complexity: O(n + p).
    public func mentorOfMentee(menteeCount: Int) -> [Int?] {
        var result = [Int?](repeating: nil, count: menteeCount)
        for pair in pairs where (0..<menteeCount).contains(pair.mentee) { result[pair.mentee] = pair.mentor }
        return result
    }
}
