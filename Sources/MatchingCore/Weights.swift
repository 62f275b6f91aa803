/// Points for the soft criteria of `score(mentee:mentor:weights:history:rules:)`.
public struct Weights: Hashable, Sendable, Codable {
    /// Per area both listed.
    public var sharedArea: Int
    /// Per way of keeping in touch both listed.
    public var sharedInteraction: Int
    /// Per kind of mentoring wanted and offered.
    public var mentoringType: Int
    /// Per hour the time zones are closer than 12 h apart.
    public var timeZoneCloseness: Int
    /// When both want to meet in person and share a region.
    public var sameRegion: Int
    /// Per UTC hour of the week both are available, up to `maxSharedAvailabilityHours`.
    public var sharedAvailabilityHour: Int
    public var maxSharedAvailabilityHours: Int

    public init(
        sharedArea: Int = 10,
        sharedInteraction: Int = 3,
        mentoringType: Int = 5,
        timeZoneCloseness: Int = 1,
        sameRegion: Int = 15,
        sharedAvailabilityHour: Int = 1,
        maxSharedAvailabilityHours: Int = 10
    ) {
        self.sharedArea = sharedArea
        self.sharedInteraction = sharedInteraction
        self.mentoringType = mentoringType
        self.timeZoneCloseness = timeZoneCloseness
        self.sameRegion = sameRegion
        self.sharedAvailabilityHour = sharedAvailabilityHour
        self.maxSharedAvailabilityHours = maxSharedAvailabilityHours
    }
}

/// Settings of the hard rules.
public struct MatchRules: Hashable, Sendable, Codable {
    /// Hours of shared waking time needed when neither person is happy with email.
    public var minimumOverlapHours: Int
    /// Local waking hours, `wakingFrom..<wakingUntil` (hours of the day, 0–24).
    public var wakingFrom: Int
    public var wakingUntil: Int

    public init(minimumOverlapHours: Int = 2, wakingFrom: Int = 8, wakingUntil: Int = 22) {
        self.minimumOverlapHours = minimumOverlapHours
        self.wakingFrom = wakingFrom
        self.wakingUntil = wakingUntil
    }
}
