/// Allowed pairs that can be listed again and again, always in the same order: stored
/// (`AssignmentProblem`) or computed on the fly (`PairScorer`), so that an exact solve never needs
/// every pair in memory at once.
protocol EdgeSource {
    var menteeCount: Int { get }
    var mentorCapacities: [Int] { get }
    /// The number of edges when known without a pass over them.
    var knownEdgeCount: Int? { get }
    /// Calls `body(id, mentee, mentor, score)` for every edge, in the same order on every call,
    /// `id` telling edges apart (the same edge has the same id on every call). It may leave out
    /// the pairs for which `skip(mentee, mentor)` is true.
    func forEachEdge(skipping skip: (Int, Int) -> Bool, _ body: (Int, Int, Int, Int) -> Void)
    /// Every edge as three parallel arrays, in `forEachEdge` order.
    func edgeArrays() -> (mentees: [Int32], mentors: [Int32], scores: [Int32])
}

extension EdgeSource {
    var mentorCount: Int { mentorCapacities.count }

    func edgeArrays() -> (mentees: [Int32], mentors: [Int32], scores: [Int32]) {
        var mentees: [Int32] = [], mentors: [Int32] = [], scores: [Int32] = []
        forEachEdge(skipping: { _, _ in false }) { _, i, j, s in
            mentees.append(Int32(i))
            mentors.append(Int32(j))
            scores.append(Int32(s))
        }
        return (mentees, mentors, scores)
    }
}

extension AssignmentProblem: EdgeSource {
    var knownEdgeCount: Int? { edgeCount }

    /// Ids are positions in insertion order; nothing is skipped (checking costs what it saves).
    @inline(__always)
    func forEachEdge(skipping skip: (Int, Int) -> Bool, _ body: (Int, Int, Int, Int) -> Void) {
        edgeMentee.withUnsafeBufferPointer { mentees in
            edgeMentor.withUnsafeBufferPointer { mentors in
                edgeScore.withUnsafeBufferPointer { scores in
                    for k in 0..<mentees.count { body(k, Int(mentees[k]), Int(mentors[k]), Int(scores[k])) }
                }
            }
        }
    }

    func edgeArrays() -> (mentees: [Int32], mentors: [Int32], scores: [Int32]) { (edgeMentee, edgeMentor, edgeScore) }
}

extension PairScorer: EdgeSource {
    var knownEdgeCount: Int? { nil }

    /// Ids are `mentee · mentorCount + mentor`; skipped pairs are not scored.
    @inline(__always)
    func forEachEdge(skipping skip: (Int, Int) -> Bool, _ body: (Int, Int, Int, Int) -> Void) {
        let m = mentorCount
        for i in 0..<menteeCount {
            forEachAllowed(mentee: i, skipping: { skip(i, $0) }) { j, score in body(i * m + j, i, j, score) }
        }
    }
}

/// Edges picked for a solving round, and their ids.
struct CandidateEdges {
    var mentees: [Int32] = []
    var mentors: [Int32] = []
    var scores: [Int32] = []
    private var picked = Set<Int>()

    /// Adds edge `id` unless it is already picked.
    mutating func add(_ id: Int, mentee: Int, mentor: Int, score: Int) {
        guard picked.insert(id).inserted else { return }
        mentees.append(Int32(mentee))
        mentors.append(Int32(mentor))
        scores.append(Int32(score))
    }

    /// The graph of the picked edges.
    func graph(menteeCount: Int, capacities: [Int]) -> BipartiteGraph {
        BipartiteGraph(menteeCount: menteeCount, capacities: capacities, mentees: mentees, mentors: mentors, scores: scores)
    }
}

extension EdgeSource {
    /// The largest `−slack` over all edges (0 when none is negative). Picked edges have slack ≥ 0
    /// under the duals of a round solved on them, so only the others can be counted.
    ///
    /// - Complexity: one pass over the edges, which scores only pairs whose duals are low enough.
    func worstViolation(menteeDual u: [Int], mentorDual v: [Int], bigM: Int, maxScore: Int) -> Int {
        var worst = 0
        u.withUnsafeBufferPointer { u in
            v.withUnsafeBufferPointer { v in
                // slack ≥ u + v − bigM − maxScore, so a pair can beat `worst` only below that.
                forEachEdge(skipping: { i, j in u[i] + v[j] - bigM - maxScore >= -worst }) { _, i, j, score in
                    let slack = u[i] + v[j] - bigM - score
                    if slack < -worst { worst = -slack }
                }
            }
        }
        return worst
    }

