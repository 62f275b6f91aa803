/// A round's proposed matches, for the coordinators to approve or reject.
public struct MatchReviewMail: MailContent {
    public static let kind = MailKind.matchReview

    public struct Pair: Codable, Sendable, Equatable {
        public var mentee: String
        public var menteeEmail: String
        public var mentor: String
        public var mentorEmail: String
        public var score: Int
        public var why: String
        /// What to look at before approving, if anything (see `MatchingService.caution`).
        public var caution: String?
    }

    public struct Unmatched: Codable, Sendable, Equatable {
        public var name: String
        public var email: String
        public var reason: String
    }

    public var round: String
    public var algorithm: String
    public var token: String
    public var pairCount: Int
    public var unmatchedCount: Int
    public var totalScore: Int
    public var pairs: [Pair]
    public var unmatched: [Unmatched]
    public var hasUnmatched: Bool
}

/// The ONE introduction of a pair, to the mentee and the mentor together.
public struct IntroductionMail: MailContent {
    public static let kind = MailKind.introduction

    /// One side of the pair.
    public struct Side: Codable, Sendable, Equatable {
        public var name: String
        public var email: String
        public var timeZone: String
        public var interactions: String
        public var languages: String
        public var about: String
        public var availability: String
    }

    /// The way of meeting suggested for a first conversation: one flag is set.
    public struct FirstMeeting: Codable, Sendable, Equatable {
        public var video: Bool?
        public var irc: Bool?
        public var chat: Bool?
        public var inPerson: Bool?
        public var email: Bool?
    }

    public var mentee: Side
    public var mentor: Side
    /// Why they were matched (the matcher's explanation).
    public var why: String
    public var meetBy: FirstMeeting
    /// The introduction goes again because this person's address changed (their new one is in it).
    public var addressChanged: String?
    /// Sent again after the pair's check-in went out: the day it went (no check-in is promised then).
    public var checkinSent: MailDate?
}

/// A kind note to a mentor of a round who got no mentee in it: thanks, and they stay available.
public struct UnmatchedMentorNoteMail: MailContent {
    public static let kind = MailKind.unmatchedMentorNote
    public var person: PersonName
    public var round: String
    /// When the next round opens.
    public var nextRound: MailDate?
    /// Their areas and ways to meet as they stand, in the words of a line they can send back
    /// (a line replaces the whole field); absent when they gave none.
    public var areas: String?
    public var interaction: String?
    /// "technical, career" in the mail's words, when they offer only one kind of mentoring.
    public var bothKinds: String?
}

/// A kind note to a mentee the round could not match.
public struct UnmatchedNoteMail: MailContent {
    public static let kind = MailKind.unmatchedNote
    public var person: PersonName
    public var round: String
    /// Why (the matcher's explanation).
    public var reason: String
    public var nextRound: MailDate?
    /// What would help, read from the reason: one of these is true, or none (then: widen the profile).
    public var byLanguage: Bool?
    public var byType: Bool?
    public var byTime: Bool?
    /// The mentors who fit were all taken: nothing to change.
    public var full: Bool?

    init(person: PersonName, round: String, reason: String, nextRound: MailDate?) {
        self.person = person
        self.round = round
        self.reason = reason
        self.nextRound = nextRound
        if reason.contains("speaks") { byLanguage = true }
        else if reason.contains("mentoring") { byType = true }
        else if reason.contains("awake at the same time") { byTime = true }
        else if reason.contains("full") || reason.contains("free capacity") { full = true }
    }
}
