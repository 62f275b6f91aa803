/// A checked `RotationProblem`: counts, the balanced table sizes, and every score in a dense
/// mentee × mentor table (unlisted pairs 0), which the solver reads in its inner loops.
struct RotationInput {
    let mentees: Int
    let mentors: Int
    let rotations: Int
    /// `score[i * mentors + j]`.
    let score: [Int32]
    let maxScore: Int

    /// Tables in one rotation seat `smallTable` or `smallTable + 1` mentees.
    var smallTable: Int { mentors == 0 ? 0 : mentees / mentors }
    /// Fewest mentee-slots a mentor can hold over all rotations: `rotations` small tables.
    var lowerLoad: Int { rotations * smallTable }
    /// Most mentee-slots a mentor can hold over all rotations: `rotations` large tables.
    var upperLoad: Int { rotations * (smallTable + 1) }

    /// Checks `problem` in a fixed order, so the same input always gives the same error.
    ///
    /// Duplicate (mentee, mentor) pairs are rejected rather than merged: a second score for the
    /// same pair is more likely a mistake than a wish for the larger one.
    ///
    /// - Complexity: O(n · m + s) time and O(n · m) memory for s score entries.
    init(_ problem: RotationProblem) throws {
        let n = problem.mentees, m = problem.mentors, r = problem.rotations
        if n < 0 { throw MatchingError.negativeCount("mentees") }
        if m < 0 { throw MatchingError.negativeCount("mentors") }
        if r < 0 { throw MatchingError.negativeCount("rotations") }
        if n > 0, m == 0 { throw TableRotationError.noMentors(mentees: n) }
        if n > 0, m < r { throw TableRotationError.tooFewMentors(mentors: m, rotations: r) }
        let limit = Int(Int32.max)
        guard n < limit else { throw MatchingError.indexOutOfRange(what: "mentee", index: n, count: limit) }
        guard m < limit else { throw MatchingError.indexOutOfRange(what: "mentor", index: m, count: limit) }
        let (cells, overflow) = n.multipliedReportingOverflow(by: m)
        guard !overflow, cells < Int.max / 8 else { throw MatchingError.indexOutOfRange(what: "mentee", index: n, count: Int.max / 8 / max(m, 1)) }

        var score = [Int32](repeating: -1, count: cells)
        var top = 0
        for (entry, values) in problem.scores.enumerated() {
            guard values.count == 3 else { throw TableRotationError.malformedScore(entry: entry, valueCount: values.count) }
            let (i, j, s) = (values[0], values[1], values[2])
            guard (0..<n).contains(i) else { throw MatchingError.indexOutOfRange(what: "mentee", index: i, count: n) }
            guard (0..<m).contains(j) else { throw MatchingError.indexOutOfRange(what: "mentor", index: j, count: m) }
            guard (0...AssignmentProblem.maxScore).contains(s) else {
                throw MatchingError.scoreOutOfRange(mentee: "#\(i)", mentor: "#\(j)", score: s)
            }
            guard score[i * m + j] < 0 else { throw MatchingError.duplicateScore(mentee: "#\(i)", mentor: "#\(j)") }
            score[i * m + j] = Int32(s)
            top = max(top, s)
        }
        for k in score.indices where score[k] < 0 { score[k] = 0 }
        // Potentials stay within about (n + m) · maxScore of each other, and the bound sums n · r
        // of them: keep that product well inside Int.
        // (r ≤ m < 2³¹ here unless n = 0, so n · r and m · r fit.)
        if n > 0 {
            let (a, o1) = (top + 1).multipliedReportingOverflow(by: 2 * (n + m + 2))
            let (b, o2) = a.multipliedReportingOverflow(by: (n + m) * (r + 1) + 2)
            guard !o1, !o2, b < Int.max / 8 else { throw MatchingError.scoresTooLarge(maxScore: top) }
        }

        mentees = n
        mentors = m
        rotations = r
        self.score = score
        maxScore = top
    }

    @inline(__always)
    func score(_ mentee: Int, _ mentor: Int) -> Int { Int(score[mentee * mentors + mentor]) }
}
