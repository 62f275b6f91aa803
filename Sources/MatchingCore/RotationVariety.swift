/// Fewer repeated fellow-mentee pairs at exactly the same interest: greedy descent.
///
/// Interest depends only on which mentors each mentee meets, not when; table sizes only on how
/// many sit at each table. So these moves keep every hard rule and the total interest:
/// - mentees exchange two rotations' mentors along a cycle (i meets a then b, x meets b then a;
///   or through a third mentor), so every table keeps its size (`RotationSeating.exchange`);
/// - one mentee exchanges two rotations alone when both tables it leaves are large and both it
///   joins small;
/// - two mentees exchange tables within a rotation when neither has met the other's mentor and
///   their scores sum to the same (s_ib + s_ka = s_ia + s_kb);
/// - one mentee moves to a mentor of the same score it has not met, from a large table to a small one.
/// Each pass visits every (mentee, rotation) where the mentee meets someone again and takes the
/// first move that lowers the count (cycles of two only: three cost too much to try them all);
/// it stops after a pass that changes nothing, or when `work` reaches `workLimit`.
extension RotationSeating {
    /// - Complexity: O(min(passes · n · r · (r · c² · r + n), workLimit)) for tables of c seats;
    ///   a position without repeats costs O(c · r).
    mutating func reduceRepeats(passes: Int, workLimit: Int) {
        guard rotations > 1 else { return }
        var found: [Cycle] = []
        for _ in 0..<passes {
            var changed = false
            for i in 0..<mentees {
                for rotation in 0..<rotations where repeats(i, rotation, at: mentorOf(i, rotation)) > 0 {
                    if work >= workLimit { return }
                    if exchangeRotations(i, rotation, &found) || exchangeTables(i, rotation) { changed = true }
                }
            }
            if !changed { return }
        }
    }

    /// Tries the moves that change when `i` meets its mentors.
    private mutating func exchangeRotations(_ i: Int, _ r1: Int, _ found: inout [Cycle]) -> Bool {
        for r2 in 0..<rotations where r2 != r1 {
            cycles(from: i, r1, r2, longest: 2, into: &found)
            if mayExchangeAlone(i, r1, r2) { found.append(Cycle(count: 1, members: (i, -1, -1))) }
            for cycle in found {
                if exchange(cycle, r1, r2) < 0 { return true }
                _ = exchange(cycle.reversed, r1, r2)
            }
        }
        return false
    }

    /// Tries the moves that change which mentors `i` meets, at the same total interest.
    private mutating func exchangeTables(_ i: Int, _ rotation: Int) -> Bool {
        let a = mentorOf(i, rotation), here = input.score(i, a)
        let from = table(rotation, a)
        for c in 0..<input.mentors where c != a && !holds(i, c) {
            let gain = input.score(i, c) - here
            let t = table(rotation, c)
            work += size[t]
            if gain == 0, size[from] == large, size[t] == large - 1,
               repeats(i, rotation, at: c) < repeats(i, rotation, at: a) {
                move(i, rotation, to: c)
                return true
            }
            for x in (t * capacity)..<(t * capacity + size[t]) {
                let k = Int(seat[x])
                guard input.score(k, a) - input.score(k, c) == -gain, !holds(k, a) else { continue }
                if swapChange(i, k, rotation) < 0 {
                    swap(i, k, rotation)
                    return true
                }
            }
        }
        return false
    }
}
