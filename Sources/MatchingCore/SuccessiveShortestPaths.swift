/// A maximum matching of greatest score on a `BipartiteGraph`, with LP duals that prove it.
struct FlowSolution {
    /// Mentor of each mentee, or -1.
    var mentorOfMentee: [Int32]
    /// Score of each mentee's matched pair (0 when unmatched).
    var scoreOfMentee: [Int32]
    /// Duals of the LP "maximise Σ (bigM + score) over matched pairs" (see `OptimalityCertificate`).
    var menteeDual: [Int]
    var mentorDual: [Int]
}

/// Min-cost flow source → mentees → mentors → sink, edge cost `maxScore − score ≥ 0`, by
/// successive shortest paths: Dijkstra on reduced costs (Johnson potentials), one augmenting path
/// per round from all free mentees at once, stopping at the first mentor with room.
///
/// Every augmenting path adds one pair, and after k of them the flow is a cheapest k-flow, that
/// is a k-matching of greatest score; so when no path is left the matching has the most pairs
/// and, among those, the greatest total. Ties go to lower indices (heap order, adjacency order).
///
/// Potential bookkeeping: after a round with target distance `dt`, each settled node's potential
/// moves by `dist − dt` and the others stay, so mentors with room and the sink stay at 0 while
/// free mentees share `freePotential`. All free mentees are sources at distance 0, so a mentor's
/// start distance comes from its best free mentee alone (a pointer per mentor that only moves
/// forward, since a mentee never becomes free again).
///
/// - Complexity: O(k (m + e' log(n + m))) worst case for k pairs, where e' is the number of edges
///   a round scans; early stopping makes rounds much cheaper in practice.
func successiveShortestPaths(_ g: BipartiteGraph, maxScore: Int, bigM: Int) -> FlowSolution {
    let n = g.menteeCount, m = g.mentorCount
    var mate = [Int32](repeating: -1, count: n)
    var mateCost = [Int](repeating: 0, count: n)
    var load = [Int](repeating: 0, count: m)
    var memberStart = [Int](repeating: 0, count: m + 1)
    for j in 0..<m { memberStart[j + 1] = memberStart[j] + g.capacity[j] }
    var members = [Int32](repeating: -1, count: memberStart[m])
    var menteePotential = [Int](repeating: 0, count: n)
    var mentorPotential = [Int](repeating: 0, count: m)
    var freePotential = 0
    var pointer = Array(g.mentorStart.dropLast())
    var dist = [Int](repeating: 0, count: m + n)
    var stamp = [Int](repeating: 0, count: m + n)
    var epoch = 0
    var predMentee = [Int32](repeating: -1, count: m)
    var predCost = [Int](repeating: 0, count: m)
    var settled: [Int32] = []
    var heap = IndexedMinHeap(nodeCount: m + n)
    // Mentors that still have a free mentee to start from, compacted as they run out.
    var active = (0..<m).filter { g.capacity[$0] > 0 }

    while true {
        epoch += 1
        settled.removeAll(keepingCapacity: true)
        heap.removeAll()
        var kept = 0
        for j in active {
            var p = pointer[j]
            let end = g.mentorStart[j + 1]
            while p < end, mate[Int(g.mentorMentee[p])] >= 0 { p += 1 }
            pointer[j] = p
            guard p < end else { continue }
            active[kept] = j
            kept += 1
            let cost = maxScore - Int(g.mentorScore[p])
            let d = cost + freePotential - mentorPotential[j]
            dist[j] = d
            stamp[j] = epoch
            predMentee[j] = g.mentorMentee[p]
            predCost[j] = cost
            heap.pushOrDecrease(j, d)
        }
        active.removeLast(active.count - kept)

        var target = -1
        var targetDistance = 0
        while let (node, d) = heap.popMin() {
            if node < m {
                let j = node
                if load[j] < g.capacity[j] {
                    target = j
                    targetDistance = d
                    break
                }
                settled.append(Int32(node))
                for slot in memberStart[j]..<(memberStart[j] + load[j]) {
                    let i = Int(members[slot])
                    let nd = d - mateCost[i] + mentorPotential[j] - menteePotential[i]
                    let v = m + i
                    if stamp[v] != epoch || nd < dist[v] {
                        stamp[v] = epoch
                        dist[v] = nd
                        heap.pushOrDecrease(v, nd)
                    }
                }
            } else {
                let i = node - m
                settled.append(Int32(node))
                let own = mate[i]
                let base = d + menteePotential[i]
                for k in g.menteeStart[i]..<g.menteeStart[i + 1] {
                    let j = Int(g.menteeMentor[k])
                    if j == own { continue }
                    let cost = maxScore - Int(g.menteeScore[k])
                    let nd = base + cost - mentorPotential[j]
                    if stamp[j] != epoch || nd < dist[j] {
                        stamp[j] = epoch
                        dist[j] = nd
                        predMentee[j] = Int32(i)
                        predCost[j] = cost
                        heap.pushOrDecrease(j, nd)
                    }
                }
            }
        }
        guard target >= 0 else { break }

        for node in settled {
            let v = Int(node)
            if v < m { mentorPotential[v] += dist[v] - targetDistance }
            else { menteePotential[v - m] += dist[v] - targetDistance }
        }
        freePotential -= targetDistance

        // Walk back from the target: each mentee on the path moves to the next mentor.
        var j = target
        var leaving: Int32 = -1
        while true {
            let i = Int(predMentee[j])
            let previous = mate[i]
            mate[i] = Int32(j)
            mateCost[i] = predCost[j]
            if j == target {
                members[memberStart[j] + load[j]] = Int32(i)
                load[j] += 1
            } else {
                for slot in memberStart[j]..<(memberStart[j] + load[j]) where members[slot] == leaving {
                    members[slot] = Int32(i)
                    break
                }
            }
            if previous < 0 {
                menteePotential[i] = freePotential
                break
            }
            leaving = Int32(i)
            j = Int(previous)
        }
    }

    // Certificate: nodes the last (failed) search did not reach move up by `shift`, which makes
    // sink − source potential = bigM + maxScore; then duals are potential differences.
    let top = bigM + maxScore
    let shift = top + freePotential
    var mentorDual = [Int](repeating: 0, count: m)
    for j in 0..<m where load[j] == g.requestedCapacity[j] {
        let reached = stamp[j] == epoch
        // A mentor without capacity takes no pair, so any dual ≥ every pair weight will do.
        mentorDual[j] = g.requestedCapacity[j] == 0 ? top : shift - (mentorPotential[j] + (reached ? 0 : shift))
    }
    // A mentor short of its capacity only because it has no more mentees keeps dual 0; its
    // mentees then take the whole pair weight (`top − cost`) below.
    var menteeDual = [Int](repeating: 0, count: n)
    var scoreOfMentee = [Int32](repeating: 0, count: n)
    for i in 0..<n where mate[i] >= 0 {
        menteeDual[i] = top - mateCost[i] - mentorDual[Int(mate[i])]
        scoreOfMentee[i] = Int32(maxScore - mateCost[i])
    }
    return FlowSolution(mentorOfMentee: mate, scoreOfMentee: scoreOfMentee,
                        menteeDual: menteeDual, mentorDual: mentorDual)
}
