/// How `optimalAssignment` narrows a large problem before solving it exactly.
///
/// When the problem has more than `minimumEdges` edges, the first round solves only each mentee's
/// `perMentee` best edges and each mentor's `perMentorSlot × capacity + perMentor` best edges.
/// The duals of that round are then checked on every edge; the edges that break them are added and
/// the round repeats, so the answer is exact whatever these numbers are.
public struct CandidatePruning: Hashable, Sendable {
    public var perMentee: Int
    public var perMentorSlot: Int
    public var perMentor: Int
    public var minimumEdges: Int

    public init(perMentee: Int, perMentorSlot: Int, perMentor: Int, minimumEdges: Int) {
        self.perMentee = perMentee
        self.perMentorSlot = perMentorSlot
        self.perMentor = perMentor
        self.minimumEdges = minimumEdges
    }

    /// Prunes problems of more than 100 000 edges.
    public static let automatic = CandidatePruning(perMentee: 6, perMentorSlot: 3, perMentor: 4, minimumEdges: 100_000)
    /// Solves on all edges at once.
    public static let off = CandidatePruning(perMentee: .max, perMentorSlot: .max, perMentor: .max, minimumEdges: .max)
}

/// An optimal assignment with the certificate that proves it.
public struct OptimalSolution: Hashable, Sendable {
    public let assignment: Assignment
    public let certificate: OptimalityCertificate
    /// Edges the final round solved on (all of them when nothing was pruned).
    public let candidateEdgeCount: Int
    /// Solving rounds (1 unless pruned edges had to be added back).
    public let rounds: Int
}

extension AssignmentProblem {
    /// The assignment with the most pairs and, among those, the greatest total score (exact).
    ///
    /// A sparse Hungarian method (see `shortestAugmentingPaths`), on all edges or on pruned
    /// candidates whose duals are then checked on every edge (see `CandidatePruning`). When the check
    /// fails, every edge whose slack is below the worst violation is added and the round repeats.
    /// The result does not depend on the order edges were added; among equal optima, lower indices
    /// are preferred by the search order (a deterministic rule, not "the lexicographically smallest
    /// optimum"), and pruning settings may pick another of them.
    ///
    /// - Complexity: O(e) per round to check, plus O(r · (e' + v) log v) for r rows of the smaller
    ///   side on e' candidate edges; searches usually stop after a few steps.
    /// - Throws: `MatchingError.scoresTooLarge` when exact arithmetic could overflow.
    public func optimalAssignment(pruning: CandidatePruning = .automatic) throws(MatchingError) -> OptimalSolution {
        try solveOptimal(self, pruning: pruning)
    }
}

/// `optimalAssignment` over any edge source: candidates from one pass, then solving rounds on
/// them, each checked by a pass over every edge.
func solveOptimal(_ source: some EdgeSource, pruning: CandidatePruning) throws(MatchingError) -> OptimalSolution {
    let (summary, _, pruned) = source.summarize(pruning)
    let bigM = try summary.bigM(capacities: source.mentorCapacities)
    var candidates = pruned
    var rounds = 0
    while true {
        rounds += 1
        let graph: BipartiteGraph
        if let candidates {
            graph = candidates.graph(menteeCount: source.menteeCount, capacities: source.mentorCapacities)
        } else {
            let all = source.edgeArrays()
            graph = BipartiteGraph(menteeCount: source.menteeCount, capacities: source.mentorCapacities,
                                   mentees: all.mentees, mentors: all.mentors, scores: all.scores)
        }
        let flow = shortestAugmentingPaths(graph, maxScore: summary.maxScore, bigM: bigM)
        if var picked = candidates {
            // slack = u + v − (bigM + score) must be ≥ 0 on every edge. When it is not, edges this
            // close to violating are likely to violate the next duals too: add them all.
            let worst = source.worstViolation(menteeDual: flow.menteeDual, mentorDual: flow.mentorDual, bigM: bigM,
                                              maxScore: summary.maxScore)
            if worst > 0 {
                source.addEdges(below: worst, menteeDual: flow.menteeDual, mentorDual: flow.mentorDual, bigM: bigM,
                                maxScore: summary.maxScore, to: &picked)
                candidates = picked
                continue
            }
        }
        var pairs: [AssignedPair] = []
        for i in 0..<source.menteeCount where flow.mentorOfMentee[i] >= 0 {
            pairs.append(AssignedPair(mentee: i, mentor: Int(flow.mentorOfMentee[i]), score: Int(flow.scoreOfMentee[i])))
        }
        return OptimalSolution(
            assignment: Assignment(pairs: pairs),
            certificate: OptimalityCertificate(bigM: bigM, menteeDuals: flow.menteeDual, mentorDuals: flow.mentorDual),
            candidateEdgeCount: graph.menteeMentor.count,
            rounds: rounds)
    }
}

