/// A Speed Mentoring event as mail shows it, at the event's local time (its day worded in the
/// language of the template it is rendered with).
public struct EventInfo: Codable, Sendable, Equatable {
    public var name: String
    /// "Sunday, October 25, 2026".
    public var day: MailDate
    /// "07:30–09:00".
    public var time: MailTimeSpan
    /// "Europe/Madrid".
    public var timeZone: String
    public var minutes: Int
    public var location: String?
    public var rotations: Int
    /// How long each rotation lasts, in whole minutes.
    public var minutesPerRotation: Int
    /// The name already says "Speed Mentoring" ("Speed Mentoring, Summit Berlin"): mail does not
    /// add it again.
    public var saysSpeedMentoring: Bool?
}

/// The invitation (or an update of its time or place), with a calendar REQUEST that calendars
/// show with Accept / Decline / Maybe. Mentees are invited to attend, mentors to host a table.
public struct EventInvitationMail: MailContent {
    public static let kind = MailKind.eventInvitation
    public var person: PersonName
    public var event: EventInfo
    public var asMentor: Bool?
    public var asMentee: Bool?
    /// An update of an invitation sent before: the time or place changed.
    public var update: Bool?
    /// With `update`, the answer they gave, which stands (none: they have not answered yet).
    public var saidYes: Bool?
    public var waiting: Bool?
    public var saidMaybe: Bool?
    /// With `saidMaybe`: they have a seat (or table), kept until they say no.
    public var seatKept: Bool?
    /// With `update`, after the tables were set: only the place changed and the schedules stand.
    public var placeOnly: Bool?
    /// With `update`: what changed since the reader last saw the event (none: not known).
    public var changes: EventChanges?
}

/// What changed in an event since a guest last saw it, each as "was …, now …"; only what changed is set.
public struct EventChanges: Codable, Sendable, Equatable {
    public struct Change: Codable, Sendable, Equatable {
        /// Nil for a place: there was none, or there is none now.
        public var was: String?
        public var now: String?
    }

    public struct StartChange: Codable, Sendable, Equatable {
        public var was: MailDate
        public var now: MailDate
    }

    /// The start in the event's zone: "Monday, October 25, 2027, 07:30" (the zone added when it
    /// changed; the clock alone now when the day stayed).
    public var start: StartChange?
    /// The length, in minutes.
    public var length: Change?
    public var place: Change?
}

/// The event is cancelled, with a calendar CANCEL that removes it from calendars.
public struct EventCancelledMail: MailContent {
    public static let kind = MailKind.eventCancelled
    public var person: PersonName
    public var event: EventInfo
}

/// The answer to an RSVP, by calendar or in words: what we understood and where it leaves them.
/// Exactly one of the outcome flags is true.
public struct EventAnswerMail: MailContent {
    public static let kind = MailKind.eventAnswer
    public var person: PersonName
    public var event: EventInfo?
    public var asMentor: Bool?
    public var asMentee: Bool?
    /// A coordinator recorded this answer for them (`event answer`).
    public var recordedForYou: Bool?
    /// They have a seat (mentees) or a table (mentors).
    public var accepted: Bool?
    public var declined: Bool?
    public var tentative: Bool?
    /// With `tentative`, before the tables are set: they have a seat or table and keep it (an
    /// unsure answer gives no seat away; a "no" does). Or they left the waitlist with the "maybe".
    public var seatHeld: Bool?
    public var leftWaitlist: Bool?
    /// With `tentative`, after the tables were set: they keep their seat or table (a "no" gives it up).
    public var keptSeat: Bool?
    /// With `tentative`, after the tables were set, from someone with no place in them: the
    /// "maybe" holds nothing, and a later "yes" goes to the coordinators.
    public var lateMaybe: Bool?
    /// Every seat or table is taken: they are on the waitlist, at `position`.
    public var waitlisted: Bool?
    public var position: Int?
    /// With `accepted`: the tables are set and their schedule went out.
    public var tablesSet: Bool?
    /// The tables are already set: the coordinators are told of the change.
    public var grouped: Bool?
    /// A "yes" after the tables were set: no seat can be given by mail; the coordinators are
    /// told and may fit them in (instead of `waitlisted` and `grouped`).
    public var lateYes: Bool?
    /// The event is over, or cancelled: nothing changes.
    public var over: Bool?
    public var cancelled: Bool?
    /// No invitation of theirs matches the reply.
    public var unknown: Bool?
    /// A reply under an event mail that says neither yes nor no: they are asked to.
    public var unclear: Bool?
    /// A calendar answer for them came from `otherAddress`, not theirs and not under our mail to
    /// them: not counted; they are asked to answer from the invited address.
    public var answeredElsewhere: Bool?
    public var otherAddress: String?
    /// Their message also asked a question: it is passed to the coordinators.
    public var question: Bool?
    /// Their yes came with a condition ("but I can only stay for the first rotation"): it is
    /// passed to the coordinators (instead of `question`).
    public var note: Bool?
}

/// Someone on the waitlist got the seat or table a decline freed.
public struct EventPromotedMail: MailContent {
    public static let kind = MailKind.eventPromoted
    public var person: PersonName
    public var event: EventInfo
    public var asMentor: Bool?
    public var asMentee: Bool?
}

