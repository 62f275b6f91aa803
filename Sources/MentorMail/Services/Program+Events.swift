import Foundation
import GRDB
import MatchingCore

/// What a coordinator gives to create a Speed Mentoring event.
public struct EventPlan: Sendable {
    public var name: String
    /// The start, already placed in `timeZone`.
    public var startsAt: Date
    public var timeZone: TimeZone
    public var durationMinutes: Int
    /// Mentee seats.
    public var capacity: Int
    /// Mentors' tables.
    public var tables: Int
    public var rotations: Int
    /// "all", "mentees", "mentors" or "round:NAME".
    public var audience: String
    public var location: String?
    /// The calendar UID when the event already has one (in the coordinators' calendar); else
    /// one is made up.
    public var uid: String?
    /// Create it even when an event still to come has the same name and start (otherwise refused).
    public var force: Bool

    public init(name: String, startsAt: Date, timeZone: TimeZone, durationMinutes: Int, capacity: Int, tables: Int,
                rotations: Int, audience: String = "all", location: String? = nil, uid: String? = nil, force: Bool = false) {
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
        self.force = force
    }

    /// Whether `text` names an audience.
    public static func isAudience(_ text: String) -> Bool { EventAudience(text) != nil }
}

/// What `event invite` did (or, with `--dry-run`, would do).
public struct EventInvitations: Codable, Sendable, Equatable {
    public var eventID: Int64
    public var dryRun: Bool
    /// Those invited now.
    public var invited: [EventView.Guest]
    /// Everyone invited to the event, these included.
    public var invitedInAll: Int
}

/// An event as `event list` and `event show` report it.
public struct EventView: Codable, Sendable, Equatable {
    public struct Guest: Codable, Sendable, Equatable {
        public var email: String
        public var name: String
        public var role: String
        public var answer: String
        /// By calendar, in words, or set by a coordinator.
        public var answeredBy: String?
        /// For the waitlisted: 1 is next.
        public var position: Int?
        /// When their address bounced for good: their mail (updates, schedules) is kept, not sent.
        public var bounce: BounceView?
        /// What they said last (accepted, tentative, declined), apart from their place: "tentative"
        /// under accepted is a maybe that keeps the seat.
        public var lastAnswer: String?
        /// When they answered last, and that day in the event's zone ("2026-12-07").
        public var answeredAt: Date?
        public var answeredOn: String?
    }

    public var id: Int64
    public var name: String
    public var startsAt: Date
    public var timeZone: String
    /// "2026-10-25 07:30" in the event's zone.
    public var localStart: String
    public var durationMinutes: Int
    public var capacity: Int
    public var tables: Int
    public var rotations: Int
    public var audience: String
    public var location: String?
    public var uid: String
    public var sequence: Int
    public var status: String
    public var invited: Int
    public var acceptedMentees: Int
    public var acceptedMentors: Int
    public var waitlisted: Int
    /// Why its tables can never be set as it stands (its audience invites no mentor, or no
    /// mentee), with what to do; nil when nothing stands in the way.
    public var warning: String?
    /// Only in `event show`: everyone by answer.
    public var accepted: [Guest]?
    public var declined: [Guest]?
    public var tentative: [Guest]?
    public var waitlist: [Guest]?
    public var noAnswer: [Guest]?
}

extension Program {
    /// `mentormail event create`: stores the event; the next `process` sends the invitations.
    public func createEvent(_ plan: EventPlan, now: Date, actor: String = "command line") throws -> EventView {
        guard let audience = EventAudience(plan.audience) else {
            throw MentorMailError(.data, "--audience \(plan.audience) is not all, mentees, mentors or round:NAME")
        }
        return try perform(at: now) { work in
            let event = try EventService(work: work).create(
                EventService.Plan(name: plan.name, startsAt: plan.startsAt, timeZone: plan.timeZone, durationMinutes: plan.durationMinutes,
                                  capacity: plan.capacity, tables: plan.tables, rotations: plan.rotations, audience: audience,
                                  location: plan.location, uid: plan.uid, force: plan.force), actor: actor)
            return try Self.view(of: event, work.db, details: false)
        }
    }

