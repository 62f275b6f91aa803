import MatchingCore

/// A small problem as plain values, for the brute-force references.
struct TinyProblem: CustomStringConvertible {
    var menteeCount: Int
    var capacities: [Int]
    var edges: [AssignmentEdge]

    var problem: AssignmentProblem {
        get throws { try AssignmentProblem(menteeCount: menteeCount, mentorCapacities: capacities, edges: edges) }
    }
    var description: String { "mentees \(menteeCount) capacities \(capacities) edges \(edges.map { "(\($0.mentee),\($0.mentor),\($0.score))" })" }

    /// A random instance: up to `maxMentees` × `maxMentors`, capacities 0–3, scores 0…maxScore.
    static func random(_ rng: inout SplitMix64, maxMentees: Int = 6, maxMentors: Int = 4, maxScore: Int = 9) -> TinyProblem {
        let n = Int.random(in: 1...maxMentees, using: &rng)
        let m = Int.random(in: 1...maxMentors, using: &rng)
        let capacities = (0..<m).map { _ in Int.random(in: 0...3, using: &rng) == 0 ? 0 : Int.random(in: 1...3, using: &rng) }
        let density = Double.random(in: 0.2...1, using: &rng)
        var edges: [AssignmentEdge] = []
        for i in 0..<n {
            for j in 0..<m where Double.random(in: 0..<1, using: &rng) < density {
                edges.append(AssignmentEdge(mentee: i, mentor: j, score: Int.random(in: 0...maxScore, using: &rng)))
            }
        }
        return TinyProblem(menteeCount: n, capacities: capacities, edges: edges)
    }

    /// Every feasible assignment, as the mentor edge each mentee uses (nil: unmatched).
    func allAssignments() -> [[AssignmentEdge?]] {
        var options = [[AssignmentEdge]](repeating: [], count: menteeCount)
        for edge in edges { options[edge.mentee].append(edge) }
        var result: [[AssignmentEdge?]] = []
        var current: [AssignmentEdge?] = []
        var load = [Int](repeating: 0, count: capacities.count)
        func visit(_ i: Int) {
            if i == menteeCount { result.append(current); return }
            current.append(nil)
            visit(i + 1)
            current.removeLast()
            for edge in options[i] where load[edge.mentor] < capacities[edge.mentor] {
                load[edge.mentor] += 1
                current.append(edge)
                visit(i + 1)
                current.removeLast()
                load[edge.mentor] -= 1
            }
        }
        visit(0)
        return result
    }

    /// The best (pairs, total score) over every assignment.
    func bruteForceOptimum() -> (count: Int, total: Int) {
        var best = (count: 0, total: 0)
        for assignment in allAssignments() {
            let chosen = assignment.compactMap { $0 }
            let value = (count: chosen.count, total: chosen.reduce(0) { $0 + $1.score })
            if value.count > best.count || (value.count == best.count && value.total > best.total) { best = value }
        }
        return best
    }

    /// Best score of each allowed pair (parallel pairs merged).
    var pairScores: [[Int?]] {
        var scores = [[Int?]](repeating: [Int?](repeating: nil, count: capacities.count), count: menteeCount)
        for e in edges { scores[e.mentee][e.mentor] = max(scores[e.mentee][e.mentor] ?? 0, e.score) }
        return scores
    }

    /// Whether mentee `i` ranks mentor `a` above `b` (nil = unmatched, ranked last).
    func menteePrefers(_ i: Int, _ a: Int, over b: Int?) -> Bool {
        guard let sa = pairScores[i][a] else { return false }
        guard let b, let sb = pairScores[i][b] else { return true }
        return sa > sb || (sa == sb && a < b)
    }

    /// Whether mentor `j` ranks mentee `a` above `b`.
    func mentorPrefers(_ j: Int, _ a: Int, over b: Int) -> Bool {
        guard let sa = pairScores[a][j] else { return false }
        guard let sb = pairScores[b][j] else { return true }
        return sa > sb || (sa == sb && a < b)
    }

    /// Naive stability: no allowed pair where both would rather be together.
    func isStable(_ mentorOf: [Int?]) -> Bool {
        for i in 0..<menteeCount {
            for j in 0..<capacities.count where pairScores[i][j] != nil && mentorOf[i] != j {
                guard menteePrefers(i, j, over: mentorOf[i]) else { continue }
                let held = (0..<menteeCount).filter { mentorOf[$0] == j }
                if held.count < capacities[j] || held.contains(where: { mentorPrefers(j, i, over: $0) }) { return false }
            }
        }
        return true
    }
}

extension Assignment {
    func mentorOf(_ count: Int) -> [Int?] { mentorOfMentee(menteeCount: count) }
}
