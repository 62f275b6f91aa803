/// The check-in survey, to one side of a pair about three months after the introduction.
public struct CheckinSurveyMail: MailContent {
    public static let kind = MailKind.checkinSurvey
    public var person: PersonName
    public var partner: PersonName
    /// Which side the reader is: one is true.
    public var isMentee: Bool
    public var isMentor: Bool
    /// The day of the introduction.
    public var introduced: MailDate
}

/// The one reminder to whoever has not answered the check-in.
public struct CheckinReminderMail: MailContent {
    public static let kind = MailKind.checkinReminder
    public var person: PersonName
    public var partner: PersonName
    public var isMentee: Bool
    public var isMentor: Bool
    public var introduced: MailDate
}

/// The answer to a check-in reply: what was understood, and only what is still unclear.
public struct CheckinAnswersMail: MailContent {
    public static let kind = MailKind.checkinAnswers

    /// An answer that could not be read, with what was written.
    public struct Unclear: Codable, Sendable, Equatable {
        public var number: Int
        public var wrote: String
    }

    public var person: PersonName
    public var partner: PersonName
    /// The answers so far (this reply's and earlier ones'), absent when not known yet.
    public var rating: Int?
    /// The rating as this reply wrote it when it was not a whole number ("4.5" for a 5).
    public var ratingWritten: String?
    public var meeting: String?
    public var fit: String?
    public var next: String?
    public var note: String?
    /// The answers this reply changed, as they were before it (absent when unchanged).
    public var ratingBefore: Int?
    public var meetingBefore: String?
    public var fitBefore: String?
    public var nextBefore: String?
    /// The note this reply's note replaced.
    public var noteBefore: String?
    /// Questions still without an answer: each flag asks its question again.
    public var missingRating: Bool?
    public var missingMeeting: Bool?
    public var missingFit: Bool?
    public var missingNext: Bool?
    /// One of the four flags above is set: the questions are asked again.
    public var hasMissing: Bool?
    /// The reply only promised the answers for later: we wait for them.
    public var later: Bool?
    public var unclear: [Unclear]
    public var hasUnclear: Bool
    /// All four questions answered.
    public var complete: Bool
    /// What the answers led to: the pair graduated, or ended with a new match to come.
    public var graduated: Bool?
    /// With graduated: the partner had not said what comes next; the pair graduates unless
    /// they answer "continue" in the same run.
    public var partnerUnknown: Bool?
    /// A lone "graduate": the pair graduates once the partner agrees, or on this day if they
    /// do not answer by then.
    public var graduatesBy: MailDate?
    /// One side said graduate, the other continue: the pair goes on, the coordinators will talk with both.
    public var disagreed: Bool?
    /// With `disagreed`: the partner asked to graduate and the reader answered "continue".
    public var partnerAsked: Bool?
    public var ended: Bool?
    /// The pair had graduated or ended before this reply: the answers go to the coordinators.
    public var alreadyEnded: Bool?
    /// Nothing in the reply could be read as an answer.
    public var nothingUnderstood: Bool?
    /// Remarks that answer no question, passed on to the coordinators as written.
    public var passedOn: [String] = []
    public var hasPassedOn: Bool?
    /// The reply came under the survey about this other partner, but spoke only of this pair:
    /// it was read as this pair's answers.
    public var cameUnder: String?
    /// Profile lines written beside the answers ("Languages: English, French"): the change they made.
    public var profile: ProfileAnswer?
}

/// The thank-you when a pair graduates, to each side; the mentee is invited to mentor.
public struct PairGraduatedMail: MailContent {
    public static let kind = MailKind.pairGraduated
    public var person: PersonName
    public var partner: PersonName
    public var isMentee: Bool
    public var isMentor: Bool
    /// With isMentor: their other mentees still fill their capacity, so no place is free.
    public var stillFull: Bool?
}

/// A pair ended without graduating (not a good fit, a new match asked for, a coordinator's
/// decision), to each side; no private reasons.
public struct PairEndedMail: MailContent {
    public static let kind = MailKind.pairEnded
    public var person: PersonName
    public var partner: PersonName
    public var isMentee: Bool
    public var isMentor: Bool
    /// When the mentee will be matched again.
    public var nextRound: MailDate?
}

/// The other side of a pair paused, withdrew or left: told kindly, without the reason.
public struct PartnerLeftMail: MailContent {
    public static let kind = MailKind.partnerLeft
    public var person: PersonName
    public var partner: PersonName
    public var isMentee: Bool
    public var isMentor: Bool
    public var nextRound: MailDate?
    /// When the partner cannot be named (their data was deleted): the day of the pair's
    /// introduction and its round, so that the reader knows which pair ended.
    public var introduced: MailDate? = nil
    public var round: String? = nil
    /// The reader's pairs that go on, by their partners' names.
    public var goesOn: [PersonName] = []
}

/// One side wrote to graduate while the other's check-in answer was "continue": the pair goes
/// on, and each side is told so (the coordinators will talk with both).
public struct GraduationDisagreedMail: MailContent {
    public static let kind = MailKind.graduationDisagreed
    public var person: PersonName
    public var partner: PersonName
    /// True for the one who wrote to graduate; false for the one who answered "continue".
    public var asked: Bool
}

/// One side wrote to graduate while the other has not said what comes next: the pair
/// graduates once the other agrees, or on `graduatesBy` if they do not answer by then.
public struct GraduationPendingMail: MailContent {
    public static let kind = MailKind.graduationPending
    public var person: PersonName
    public var partner: PersonName
    public var graduatesBy: MailDate
}
