/// A Speed Mentoring event: `mentees` newcomers visit `mentors` tables over `rotations` rounds.
public struct RotationProblem: Sendable, Hashable, Codable {
    public var mentees: Int
    public var mentors: Int
    public var rotations: Int
    /// [mentee, mentor, score], 0-based; pairs not listed score 0. Scores are 0…2³¹ − 1 and a
    /// pair may be listed once (a second entry is rejected, not merged).
    public var scores: [[Int]]

    public init(mentees: Int, mentors: Int, rotations: Int, scores: [[Int]]) {
        self.mentees = mentees
        self.mentors = mentors
        self.rotations = rotations
        self.scores = scores
    }
}

/// Who sits at which table in each rotation, with its interest and how good that is.
public struct RotationPlan: Sendable, Hashable, Codable {
    /// For each rotation, the mentor index of each mentee.
    public var assignment: [[Int]]
    public var totalInterest: Int
    /// No plan obeying the hard rules can have more interest than this: the value of a dual
    /// solution of the linear relaxation in which each mentor holds between r·⌊n/m⌋ and r·⌈n/m⌉
    /// mentee-slots in total (see `RotationBound`). `solve` always reaches it.
    public var upperBound: Int
    /// Pairs of mentees who share a table in more than one rotation (counted once per extra meeting).
    public var repeatedMenteePairs: Int

    public init(assignment: [[Int]], totalInterest: Int, upperBound: Int, repeatedMenteePairs: Int) {
        self.assignment = assignment
        self.totalInterest = totalInterest
        self.upperBound = upperBound
        self.repeatedMenteePairs = repeatedMenteePairs
    }

    /// `totalInterest / upperBound`, 1 when the bound is 0.
    public var ratioToBound: Double { upperBound == 0 ? 1 : Double(totalInterest) / Double(upperBound) }
}

/// Plans Speed Mentoring rotations: every mentee at one table per rotation, never the same mentor
/// twice, table sizes within one of each other in every rotation; the greatest total interest,
/// then as few repeated fellow-mentee pairs as a bounded local search finds at that interest.
public enum TableRotations {
    /// The plan of greatest total interest (exact), then few repeated mentee pairs.
    ///
    /// Every plan gives each mentor between r·⌊n/m⌋ and r·⌈n/m⌉ mentee-slots in total, and any
    /// choice of r distinct mentors per mentee with such totals can be split into balanced
    /// rotations (an equitable edge colouring, `rotationColouring`). So the plan is found in steps:
    /// 1. a min-cost flow chooses each mentee's r mentors under those totals, on candidate pairs
    ///    picked at rough prices (`rotationPrices`, `RotationCandidates`, `RotationFlow`);
    /// 2. its potentials give an upper bound over all pairs (`RotationBound`); pairs they
    ///    underprice are added and the flow repaired until none is, so the flow is optimal;
    /// 3. the colouring seats it rotation by rotation, losing nothing: `totalInterest ==
    ///    upperBound` for every valid input;
    /// 4. simulated annealing, then greedy descent, lower the repeated mentee pairs by moves that
    ///    keep the interest and every hard rule (`anneal`, `reduceRepeats`), within a fixed budget.
    /// The same problem always gives the same plan, whatever the order of `scores`.
    ///
    /// - Complexity: O(n · m) memory, and O(n · m) time for the dense scores, the prices, the
    ///   candidates and the bound; O(n · r · (e + n + m) · log(n + m)) worst case for the flow on
    ///   e candidate pairs (a search usually stops after a few steps); O(n · r · (n + m)) worst case
    ///   for the colouring; and at most about 1.1 · 10⁸ seat comparisons for the local search.
    /// - Throws: `MatchingError` for negative counts, indices out of range, scores outside
    ///   0…2³¹ − 1, a pair listed twice, or scores too large for exact arithmetic;
    ///   `TableRotationError` when there are fewer mentors than rotations (or none for mentees),
    ///   or a score entry is not three numbers.
    public static func solve(_ problem: RotationProblem) throws -> RotationPlan {
        try solve(problem, perMentee: nil, perMentor: nil)
    }

    /// `solve` with the first candidate lists' lengths chosen (see `RotationCandidates`): tests
    /// make them short so that the bound has pairs to add and the flow repairs to make.
    static func solve(_ problem: RotationProblem, perMentee: Int?, perMentor: Int?) throws -> RotationPlan {
        let input = try RotationInput(problem)
        let n = input.mentees, r = input.rotations
        guard n > 0, r > 0 else {
            return RotationPlan(assignment: [[Int]](repeating: [], count: n == 0 ? r : 0),
                                totalInterest: 0, upperBound: 0, repeatedMenteePairs: 0)
        }
        let prices = rotationPrices(input)
        let candidates = RotationCandidates(input, prices: prices, perMentee: perMentee, perMentor: perMentor)
        var flow = RotationFlow(input, candidates: candidates, prices: prices)
        flow.solve()
        var bound = RotationBound(flow)
        while !bound.underpriced.isEmpty {
            // Candidates are priced right by the flow, so every underpriced pair is new: the
            // candidates grow each round, and the loop ends.
            precondition(flow.admit(bound.underpriced) > 0, "rotation bound: an underpriced pair was a candidate")
            bound = RotationBound(flow)
        }

        var seating = RotationSeating(input, mentor: rotationColouring(flow))
        // Budgets (about 0.1 s each on the benchmark machine) that the benchmark instances mostly
        // do not reach; they keep very large tables from making the search slow.
        seating.anneal(steps: 20 * n * r, seed: 0x5EA7_1A6, workLimit: 64_000_000)
        seating.reduceRepeats(passes: 20, workLimit: 112_000_000)
        let assignment = seating.assignment
        return RotationPlan(
            assignment: assignment,
            totalInterest: interest(of: assignment, input),
            upperBound: bound.value,
            repeatedMenteePairs: repeatedPairs(in: assignment, mentors: input.mentors))
    }

    static func interest(of assignment: [[Int]], _ input: RotationInput) -> Int {
        var total = 0
        for row in assignment {
            for (i, j) in row.enumerated() where (0..<input.mentors).contains(j) { total += input.score(i, j) }
        }
        return total
    }

    /// Pairs sharing a table in more than one rotation, once per extra meeting: each meeting of a
    /// pair that already met in an earlier rotation counts one. Mentor indices out of range are
    /// skipped; rows may have any length.
    ///
    /// - Complexity: O(r² · Σ table size²).
    static func repeatedPairs(in assignment: [[Int]], mentors: Int) -> Int {
        var count = 0
        for (rotation, row) in assignment.enumerated() {
            var tables = [[Int]](repeating: [], count: mentors)
            for (i, j) in row.enumerated() where (0..<mentors).contains(j) { tables[j].append(i) }
            for members in tables {
                for (x, i) in members.enumerated() {
                    for k in members.dropFirst(x + 1) {
                        for earlier in assignment[..<rotation] where i < earlier.count && k < earlier.count
                            && earlier[i] == earlier[k] && (0..<mentors).contains(earlier[i]) {
                            count += 1
                            break
                        }
                    }
                }
            }
        }
        return count
    }
}
