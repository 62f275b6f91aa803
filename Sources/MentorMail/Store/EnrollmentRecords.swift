import Foundation
import GRDB

/// A person in the program: mentor, mentee or both, with the profile they sent.
///
/// The address is the identity: participants change only their own record, the one of the
/// From address. Erased people keep only the address and status, so they are never mailed again.
public struct Participant: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "participant"

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Sent a form that still has problems: kept, not matched until fixed.
        case incomplete
        /// Signed up, or waiting for a round.
        case active
        /// Asked for a break: not matched, not mailed by the scheduler, until "resume".
        case paused
        /// Left the program.
        case withdrawn
        /// Asked to delete their data: only the address is kept, to never mail them again.
        case erased
    }

    public var id: Int64?
    /// Lower-cased address, unique.
    public var email: String
    public var profile: ParticipantProfile
    public var status: Status
    /// The round the person signed up in, if one was open.
    public var roundID: Int64?
    /// Where the record came from: "email" or "import".
    public var source: String
    public var createdAt: Date
    public var updatedAt: Date
    /// When a graduate asked to be mentored again: their graduations before it no longer keep
    /// them from waiting for a mentor.
    public var menteeAgainAt: Date?
    /// The language of the templates (or "en") the person last clearly wrote to us in: later
    /// mail follows it unless they chose one with "Mail language:" (`mailLanguage`).
    public var writtenLanguage: String?

    public init(email: String, profile: ParticipantProfile, status: Status = .active, roundID: Int64? = nil,
                source: String, at date: Date) {
        self.email = email.lowercased()
        self.profile = profile
        self.status = status
        self.roundID = roundID
        self.source = source
        createdAt = date
        updatedAt = date
    }

    public enum Columns {
        static let email = Column(CodingKeys.email)
        static let status = Column(CodingKeys.status)
        static let roundID = Column(CodingKeys.roundID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The language our mail to them goes out in, before it is matched to the templates: the
    /// one they chose with "Mail language:", else the one they last clearly wrote in, else the
    /// one they first wrote in or the first of their languages (`ParticipantProfile`).
    public var mailLanguage: String? {
        profile.mailLanguageChosen == true ? profile.mailLanguage : writtenLanguage ?? profile.preferredMailLanguage
    }
}

/// Every profile a participant had, with where the change came from.
public struct ProfileVersion: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "profileVersion"
    public var id: Int64?
    public var participantID: Int64
    public var at: Date
    public var profile: ParticipantProfile
    /// The Message-ID or import file that carried the change.
    public var source: String
    /// How it came: "email" or "import" (nil only in a database from before v23).
    public var origin: String?
    /// For an imported row, when it was submitted: the export's timestamp-column key
    /// (`SubmissionTime`), nil when the export had none.
    public var submitted: Int64?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An enrollment round: sign-ups go to the open round; a round is later matched.
public struct Round: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "round"
    public enum Status: String, Codable, Sendable {
        case open, closed
    }

    public var id: Int64?
    public var name: String
    public var opensAt: Date
    public var closesAt: Date
    public var status: Status
    public var createdAt: Date
    /// When it was closed (`round close`, or the next round opening after its closing day).
    public var closedAt: Date? = nil

    /// When its sign-ups ended, or end: the day it was closed when that came first.
    public var signUpsEnd: Date { min(closedAt ?? closesAt, closesAt) }

    public enum Columns {
        static let name = Column(CodingKeys.name)
        static let status = Column(CodingKeys.status)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Someone's place in a round, in the role they had in it. Written when they enter it
/// (sign-up, import, a round opening, a freed place), so a round keeps its history after
/// people move on to the next one.
public struct RoundMember: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "roundMember"
    public enum Role: String, Codable, Sendable {
        case mentee, mentor, both

        init?(mentee: Bool, mentor: Bool) {
            switch (mentee, mentor) {
            case (true, true): self = .both
            case (true, false): self = .mentee
            case (false, true): self = .mentor
            case (false, false): return nil
            }
        }

        public var isMentee: Bool { self != .mentor }
        public var isMentor: Bool { self != .mentee }
    }

    public var id: Int64?
    public var roundID: Int64
    public var participantID: Int64
    /// Follows their profile while the round is still to be matched; history after.
    public var role: Role
    public var joinedAt: Date
    /// When a mentor the round left without a mentee was told.
    public var unmatchedNoteAt: Date?

    public enum Columns {
        static let roundID = Column(CodingKeys.roundID)
        static let participantID = Column(CodingKeys.participantID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A one-time token mailed out for a round trip: confirming a new address, or a
/// coordinator confirming a command that arrived without a passing DKIM/DMARC result.
public struct PendingToken: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "pendingToken"
    public enum Purpose: String, Codable, Sendable {
        case addressChange = "address-change"
        case coordinatorConfirmation = "coordinator-confirmation"
        /// A participant's request waiting for their "yes" (payload: the command's name).
        case commandConfirmation = "command-confirmation"
    }

    public var id: Int64?
    public var token: String
    public var purpose: Purpose
    /// Who must answer (the new address, or the coordinator).
    public var email: String
    /// What to do on confirmation: the old address for a change, the held inbound message id for a command.
    public var payload: String
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?

    public enum Columns {
        static let token = Column(CodingKeys.token)
        static let purpose = Column(CodingKeys.purpose)
        static let email = Column(CodingKeys.email)
        static let expiresAt = Column(CodingKeys.expiresAt)
        static let usedAt = Column(CodingKeys.usedAt)
    }

    /// Whether the mail asking for this code is still queued in the outbox, not sent yet.
    func questionIsQueued(_ db: Database) throws -> Bool {
        guard let id else { return false }
        return try OutboxMessage.filter(Column("topicKind") == Topic.Kind.token.rawValue && Column("topicID") == id
                                        && Column("status") == OutboxMessage.Status.queued.rawValue).fetchCount(db) > 0
    }

    /// The requests of `email` still waiting for their "yes" at `now` (unused, unexpired), newest first.
    static func openCommandConfirmations(_ db: Database, email: String, now: Date) throws -> [PendingToken] {
        try filter(Columns.purpose == Purpose.commandConfirmation.rawValue && Columns.email == email
                   && Columns.usedAt == nil && Columns.expiresAt > now)
            .order(Column("id").desc).fetchAll(db)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
