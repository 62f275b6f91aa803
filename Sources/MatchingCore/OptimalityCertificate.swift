/// A proof that an `Assignment` has the most pairs and, among those, the greatest total score.
///
/// It is a solution of the dual of the LP "maximise Σ (bigM + score) over chosen pairs, each
/// mentee at most once, each mentor at most its capacity": `u[mentee] ≥ 0`, `v[mentor] ≥ 0`, and
/// `u + v ≥ bigM + score` on every allowed pair. Bipartite b-matching LPs have integral optima, so
/// an assignment meeting complementary slackness with it (equality on chosen pairs, `u > 0` only
/// on matched mentees, `v > 0` only on full mentors) is optimal for that weight; and because
/// `bigM` exceeds any possible difference in total score, that is the lexicographic optimum.
public struct OptimalityCertificate: Hashable, Sendable {
    public let bigM: Int
    public let menteeDuals: [Int]
    public let mentorDuals: [Int]

    public init(bigM: Int, menteeDuals: [Int], mentorDuals: [Int]) {
        self.bigM = bigM
        self.menteeDuals = menteeDuals
        self.mentorDuals = mentorDuals
    }
}

/// A reason an (assignment, certificate) pair fails `optimalityViolations`.
public enum OptimalityViolation: Hashable, Sendable {
    case menteeOutOfRange(Int)
    case mentorOutOfRange(Int)
    case menteeMatchedTwice(Int)
    case notAnEdge(AssignedPair)
    case mentorOverCapacity(mentor: Int)
    case bigMTooSmall(required: Int)
    case wrongDualCount
    case negativeDual
    case dualTooLarge
    /// `u + v < bigM + score` on an allowed pair.
    case infeasiblePair(mentee: Int, mentor: Int)
    /// `u + v ≠ bigM + score` on a chosen pair.
    case slackPair(AssignedPair)
    case unmatchedMenteeWithPositiveDual(Int)
    case mentorWithRoomAndPositiveDual(Int)
}

extension AssignmentProblem {
    /// The `bigM` that makes one more pair outweigh any score difference:
    /// `K·S + 1`, K a bound on the number of pairs and S the largest score.
    ///
    /// - Complexity: O(e + m).
    public func lexicographicBigM() throws(MatchingError) -> Int {
        try EdgeSummary(self).bigM(capacities: mentorCapacities)
    }

    /// Everything wrong with `assignment` as an optimal solution proven by `certificate`
    /// (at most `limit` items); empty means feasible and proven optimal.
    ///
    /// - Complexity: O(n + m + e).
    public func optimalityViolations(
        of assignment: Assignment, certificate: OptimalityCertificate, limit: Int = 20
    ) -> [OptimalityViolation] {
        var found: [OptimalityViolation] = []
        func report(_ v: OptimalityViolation) { if found.count < limit { found.append(v) } }

        // Primal feasibility.
        var mentorOf = [Int](repeating: -1, count: menteeCount)
        var scoreOf = [Int](repeating: 0, count: menteeCount)
        var load = [Int](repeating: 0, count: mentorCount)
        var valid = true
        for pair in assignment.pairs {
            guard (0..<menteeCount).contains(pair.mentee) else { report(.menteeOutOfRange(pair.mentee)); valid = false; continue }
            guard (0..<mentorCount).contains(pair.mentor) else { report(.mentorOutOfRange(pair.mentor)); valid = false; continue }
            guard mentorOf[pair.mentee] < 0 else { report(.menteeMatchedTwice(pair.mentee)); valid = false; continue }
            mentorOf[pair.mentee] = pair.mentor
            scoreOf[pair.mentee] = pair.score
            load[pair.mentor] += 1
        }
        for j in 0..<mentorCount where load[j] > mentorCapacities[j] { report(.mentorOverCapacity(mentor: j)); valid = false }
        var isEdge = [Bool](repeating: false, count: menteeCount)
        for k in 0..<edgeCount {
            let i = Int(edgeMentee[k])
            if mentorOf[i] == Int(edgeMentor[k]), scoreOf[i] == Int(edgeScore[k]) { isEdge[i] = true }
        }
        for pair in assignment.pairs where (0..<menteeCount).contains(pair.mentee) && !isEdge[pair.mentee] {
            report(.notAnEdge(pair))
            valid = false
        }

        // The certificate.
        guard let required = try? lexicographicBigM() else { report(.dualTooLarge); return found }
        if certificate.bigM < required { report(.bigMTooSmall(required: required)) }
        let u = certificate.menteeDuals, v = certificate.mentorDuals
        guard u.count == menteeCount, v.count == mentorCount else { report(.wrongDualCount); return found }
        // Bounded duals keep every sum below exact in Int.
        let bound = Int.max / 4
        guard certificate.bigM <= bound / 4, u.allSatisfy({ (0...bound).contains($0) }), v.allSatisfy({ (0...bound).contains($0) }) else {
            if u.contains(where: { $0 < 0 }) || v.contains(where: { $0 < 0 }) { report(.negativeDual) } else { report(.dualTooLarge) }
            return found
        }
        let bigM = certificate.bigM
        for k in 0..<edgeCount {
            let i = Int(edgeMentee[k]), j = Int(edgeMentor[k])
            if u[i] + v[j] < bigM + Int(edgeScore[k]) { report(.infeasiblePair(mentee: i, mentor: j)) }
        }
        guard valid else { return found }
        for pair in assignment.pairs where u[pair.mentee] + v[pair.mentor] != bigM + pair.score {
            report(.slackPair(pair))
        }
        for i in 0..<menteeCount where mentorOf[i] < 0 && u[i] > 0 { report(.unmatchedMenteeWithPositiveDual(i)) }
        for j in 0..<mentorCount where load[j] < mentorCapacities[j] && v[j] > 0 { report(.mentorWithRoomAndPositiveDual(j)) }
        return found
    }
}
