/// Which mentors each mentee meets over all rotations, as a min-cost flow on candidate pairs.
///
/// Each mentee sends `rotations` units, at most one to each mentor. Every plan's mentor holds
/// between `lowerLoad` and `upperLoad` mentee-slots in total, so: mentor j must absorb
/// `lowerLoad` units itself (a demand) and may pass up to `rotations` more to a sink, whose demand
/// is the rest, n · r − m · lowerLoad. A pair costs `maxScore − score`: least cost is most interest.
///
/// Units are routed one at a time (mentees in turn, `rotations` rounds) along a shortest path
/// from the mentee to the nearest node still short of its demand: successive shortest paths,
/// with Dijkstra on reduced costs. The potentials keep every residual arc's reduced cost ≥ 0,
/// which proves the flow optimal on its candidates and is what `RotationBound` reads.
struct RotationFlow {
    let input: RotationInput
    private(set) var graph: RotationCandidates
    /// The mentors each mentee holds: `held[i * heldStride ..< i * heldStride + heldCount[i]]`.
    private(set) var held: [Int32]
    private(set) var heldCount: [Int]
    /// The mentees each mentor holds: `members[j * memberStride ..< j * memberStride + load[j]]`.
    private var members: [Int32]
    private(set) var load: [Int]
    /// Node potentials: mentors `0..<m`, the sink `m`, mentees `m + 1..<m + 1 + n`. (The heap
    /// pops lower nodes first on ties, so a search meets a node that can take its unit sooner.)
    private var potential: [Int]
    /// Units the sink has absorbed (Σ max(0, load − lowerLoad)).
    private var sinkLoad = 0
    /// While `admit` routes the unit a new pair brought to this mentor, its load counts one more
    /// than it absorbs or passes on.
    private var surplusMentor = -1
    /// One spare place per list: `admit` lets a mentee hold one mentor too many for a moment.
    let heldStride: Int
    private let memberStride: Int
    private var search: Search

    init(_ input: RotationInput, candidates: RotationCandidates) {
        self.input = input
        graph = candidates
        let n = input.mentees, m = input.mentors
        heldStride = input.rotations + 1
        memberStride = input.upperLoad + 1
        held = [Int32](repeating: -1, count: n * heldStride)
        heldCount = [Int](repeating: 0, count: n)
        members = [Int32](repeating: -1, count: m * memberStride)
        load = [Int](repeating: 0, count: m)
        potential = [Int](repeating: 0, count: n + m + 1)
        search = Search(nodeCount: n + m + 1, mentors: m)
    }

    /// Starts from mentor prices (see `rotationPrices`): mentor j's potential is −price_j, each
    /// mentee's the least that keeps its arcs' reduced costs ≥ 0 (max over candidates of
    /// score − price − maxScore), the sink's the least mentor's. With no flow yet, those are the
    /// only arcs, so any prices give valid potentials.
    init(_ input: RotationInput, candidates: RotationCandidates, prices: [Int]) {
        self.init(input, candidates: candidates)
        let m = input.mentors
        for j in 0..<m { potential[j] = -prices[j] }
        for i in 0..<input.mentees {
            var most = Int.min
            for k in (i * m)..<(i * m + graph.count[i]) {
                let j = Int(graph.mentor[k])
                most = max(most, input.score(i, j) - prices[j])
            }
            potential[m + 1 + i] = most - input.maxScore
        }
        potential[m] = potential[..<m].min() ?? 0
    }

    func potential(mentee i: Int) -> Int { potential[input.mentors + 1 + i] }
    func potential(mentor j: Int) -> Int { potential[j] }
    func members(of j: Int) -> ArraySlice<Int32> { members[(j * memberStride)..<(j * memberStride + load[j])] }

    /// Routes every unit.
    ///
    /// - Complexity: O(n · r · (e + v) log v) worst case for e candidate pairs and v = n + m
    ///   nodes; a search stops at the first node short of its demand, usually after few pops.
    mutating func solve() {
        for _ in 0..<input.rotations {
            for i in 0..<input.mentees { route(from: input.mentors + 1 + i) }
        }
    }

    /// Adds candidate pairs to a solved flow and restores optimality. A pair whose reduced cost
    /// is negative is taken at once (mentee i then holds one mentor too many, mentor j one mentee
    /// too many), and that extra unit is routed from j along a shortest path back to a mentee
    /// holding too many. Pairs join the graph one at a time, so every search sees only arcs of
    /// non-negative reduced cost.
    ///
    /// - Returns: how many pairs were new.
    /// - Complexity: O(p · (e + v) log v) worst case for p pairs.
    mutating func admit(_ pairs: [(mentee: Int, mentor: Int)]) -> Int {
        var added = 0
        for (i, j) in pairs where !graph.contains(i, j) {
            graph.allow(i, j)
            added += 1
            let first = input.mentors + 1
            if input.maxScore - input.score(i, j) + potential[first + i] - potential[j] < 0 {
                add(mentee: i, mentor: j)
                surplusMentor = j
                route(from: j)
                surplusMentor = -1
            }
        }
        return added
    }

