/// Minutes in a day, the circle that UTC offsets live on.
let minutesPerDay = 1440

/// Circular distance between two UTC offsets, in minutes (0…720).
///
/// - Complexity: O(1).
public func timeZoneDistanceMinutes(_ a: Int, _ b: Int) -> Int {
    let d = euclideanModulo(a - b, minutesPerDay)
    return min(d, minutesPerDay - d)
}

/// Minutes per day during which both people are inside their local waking hours.
///
/// - Complexity: O(1).
public func wakingOverlapMinutes(_ offsetA: Int, _ offsetB: Int, rules: MatchRules = MatchRules()) -> Int {
    let length = max(0, min(minutesPerDay, (rules.wakingUntil - rules.wakingFrom) * 60))
    let start = rules.wakingFrom * 60
    let a = euclideanModulo(start - offsetA, minutesPerDay)
    let b = euclideanModulo(start - offsetB, minutesPerDay)
    var total = 0
    for turn in -1...1 {
        let shifted = b + turn * minutesPerDay
        total += max(0, min(a + length, shifted + length) - max(a, shifted))
    }
    return total
}

/// `value mod modulus` in `0..<modulus`, also for negative values.
func euclideanModulo(_ value: Int, _ modulus: Int) -> Int {
    let r = value % modulus
    return r < 0 ? r + modulus : r
}
