extension AssignmentProblem {
    /// The mentee-optimal stable matching (hospital–residents, mentees proposing).
    ///
    /// Each mentee ranks its allowed mentors by score, then by lower index; each mentor ranks the
    /// mentees who propose by score, then by lower index, and holds its best `capacity` of them.
    /// With these strict rankings the result is unique: every mentee gets the best mentor it has in
    /// any stable matching. Only allowed pairs rank; parallel pairs count once, at their best score.
    ///
    /// - Complexity: O(e log e) to rank, plus O(e log c) for the proposals (c the largest capacity).
    public func stableMatching() -> Assignment {
        let g = BipartiteGraph(self)
        let n = menteeCount
        // Each mentee's mentors, best first.
        var preference = [Int](repeating: 0, count: g.menteeMentor.count)
        for i in 0..<n {
            let range = g.menteeStart[i]..<g.menteeStart[i + 1]
            for k in range {
                preference[k] = (AssignmentProblem.maxScore - Int(g.menteeScore[k])) << 32 | Int(g.menteeMentor[k])
            }
            preference[range].sort()
        }
        // Held proposals per mentor: a heap whose root is the mentor's least preferred mentee.
        var heldStart = [Int](repeating: 0, count: mentorCount + 1)
        for j in 0..<mentorCount { heldStart[j + 1] = heldStart[j] + g.capacity[j] }
        var heldMentee = [Int32](repeating: 0, count: heldStart[mentorCount])
        var heldScore = [Int32](repeating: 0, count: heldStart[mentorCount])
        var load = [Int](repeating: 0, count: mentorCount)
        var next = Array(g.menteeStart.dropLast())
        var free = Array((0..<n).reversed())

        /// Whether (s, a) ranks below (t, b) for a mentor.
        func worse(_ s: Int32, _ a: Int32, _ t: Int32, _ b: Int32) -> Bool { s < t || (s == t && a > b) }

        while let i = free.popLast() {
            while next[i] < g.menteeStart[i + 1] {
                let key = preference[next[i]]
                next[i] += 1
                let j = key & 0xFFFF_FFFF
                let s = Int32(AssignmentProblem.maxScore - (key >> 32))
                let base = heldStart[j], cap = g.capacity[j]
                guard cap > 0 else { continue }
                if load[j] < cap {
                    // Insert and sift up towards the root (least preferred on top).
                    var c = load[j]
                    load[j] += 1
                    while c > 0 {
                        let p = (c - 1) / 2
                        guard worse(s, Int32(i), heldScore[base + p], heldMentee[base + p]) else { break }
                        heldScore[base + c] = heldScore[base + p]
                        heldMentee[base + c] = heldMentee[base + p]
                        c = p
                    }
                    heldScore[base + c] = s
                    heldMentee[base + c] = Int32(i)
                    break
                }
                guard worse(heldScore[base], heldMentee[base], s, Int32(i)) else { continue }
                free.append(Int(heldMentee[base]))
                // Replace the root and sift down.
                var p = 0
                while true {
                    var c = 2 * p + 1
                    guard c < cap else { break }
                    if c + 1 < cap, worse(heldScore[base + c + 1], heldMentee[base + c + 1], heldScore[base + c], heldMentee[base + c]) { c += 1 }
                    guard worse(heldScore[base + c], heldMentee[base + c], s, Int32(i)) else { break }
                    heldScore[base + p] = heldScore[base + c]
                    heldMentee[base + p] = heldMentee[base + c]
                    p = c
                }
                heldScore[base + p] = s
                heldMentee[base + p] = Int32(i)
                break
            }
        }
        var pairs: [AssignedPair] = []
        for j in 0..<mentorCount {
            for slot in heldStart[j]..<(heldStart[j] + load[j]) {
                pairs.append(AssignedPair(mentee: Int(heldMentee[slot]), mentor: j, score: Int(heldScore[slot])))
            }
        }
        return Assignment(pairs: pairs)
    }
}
