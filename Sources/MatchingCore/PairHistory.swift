/// Pairs of people who must not be matched again, in either direction.
public struct PairHistory: Hashable, Sendable, Codable {
    /// Unordered pair of participant ids.
    public struct Pair: Hashable, Sendable, Codable {
        public let low: Int
        public let high: Int
        public init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }

    /// Pairs that were matched before (however it went).
    public var existed: Set<Pair>
    /// Pairs whose match ended badly.
    public var endedBadly: Set<Pair>

    public init(existed: Set<Pair> = [], endedBadly: Set<Pair> = []) {
        self.existed = existed
        self.endedBadly = endedBadly
    }

    /// Records that `a` and `b` were matched; `badly` when it ended badly.
    ///
    /// - Complexity: amortised O(1).
    public mutating func record(_ a: Int, _ b: Int, endedBadly badly: Bool = false) {
        existed.insert(Pair(a, b))
        if badly { endedBadly.insert(Pair(a, b)) }
    }
}
