/// One hard rule a (mentee, mentor) pair breaks.
public enum HardRuleFailure: Hashable, Sendable {
    case samePerson
    /// The would-be mentee did not sign up to be mentored.
    case menteeNotMentee
    /// The would-be mentor did not sign up to mentor.
    case mentorNotMentor
    /// The mentor offers none of the kinds of mentoring wanted.
    case mentoringType(wanted: Set<MentoringType>, offered: Set<MentoringType>)
    case noCommonLanguage
    case mentorPaused
    case mentorFull
    case pairedBefore
    case endedBadly
    /// Both want only live media but share too little waking time (whole hours shared, needed).
    case notEnoughOverlap(hours: Int, required: Int)

    /// The rule, without the details.
    public var rule: HardRule {
        switch self {
        case .samePerson: .samePerson
        case .menteeNotMentee, .mentorNotMentor: .role
        case .mentoringType: .mentoringType
        case .noCommonLanguage: .language
        case .mentorPaused, .mentorFull: .capacity
        case .pairedBefore, .endedBadly: .history
        case .notEnoughOverlap: .timeZoneOverlap
        }
    }

    /// A short English phrase ("no common language").
    public var english: String {
        switch self {
        case .samePerson: "same person"
        case .menteeNotMentee: "not signed up as a mentee"
        case .mentorNotMentor: "not signed up as a mentor"
        case let .mentoringType(wanted, offered):
            "wants \(typesEnglish(wanted)) mentoring; mentor offers \(offered.isEmpty ? "none" : typesEnglish(offered))"
        case .noCommonLanguage: "no common language"
        case .mentorPaused: "mentor is paused"
        case .mentorFull: "mentor has no free capacity"
        case .pairedBefore: "matched before"
        case .endedBadly: "an earlier match ended badly"
        case let .notEnoughOverlap(hours, required):
            "only \(hours) h of shared waking time (\(required) h needed)"
        }
    }
}

/// The hard rules, in the order they are checked and reported.
public enum HardRule: Int, Hashable, Sendable, CaseIterable, Comparable {
    case samePerson, role, mentoringType, language, capacity, history, timeZoneOverlap
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Why a pair may not be matched: every hard rule it breaks, in `HardRule` order (never empty).
public struct Incompatibility: Error, Hashable, Sendable {
    public var failures: [HardRuleFailure]
    public init(failures: [HardRuleFailure]) { self.failures = failures }

    /// The failures as English, joined by "; ".
    public var english: String { failures.map(\.english).joined(separator: "; ") }
}

/// "technical", "career", "technical or career".
func typesEnglish(_ types: Set<MentoringType>, conjunction: String = "or") -> String {
    englishList(types.sorted().map(\.rawValue), conjunction: conjunction)
}
