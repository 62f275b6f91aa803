/// Simulated annealing for fewer repeated mentee pairs, over the moves of `reduceRepeats` (which
/// keep every hard rule and the total interest), before that greedy descent polishes the result.
///
/// Greedy descent alone stops where no single move helps; accepting a move that adds Δ repeats
/// with probability p^Δ, p falling from 0.15 to 0, lets the search leave those places. Moves are
/// drawn from a `SplitMix64` with a fixed seed, so the plan stays a function of the problem. It
/// stops after `steps` draws or `workLimit` (see `work`), whichever comes first.
extension RotationSeating {
    /// - Complexity: O(min(steps · c² · r, workLimit)) for tables of c seats.
    mutating func anneal(steps: Int, seed: UInt64, workLimit: Int) {
        guard rotations > 1, mentees > 1, steps > 0 else { return }
        var rng = SplitMix64(seed: seed)
        var found: [Cycle] = []
        for step in 0..<steps {
            let progress = max(Double(step) / Double(steps), Double(work) / Double(workLimit))
            if progress >= 1 { return }
            let p = 0.15 * (1 - progress)
            let i = Int.random(in: 0..<mentees, using: &rng), r1 = Int.random(in: 0..<rotations, using: &rng)
            let a = mentorOf(i, r1)
            // Mostly work where i meets someone again.
            if rng.next() & 3 != 0, repeats(i, r1, at: a) == 0 { continue }
            func accept(_ change: Int) -> Bool {
                if change <= 0 { return true }
                var chance = 1.0
                for _ in 0..<change { chance *= p }
                return Double.random(in: 0..<1, using: &rng) < chance
            }
            if rng.next() & 1 == 0 {
                // i exchanges rotations r1 and r2 along a cycle of two or three (or alone).
                var r2 = Int.random(in: 0..<(rotations - 1), using: &rng)
                if r2 >= r1 { r2 += 1 }
                cycles(from: i, r1, r2, into: &found)
                if mayExchangeAlone(i, r1, r2) { found.append(Cycle(count: 1, members: (i, -1, -1))) }
                guard let cycle = found.randomElement(using: &rng) else { continue }
                if !accept(exchange(cycle, r1, r2)) { _ = exchange(cycle.reversed, r1, r2) }
            } else {
                // i and k exchange tables in r1 at the same total interest, neither meeting a mentor twice.
                let c = Int.random(in: 0..<input.mentors, using: &rng), t = table(r1, c)
                guard c != a, size[t] > 0, !holds(i, c) else { continue }
                let k = Int(seat[t * capacity + Int.random(in: 0..<size[t], using: &rng)])
                guard input.score(i, c) + input.score(k, a) == input.score(i, a) + input.score(k, c), !holds(k, a) else { continue }
                if accept(swapChange(i, k, r1)) { swap(i, k, r1) }
            }
        }
    }
}
