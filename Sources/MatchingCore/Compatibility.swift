/// One reason a pair scores, as data.
public enum MatchReason: Hashable, Sendable {
    /// Area keys both listed, sorted.
    case sharedAreas([String])
    /// Time zones this many hours apart (rounded).
    case timeZoneDistance(hours: Int)
    /// Ways of keeping in touch both listed, in `Interaction` order.
    case sharedInteraction([Interaction])
    /// A kind of mentoring wanted and offered.
    case mentoringType(MentoringType)
    /// Both want to meet in person and are in this region.
    case sameRegion(String)
    /// UTC hours of the week both are available.
    case sharedAvailability(hours: Int)

    /// The reason in English ("both prefer IRC").
    public func english(names: DisplayNames = DisplayNames()) -> String {
        switch self {
        case let .sharedAreas(areas): "both: " + areas.map(names.area).joined(separator: ", ")
        case let .timeZoneDistance(hours): hours == 0 ? "same time zone" : "time zones \(hours) h apart"
        case let .sharedInteraction(media): "both prefer " + englishList(media.map(\.english))
        case let .mentoringType(type): type.rawValue
        case let .sameRegion(region): "both can meet in \(names.region(region))"
        case let .sharedAvailability(hours): "\(hours) h a week free at the same time"
        }
    }
}

/// A pair that may be matched: its score and why.
public struct Compatibility: Hashable, Sendable {
    public var score: Int
    /// Reasons in a fixed order: areas, time zones, interaction, mentoring type, region, availability.
    public var reasons: [MatchReason]

    public init(score: Int, reasons: [MatchReason]) {
        self.score = score
        self.reasons = reasons
    }

    /// The reasons in English, joined by "; ".
    public func english(names: DisplayNames = DisplayNames()) -> String {
        reasons.map { $0.english(names: names) }.joined(separator: "; ")
    }
}
