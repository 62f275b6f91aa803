import MatchingCore

/// How the benchmark's interest scores are drawn.
enum ScoreShape: String, CaseIterable {
    /// Each mentee has 3–5 of 24 areas (a few popular) and wants one of 3 kinds of mentoring; each
    /// mentor has 2–4 areas and offers 1–2 kinds. Score 10 per shared area, plus 5 when a kind
    /// offered is the one wanted; pairs scoring 0 are not listed.
    case areas
    /// Every pair listed with a score drawn uniformly from 0…100.
    case uniform
}

/// A seeded `RotationProblem`.
func rotationInstance(mentees: Int, mentors: Int, rotations: Int, shape: ScoreShape, seed: UInt64) -> RotationProblem {
    var rng = SplitMix64(seed: seed)
    var scores: [[Int]] = []
    switch shape {
    case .uniform:
        scores.reserveCapacity(mentees * mentors)
        for i in 0..<mentees {
            for j in 0..<mentors { scores.append([i, j, Int.random(in: 0...100, using: &rng)]) }
        }
    case .areas:
        // Area k is drawn with weight 1 / (k + 2): a few areas are wanted (and offered) by many.
        let weights = (0..<24).map { 1.0 / Double($0 + 2) }
        let total = weights.reduce(0, +)
        func areas(_ count: Int) -> UInt32 {
            var bits: UInt32 = 0
            while bits.nonzeroBitCount < count {
                var x = Double.random(in: 0..<total, using: &rng), k = 0
                while k < 23, x >= weights[k] { x -= weights[k]; k += 1 }
                bits |= 1 << k
            }
            return bits
        }
        let menteeAreas = (0..<mentees).map { _ in areas(Int.random(in: 3...5, using: &rng)) }
        let menteeKind = (0..<mentees).map { _ in 1 << Int.random(in: 0..<3, using: &rng) }
        let mentorAreas = (0..<mentors).map { _ in areas(Int.random(in: 2...4, using: &rng)) }
        let mentorKinds = (0..<mentors).map { _ in
            Int.random(in: 0..<2, using: &rng) == 0 ? 1 << Int.random(in: 0..<3, using: &rng) : 7 & ~(1 << Int.random(in: 0..<3, using: &rng))
        }
        for i in 0..<mentees {
            for j in 0..<mentors {
                let score = 10 * (menteeAreas[i] & mentorAreas[j]).nonzeroBitCount + (menteeKind[i] & mentorKinds[j] != 0 ? 5 : 0)
                if score > 0 { scores.append([i, j, score]) }
            }
        }
    }
    return RotationProblem(mentees: mentees, mentors: mentors, rotations: rotations, scores: scores)
}
