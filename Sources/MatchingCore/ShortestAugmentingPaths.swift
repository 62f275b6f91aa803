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

/// Solves `g` exactly as a rectangular assignment problem (Hungarian method, sparse, one
/// Dijkstra per row on reduced costs).
///
/// Rows are the smaller side: every unit of mentor capacity (a "slot") when there are fewer slots
/// than mentees, else every mentee. Each row is given to a column (a mentee, or a mentor with room)
/// or to a dummy column meaning "left empty" at cost `top = bigM + maxScore`; a real pair costs
/// `maxScore − score`. Because `top` exceeds any difference in real cost, the cheapest row-perfect
/// assignment leaves the fewest rows empty and then has the greatest score: the lexicographic
/// optimum. Each search stops at the first free column, which is cheap while that side is plentiful.
///
/// - Complexity: O(r · (e + v) log v) worst case for r rows, e edges and v nodes; a search usually
///   stops after a few pops.
func shortestAugmentingPaths(_ g: BipartiteGraph, maxScore: Int, bigM: Int) -> FlowSolution {
    let top = bigM + maxScore
    let slots = g.capacity.reduce(0, +)
    let mentorRows = slots <= (0..<g.menteeCount).count { g.menteeStart[$0 + 1] > g.menteeStart[$0] }
    var rows: RowAssignment
    if mentorRows {
        rows = RowAssignment(
            rowSlots: g.capacity, columnCapacity: [Int](repeating: 1, count: g.menteeCount),
            start: g.mentorStart, column: g.mentorMentee, score: g.mentorScore, maxScore: maxScore)
    } else {
        let menteeSlots = (0..<g.menteeCount).map { min(1, g.menteeStart[$0 + 1] - g.menteeStart[$0]) }
        rows = RowAssignment(
            rowSlots: menteeSlots, columnCapacity: g.capacity,
            start: g.menteeStart, column: g.menteeMentor, score: g.menteeScore, maxScore: maxScore)
    }
    rows.solve(emptyCost: top)

    // Duals: a column's is −potential, a row's is top + potential (≥ 0: the dummy arc's reduced cost).
    let n = g.menteeCount, m = g.mentorCount
    var mentorOf = [Int32](repeating: -1, count: n)
    var costOf = [Int](repeating: 0, count: n)
    var menteeDual = [Int](repeating: 0, count: n)
    var mentorDual = [Int](repeating: 0, count: m)
    var load = [Int](repeating: 0, count: m)
    for x in 0..<rows.rowCount {
        for (y, cost) in rows.assigned(x) {
            let (mentee, mentor) = mentorRows ? (y, x) : (x, y)
            mentorOf[mentee] = Int32(mentor)
            costOf[mentee] = cost
            load[mentor] += 1
        }
    }
    for j in 0..<m {
        let potential = mentorRows ? top + rows.rowPotential[j] : -rows.columnPotential[j]
        // Without capacity a mentor takes nobody: any dual ≥ every pair weight will do. With room
        // left (only when it has no other mentee), its dual must be 0.
        mentorDual[j] = g.requestedCapacity[j] == 0 ? top : load[j] < g.requestedCapacity[j] ? 0 : potential
    }
    // A matched mentee takes the rest of its pair's weight, which only raises it (tightness).
    for i in 0..<n where mentorOf[i] >= 0 {
        menteeDual[i] = top - costOf[i] - mentorDual[Int(mentorOf[i])]
    }
    return FlowSolution(
        mentorOfMentee: mentorOf,
        scoreOfMentee: costOf.map { Int32(maxScore - $0) },
        menteeDual: menteeDual, mentorDual: mentorDual)
}

/// The Hungarian method on a sparse rectangular problem with row and column capacities.
struct RowAssignment {
    let rowCount: Int
    let columnCount: Int
    private let rowSlots: [Int]
    private let columnCapacity: [Int]
    private let start: [Int]
    private let column: [Int32]
    private let cost: [Int32]
    private(set) var rowPotential: [Int]
    private(set) var columnPotential: [Int]
    /// Columns held by each row (with the pair's cost), in `rowStart` runs of `rowSlots` entries.
    private var rowStart: [Int]
    private var held: [Int32]
    private var heldCost: [Int]
    private var rowLoad: [Int]
    /// Rows holding each column, in runs of at most min(capacity, degree) entries.
    private var memberStart: [Int]
    private var member: [Int32]
    private var memberCost: [Int]
    private var columnLoad: [Int]

    init(rowSlots: [Int], columnCapacity: [Int], start: [Int], column: [Int32], score: [Int32], maxScore: Int) {
        rowCount = rowSlots.count
        columnCount = columnCapacity.count
        self.rowSlots = rowSlots
        self.columnCapacity = columnCapacity
        self.start = start
        self.column = column
        cost = score.map { Int32(maxScore - Int($0)) }
        rowPotential = [Int](repeating: 0, count: rowCount)
        columnPotential = [Int](repeating: 0, count: columnCount)
        rowStart = [0]
        for x in 0..<rowCount { rowStart.append(rowStart[x] + rowSlots[x]) }
        held = [Int32](repeating: -1, count: rowStart[rowCount])
        heldCost = [Int](repeating: 0, count: rowStart[rowCount])
        rowLoad = [Int](repeating: 0, count: rowCount)
        var degree = [Int](repeating: 0, count: columnCount)
        for y in column { degree[Int(y)] += 1 }
        memberStart = [0]
        for y in 0..<columnCount { memberStart.append(memberStart[y] + min(columnCapacity[y], degree[y])) }
        member = [Int32](repeating: -1, count: memberStart[columnCount])
        memberCost = [Int](repeating: 0, count: memberStart[columnCount])
        columnLoad = [Int](repeating: 0, count: columnCount)
    }

