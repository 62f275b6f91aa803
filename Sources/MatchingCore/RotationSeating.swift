/// Who sits at which table in each rotation, with the tables' member lists, so that the
/// fellow-mentee variety (`RotationVariety`, `RotationAnnealing`) can count and change it cheaply.
///
/// A mentee pair that shares a table in k rotations counts k − 1 repeats; moving one mentee
/// between tables in one rotation changes only its pairs with the two tables' members.
struct RotationSeating {
    let input: RotationInput
    let mentees: Int
    let rotations: Int
    /// The size of a large table; every table holds `large` or `large − 1` mentees between moves.
    let large: Int
    /// Room per table: one more than `large`, since a move sequence may overfill one table briefly.
    let capacity: Int
    /// `mentor[mentee * rotations + rotation]`: a mentee's mentors side by side, since comparing
    /// two mentees' rows is the inner loop.
    private var mentor: [Int32]
    /// Members of table (rotation, j): `seat[t * capacity ..< t * capacity + size[t]]`, t = rotation · m + j.
    private(set) var seat: [Int32]
    private(set) var size: [Int]
    /// Where each mentee sits in its table's list: `place[mentee * rotations + rotation]`.
    private var place: [Int32]
    /// Seats looked at so far (times the rotations compared for each): the local searches stop
    /// at a budget of these, so that large tables, where every move costs more, cannot make them slow.
    var work = 0

    /// - Parameter mentor: `mentor[rotation * n + mentee]`, as `rotationColouring` gives it.
    init(_ input: RotationInput, mentor byRotation: [Int32]) {
        self.input = input
        mentees = input.mentees
        rotations = input.rotations
        large = input.smallTable + 1
        capacity = large + 1
        mentor = [Int32](repeating: -1, count: rotations * mentees)
        seat = [Int32](repeating: -1, count: rotations * input.mentors * capacity)
        size = [Int](repeating: 0, count: rotations * input.mentors)
        place = [Int32](repeating: -1, count: rotations * mentees)
        for rotation in 0..<rotations {
            for i in 0..<mentees { sit(i, rotation, Int(byRotation[rotation * mentees + i])) }
        }
    }

    @inline(__always)
    func table(_ rotation: Int, _ j: Int) -> Int { rotation * input.mentors + j }

    @inline(__always)
    func mentorOf(_ i: Int, _ rotation: Int) -> Int { Int(mentor[i * rotations + rotation]) }

    /// Whether `i` meets mentor `j` in any rotation.
    func holds(_ i: Int, _ j: Int) -> Bool {
        for rotation in 0..<rotations where mentor[i * rotations + rotation] == Int32(j) { return true }
        return false
    }

    /// How many members of table (rotation, j), other than `i` and `skip`, `i` also meets in
    /// another rotation: the repeats `i` adds by sitting there.
    mutating func repeats(_ i: Int, _ rotation: Int, at j: Int, skip: Int = -1) -> Int {
        let t = table(rotation, j), r = rotations
        work += size[t] * r
        var count = 0
        for u in (t * capacity)..<(t * capacity + size[t]) {
            let k = Int(seat[u])
            guard k != i, k != skip else { continue }
            for other in 0..<r where other != rotation && mentor[i * r + other] == mentor[k * r + other] {
                count += 1
                break
            }
        }
        return count
    }

    /// Moves `i` to mentor `j`'s table in `rotation`.
    mutating func move(_ i: Int, _ rotation: Int, to j: Int) {
        let from = table(rotation, mentorOf(i, rotation))
        let at = Int(place[i * rotations + rotation])
        size[from] -= 1
        let last = seat[from * capacity + size[from]]
        seat[from * capacity + at] = last
        place[Int(last) * rotations + rotation] = Int32(at)
        sit(i, rotation, j)
    }

    private mutating func sit(_ i: Int, _ rotation: Int, _ j: Int) {
        let t = table(rotation, j)
        seat[t * capacity + size[t]] = Int32(i)
        place[i * rotations + rotation] = Int32(size[t])
        size[t] += 1
        mentor[i * rotations + rotation] = Int32(j)
    }

