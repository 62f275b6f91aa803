/// Something a mentee needs that rules mentors out, as used in `UnmatchedReason`.
public enum MenteeNeed: Hashable, Sendable {
    /// A mentor signed up to mentor.
    case mentorRole
    case mentoringType(Set<MentoringType>)
    /// One of the mentee's languages.
    case language(Set<String>)
    /// This many hours of shared waking time (only live media on both sides).
    case wakingOverlap(hours: Int)
    /// A mentor not matched with the mentee before.
    case newPairing

    /// What a mentor would have to do, in English ("speaks Portuguese").
    public func english(names: DisplayNames = DisplayNames()) -> String {
        switch self {
        case .mentorRole: "is signed up to mentor"
        case let .mentoringType(types): "offers \(typesEnglish(types)) mentoring"
        case let .language(languages): "speaks " + englishList(languages.sorted().map(names.language), conjunction: "or")
        case let .wakingOverlap(hours): "is awake at the same time for \(hours) h a day"
        case .newPairing: "is new to them"
        }
    }
}

/// Why a mentee is left unmatched, as data.
public enum UnmatchedReason: Hashable, Sendable {
    case notAMentee
    case noMentors
    /// Mentors passed every hard rule, but the assignment filled them.
    case allCompatibleMentorsFull(count: Int)
    /// Every mentor is full or paused.
    case noMentorHasFreeCapacity
    /// No mentor (`amongFree`: no mentor with free capacity) meets all of these needs; each
    /// such mentor fails at least one. The smallest such set of needs is given.
    case noMentorMeets([MenteeNeed], amongFree: Bool)

    /// The reason in English ("no mentor with free capacity speaks Portuguese").
    public func english(names: DisplayNames = DisplayNames()) -> String {
        switch self {
        case .notAMentee: "not signed up as a mentee"
        case .noMentors: "there are no mentors"
        case let .allCompatibleMentorsFull(count):
            count == 1 ? "the only compatible mentor is full" : "all \(count) compatible mentors are full"
        case .noMentorHasFreeCapacity: "no mentor has free capacity"
        case let .noMentorMeets(needs, amongFree):
            (amongFree ? "no mentor with free capacity " : "no mentor ")
                + englishList(needs.map { $0.english(names: names) })
        }
    }
}

/// Why `mentee` found no mentor among `mentors`, from the hard rules each mentor fails.
///
/// Mentors that pass every rule mean they were all taken. Otherwise, among mentors with free
/// capacity, the smallest set of rules that each of them fails is chosen (preferring rules that
/// rule out more of them, then `HardRule` order), and said of all mentors when it holds for
/// all of them, else of mentors with free capacity.
///
/// - Complexity: O(m · c), c the cost of `hardRuleFailures`.
public func explainUnmatched(
    mentee: Profile,
    mentors: [Profile],
    history: PairHistory = PairHistory(),
    rules: MatchRules = MatchRules()
) -> UnmatchedReason {
    guard mentee.role.canBeMentee else { return .notAMentee }
    let failed = mentors.filter { $0.id != mentee.id }.map { mentor in
        hardRuleFailures(mentee: mentee, mentor: mentor, history: history, rules: rules).reduce(0) { $0 | 1 << $1.rule.rawValue }
    }
    return explainUnmatched(mentee: mentee, failedRules: failed, rules: rules)
}

/// `explainUnmatched` from the hard rules each other mentor fails, as bits `1 << HardRule.rawValue`.
///
/// - Complexity: O(m).
func explainUnmatched(mentee: Profile, failedRules failed: [Int], rules: MatchRules) -> UnmatchedReason {
    guard mentee.role.canBeMentee else { return .notAMentee }
    guard !failed.isEmpty else { return .noMentors }
    let compatible = failed.count { $0 == 0 }
    if compatible > 0 { return .allCompatibleMentorsFull(count: compatible) }
    let free = failed.filter { $0 & 1 << HardRule.capacity.rawValue == 0 }
    guard !free.isEmpty else { return .noMentorHasFreeCapacity }

    let candidates: [HardRule] = [.role, .mentoringType, .language, .history, .timeZoneOverlap]
    let ruledOutBy = candidates.map { rule in free.count { $0 & 1 << rule.rawValue != 0 } }
    var best: (rules: [HardRule], ruledOut: Int)?
    for subset in 1..<(1 << candidates.count) {
        let chosen = candidates.indices.filter { subset & (1 << $0) != 0 }
        let mask = chosen.reduce(0) { $0 | 1 << candidates[$1].rawValue }
        guard free.allSatisfy({ $0 & mask != 0 }) else { continue }
        let ruledOut = chosen.reduce(0) { $0 + ruledOutBy[$1] }
        if let current = best {
            if chosen.count > current.rules.count { continue }
            if chosen.count == current.rules.count, ruledOut <= current.ruledOut { continue }
        }
        best = (chosen.map { candidates[$0] }, ruledOut)
    }
    // Every free mentor fails some rule other than capacity, so a covering set exists.
    let chosen = best?.rules ?? candidates
    let mask = chosen.reduce(0) { $0 | 1 << $1.rawValue }
    let holdsForAll = failed.allSatisfy { $0 & mask != 0 }
    let needs: [MenteeNeed] = chosen.map { rule in
        switch rule {
        case .mentoringType: .mentoringType(mentee.mentoringWanted)
        case .language: .language(mentee.languages)
        case .history: .newPairing
        case .timeZoneOverlap: .wakingOverlap(hours: rules.minimumOverlapHours)
        default: .mentorRole
        }
    }
    return .noMentorMeets(needs, amongFree: !holdsForAll)
}
