import Foundation
import GRDB

/// A Speed Mentoring event: newcomers meet volunteer mentors at tables, for a few short
/// rotations, at a given time and place.
public struct SpeedEvent: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "event"

    public enum Status: String, Codable, Sendable {
        /// Invitations out (or about to go), answers coming in.
        case scheduled
        /// The rotations are formed and the schedules sent.
        case grouped
        case cancelled
    }

    public var id: Int64?
    public var name: String
    public var startsAt: Date
    /// The zone its time is given in ("Europe/Madrid"): invitations show local time there.
    public var timeZone: String
    public var durationMinutes: Int
    /// Mentee seats.
    public var capacity: Int
    /// Mentors' tables: how many mentors can host.
    public var tables: Int
    public var rotations: Int
    /// Who is invited: "all", "mentees", "mentors" or "round:NAME".
    public var audience: String
    public var location: String?
    /// The iCalendar UID: the same in every invitation, update and cancellation of the event.
    public var uid: String
    /// Raised on every change sent to calendars.
    public var sequence: Int
    public var status: Status
    public var createdAt: Date
    public var updatedAt: Date
    public var groupedAt: Date?
    public var cancelledAt: Date?
    /// The rotations' total interest, its upper bound, and meetings between mentees repeated,
    /// once formed.
    public var interest: Int?
    public var interestBound: Int?
    public var repeatedMenteePairs: Int?
    /// The rotations asked for, when fewer were formed (fewer mentors came than rotations).
    public var plannedRotations: Int?
    /// The event as guests last saw it (its SEQUENCE, time, zone, length and place), kept from
    /// a change until the update mail that tells of it goes out: that mail says "was …, now …".
    public var previousSequence: Int?
    public var previousStartsAt: Date?
    public var previousTimeZone: String?
    public var previousDurationMinutes: Int?
    public var previousLocation: String?

    public init(name: String, startsAt: Date, timeZone: String, durationMinutes: Int, capacity: Int, tables: Int, rotations: Int,
                audience: String, location: String?, uid: String, createdAt: Date) {
        self.name = name
        self.startsAt = startsAt
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.capacity = capacity
        self.tables = tables
        self.rotations = rotations
        self.audience = audience
        self.location = location
        self.uid = uid
        sequence = 0
        status = .scheduled
        self.createdAt = createdAt
        updatedAt = createdAt
    }

    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(durationMinutes * 60)) }

    public enum Columns {
        static let uid = Column(CodingKeys.uid)
        static let status = Column(CodingKeys.status)
        static let startsAt = Column(CodingKeys.startsAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One person invited to an event, with their latest answer.
public struct EventGuest: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "eventGuest"

    /// Mentees attend; mentors host a table.
    public enum Role: String, Codable, Sendable, CaseIterable { case mentee, mentor }

    public enum Answer: String, Codable, Sendable, CaseIterable {
        /// Invited, no answer yet.
        case invited
        case accepted
        case declined
        case tentative
        /// Said yes when every seat (or table) was taken: first come, first promoted.
        case waitlisted
    }

    public var id: Int64?
    public var eventID: Int64
    public var participantID: Int64?
    public var email: String
    public var name: String
    public var role: Role
    /// Their place: a seat (accepted), the waitlist, none (declined, tentative), or no answer yet.
    public var answer: Answer
    /// What they said last (accepted, tentative or declined), kept apart from `answer`, their
    /// place: someone with a seat who then says maybe keeps it (`answer` accepted, this
    /// tentative); someone waiting said yes. Nil until they answer.
    public var lastAnswer: Answer?
    /// When they joined the waitlist.
    public var waitlistedAt: Date?
    /// Their turn on the waitlist, counting up per event as answers are handled: the order of promotion.
    public var waitlistOrder: Int64?
    public var answeredAt: Date?
    /// How the latest answer came: "calendar", "words" or "coordinator".
    public var answeredBy: String?
    /// When the invitation (or the latest update) was queued, and the SEQUENCE it carried.
    public var invitedAt: Date?
    public var sequenceSent: Int?
    /// The mail language of the person when invited.
    public var language: String?

    public init(eventID: Int64, participantID: Int64?, email: String, name: String, role: Role, language: String?) {
        self.eventID = eventID
        self.participantID = participantID
        self.email = email
        self.name = name
        self.role = role
        self.language = language
        answer = .invited
    }

    /// Has a seat (or table) and said maybe since: it is kept until they say no.
    public var unsureWithSeat: Bool { answer == .accepted && lastAnswer == .tentative }

    /// Their answer as their calendar should show it (PARTSTAT): what they said last, not their
    /// place (a yes on the waitlist is ACCEPTED, a maybe that keeps a seat TENTATIVE); nil before
    /// they answer.
    public var calendarStatus: String? {
        switch lastAnswer ?? answer {
        case .accepted, .waitlisted: "ACCEPTED"
        case .tentative: "TENTATIVE"
        case .declined: "DECLINED"
        case .invited: nil
        }
    }

    /// The first word of the name, for schedules that show others only by first name; the
    /// address's local part ("ana.souza") when they gave no name.
    public var firstName: String {
        name.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? String(email.prefix { $0 != "@" })
    }

    /// The name, or the address when they gave none (see `PersonName.naming`).
    public var shownName: String { PersonName.naming(name, email: email) }

    public enum Columns {
        static let eventID = Column(CodingKeys.eventID)
        static let email = Column(CodingKeys.email)
        static let role = Column(CodingKeys.role)
        static let answer = Column(CodingKeys.answer)
        static let waitlistedAt = Column(CodingKeys.waitlistedAt)
        static let waitlistOrder = Column(CodingKeys.waitlistOrder)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Where one mentee sits in one rotation: at a mentor's table.
public struct EventSeat: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "eventSeat"

    public var id: Int64?
    public var eventID: Int64
    /// 1-based.
    public var rotation: Int
    /// 1-based; the table of `mentorGuestID`.
    public var table: Int
    public var mentorGuestID: Int64
    public var menteeGuestID: Int64

    public init(eventID: Int64, rotation: Int, table: Int, mentorGuestID: Int64, menteeGuestID: Int64) {
        self.eventID = eventID
        self.rotation = rotation
        self.table = table
        self.mentorGuestID = mentorGuestID
        self.menteeGuestID = menteeGuestID
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