    /// Picks every edge not yet picked whose slack is below `limit`.
    ///
    /// - Complexity: one pass over the edges, which scores only pairs whose duals are low enough.
    func addEdges(below limit: Int, menteeDual u: [Int], mentorDual v: [Int], bigM: Int, maxScore: Int,
                  to candidates: inout CandidateEdges) {
        u.withUnsafeBufferPointer { u in
            v.withUnsafeBufferPointer { v in
                forEachEdge(skipping: { i, j in u[i] + v[j] - bigM - maxScore >= limit }) { id, i, j, score in
                    if u[i] + v[j] - bigM - score < limit { candidates.add(id, mentee: i, mentor: j, score: score) }
                }
            }
        }
    }

    /// In one pass: the `EdgeSummary`, the number of edges, and (when `pruning` may pay) each
    /// mentee's and each mentor's best edges (higher score, then lower index first). No
    /// candidates when there are at most `pruning.minimumEdges` edges or the kept lists could
    /// hold half the edges or more, since pruning would not pay.
    ///
    /// - Complexity: O(e · (a + b)) worst case, O(e) typically, for kept list lengths a and b.
    func summarize(_ pruning: CandidatePruning) -> (summary: EdgeSummary, edgeCount: Int, candidates: CandidateEdges?) {
        var summary = EdgeSummary(menteeCount: menteeCount, mentorCount: mentorCount)
        let perMentee = min(pruning.perMentee, mentorCount)
        var budget = perMentee.multipliedReportingOverflow(by: menteeCount)
        var mentorLimit = [Int](repeating: 0, count: mentorCount)
        for j in 0..<mentorCount {
            let (slots, o1) = pruning.perMentorSlot.multipliedReportingOverflow(by: mentorCapacities[j])
            let (total, o2) = slots.addingReportingOverflow(pruning.perMentor)
            mentorLimit[j] = o1 || o2 ? menteeCount : min(total, menteeCount)
            let sum = budget.partialValue.addingReportingOverflow(mentorLimit[j])
            budget = (sum.partialValue, budget.overflow || sum.overflow)
        }
        // Keeping top lists only pays when they can be less than half of more than minimumEdges.
        let known = knownEdgeCount
        let mayPrune = !budget.overflow && (known.map { $0 > pruning.minimumEdges && budget.partialValue < $0 / 2 } ?? true)
        var menteeTop = TopEdges(owners: mayPrune ? menteeCount : 0) { _ in perMentee }
        var mentorTop = TopEdges(owners: mayPrune ? mentorCount : 0) { mentorLimit[$0] }
        var maxScore = 0, count = 0
        summary.menteeDegree.withUnsafeMutableBufferPointer { menteeDegree in
            summary.mentorDegree.withUnsafeMutableBufferPointer { mentorDegree in
                forEachEdge(skipping: { _, _ in false }) { id, i, j, score in
                    menteeDegree[i] += 1
                    mentorDegree[j] += 1
                    maxScore = max(maxScore, score)
                    if mayPrune {
                        menteeTop.offer(owner: i, edge: id, score: Int32(score), other: Int32(j))
                        mentorTop.offer(owner: j, edge: id, score: Int32(score), other: Int32(i))
                    }
                    count += 1
                }
            }
        }
        summary.maxScore = maxScore
        guard mayPrune, count > pruning.minimumEdges, budget.partialValue < count / 2 else { return (summary, count, nil) }
        var candidates = CandidateEdges()
        for (owner, kept) in menteeTop.keptPairs() { candidates.add(kept.edge, mentee: owner, mentor: kept.other, score: kept.score) }
        for (owner, kept) in mentorTop.keptPairs() { candidates.add(kept.edge, mentee: kept.other, mentor: owner, score: kept.score) }
        return (summary, count, candidates)
    }
}