    /// Scratch space reused by every search.
    private struct Search {
        var heap: IndexedMinHeap
        var dist: [Int]
        var stamp: [Int]
        var pred: [Int32]
        var mark: [Int]
        var settled: [Int32] = []
        var path: [Int] = []
        var epoch = 0

        init(nodeCount: Int, mentors: Int) {
            heap = IndexedMinHeap(nodeCount: nodeCount)
            dist = [Int](repeating: 0, count: nodeCount)
            stamp = [Int](repeating: 0, count: nodeCount)
            pred = [Int32](repeating: -1, count: nodeCount)
            mark = [Int](repeating: 0, count: mentors)
        }

        @inline(__always)
        mutating func relax(_ node: Int, _ d: Int, from: Int) {
            if stamp[node] != epoch || d < dist[node] {
                stamp[node] = epoch
                dist[node] = d
                pred[node] = Int32(from)
                heap.pushOrDecrease(node, d)
            }
        }
    }

    /// Sends one unit from `source` along a shortest path to the nearest node that can take it: a
    /// mentor short of its demand, the sink short of its, or a mentee holding one mentor too many.
    /// Then updates the potentials and moves mentees along the path.
    private mutating func route(from source: Int) {
        let n = input.mentees, m = input.mentors, r = input.rotations
        let sink = m, first = m + 1, lower = input.lowerLoad, upper = input.upperLoad, top = input.maxScore
        let sinkDemand = n * r - m * lower
        var s = search
        search = Search(nodeCount: 0, mentors: 0)
        defer { search = s }
        s.epoch += 1
        s.settled.removeAll(keepingCapacity: true)
        s.heap.removeAll()
        s.relax(source, 0, from: -1)
        var target = -1, targetDistance = 0
        while let (node, d) = s.heap.popMin() {
            if node >= first {
                // A mentee: to each candidate mentor it does not hold yet.
                let x = node - first, base = d + potential[node]
                if heldCount[x] > r { target = node; targetDistance = d; break }
                let heldRange = (x * heldStride)..<(x * heldStride + heldCount[x])
                for k in heldRange { s.mark[Int(held[k])] = s.epoch }
                for k in (x * m)..<(x * m + graph.count[x]) {
                    let y = Int(graph.mentor[k])
                    if s.mark[y] == s.epoch { continue }
                    s.relax(y, base + top - input.score(x, y) - potential[y], from: node)
                }
                for k in heldRange { s.mark[Int(held[k])] = 0 }
            } else if node < sink {
                // A mentor: its own demand first; else pass a unit on to the sink, or let one of
                // its mentees move elsewhere.
                let y = node, passed = load[y] - (y == surplusMentor ? 1 : 0)
                if passed < lower { target = node; targetDistance = d; break }
                let base = d + potential[node]
                for k in (y * memberStride)..<(y * memberStride + load[y]) {
                    let x = Int(members[k])
                    s.relax(first + x, base - top + input.score(x, y) - potential[first + x], from: node)
                }
                if passed < upper { s.relax(sink, base - potential[sink], from: node) }
            } else {
                // The sink: take the unit, or hand it back to a mentor holding extra units.
                if sinkLoad < sinkDemand { target = node; targetDistance = d; break }
                let base = d + potential[sink]
                for y in 0..<m where load[y] - (y == surplusMentor ? 1 : 0) > lower {
                    s.relax(y, base - potential[y], from: sink)
                }
            }
            s.settled.append(Int32(node))
        }
        // The candidates include a feasible plan, so some node short of its demand is reachable.
        precondition(target >= 0, "rotation flow: no augmenting path")
        for node in s.settled { potential[Int(node)] += s.dist[Int(node)] - targetDistance }
        if target == sink { sinkLoad += 1 }
        // The path back from the target: first every mentee leaves the mentor it is taken from,
        // then every mentee joins the next mentor, so no list overflows.
        s.path.removeAll(keepingCapacity: true)
        var node = target
        while node != source {
            s.path.append(node)
            node = Int(s.pred[node])
        }
        s.path.append(source)
        for k in 0..<(s.path.count - 1) where s.path[k] >= first {
            remove(mentee: s.path[k] - first, mentor: s.path[k + 1])
        }
        for k in 0..<(s.path.count - 1) where s.path[k + 1] >= first {
            add(mentee: s.path[k + 1] - first, mentor: s.path[k])
        }
    }

    private mutating func add(mentee x: Int, mentor y: Int) {
        held[x * heldStride + heldCount[x]] = Int32(y)
        heldCount[x] += 1
        members[y * memberStride + load[y]] = Int32(x)
        load[y] += 1
    }

    private mutating func remove(mentee x: Int, mentor y: Int) {
        for k in (x * heldStride)..<(x * heldStride + heldCount[x]) where held[k] == Int32(y) {
            heldCount[x] -= 1
            held[k] = held[x * heldStride + heldCount[x]]
            break
        }
        for k in (y * memberStride)..<(y * memberStride + load[y]) where members[k] == Int32(x) {
            load[y] -= 1
            members[k] = members[y * memberStride + load[y]]
            break
        }
    }
}