    /// The columns row `x` holds, with costs.
    func assigned(_ x: Int) -> [(Int, Int)] {
        (rowStart[x]..<(rowStart[x] + rowLoad[x])).map { (Int(held[$0]), heldCost[$0]) }
    }

    /// Gives every row slot a column or the dummy, by shortest augmenting paths in row order.
    mutating func solve(emptyCost: Int) {
        // Node ids: columns first (they win ties, so a search ends sooner), then rows, then the dummy.
        let c = columnCount, dummy = columnCount + rowCount
        var heap = IndexedMinHeap(nodeCount: dummy + 1)
        var dist = [Int](repeating: 0, count: dummy + 1)
        var stamp = [Int](repeating: 0, count: dummy + 1)
        var pred = [Int32](repeating: -1, count: dummy + 1)
        var predCost = [Int](repeating: 0, count: dummy + 1)
        var mark = [Int](repeating: 0, count: columnCount)
        var settled: [Int32] = []
        var epoch = 0

        for source in 0..<rowCount {
            for _ in 0..<rowSlots[source] {
                epoch += 1
                settled.removeAll(keepingCapacity: true)
                heap.removeAll()
                stamp[c + source] = epoch
                dist[c + source] = 0
                heap.pushOrDecrease(c + source, 0)
                var target = -1, targetDistance = 0
                while let (node, d) = heap.popMin() {
                    if node < c {
                        let y = node
                        if columnLoad[y] < columnCapacity[y] { target = y; targetDistance = d; break }
                        settled.append(Int32(node))
                        for k in memberStart[y]..<(memberStart[y] + columnLoad[y]) {
                            let x = Int(member[k])
                            let nd = d - memberCost[k] + columnPotential[y] - rowPotential[x]
                            if stamp[c + x] != epoch || nd < dist[c + x] {
                                stamp[c + x] = epoch
                                dist[c + x] = nd
                                pred[c + x] = Int32(y)
                                heap.pushOrDecrease(c + x, nd)
                            }
                        }
                    } else if node < dummy {
                        let x = node - c
                        settled.append(Int32(node))
                        for k in rowStart[x]..<(rowStart[x] + rowLoad[x]) { mark[Int(held[k])] = epoch }
                        let base = d + rowPotential[x]
                        for k in start[x]..<start[x + 1] {
                            let y = Int(column[k])
                            if mark[y] == epoch { continue }
                            let nd = base + Int(cost[k]) - columnPotential[y]
                            if stamp[y] != epoch || nd < dist[y] {
                                stamp[y] = epoch
                                dist[y] = nd
                                pred[y] = Int32(x)
                                predCost[y] = Int(cost[k])
                                heap.pushOrDecrease(y, nd)
                            }
                        }
                        // Clear the marks so a later row in this search can use these columns.
                        for k in rowStart[x]..<(rowStart[x] + rowLoad[x]) { mark[Int(held[k])] = 0 }
                        let nd = base + emptyCost
                        if stamp[dummy] != epoch || nd < dist[dummy] {
                            stamp[dummy] = epoch
                            dist[dummy] = nd
                            pred[dummy] = Int32(x)
                            heap.pushOrDecrease(dummy, nd)
                        }
                    } else {
                        target = dummy
                        targetDistance = d
                        break
                    }
                }
                // The dummy is always reachable from the source, so a target exists.
                for node in settled {
                    let v = Int(node)
                    if v < c { columnPotential[v] += dist[v] - targetDistance }
                    else { rowPotential[v - c] += dist[v] - targetDistance }
                }
                augment(to: target, pred: pred, predCost: predCost, source: source)
            }
        }
    }

    /// Shifts assignments along the path found: each row on it takes the next column.
    private mutating func augment(to target: Int, pred: [Int32], predCost: [Int], source: Int) {
        let c = columnCount
        var x = Int(pred[target])
        var gained = target < c ? target : -1
        var gainedCost = predCost[target]
        if gained >= 0 {
            member[memberStart[gained] + columnLoad[gained]] = Int32(x)
            memberCost[memberStart[gained] + columnLoad[gained]] = gainedCost
            columnLoad[gained] += 1
        }
        while true {
            // Row x was reached from a column it holds (unless it is the source): it passes that
            // column back to the row before it, then takes the column it gained.
            var passed = -1
            if x != source {
                passed = Int(pred[c + x])
                for k in rowStart[x]..<(rowStart[x] + rowLoad[x]) where held[k] == Int32(passed) {
                    let last = rowStart[x] + rowLoad[x] - 1
                    held[k] = held[last]
                    heldCost[k] = heldCost[last]
                    rowLoad[x] -= 1
                    break
                }
            }
            if gained >= 0 {
                held[rowStart[x] + rowLoad[x]] = Int32(gained)
                heldCost[rowStart[x] + rowLoad[x]] = gainedCost
                rowLoad[x] += 1
            }
            if x == source { return }
            let y = passed
            let previous = Int(pred[y])
            for k in memberStart[y]..<(memberStart[y] + columnLoad[y]) where member[k] == Int32(x) {
                member[k] = Int32(previous)
                memberCost[k] = predCost[y]
                break
            }
            gained = y
            gainedCost = predCost[y]
            x = previous
        }
    }
}