    /// `mentormail event update`: a new time, length or place (guests get an update with the next
    /// run), or a new audience ("all", "mentees", "mentors", "round:NAME") for the invitations still to go.
    public func updateEvent(id: Int64, startsAt: Date?, timeZone: TimeZone?, durationMinutes: Int?, location: String?,
                            audience: String? = nil, now: Date, actor: String = "command line") throws -> EventView {
        let newAudience = try audience.map { text in
            guard let audience = EventAudience(text) else { throw MentorMailError(.data, "--audience \(text) is not all, mentees, mentors or round:NAME") }
            return audience
        }
        return try perform(at: now) { work in
            let event = try EventService(work: work).update(id, startsAt: startsAt, timeZone: timeZone, durationMinutes: durationMinutes,
                                                            location: location, audience: newAudience, actor: actor)
            return try Self.view(of: event, work.db, details: false)
        }
    }

    /// `mentormail event invite`: invites everyone in the event's audience not invited yet (the
    /// invitations go with the next `process`); with `dryRun`, only says whom.
    public func inviteToEvent(id: Int64, now: Date, dryRun: Bool = false, actor: String = "command line") throws -> EventInvitations {
        try perform(at: now, dryRun: dryRun) { work in
            let invited = try EventService(work: work).inviteNow(eventID: id, actor: actor)
            let event = try Self.view(of: try EventService(work: work).find(id), work.db, details: false)
            return EventInvitations(eventID: id, dryRun: dryRun, invited: invited.map {
                EventView.Guest(email: $0.email, name: $0.name, role: $0.role.rawValue, answer: $0.answer.rawValue)
            }, invitedInAll: event.invited)
        }
    }

    /// `mentormail event answer`: records a guest's answer ("yes", "no" or "maybe") for them, as
    /// their own would (a seat, the waitlist, a promotion), and queues their confirmation unless `quiet`.
    public func answerForGuest(eventID: Int64, address: String, answer: String, quiet: Bool, now: Date,
                               actor: String = "command line") throws -> EventView.Guest {
        let answers: [String: RSVPReply.Answer] = ["yes": .accepted, "no": .declined, "maybe": .tentative]
        guard let rsvp = answers[answer.lowercased()] else { throw MentorMailError(.data, "the answer \(answer) is not yes, no or maybe") }
        return try perform(at: now) { work in
            let service = EventService(work: work)
            let guest = try service.answerFor(eventID: eventID, address: address, answer: rsvp, quiet: quiet, actor: actor)
            return EventView.Guest(email: guest.email, name: guest.name, role: guest.role.rawValue, answer: guest.answer.rawValue,
                                   answeredBy: guest.answeredBy, position: guest.answer == .waitlisted ? try service.position(of: guest) : nil)
        }
    }

    /// `mentormail event cancel`: everyone invited gets a calendar CANCEL with the next run.
    public func cancelEvent(id: Int64, now: Date, actor: String = "command line") throws -> EventView {
        try perform(at: now) { work in
            let event = try EventService(work: work).cancel(id, actor: actor)
            return try Self.view(of: event, work.db, details: false)
        }
    }

    /// `mentormail event groups`: forms the rotations now and queues the schedules (neither with `dryRun`).
    public func formEventGroups(id: Int64, now: Date, dryRun: Bool = false, again: Bool = false, actor: String = "command line") throws -> EventGrouping {
        var grouping = try perform(at: now, dryRun: dryRun) { work in try EventService(work: work).formGroups(eventID: id, actor: actor, again: again) }
        grouping.dryRun = dryRun
        return grouping
    }