    /// The change in repeated pairs if `i` and `k` (at different tables) exchanged tables in `rotation`.
    mutating func swapChange(_ i: Int, _ k: Int, _ rotation: Int) -> Int {
        let a = mentorOf(i, rotation), b = mentorOf(k, rotation)
        return repeats(i, rotation, at: b, skip: k) - repeats(i, rotation, at: a)
            + repeats(k, rotation, at: a, skip: i) - repeats(k, rotation, at: b)
    }

    /// Exchanges the tables of `i` and `k` in `rotation`.
    mutating func swap(_ i: Int, _ k: Int, _ rotation: Int) {
        let a = mentorOf(i, rotation), b = mentorOf(k, rotation)
        move(i, rotation, to: b)
        move(k, rotation, to: a)
    }

    /// Whether `i` alone may exchange its mentors of `r1` and `r2`: both tables it leaves are
    /// large and both it joins small, so they only trade sizes.
    func mayExchangeAlone(_ i: Int, _ r1: Int, _ r2: Int) -> Bool {
        let a = mentorOf(i, r1), b = mentorOf(i, r2)
        return size[table(r1, a)] == large && size[table(r1, b)] == large - 1
            && size[table(r2, b)] == large && size[table(r2, a)] == large - 1
    }

    /// Up to three mentees who exchange their mentors of two rotations together.
    struct Cycle {
        var count: Int
        var members: (Int, Int, Int)

        subscript(_ k: Int) -> Int { k == 0 ? members.0 : k == 1 ? members.1 : members.2 }

        /// The cycle whose exchange undoes this one's.
        var reversed: Cycle { Cycle(count: count, members: count == 3 ? (members.0, members.2, members.1) : members) }
    }

    /// Makes each mentee of `cycle` exchange its mentors of rotations `r1` and `r2`, and returns
    /// the change in repeated pairs. Table sizes end as they were when the cycle closes: in `r1`,
    /// each mentee's `r2` mentor is the next one's `r1` mentor, the last's the first's. Moves go in
    /// an order that overfills at most one table by one at a time.
    mutating func exchange(_ cycle: Cycle, _ r1: Int, _ r2: Int) -> Int {
        var change = 0
        var old = (0, 0, 0)
        for k in 0..<cycle.count {
            let x = cycle[k], from = mentorOf(x, r1), to = mentorOf(x, r2)
            if k == 0 { old.0 = from } else if k == 1 { old.1 = from } else { old.2 = from }
            change += repeats(x, r1, at: to) - repeats(x, r1, at: from)
            move(x, r1, to: to)
        }
        for step in 0..<cycle.count {
            let k = (cycle.count - step) % cycle.count, x = cycle[k]
            let to = k == 0 ? old.0 : k == 1 ? old.1 : old.2
            change += repeats(x, r2, at: to) - repeats(x, r2, at: mentorOf(x, r2))
            move(x, r2, to: to)
        }
        return change
    }

    /// The cycles of two or three through `i` for rotations `r1` and `r2`: x meets i's r2 mentor
    /// in r1 and i's r1 mentor in r2; or x leads to a third mentor whose y closes the cycle.
    mutating func cycles(from i: Int, _ r1: Int, _ r2: Int, longest: Int = 3, into found: inout [Cycle]) {
        found.removeAll(keepingCapacity: true)
        let a = mentorOf(i, r1), t = table(r1, mentorOf(i, r2))
        work += size[t]
        for u in (t * capacity)..<(t * capacity + size[t]) {
            let x = Int(seat[u]), c = mentorOf(x, r2)
            if c == a { found.append(Cycle(count: 2, members: (i, x, -1))); continue }
            guard longest > 2 else { continue }
            let next = table(r1, c)
            work += size[next]
            for w in (next * capacity)..<(next * capacity + size[next]) where mentorOf(Int(seat[w]), r2) == a {
                found.append(Cycle(count: 3, members: (i, x, Int(seat[w]))))
            }
        }
    }

    /// For each rotation, the mentor index of each mentee.
    var assignment: [[Int]] { (0..<rotations).map { rotation in (0..<mentees).map { mentorOf($0, rotation) } } }
}
