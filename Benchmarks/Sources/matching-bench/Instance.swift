import MatchingCore

/// How an instance's scores are drawn.
enum ScoreShape: String {
    /// A small latent-profile model (shared interests, time-zone distance, noise): few distinct
    /// values, as real profiles give.
    case profile
    /// Uniform in 1…1000, independent per pair: many distinct values, few ties.
    case uniform
}

/// A seeded benchmark instance: mentors with capacity 1–4 and, for a `density` share of all
/// (mentee, mentor) pairs, a score of the given shape (`.profile`: popular mentees compete for the
/// same mentors as they would in a program).
struct Instance {
    var problem: AssignmentProblem

    init(mentees: Int, mentors: Int, density: Double, seed: UInt64, shape: ScoreShape = .profile) throws {
        var rng = SplitMix64(seed: seed)
        func profile() -> (interests: UInt16, zone: Int) {
            var bits: UInt16 = 0
            for bit in 0..<12 where Double.random(in: 0..<1, using: &rng) < 0.3 { bits |= 1 << bit }
            return (bits, Int.random(in: 0..<24, using: &rng))
        }
        let menteeProfiles = (0..<mentees).map { _ in profile() }
        let mentorProfiles = (0..<mentors).map { _ in profile() }
        let capacities = (0..<mentors).map { _ in Int.random(in: 1...4, using: &rng) }
        problem = try AssignmentProblem(menteeCount: mentees, mentorCapacities: capacities)
        problem.reserveEdges(Int(Double(mentees * mentors) * density * 1.01) + 16)
        let threshold = density >= 1 ? UInt64.max : UInt64(max(0, density) * 0x1p64)
        for i in 0..<mentees {
            let a = menteeProfiles[i]
            for j in 0..<mentors {
                let draw = rng.next()
                guard density >= 1 || draw < threshold else { continue }
                let b = mentorProfiles[j]
                let shared = (a.interests & b.interests).nonzeroBitCount
                let apart = min(abs(a.zone - b.zone), 24 - abs(a.zone - b.zone))
                let score = switch shape {
                case .profile: 60 * shared + 20 * (12 - apart) + Int(draw & 63)  // noise 0..<64 from the low bits
                case .uniform: 1 + Int((draw & 0xFFFF_FFFF) % 1000)
                }
                try problem.addEdge(mentee: i, mentor: j, score: score)
            }
        }
    }
}
