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
    /// Successive shortest paths on a min-cost flow (see `successiveShortestPaths`), on all edges
    /// or on pruned candidates that are checked against every edge (see `CandidatePruning`). The
    /// result does not depend on the order edges were added; among equal optima, lower indices
    /// are preferred by the search order (a deterministic rule, not "the lexicographically
    /// smallest optimum").
    ///
    /// - Complexity: O(e) to prune and check, plus O(k (m + e' log(n + m))) per round for k
    ///   pairs on e' candidate edges; much less in practice.
    /// - Throws: `MatchingError.scoresTooLarge` when exact arithmetic could overflow.
    public func optimalAssignment(pruning: CandidatePruning = .automatic) throws(MatchingError) -> OptimalSolution {
        let bigM = try lexicographicBigM()
        let maxScore = edgeScore.reduce(0) { max($0, Int($1)) }
        var chosen: [Bool]? = edgeCount > pruning.minimumEdges ? candidateMask(pruning) : nil
        var rounds = 0
        while true {
            rounds += 1
            let graph: BipartiteGraph
            if let mask = chosen {
                var mentees: [Int32] = [], mentors: [Int32] = [], scores: [Int32] = []
                for k in 0..<edgeCount where mask[k] {
                    mentees.append(edgeMentee[k])
                    mentors.append(edgeMentor[k])
                    scores.append(edgeScore[k])
                }
                graph = BipartiteGraph(menteeCount: menteeCount, capacities: mentorCapacities,
                                       mentees: mentees, mentors: mentors, scores: scores)
            } else {
                graph = BipartiteGraph(self)
            }
            let flow = successiveShortestPaths(graph, maxScore: maxScore, bigM: bigM)

            var added = 0
            if var mask = chosen {
                for k in 0..<edgeCount where !mask[k] {
                    let i = Int(edgeMentee[k]), j = Int(edgeMentor[k])
                    if flow.menteeDual[i] + flow.mentorDual[j] < bigM + Int(edgeScore[k]) {
                        mask[k] = true
                        added += 1
                    }
                }
                chosen = mask
            }
            if added == 0 {
                var pairs: [AssignedPair] = []
                for i in 0..<menteeCount where flow.mentorOfMentee[i] >= 0 {
                    pairs.append(AssignedPair(mentee: i, mentor: Int(flow.mentorOfMentee[i]), score: Int(flow.scoreOfMentee[i])))
                }
                return OptimalSolution(
                    assignment: Assignment(pairs: pairs),
                    certificate: OptimalityCertificate(bigM: bigM, menteeDuals: flow.menteeDual, mentorDuals: flow.mentorDual),
                    candidateEdgeCount: graph.menteeMentor.count,
                    rounds: rounds)
            }
        }
    }

    /// Marks each mentee's and each mentor's best edges (higher score, then lower index first).
    ///
    /// - Complexity: O(e · (a + b)) worst case, O(e) typically, for kept list lengths a and b.
    func candidateMask(_ pruning: CandidatePruning) -> [Bool] {
        var menteeDegree = [Int](repeating: 0, count: menteeCount)
        var mentorDegree = [Int](repeating: 0, count: mentorCount)
        for k in 0..<edgeCount {
            menteeDegree[Int(edgeMentee[k])] += 1
            mentorDegree[Int(edgeMentor[k])] += 1
        }
        var menteeTop = TopEdges(owners: menteeCount, limit: { min(pruning.perMentee, menteeDegree[$0]) })
        var mentorTop = TopEdges(owners: mentorCount, limit: { [mentorCapacities] j in
            let (slots, o1) = pruning.perMentorSlot.multipliedReportingOverflow(by: mentorCapacities[j])
            let (total, o2) = slots.addingReportingOverflow(pruning.perMentor)
            return o1 || o2 ? mentorDegree[j] : min(total, mentorDegree[j])
        })
        for k in 0..<edgeCount {
            let score = edgeScore[k]
            menteeTop.offer(owner: Int(edgeMentee[k]), edge: Int32(k), score: score, other: edgeMentor[k])
            mentorTop.offer(owner: Int(edgeMentor[k]), edge: Int32(k), score: score, other: edgeMentee[k])
        }
        var mask = [Bool](repeating: false, count: edgeCount)
        menteeTop.mark(&mask)
        mentorTop.mark(&mask)
        return mask
    }
}

/// For each owner, its best `limit(owner)` edges by (score descending, other index ascending).
struct TopEdges {
    private var start: [Int]
    private var count: [Int]
    private var edge: [Int32]
    private var score: [Int32]
    private var other: [Int32]

    init(owners: Int, limit: (Int) -> Int) {
        start = [Int](repeating: 0, count: owners + 1)
        for owner in 0..<owners { start[owner + 1] = start[owner] + max(0, limit(owner)) }
        count = [Int](repeating: 0, count: owners)
        edge = [Int32](repeating: 0, count: start[owners])
        score = [Int32](repeating: 0, count: start[owners])
        other = [Int32](repeating: 0, count: start[owners])
    }

    /// Keeps the edge if it is among the owner's best so far (insertion into a sorted run).
    mutating func offer(owner: Int, edge e: Int32, score s: Int32, other o: Int32) {
        let base = start[owner]
        let capacity = start[owner + 1] - base
        guard capacity > 0 else { return }
        var position = count[owner]
        if position == capacity {
            let worst = base + capacity - 1
            guard s > score[worst] || (s == score[worst] && o < other[worst]) else { return }
            position -= 1
        } else {
            count[owner] += 1
        }
        var slot = base + position
        while slot > base, s > score[slot - 1] || (s == score[slot - 1] && o < other[slot - 1]) {
            edge[slot] = edge[slot - 1]
            score[slot] = score[slot - 1]
            other[slot] = other[slot - 1]
            slot -= 1
        }
        edge[slot] = e
        score[slot] = s
        other[slot] = o
    }

    func mark(_ mask: inout [Bool]) {
        for owner in 0..<count.count {
            for slot in start[owner]..<(start[owner] + count[owner]) { mask[Int(edge[slot])] = true }
        }
    }
}
