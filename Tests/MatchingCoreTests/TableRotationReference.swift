import MatchingCore

/// Exhaustive and independent references for `TableRotations` on tiny problems.
enum RotationReference {
    /// The greatest total interest of any plan obeying the hard rules, and the fewest repeated
    /// mentee pairs among the plans with that interest; nil when no plan exists. Tries every
    /// ordered choice of distinct mentors for every mentee (tables kept to ⌈n/m⌉ while building,
    /// then checked for ⌊n/m⌋).
    ///
    /// - Complexity: O((m!/(m−r)!)^n · r · n²).
    static func best(_ problem: RotationProblem) -> (interest: Int, repeats: Int)? {
        let n = problem.mentees, m = problem.mentors, r = problem.rotations
        var score = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)
        for entry in problem.scores { score[entry[0]][entry[1]] = entry[2] }
        let small = m == 0 ? 0 : n / m, large = m == 0 ? 0 : (n + m - 1) / m
        var size = [[Int]](repeating: [Int](repeating: 0, count: m), count: r)
        var plan = [[Int]](repeating: [Int](repeating: -1, count: n), count: r)
        var best: (interest: Int, repeats: Int)?

        func seat(_ i: Int, _ rotation: Int, _ total: Int) {
            if i == n {
                guard size.allSatisfy({ $0.allSatisfy { $0 >= small } }) else { return }
                let value = (interest: total, repeats: repeats(plan))
                if let known = best, known.interest > value.interest || (known.interest == value.interest && known.repeats <= value.repeats) {
                    return
                }
                best = value
                return
            }
            if rotation == r { seat(i + 1, 0, total); return }
            for j in 0..<m where size[rotation][j] < large && !(0..<rotation).contains(where: { plan[$0][i] == j }) {
                size[rotation][j] += 1
                plan[rotation][i] = j
                seat(i, rotation + 1, total + score[i][j])
                size[rotation][j] -= 1
            }
            plan[rotation][i] = -1
        }
        seat(0, 0, 0)
        return best
    }

    /// Repeated mentee pairs counted from pair meeting counts: Σ over pairs of max(0, meetings − 1).
    static func repeats(_ assignment: [[Int]]) -> Int {
        let n = assignment.first?.count ?? 0
        var total = 0
        for i in 0..<n {
            for k in (i + 1)..<max(n, i + 1) {
                let meetings = assignment.count { $0[i] == $0[k] }
                total += max(0, meetings - 1)
            }
        }
        return total
    }

    /// A random tiny problem: at most `maxMentees` mentees, `rotations...maxMentors` mentors, scores
    /// 0…maxScore for a random share of the pairs, listed in random order.
    static func randomProblem(_ rng: inout SplitMix64, maxMentees: Int = 5, maxMentors: Int = 3, maxRotations: Int = 2,
                              maxScore: Int = 9) -> RotationProblem {
        let r = Int.random(in: 1...maxRotations, using: &rng)
        let m = Int.random(in: r...max(r, maxMentors), using: &rng)
        let n = Int.random(in: 0...maxMentees, using: &rng)
        let density = Double.random(in: 0.3...1, using: &rng)
        var scores: [[Int]] = []
        for i in 0..<n {
            for j in 0..<m where Double.random(in: 0..<1, using: &rng) < density {
                scores.append([i, j, Int.random(in: 0...maxScore, using: &rng)])
            }
        }
        scores.shuffle(using: &rng)
        return RotationProblem(mentees: n, mentors: m, rotations: r, scores: scores)
    }

    /// A larger random problem in the benchmark's "areas" spirit: a few interests each, score 10
    /// per shared one, so many pairs tie.
    static func sharedAreas(_ rng: inout SplitMix64, mentees: Int, mentors: Int, rotations: Int) -> RotationProblem {
        let menteeAreas = (0..<mentees).map { _ in UInt8.random(in: 0...255, using: &rng) & UInt8.random(in: 0...255, using: &rng) }
        let mentorAreas = (0..<mentors).map { _ in UInt8.random(in: 0...255, using: &rng) & UInt8.random(in: 0...255, using: &rng) }
        var scores: [[Int]] = []
        for i in 0..<mentees {
            for j in 0..<mentors where (menteeAreas[i] & mentorAreas[j]) != 0 {
                scores.append([i, j, 10 * (menteeAreas[i] & mentorAreas[j]).nonzeroBitCount])
            }
        }
        return RotationProblem(mentees: mentees, mentors: mentors, rotations: rotations, scores: scores)
    }
}
