extension AssignmentProblem {

    /// The mentee-optimal stable matching (hospital–residents, mentees proposing).
    ///
    /// Each mentee ranks its allowed mentors by score, then by lower index; each mentor ranks the
    /// mentees who propose by score, then by lower index, and holds its best `capacity` of them.
    /// With these strict rankings the result is unique: every mentee gets the best mentor it has in
    /// any stable matching. Only allowed pairs rank; a pair listed twice counts at its best score
    /// (the weaker copy is only proposed after the better one was refused, and refused again).
    ///
    /// A refused proposal stays refused (a mentor's bar only rises), so instead of proposing down
    /// a sorted list, a free mentee scans its remaining edges once, drops those now refused, and
    /// proposes to the best of the rest, which accepts. A mentee displaced more than
    /// 8 times proposes from a heap of what is left instead.
    ///
    /// - Complexity: O(n + m + e · (s + log d)) for s = 8 scans and d the largest degree.
    public func stableMatching() -> Assignment { stableMatching(scansBeforeHeap: 8) }

    func stableMatching(scansBeforeHeap: Int) -> Assignment {
        let n = menteeCount, m = mentorCount
        // Each mentee's edges as keys (smaller = preferred: higher score, then lower mentor).
        var start = [Int](repeating: 0, count: n + 1)
        var indegree = [Int](repeating: 0, count: m)
        for k in 0..<edgeCount {
            start[Int(edgeMentee[k]) + 1] += 1
            indegree[Int(edgeMentor[k])] += 1
        }
        for i in 0..<n { start[i + 1] += start[i] }
        var fill = start
        var key = [Int](repeating: 0, count: edgeCount)
        for k in 0..<edgeCount {
            let i = Int(edgeMentee[k])
            key[fill[i]] = (AssignmentProblem.maxScore - Int(edgeScore[k])) << 32 | Int(edgeMentor[k])
            fill[i] += 1
        }
        // fill[i] is now the end of mentee i's remaining edges, which shrink as it proposes.
        var scans = [Int](repeating: 0, count: n)

        // Held proposals per mentor: a heap whose root is the mentor's least preferred mentee.
        var heldStart = [Int](repeating: 0, count: m + 1)
        for j in 0..<m { heldStart[j + 1] = heldStart[j] + min(mentorCapacities[j], indegree[j]) }
        var heldMentee = [Int32](repeating: 0, count: heldStart[m])
        var heldScore = [Int32](repeating: 0, count: heldStart[m])
        var load = [Int](repeating: 0, count: m)
        var free = Array((0..<n).reversed())

        /// Whether (s, a) ranks below (t, b) for a mentor.
        func worse(_ s: Int32, _ a: Int32, _ t: Int32, _ b: Int32) -> Bool { s < t || (s == t && a > b) }
        /// Whether mentor j would hold mentee i proposing at score s.
        func accepts(_ j: Int, _ s: Int32, _ i: Int32) -> Bool {
            let base = heldStart[j], cap = heldStart[j + 1] - base
            return cap > 0 && (load[j] < cap || worse(heldScore[base], heldMentee[base], s, i))
        }
        /// Mentor j holds mentee i (which it accepts), letting go of its least preferred if full.
        func hold(_ j: Int, _ s: Int32, _ i: Int32) {
            let base = heldStart[j], cap = heldStart[j + 1] - base
            if load[j] < cap {
                var c = load[j]
                load[j] += 1
                while c > 0 {
                    let p = (c - 1) / 2
                    guard worse(s, i, heldScore[base + p], heldMentee[base + p]) else { break }
                    heldScore[base + c] = heldScore[base + p]
                    heldMentee[base + c] = heldMentee[base + p]
                    c = p
                }
                heldScore[base + c] = s
                heldMentee[base + c] = i
                return
            }
            free.append(Int(heldMentee[base]))
            var p = 0
            while true {
                var c = 2 * p + 1
                guard c < cap else { break }
                if c + 1 < cap, worse(heldScore[base + c + 1], heldMentee[base + c + 1], heldScore[base + c], heldMentee[base + c]) { c += 1 }
                guard worse(heldScore[base + c], heldMentee[base + c], s, i) else { break }
                heldScore[base + p] = heldScore[base + c]
                heldMentee[base + p] = heldMentee[base + c]
                p = c
            }
            heldScore[base + p] = s
            heldMentee[base + p] = i
        }
        func mentor(_ key: Int) -> Int { key & 0xFFFF_FFFF }
        func score(_ key: Int) -> Int32 { Int32(AssignmentProblem.maxScore - (key >> 32)) }

        while let i = free.popLast() {
            scans[i] += 1
            if scans[i] <= scansBeforeHeap {
                var k = start[i], end = fill[i], best = -1
                while k < end {
                    if accepts(mentor(key[k]), score(key[k]), Int32(i)) {
                        if best < 0 || key[k] < key[best] { best = k }
                        k += 1
                    } else {
                        end -= 1
                        key[k] = key[end]
                    }
                }
                guard best >= 0 else { fill[i] = end; continue }
                let chosen = key[best]
                end -= 1
                key[best] = key[end]
                fill[i] = end
                hold(mentor(chosen), score(chosen), Int32(i))
                continue
            }
            if scans[i] == scansBeforeHeap + 1 {
                var p = (fill[i] - start[i]) / 2
                while p > 0 { p -= 1; siftDown(&key, base: start[i], end: fill[i], from: p) }
            }
            while fill[i] > start[i] {
                let best = key[start[i]]
                fill[i] -= 1
                key[start[i]] = key[fill[i]]
                siftDown(&key, base: start[i], end: fill[i], from: 0)
                if accepts(mentor(best), score(best), Int32(i)) {
                    hold(mentor(best), score(best), Int32(i))
                    break
                }
            }
        }
        var pairs: [AssignedPair] = []
        for j in 0..<m {
            for slot in heldStart[j]..<(heldStart[j] + load[j]) {
                pairs.append(AssignedPair(mentee: Int(heldMentee[slot]), mentor: j, score: Int(heldScore[slot])))
            }
        }
        return Assignment(pairs: pairs)
    }
}

/// Restores the min-heap order of `keys[base..<end]` below position `from` (relative to base).
private func siftDown(_ keys: inout [Int], base: Int, end: Int, from: Int) {
    let count = end - base
    var parent = from
    guard parent < count else { return }
    let value = keys[base + parent]
    while true {
        var child = 2 * parent + 1
        guard child < count else { break }
        if child + 1 < count, keys[base + child + 1] < keys[base + child] { child += 1 }
        guard keys[base + child] < value else { break }
        keys[base + parent] = keys[base + child]
        parent = child
    }
    keys[base + parent] = value
}
