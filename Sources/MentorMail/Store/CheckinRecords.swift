import Foundation
import GRDB

/// One person's check-in for one pair: sent about three months after the introduction, with
/// what they answered so far (each reply fills the gaps), and every reply's text.
public struct Survey: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "survey"
    public enum Side: String, Codable, Sendable { case mentee, mentor }

    public var id: Int64?
    public var mentorshipID: Int64
    public var participantID: Int64
    public var side: Side
    public var sentAt: Date
    public var reminderSentAt: Date?
    /// The first reply that answered anything.
    public var answeredAt: Date?
    /// When the four questions that need an answer all had one.
    public var completedAt: Date?
    public var rating: Int?
    public var meeting: String?
    public var fit: String?
    public var next: String?
    public var note: String?
    /// The new text of every reply, as written, oldest first.
    public var replies: String

    public init(mentorshipID: Int64, participantID: Int64, side: Side, sentAt: Date) {
        self.mentorshipID = mentorshipID
        self.participantID = participantID
        self.side = side
        self.sentAt = sentAt
        replies = ""
    }

    /// What `next` holds when a reply answered what comes next with a doubt ("graduate I think?
    /// or maybe continue"): no answer, and the pair does not graduate on it until one comes.
    public static let unclearNext = "unclear"
    public var nextUnclear: Bool { next == Self.unclearNext }

    /// The survey's last look, a reminder's span (`span` seconds) after the reminder (or
    /// after the day it is due): until then it counts as open.
    public func lastLook(span: TimeInterval) -> Date {
        (reminderSentAt ?? sentAt.addingTimeInterval(span)).addingTimeInterval(span)
    }

    public var answers: SurveyAnswers {
        get {
            SurveyAnswers(rating: rating, meeting: meeting.flatMap(SurveyAnswers.Meeting.init(rawValue:)),
                          fit: fit.flatMap(SurveyAnswers.Fit.init(rawValue:)), next: next.flatMap(SurveyAnswers.Next.init(rawValue:)),
                          note: note)
        }
        set {
            rating = newValue.rating
            meeting = newValue.meeting?.rawValue
            fit = newValue.fit?.rawValue
            next = newValue.next?.rawValue
            note = newValue.note
        }
    }

    public enum Columns {
        static let mentorshipID = Column(CodingKeys.mentorshipID)
        static let side = Column(CodingKeys.side)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Something about a pair the coordinators should hear of in their next digest: worrying
/// check-in answers, silence after the reminder, a pair that ended.
public struct DigestNotice: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "digestNotice"
    public enum Kind: String, Codable, Sendable {
        /// Check-in answers a coordinator should look at (a low rating, not a good fit, a new
        /// match asked for, a note).
        case checkinAlert = "checkin-alert"
        /// No answer to the check-in, even after the reminder.
        case noAnswer = "no-answer"
        /// The pair ended (by an answer, a partner leaving, or a coordinator).
        case pairEnded = "pair-ended"
        /// An outgoing message could not be delivered: refused for good, or still failing after
        /// every retry (`detail` names who, which mail and the server's words).
        case sendFailed = "send-failed"
        /// A message kept, not sent, because a recipient's address bounced for good.
        case withheld
        /// A message kept while its recipient is asked whether they leave (they wrote
        /// "unsubscribe"): it goes by itself after a "no", and is not sent after a "yes".
        case keptWhileLeaving = "kept-while-leaving"
        /// A bounce after passing trouble (failed with 4.x.x: a full mailbox); the address works.
        case bounceTemporary = "bounce-temporary"
        /// A bounce refusing the message for its content or sender (5.7.x, "spam"); the address works.
        case bounceRefused = "bounce-refused"
        /// Something about a Speed Mentoring event a coordinator should know (an answer changed
        /// after the tables were set, rotations that could not be formed).
        case eventNews = "event-news"
    }

    public var id: Int64?
    public var createdAt: Date
    public var kind: Kind
    public var mentorshipID: Int64?
    public var surveyID: Int64?
    /// What happened, in a few words ("Ana paused").
    public var detail: String
    public var digestedAt: Date?

    public init(createdAt: Date, kind: Kind, mentorshipID: Int64?, surveyID: Int64? = nil, detail: String) {
        self.createdAt = createdAt
        self.kind = kind
        self.mentorshipID = mentorshipID
        self.surveyID = surveyID
        self.detail = detail
    }

    public enum Columns {
        static let digestedAt = Column(CodingKeys.digestedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
