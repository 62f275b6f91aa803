/// An allowed pair that would both rather be together than keep their assignment.
public struct BlockingPair: Hashable, Sendable {
    public var mentee: Int
    public var mentor: Int
    public init(mentee: Int, mentor: Int) {
        self.mentee = mentee
        self.mentor = mentor
    }
}

extension AssignmentProblem {
    /// The pairs that block `assignment` under the rankings of `stableMatching()`: the mentee is
    /// unmatched or ranks the mentor above its own, and the mentor has room or ranks the mentee
    /// above its least preferred one. Empty means stable. Assumes a feasible assignment.
    ///
    /// - Complexity: O(n + m + e + p log d), p pairs and d the largest mentee degree.
    public func blockingPairs(in assignment: Assignment) -> [BlockingPair] {
        let g = BipartiteGraph(self)
        var mentorOf = [Int](repeating: -1, count: menteeCount)
        var scoreOf = [Int](repeating: 0, count: menteeCount)
        var load = [Int](repeating: 0, count: mentorCount)
        var worstScore = [Int](repeating: .max, count: mentorCount)
        var worstMentee = [Int](repeating: -1, count: mentorCount)
        for pair in assignment.pairs where (0..<menteeCount).contains(pair.mentee) && (0..<mentorCount).contains(pair.mentor) {
            let s = g.score(mentee: pair.mentee, mentor: pair.mentor) ?? pair.score
            mentorOf[pair.mentee] = pair.mentor
            scoreOf[pair.mentee] = s
            load[pair.mentor] += 1
            if s < worstScore[pair.mentor] || (s == worstScore[pair.mentor] && pair.mentee > worstMentee[pair.mentor]) {
                worstScore[pair.mentor] = s
                worstMentee[pair.mentor] = pair.mentee
            }
        }
        var blocking: [BlockingPair] = []
        for i in 0..<menteeCount {
            let own = mentorOf[i]
            for k in g.menteeStart[i]..<g.menteeStart[i + 1] {
                let j = Int(g.menteeMentor[k]), s = Int(g.menteeScore[k])
                guard j != own else { continue }
                let menteeWants = own < 0 || s > scoreOf[i] || (s == scoreOf[i] && j < own)
                let mentorWants = load[j] < mentorCapacities[j]
                    || s > worstScore[j] || (s == worstScore[j] && i < worstMentee[j])
                if menteeWants && mentorWants { blocking.append(BlockingPair(mentee: i, mentor: j)) }
            }
        }
        return blocking
    }
}
