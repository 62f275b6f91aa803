/// An upper bound on the interest of every rotation plan, read from the flow's potentials, and
/// the pairs left out of the candidates that those potentials underprice.
///
/// Every plan gives each mentee `rotations` distinct mentors and each mentor between `lowerLoad`
/// and `upperLoad` mentee-slots in total. So its interest is at most the optimum of the linear
/// program "maximise Σ s·x subject to Σ_j x_ij = r, lowerLoad ≤ Σ_i x_ij ≤ upperLoad, 0 ≤ x ≤ 1",
/// and by weak duality at most the value of ANY dual solution of that program:
///
///     Σ_i r·u_i + Σ_j (upperLoad·max(v_j, 0) − lowerLoad·max(−v_j, 0)) + Σ_ij max(0, s_ij − u_i − v_j)
///
/// for any numbers u, v (the last sum, over all n · m pairs, prices the x ≤ 1 rows). We take
/// u_i + v_j = maxScore + p_i − p_j from the flow's potentials p and the best common shift
/// u + c, v − c. When no pair outside the candidates has s_ij > u_i + v_j, complementary
/// slackness holds everywhere and the bound equals the flow's interest: the flow is optimal over
/// all pairs, not only the candidates.
struct RotationBound {
    var value = 0
    /// Pairs not held whose s_ij − u_i − v_j is positive: the flow may improve with them.
    var underpriced: [(mentee: Int, mentor: Int)] = []

    /// - Complexity: O(n · m + m log m).
    init(_ flow: RotationFlow) {
        let input = flow.input
        let n = input.mentees, m = input.mentors, r = input.rotations
        guard n > 0, r > 0 else { return }
        let top = input.maxScore
        // u_i = a_i + c and v_j = b_j − c.
        let a = (0..<n).map { top + flow.potential(mentee: $0) }
        let b = (0..<m).map { -flow.potential(mentor: $0) }

        var excess = 0
        var isHeld = [Int](repeating: -1, count: m)
        for i in 0..<n {
            for k in (i * flow.heldStride)..<(i * flow.heldStride + flow.heldCount[i]) { isHeld[Int(flow.held[k])] = i }
            for j in 0..<m {
                let gap = input.score(i, j) - a[i] - b[j]
                guard gap > 0 else { continue }
                excess += gap
                if isHeld[j] != i { underpriced.append((i, j)) }
            }
        }

        // g(c) = r · Σ(a_i + c) + Σ_j f_j(b_j − c), f_j(v) = v · (v ≥ 0 ? upperLoad : lowerLoad),
        // is convex and piecewise linear with its corners at c = b_j: try them all.
        let lower = input.lowerLoad, upper = input.upperLoad
        let sorted = b.sorted()
        var above = sorted.reduce(0, +), below = 0
        let mentees = r * a.reduce(0, +)
        var best = Int.max
        for (k, c) in sorted.enumerated() {
            // Mentors k... have b ≥ c (v ≥ 0); mentors ..<k have b ≤ c (v ≤ 0).
            let high = above - (m - k) * c, low = below - k * c
            best = min(best, mentees + n * r * c + upper * high + lower * low)
            above -= c
            below += c
        }
        value = best + excess
    }
}
