/// Splits the pairs a `RotationFlow` chose into rotations: each mentee meets one of its mentors
/// in each rotation, and every rotation's tables seat `smallTable` or `smallTable + 1` mentees.
///
/// This is an equitable edge colouring of a bipartite graph (de Werra): mentor j, holding L_j
/// pairs, is split into ⌈L_j / r⌉ copies of at most r pairs each. Mentees and copies then have
/// degree at most r, so by König's theorem the pairs take r colours with no colour twice at a
/// node. Each mentee sees every colour once, and mentor j sees ⌊L_j / r⌋ or ⌈L_j / r⌉ pairs of
/// each colour, which for r · smallTable ≤ L_j ≤ r · (smallTable + 1) is smallTable or
/// smallTable + 1. So no interest is lost between the flow and the plan.
///
/// - Returns: `mentor[rotation * n + mentee]`.
/// - Complexity: O(n · r · (n + m)) worst case (one alternating path per pair); paths are
///   usually short.
func rotationColouring(_ flow: RotationFlow) -> [Int32] {
    let input = flow.input
    let n = input.mentees, m = input.mentors, r = input.rotations
    guard n > 0, r > 0 else { return [] }
    // Pairs as (mentee, copy node); copy nodes are numbered from n.
    var edgeMentee: [Int32] = [], edgeNode: [Int32] = [], nodeMentor: [Int32] = []
    edgeMentee.reserveCapacity(n * r)
    for j in 0..<m {
        let held = flow.members(of: j).sorted()
        for (k, mentee) in held.enumerated() {
            if k % r == 0 { nodeMentor.append(Int32(j)) }
            edgeMentee.append(mentee)
            edgeNode.append(Int32(n + nodeMentor.count - 1))
        }
    }
    let nodes = n + nodeMentor.count
    var at = [Int32](repeating: -1, count: nodes * r)
    var colour = [Int](repeating: -1, count: edgeMentee.count)
    var path: [Int] = []

    func firstFree(_ v: Int) -> Int {
        var c = 0
        while at[v * r + c] >= 0 { c += 1 }
        return c
    }
    func place(_ e: Int, _ c: Int) {
        colour[e] = c
        at[Int(edgeMentee[e]) * r + c] = Int32(e)
        at[Int(edgeNode[e]) * r + c] = Int32(e)
    }

    for e in edgeMentee.indices {
        let x = Int(edgeMentee[e]), y = Int(edgeNode[e])
        let alpha = firstFree(x), beta = firstFree(y)
        if at[y * r + alpha] < 0 { place(e, alpha); continue }
        if at[x * r + beta] < 0 { place(e, beta); continue }
        // Swap alpha and beta along the path from y that starts with y's alpha pair. y has no
        // beta pair, so this is a path, and it cannot reach x (x has no alpha pair, and the path
        // enters mentees by alpha pairs only). Afterwards alpha is free at both ends.
        path.removeAll(keepingCapacity: true)
        var v = y, c = alpha
        while at[v * r + c] >= 0 {
            let f = Int(at[v * r + c])
            path.append(f)
            v = v == Int(edgeMentee[f]) ? Int(edgeNode[f]) : Int(edgeMentee[f])
            c = c == alpha ? beta : alpha
        }
        for f in path {
            at[Int(edgeMentee[f]) * r + colour[f]] = -1
            at[Int(edgeNode[f]) * r + colour[f]] = -1
        }
        for f in path { place(f, colour[f] == alpha ? beta : alpha) }
        place(e, alpha)
    }

    var mentor = [Int32](repeating: -1, count: r * n)
    for e in edgeMentee.indices {
        mentor[colour[e] * n + Int(edgeMentee[e])] = nodeMentor[Int(edgeNode[e]) - n]
    }
    return mentor
}
