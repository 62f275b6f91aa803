extension TableRotations {
    /// Checks a plan against every hard rule; returns the broken rules in words (empty when valid).
    ///
    /// The rules: one row per rotation and one seat per mentee in each; every seat at a real
    /// mentor; no mentee meets a mentor twice; in each rotation the largest and smallest tables
    /// (empty ones included) differ by at most one. It also checks the plan's own figures:
    /// `totalInterest` and `repeatedMenteePairs` must match the seats, and `upperBound` cannot be
    /// below `totalInterest`. At most 10 messages per rule, then a count of the rest.
    ///
    /// - Complexity: O(n · m + r² · Σ table size²).
    public static func violations(of plan: RotationPlan, for problem: RotationProblem) -> [String] {
        let input: RotationInput
        do { input = try RotationInput(problem) } catch { return ["the problem is invalid: \(error)"] }
        let n = input.mentees, m = input.mentors, r = input.rotations
        var found: [String] = []
        func report(_ messages: [String]) {
            found += messages.prefix(10)
            if messages.count > 10 { found.append("… and \(messages.count - 10) more like the last") }
        }

        if plan.assignment.count != r { found.append("the plan has \(plan.assignment.count) rotations; the problem has \(r)") }
        var shape: [String] = [], range: [String] = []
        for (rotation, row) in plan.assignment.enumerated() {
            if row.count != n { shape.append("rotation \(rotation) seats \(row.count) mentees; there are \(n)") }
            for (i, j) in row.enumerated() where !(0..<m).contains(j) {
                range.append("rotation \(rotation): mentee \(i) sits at mentor \(j), outside 0..<\(m)")
            }
        }
        report(shape)
        report(range)

        var twice: [String] = []
        var lastSeen = [Int](repeating: -1, count: m)
        for i in 0..<n {
            for (rotation, row) in plan.assignment.enumerated() where i < row.count && (0..<m).contains(row[i]) {
                let j = row[i]
                if lastSeen[j] >= 0 {
                    twice.append("mentee \(i) meets mentor \(j) in rotations \(lastSeen[j]) and \(rotation)")
                }
                lastSeen[j] = rotation
            }
            for row in plan.assignment where i < row.count && (0..<m).contains(row[i]) { lastSeen[row[i]] = -1 }
        }
        report(twice)

        var uneven: [String] = []
        for (rotation, row) in plan.assignment.enumerated() where m > 0 {
            var size = [Int](repeating: 0, count: m)
            for j in row where (0..<m).contains(j) { size[j] += 1 }
            let small = size.indices.min { size[$0] < size[$1] }!, large = size.indices.max { size[$0] < size[$1] }!
            if size[large] - size[small] > 1 {
                uneven.append("rotation \(rotation): mentor \(large)'s table seats \(size[large]) but mentor \(small)'s seats \(size[small])")
            }
        }
        report(uneven)

        let interest = interest(of: plan.assignment, input)
        if interest != plan.totalInterest { found.append("totalInterest says \(plan.totalInterest); the seats add up to \(interest)") }
        if plan.upperBound < plan.totalInterest {
            found.append("upperBound \(plan.upperBound) is below totalInterest \(plan.totalInterest)")
        }
        let repeats = repeatedPairs(in: plan.assignment, mentors: m)
        if repeats != plan.repeatedMenteePairs {
            found.append("repeatedMenteePairs says \(plan.repeatedMenteePairs); the seats give \(repeats)")
        }
        return found
    }
}
