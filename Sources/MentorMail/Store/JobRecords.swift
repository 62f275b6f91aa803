import Foundation
import GRDB

/// Work due at a time: a survey, a reminder, the coordinators' digest.
///
/// `uniqueKey` makes a job idempotent: scheduling the same key twice keeps the first, and a
/// job runs in one transaction together with the mail it queues and its own `done` mark, so a
/// crash never runs one twice or skips one.
public struct ScheduledJob: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "scheduledJob"

    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Tell the coordinators about newly held or failed mail and pairs to look at.
        case heldDigest = "held-digest"
        /// Send a pair's check-in survey, to each side (subject: the mentorship).
        case checkinSurvey = "checkin-survey"
        /// Remind whoever has not answered the check-in, once (subject: the mentorship).
        case checkinReminder = "checkin-reminder"
        /// Tell the coordinators who still has not answered after the reminder.
        case checkinSilence = "checkin-silence"
        /// Graduate a pair one side's check-in answer asked to graduate, after the run's other
        /// answers, unless the other side answered "continue" (subject: the mentorship).
        case checkinGraduation = "checkin-graduation"
        /// Graduate a pair one side asked in words to graduate ("we're done"), after the run's
        /// check-in answers, unless the other side answered "continue" (subject: the mentorship;
        /// the key ends with the side that asked).
        case graduationWords = "graduation-words"
        /// Invite an event's audience (subject: the event).
        case eventInvitations = "event-invitations"
        /// Send an event's new time or place to its guests (subject: the event).
        case eventUpdate = "event-update"
        /// Send an event's cancellation to its guests (subject: the event).
        case eventCancel = "event-cancel"
        /// Form an event's rotations and send the schedules, before it starts (subject: the event).
        case eventGroups = "event-groups"
        /// A coordinator's command waiting for its confirmation code, once the code expired:
        /// held for the coordinators (subject: the pending code).
        case confirmationExpiry = "confirmation-expiry"
    }

    public enum Status: String, Codable, Sendable {
        case pending, done
        /// Failed `JobRunner.maxAttempts` times: parked for a coordinator.
        case failed
    }

    public var id: Int64?
    public var kind: String
    /// The record the job is about (a mentorship, an event), if any.
    public var subjectID: Int64?
    public var dueAt: Date
    public var uniqueKey: String
    public var status: Status
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    public var doneAt: Date?

    public init(kind: Kind, subjectID: Int64? = nil, dueAt: Date, uniqueKey: String, createdAt: Date) {
        self.kind = kind.rawValue
        self.subjectID = subjectID
        self.dueAt = dueAt
        self.uniqueKey = uniqueKey
        status = .pending
        attempts = 0
        self.createdAt = createdAt
    }

    public enum Columns {
        static let kind = Column(CodingKeys.kind)
        static let dueAt = Column(CodingKeys.dueAt)
        static let uniqueKey = Column(CodingKeys.uniqueKey)
        static let status = Column(CodingKeys.status)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