/// Still on the waitlist (or having said maybe) when the rotations are formed: the tables are
/// set, there was no seat (or table) for them this time; one who said maybe may still say yes.
/// Or they said yes and no table could be formed at all (`noTables`).
public struct EventNoSeatMail: MailContent {
    public static let kind = MailKind.eventNoSeat
    public var person: PersonName
    public var event: EventInfo
    public var asMentor: Bool?
    public var asMentee: Bool?
    /// They said maybe: no seat was kept, and a "yes" asks for one.
    public var saidMaybe: Bool?
    /// The tables were due and none could be formed: not enough mentors (for a mentee) or
    /// mentees (for a mentor) are coming.
    public var noTables: Bool?
}

/// One person's schedule: for a mentee, a table per rotation (the mentor's first name and areas);
/// for a mentor, the mentees at their table in each rotation (first names). No addresses.
public struct EventScheduleMail: MailContent {
    public static let kind = MailKind.eventSchedule

    public struct Slot: Codable, Sendable, Equatable {
        public var rotation: Int
        /// "07:30–07:52".
        public var time: String
        public var table: Int
        /// For a mentee: the mentor at the table.
        public var mentor: String?
        public var mentorAreas: String?
        /// For a mentor: the mentees at the table, first names.
        public var mentees: String?
        public var hasMentees: Bool?
    }

    public var person: PersonName
    public var event: EventInfo
    public var asMentor: Bool?
    public var asMentee: Bool?
    public var table: Int?
    public var slots: [Slot]
    /// The tables were formed anew: this schedule replaces the one sent before.
    public var updated: Bool?
    /// The tables were formed anew and a place from the waitlist opened for them.
    public var placeOpened: Bool?
    /// They said maybe since they got their seat (or table): it is kept until they say no.
    public var saidMaybe: Bool?
    /// Fewer mentors accepted than the invitation's rotations: fewer, longer rotations were
    /// formed than the `plannedRotations` it promised.
    public var fewerRotations: Bool?
    public var plannedRotations: Int?
}

/// The coordinators' printable sheet: one page per rotation, every table with its mentor and
/// mentees, plus the numbers.
public struct EventSheetMail: MailContent {
    public static let kind = MailKind.eventSheet

    public struct Table: Codable, Sendable, Equatable {
        public var table: Int
        /// The mentor's name, unmarked: the template words `mentorNoLongerComing`.
        public var mentor: String
        /// The mentor said no after the tables were set: their table stays on the sheet, marked.
        public var mentorNoLongerComing: Bool?
        /// The mentor said maybe since they got their table: they keep it, marked.
        public var mentorSaidMaybe: Bool?
        /// The mentees at the table, each with whether they share a language with the mentor:
        /// the template words the mark, in the sheet's language.
        public var seats: [Seat] = []
        /// The names, each marked "(no shared language)" in English when they share none with
        /// the mentor: for templates written before `seats`.
        public var mentees: [String]
        /// The same names, comma-separated.
        public var menteeList: String
        /// Some mentee here shares no language with the mentor.
        public var noSharedLanguage: Bool?
        /// The names alone, for the mentor's schedule.
        var menteeNames: [String] = []

        private enum CodingKeys: String, CodingKey { case table, mentor, mentorNoLongerComing, mentorSaidMaybe, seats, mentees, menteeList, noSharedLanguage }
    }

    /// A mentee at a table in one rotation.
    public struct Seat: Codable, Sendable, Equatable {
        public var name: String
        /// They share no language with the table's mentor (always set, so that inside a seat it
        /// never reads the table's flag).
        public var noSharedLanguage: Bool
        /// They said no after the tables were set: their seat stays on the sheet, marked.
        public var noLongerComing: Bool = false
        /// They said maybe since they got their seat: they keep it, marked.
        public var saidMaybe: Bool = false
    }

    /// Someone on the waitlist, in its order (per role).
    public struct Waiting: Codable, Sendable, Equatable {
        public var position: Int
        public var name: String
        public var asMentor: Bool?
    }

    public struct Rotation: Codable, Sendable, Equatable {
        public var rotation: Int
        public var time: String
        public var tables: [Table]
    }

    public var event: EventInfo
    public var mentees: Int
    public var mentors: Int
    public var waitlisted: Int
    /// Everyone still waiting, mentees first, each numbered in their own role's order: for
    /// templates written before the two lists below.
    public var waitingList: [Waiting] = []
    public var hasWaiting: Bool?
    /// Mentees waiting for a seat and mentors waiting for a table, each list numbered from 1 in
    /// its order, with a flag for each that is not empty.
    public var waitingMentees: [Waiting] = []
    public var waitingMentors: [Waiting] = []
    public var menteesWaiting: Bool?
    public var mentorsWaiting: Bool?
    /// Seated guests who said maybe since (marked at their tables), when any.
    public var unsureSeated: Int?
    /// Seats (a mentee in one rotation) where mentee and mentor share no language, when any.
    public var withoutSharedLanguage: Int?
    /// Fewer rotations were formed than planned: only `mentors` mentors came.
    public var fewerRotations: Bool?
    public var plannedRotations: Int?
    public var rotationsList: [Rotation]
    /// Interest of the plan against its upper bound, in percent, and fellow mentees met twice,
    /// in English: for templates written before the figures below.
    public var quality: String
    /// The plan's interest, its upper bound, the one as a percentage of the other ("98.5"), and
    /// how many times two mentees share a table again: the template words them.
    public var interest: Int = 0
    public var interestBound: Int = 0
    public var interestPercent: String = ""
    public var repeatedMeetings: Int = 0
    /// The tables were formed anew: this sheet replaces the one sent before.
    public var updated: Bool?
}
