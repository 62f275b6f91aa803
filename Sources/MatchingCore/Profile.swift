/// What a participant signed up as.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
    case mentor, mentee, both

    /// Whether this participant may be mentored.
    public var canBeMentee: Bool { self != .mentor }
    /// Whether this participant may mentor.
    public var canBeMentor: Bool { self != .mentee }
}

/// The kind of mentoring wanted or offered.
public enum MentoringType: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case technical, career

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    private var order: Int { self == .technical ? 0 : 1 }
}

/// A way of keeping in touch. Every medium but `.email` is live (needs both awake at once).
public enum Interaction: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case irc, email, video, chat, inPerson

    /// Whether both people must be awake at the same time for it.
    public var isLive: Bool { self != .email }

    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// One participant as the matcher sees them.
///
/// Area, language and region keys are normalised (trimmed, lowercased) by `init`, so two
/// profiles compare them by key only. Availability hours outside `0..<168` are dropped.
public struct Profile: Hashable, Sendable, Codable {
    public var id: Int
    public var role: Role
    /// Kinds of mentoring this person wants as a mentee.
    public var mentoringWanted: Set<MentoringType>
    /// Kinds of mentoring this person offers as a mentor.
    public var mentoringOffered: Set<MentoringType>
    public var areas: Set<String>
    /// Offset of local time from UTC, in minutes (e.g. -300 for UTC−5).
    public var utcOffsetMinutes: Int
    public var languages: Set<String>
    public var interactions: Set<Interaction>
    /// The ways to meet were not given and `interactions` is what the program assumed (email):
    /// the person can be reached that way, but it is no preference and adds no points.
    public var interactionsAssumed: Bool
    /// How many more mentees this person can take now (free slots, not the total).
    public var capacity: Int
    public var paused: Bool
    /// Where this person can meet in person (e.g. a country or city key); nil if nowhere.
    public var region: String?
    /// UTC hours of the week (0 = Monday 00:00 UTC … 167) this person is free; nil if unknown.
    public var availability: Set<Int>?

    public init(
        id: Int,
        role: Role,
        mentoringWanted: Set<MentoringType> = [],
        mentoringOffered: Set<MentoringType> = [],
        areas: Set<String> = [],
        utcOffsetMinutes: Int = 0,
        languages: Set<String> = [],
        interactions: Set<Interaction> = [.email],
        capacity: Int = 0,
        paused: Bool = false,
        region: String? = nil,
        availability: Set<Int>? = nil,
        interactionsAssumed: Bool = false
    ) {
        self.id = id
        self.role = role
        self.mentoringWanted = mentoringWanted
        self.mentoringOffered = mentoringOffered
        self.areas = Set(areas.map(normalizedKey).filter { !$0.isEmpty })
        self.utcOffsetMinutes = utcOffsetMinutes
        self.languages = Set(languages.map(normalizedKey).filter { !$0.isEmpty })
        self.interactions = interactions
        self.interactionsAssumed = interactionsAssumed
        self.capacity = capacity
        self.paused = paused
        let key = region.map(normalizedKey)
        self.region = key?.isEmpty == true ? nil : key
        self.availability = availability.map { $0.filter { (0..<168).contains($0) } }
    }
}

/// Trims surrounding whitespace and lowercases: the key form of areas, languages, regions.
///
/// - Complexity: O(length).
public func normalizedKey(_ text: String) -> String {
    // Most keys already are: ASCII without capitals, nothing to trim.
    let bytes = text.utf8
    if let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20,
       bytes.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) {
        return text
    }
    let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
    return String(trimmed).lowercased()
}
