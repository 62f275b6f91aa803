/// Ids to indices: decimal ids (as benchmarks and most exports write them) in an array, others
/// in a dictionary.
struct KeyIndex {
    private var small: [Int32]
    private var other: [ParticipantKey: Int] = [:]

    init(capacity: Int) { small = [Int32](repeating: -1, count: min(4 * capacity + 64, 1 << 24)) }

    /// The id's value when it is written the one way `String(Int)` writes it and fits `small`.
    private func slot(_ key: ParticipantKey) -> Int? {
        var value = 0
        var count = 0
        for byte in key.rawValue.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), count < 9, !(count == 1 && value == 0) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
        }
        return count > 0 && value < small.count ? value : nil
    }

    /// Adds `key` → `index`; false when the key is already there.
    mutating func insert(_ key: ParticipantKey, _ index: Int) -> Bool {
        if let slot = slot(key) {
            guard small[slot] < 0 else { return false }
            small[slot] = Int32(index)
            return true
        }
        return other.updateValue(index, forKey: key) == nil
    }

    subscript(key: ParticipantKey) -> Int? {
        if let slot = slot(key) { return small[slot] < 0 ? nil : Int(small[slot]) }
        return other[key]
    }
}

/// (mentee, mentor) pairs seen so far: while a file lists each mentee's scores together, a mark
/// per mentor; once a mentee comes back, a set of every pair.
struct PairsSeen {
    private let mentorCount: Int
    private var markedFor: [Int32]
    private var finished: [Bool]
    private var current = -1
    private var all: Set<Int>?
    private var listed: [Int] = []

    init(menteeCount: Int, mentorCount: Int) {
        self.mentorCount = mentorCount
        markedFor = [Int32](repeating: -1, count: mentorCount)
        finished = [Bool](repeating: false, count: menteeCount)
    }

    /// Records the pair; false when it was seen before.
    mutating func insert(_ mentee: Int, _ mentor: Int) -> Bool {
        if all == nil, mentee != current {
            if current >= 0 { finished[current] = true }
            if finished[mentee] {
                // A mentee listed again later: from here on, remember every pair.
                all = Set(listed)
            } else {
                current = mentee
            }
        }
        let key = mentee * mentorCount + mentor
        if all != nil { return all!.insert(key).inserted }
        guard markedFor[mentor] != Int32(mentee) else { return false }
        markedFor[mentor] = Int32(mentee)
        listed.append(key)
        return true
    }
}