/// Degrees and the largest score, from one pass over the edges.
struct EdgeSummary {
    var maxScore = 0
    var menteeDegree: [Int]
    var mentorDegree: [Int]

    init(menteeCount: Int, mentorCount: Int) {
        menteeDegree = [Int](repeating: 0, count: menteeCount)
        mentorDegree = [Int](repeating: 0, count: mentorCount)
    }

    init(_ problem: AssignmentProblem) {
        menteeDegree = [Int](repeating: 0, count: problem.menteeCount)
        mentorDegree = [Int](repeating: 0, count: problem.mentorCount)
        var top: Int32 = 0
        for k in 0..<problem.edgeCount {
            menteeDegree[Int(problem.edgeMentee[k])] += 1
            mentorDegree[Int(problem.edgeMentor[k])] += 1
            top = max(top, problem.edgeScore[k])
        }
        maxScore = Int(top)
    }

    /// `K·S + 1` for K a bound on the number of pairs and S the largest score.
    func bigM(capacities: [Int]) throws(MatchingError) -> Int {
        let mentees = menteeDegree.count { $0 > 0 }
        let slots = capacities.indices.reduce(0) { $0 + min(capacities[$1], mentorDegree[$1]) }
        let (product, overflow) = min(mentees, slots).multipliedReportingOverflow(by: maxScore)
        // Duals stay below 2·(bigM + S), and sums of two must fit: keep 8·(bigM + S) in range.
        guard !overflow, product < Int.max / 16 - maxScore else { throw .scoresTooLarge(maxScore: maxScore) }
        return product + 1
    }
}

/// For each owner, its best `limit(owner)` edges by (score descending, other index ascending).
struct TopEdges {
    private var start: [Int]
    private var count: [Int]
    /// Rank keys (larger is better), each owner's run sorted best first.
    private var key: [Int]
    private var edge: [Int]
    /// The key an offer must beat: the worst kept key once the run is full, else `Int.min`.
    private var floor: [Int]

    init(owners: Int, limit: (Int) -> Int) {
        var start = [Int](repeating: 0, count: owners + 1)
        for owner in 0..<owners { start[owner + 1] = start[owner] + max(0, limit(owner)) }
        self.start = start
        count = [Int](repeating: 0, count: owners)
        key = [Int](repeating: 0, count: start[owners])
        edge = [Int](repeating: 0, count: start[owners])
        floor = (0..<owners).map { start[$0 + 1] > start[$0] ? Int.min : Int.max }
    }

    /// Keeps the edge if it is among the owner's best so far (insertion into a sorted run).
    @inline(__always)
    mutating func offer(owner: Int, edge e: Int, score s: Int32, other o: Int32) {
        let rank = Int(s) << 32 | Int(Int32.max - o)
        guard rank > floor[owner] else { return }
        let base = start[owner]
        let capacity = start[owner + 1] - base
        var slot = base + count[owner]
        if count[owner] == capacity { slot -= 1 } else { count[owner] += 1 }
        while slot > base, rank > key[slot - 1] {
            key[slot] = key[slot - 1]
            edge[slot] = edge[slot - 1]
            slot -= 1
        }
        key[slot] = rank
        edge[slot] = e
        if count[owner] == capacity { floor[owner] = key[base + capacity - 1] }
    }

    /// The kept edges, owner by owner: the owner, the edge's number, the other side and the score.
    func keptPairs() -> [(owner: Int, kept: (edge: Int, other: Int, score: Int))] {
        var result: [(owner: Int, kept: (edge: Int, other: Int, score: Int))] = []
        for owner in 0..<count.count {
            for slot in start[owner]..<(start[owner] + count[owner]) {
                let rank = key[slot]
                result.append((owner, (edge[slot], Int(Int32.max) - (rank & 0xFFFF_FFFF), rank >> 32)))
            }
        }
        return result
    }
}