    /// The coordinators' printable sheet of an event whose rotations are formed, as HTML.
    public func eventSheet(id: Int64, now: Date) throws -> String {
        try perform(at: now, dryRun: true) { work in
            let service = EventService(work: work)
            let event = try service.find(id)
            guard event.status == .grouped else {
                throw MentorMailError(.data, "event \(id) has no rotations yet; `mentormail event groups \(id)` forms them")
            }
            let mail = try service.sheet(of: event)
            let values = mail.templateValues(program: ProgramInfo(config.program), replySubject: nil)
            guard let html = try templates.render(MailKind.eventSheet.template, values, language: nil).html else {
                throw MentorMailError(.config, "templates/event-sheet.html.mustache is missing: it is the printable sheet")
            }
            return html
        }
    }
}

extension AppDatabase {
    public func events() throws -> [EventView] {
        try read { db in
            try SpeedEvent.order(SpeedEvent.Columns.startsAt.desc, Column("id").desc).fetchAll(db).map {
                try Program.view(of: $0, db, details: false)
            }
        }
    }

    public func event(id: Int64) throws -> EventView {
        try read { db in
            guard let event = try SpeedEvent.fetchOne(db, key: id) else {
                throw MentorMailError(.data, "no event has the id \(id); see `mentormail event list`")
            }
            return try Program.view(of: event, db, details: true)
        }
    }
}

extension Program {
    static func view(of event: SpeedEvent, _ db: Database, details: Bool) throws -> EventView {
        let guests = try EventGuest.filter(EventGuest.Columns.eventID == event.id).order(Column("id")).fetchAll(db)
        let local = EventService.localStart(event)
        func count(_ role: EventGuest.Role, _ answer: EventGuest.Answer) -> Int {
            guests.filter { $0.role == role && $0.answer == answer }.count
        }
        var view = EventView(
            id: event.id ?? 0, name: event.name, startsAt: event.startsAt, timeZone: event.timeZone, localStart: local,
            durationMinutes: event.durationMinutes, capacity: event.capacity, tables: event.tables, rotations: event.rotations,
            audience: event.audience, location: event.location, uid: event.uid, sequence: event.sequence, status: event.status.rawValue,
            invited: guests.filter { $0.invitedAt != nil }.count, acceptedMentees: count(.mentee, .accepted),
            acceptedMentors: count(.mentor, .accepted), waitlisted: guests.filter { $0.answer == .waitlisted }.count,
            warning: try EventService.tablesProblem(event, db))
        guard details else { return view }
        let bounces = try AppDatabase.bouncesByParticipant(db)
        func list(_ answer: EventGuest.Answer) -> [EventView.Guest] {
            var positions: [EventGuest.Role: Int] = [:]
            let chosen = guests.filter { $0.answer == answer }
            let ordered = answer == .waitlisted
                ? chosen.sorted { ($0.waitlistOrder ?? 0, $0.waitlistedAt ?? .distantPast, $0.id ?? 0)
                                < ($1.waitlistOrder ?? 0, $1.waitlistedAt ?? .distantPast, $1.id ?? 0) } : chosen
            return ordered.map { guest in
                var position: Int?
                if answer == .waitlisted {
                    positions[guest.role, default: 0] += 1
                    position = positions[guest.role]
                }
                return EventView.Guest(email: guest.email, name: guest.name, role: guest.role.rawValue, answer: guest.answer.rawValue,
                                       answeredBy: guest.answeredBy, position: position,
                                       bounce: guest.participantID.flatMap { bounces[$0] }.map(BounceView.init),
                                       lastAnswer: guest.lastAnswer?.rawValue, answeredAt: guest.answeredAt,
                                       answeredOn: guest.answeredAt.map { EventService.localDate($0, MailTime.zone(event.timeZone)) })
            }
        }
        view.accepted = list(.accepted)
        view.declined = list(.declined)
        view.tentative = list(.tentative)
        view.waitlist = list(.waitlisted)
        view.noAnswer = list(.invited)
        return view
    }
}
