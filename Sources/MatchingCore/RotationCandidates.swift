/// The mentee–mentor pairs the rotation flow may use: a small subset of all n · m pairs, grown
/// only where the bound shows it matters (see `RotationBound`), so the answer stays exact.
///
/// The first set holds, at the rough prices of `rotationPrices`, each mentee's 2r + 4 best mentors
/// by score − price, each mentor's best mentees by how little they give up to sit there (score −
/// price − the mentee's r-th best value), and the pairs of a round-robin plan (mentee i meets
/// mentor (i + k) mod m in rotation k), which alone satisfy every table-size rule: so the flow on
/// the candidates is always feasible. Ties go in a fixed pseudo-random order.
struct RotationCandidates {
    let mentees: Int
    let mentors: Int
    /// `allowed[i * mentors + j]`: whether the flow may use pair (i, j).
    private var allowed: [Bool]
    /// Candidate mentors of mentee i: `mentor[i * mentors ..< i * mentors + count[i]]`, so that
    /// a pair can be added in O(1).
    private(set) var mentor: [Int32]
    private(set) var count: [Int]

    /// - Parameters:
    ///   - perMentee: how many best mentors each mentee starts with (nil: 2r + 4).
    ///   - perMentor: how many best mentees each mentor starts with (nil: r · ⌈n/m⌉ + 2r + 4).
    /// - Complexity: O(n · m) expected.
    init(_ input: RotationInput, prices: [Int], perMentee: Int? = nil, perMentor: Int? = nil) {
        let n = input.mentees, m = input.mentors, r = input.rotations
        mentees = n
        mentors = m
        allowed = [Bool](repeating: false, count: n * m)
        mentor = [Int32](repeating: -1, count: n * m)
        count = [Int](repeating: 0, count: n)
        guard n > 0, m >= r, r > 0 else { return }
        // Enough spare choices that the bound rarely finds anything to add (measured on the
        // benchmark shapes: nothing at 2 000 × 200 × 5); fewer make each search cheaper but
        // call for repairs that cost more.
        let perMentee = max(r, min(m, perMentee ?? 2 * r + 4))
        let perMentor = max(0, min(n, perMentor ?? input.upperLoad + 2 * r + 4))
        var key = [Int](repeating: 0, count: max(n, m))
        // A mentee's value of its r-th best mentor at these prices: what it gives up to move.
        var margin = [Int](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<m { key[j] = Self.rank(input.score(i, j) - prices[j], i, j) }
            let best = Self.best(perMentee, of: key[..<m])
            for j in best { allowed[i * m + j] = true }
            margin[i] = best.map { key[$0] }.sorted(by: >)[r - 1] >> 32
            for k in 0..<r { allowed[i * m + (i + k) % m] = true }
        }
        for j in 0..<m {
            for i in 0..<n { key[i] = Self.rank(input.score(i, j) - prices[j] - margin[i], j, i) }
            for i in Self.best(perMentor, of: key[..<n]) { allowed[i * m + j] = true }
        }
        for i in 0..<n {
            for j in 0..<m where allowed[i * m + j] {
                mentor[i * m + count[i]] = Int32(j)
                count[i] += 1
            }
        }
    }

    func contains(_ i: Int, _ j: Int) -> Bool { allowed[i * mentors + j] }

    /// Adds pair (i, j) if it is not a candidate yet.
    ///
    /// - Complexity: O(1).
    mutating func allow(_ i: Int, _ j: Int) {
        guard !allowed[i * mentors + j] else { return }
        allowed[i * mentors + j] = true
        mentor[i * mentors + count[i]] = Int32(j)
        count[i] += 1
    }

    /// Score first, then a fixed pseudo-random order, so that ties do not all favour low indices
    /// (which would send every tied mentee to the same mentors).
    @inline(__always)
    static func rank(_ score: Int, _ owner: Int, _ other: Int) -> Int {
        var z = UInt64(truncatingIfNeeded: owner) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: other) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 31)) &* 0x94D0_49BB_1331_11EB
        return max(min(score, Int(Int32.max)), Int(Int32.min)) << 32 | Int(z >> 32)
    }

    /// The indices of the `count` largest keys (ties to the lower index), in index order.
    ///
    /// - Complexity: O(k) expected for k keys (quickselect for the threshold).
    private static func best(_ count: Int, of key: ArraySlice<Int>) -> [Int] {
        guard count > 0 else { return [] }
        var scratch = Array(key)
        var low = 0, high = scratch.count - 1, want = count - 1
        // Quickselect (descending) with a median-of-three pivot: scratch[want] ends as the
        // count-th largest key.
        while low < high {
            let mid = low + (high - low) / 2
            let pivot = max(min(scratch[low], scratch[mid]), min(max(scratch[low], scratch[mid]), scratch[high]))
            var i = low, j = high
            while i <= j {
                while scratch[i] > pivot { i += 1 }
                while scratch[j] < pivot { j -= 1 }
                if i <= j {
                    scratch.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if want <= j { high = j } else if want >= i { low = i } else { break }
        }
        let threshold = scratch[want]
        var picked = key.indices.filter { key[$0] > threshold }
        for k in key.indices where picked.count < count && key[k] == threshold { picked.append(k) }
        return picked.sorted()
    }
}

