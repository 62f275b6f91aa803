/// The sign-up form, sent to someone the program does not know yet.
public struct SignupFormMail: MailContent {
    public static let kind = MailKind.signupForm
    /// The sender's name as their mail shows it (may be empty).
    public var person: PersonName
    /// The role they asked to join as ("mentee"), filled in on the form; absent when not named.
    public var role: String?
    /// The same, as one flag, for wording in any language.
    public var asMentor: Bool?
    public var asMentee: Bool?
    public var asBoth: Bool?
    /// The name their message gave ("Name: Pia Novak"), else their From name when it is a person's.
    public var name: String?
    /// Answers read from their message (its form lines, else its sentences), filled in on the form to check.
    public var prefill: Prefill?
    /// They asked something the form does not answer: it is with the coordinators.
    public var question: Bool?
    /// Their message came with no text we could read: the answer says so before the form.
    public var noText: Bool?
    /// Their message came with no text, only these files ("cv.pdf, photo.jpg"): a coordinator
    /// looks at them, which the answer says.
    public var attached: String?
    /// Their message was longer than the program reads: a coordinator reads it whole, which the
    /// answer says, with the lines still needed (`stillNeeded`).
    public var long: Bool?
    /// They answered our form ("ok", "👍") without filling in any of its lines: the answer
    /// says so and how to fill it in.
    public var noLines: Bool?
    /// With noLines, under a form we had partly filled in, or with long: the lines still needed,
    /// in words ("Role, Areas and Time zone"); the ones we filled in stay on the form.
    public var stillNeeded: String?
    /// The coordinators passed their request to join on to us (they did not write to us).
    public var passedOn: Bool?

    public struct Prefill: Codable, Sendable, Equatable {
        public var mentoringType: String?
        public var areas: String?
        public var timeZone: String?
        public var languages: String?
        public var interaction: String?
        public var capacity: String?
        public var availability: String?
        public var aboutMe: String?
    }
}

/// The answer to mail from a participant that asked for nothing we understood.
public struct HelpMail: MailContent {
    public static let kind = MailKind.help
    public var person: PersonName
    /// The participant's status (active, paused, …).
    public var status: String
    /// Present for an active participant: what happens next for them, as the profile
    /// confirmation says it (the round they wait in, the next round, or their pairs).
    public var active: Bool?
    public var round: RoundInfo?
    public var nextRound: MailDate?
    public var mentoring: String?
    /// They graduated as a mentee and mentor no one: they wait for nothing unless they ask.
    public var graduated: Bool?
    /// Everyone they are in an ongoing pair with: the answer says how to graduate.
    public var partners: String?
    /// True when they wrote that they will be away for a while ("I'm on leave next week"):
    /// the answer says that needs nothing, and how to pause instead.
    public var away: Bool?
    /// True when their message came with no text we could read (nothing, or only a signature
    /// or our own quoted mail): the answer says so.
    public var noText: Bool?
    /// A name said in a sentence ("my name is Mo Idris"), as the line to send to have it used
    /// ("Name: Mo Idris"): offered, not stored.
    public var nameLine: String?
    public var paused: Bool?
    public var withdrawn: Bool?
}

/// The answer to mail that a coordinator must read (a question): it is with them now.
public struct HeldNoticeMail: MailContent {
    public static let kind = MailKind.heldNotice
    public var person: PersonName
    /// The message answers or passes on mail meant for someone else: nothing was done for them.
    public var forSomeoneElse: Bool?
    /// That mail was an event's invitation, which holds a place for its reader only.
    public var invitation: Bool?
    /// The writer is not in the program: how to join, instead of what participants can write.
    public var notParticipant: Bool?
    /// The message answers our notice that a profile moved away from the writer's address:
    /// the coordinators look into the move and write back.
    public var addressMove: Bool?
    /// The message reads as check-in answers that were not recorded (which pair is meant, or
    /// its check-in is closed): a coordinator records them; under the pair's survey they are.
    public var checkinNotRecorded: Bool?
    /// A participant's status, in the mail's language: the notice says where they stand.
    public var status: String?
    public var paused: Bool?
    public var withdrawn: Bool?
}

/// A mail that lists what a participant can write, by where they stand: someone paused is
/// offered "resume" (not "pause"), someone withdrawn coming back and erasure only.
protocol StandingMail {
    var paused: Bool? { get set }
    var withdrawn: Bool? { get set }
}

extension StandingMail {
    mutating func stand(_ status: Participant.Status) {
        paused = status == .paused ? true : nil
        withdrawn = status == .withdrawn ? true : nil
    }
}

extension HelpMail: StandingMail {}
extension HeldNoticeMail: StandingMail {}

/// The answer to a filled-in or corrected form: what was understood, field by field.
/// A profile change as an answer tells it: the profile as understood, what to fix, what stays.
/// The answer to a form (`ProfileReceivedMail`) shows it whole; the answer to check-in answers
/// beside profile lines (`CheckinAnswersMail.profile`) too.
public struct ProfileAnswer: Codable, Sendable, Equatable {
    public var complete: Bool
    public var updated: Bool
    public var unchanged: Bool
    public var fields: [FieldLine]
    public var problems: [ProfileReceivedMail.Problem]
    public var hasProblems: Bool
    /// Lines not read, or read only in part, with the stored value that stays.
    public var unread: [ProfileReceivedMail.Problem]
    public var hasUnread: Bool
    public var unknownFields: [ProfileReceivedMail.UnknownField]
    public var hasUnknownFields: Bool
    /// What we assumed or could not read, worth knowing but needing no fix.
    public var notes: [String]
    public var hasNotes: Bool
}

public struct ProfileReceivedMail: MailContent {
    public static let kind = MailKind.profileReceived

    public struct Problem: Codable, Sendable, Equatable {
        public var field: String
        public var message: String
        public var example: String
        /// The stored value that stays, for a line that could not be read.
        public var kept: String?
    }

    public struct UnknownField: Codable, Sendable, Equatable {
        public var key: String
        public var value: String
    }

    public var person: PersonName
    public var complete: Bool
    public var updated: Bool
    public var unchanged: Bool
    public var fields: [FieldLine]
    public var problems: [Problem]
    public var hasProblems: Bool
    /// Lines that could not be read, with the stored value that stays.
    public var unread: [Problem] = []
    public var hasUnread = false
    public var unknownFields: [UnknownField]
    public var hasUnknownFields: Bool
    /// What we assumed or could not read, worth knowing but needing no fix.
    public var notes: [String]
    public var hasNotes: Bool
    /// Their own words that the profile does not reflect ("I'd say career too"), as written.
    public var unplaced: [String] = []
    public var hasUnplaced = false
    /// The profile lines those words name and the profile does not hold ("Mentoring type:
    /// career"): what to send if a change was meant.
    public var unplacedLines: [String] = []
    public var hasUnplacedLines = false
    public var oneUnplacedLine = false
    /// The open round the person is in; absent while they wait in the pool.
    public var round: RoundInfo?
    /// When the next round opens; absent when the calendar has no date.
    public var nextRound: MailDate?
    /// The partners of their ongoing pairs ("Diego Ruiz"), when they have no place to be matched
    /// in again (a mentee with a mentor, a mentor with no free place): then no round is promised.
    public var mentoring: String?
    /// The partners of their ongoing pairs when they still have a place to be matched in (a
    /// mentor with a free place): that mentoring goes on beside what happens next.
    public var mentoringBeside: String?
    /// Their participation is paused: they are not matched until they write "resume".
    public var paused: Bool?
    /// They graduated as a mentee and mentor no one: they wait for nothing unless they ask to
    /// be mentored again (then no round is promised).
    public var graduated: Bool?
    /// A graduate asked to be mentored again, and now waits for a new mentor.
    public var menteeAgain: Bool?
    /// The partners of ongoing pairs in a role the profile no longer holds (a mentor who became
    /// a mentee): those pairs go on; with `noLongerMentor` or `noLongerMentee`, the role left.
    public var pairsGoOn: String?
    public var noLongerMentor: Bool?
    public var noLongerMentee: Bool?
    /// A name said in a sentence ("my name is Mo Idris"), as the line to send to have it used
    /// ("Name: Mo Idris"): offered, not stored.
    public var nameLine: String?
    /// A coordinator made the change (`mentormail participants set`), as the person asked them.
    public var byCoordinator: Bool?

    init(person: PersonName, _ change: ProfileAnswer, unplaced: [String]) {
        self.person = person
        (complete, updated, unchanged, fields) = (change.complete, change.updated, change.unchanged, change.fields)
        (problems, hasProblems, unread, hasUnread) = (change.problems, change.hasProblems, change.unread, change.hasUnread)
        (unknownFields, hasUnknownFields, notes, hasNotes) = (change.unknownFields, change.hasUnknownFields, change.notes, change.hasNotes)
        self.unplaced = unplaced
        hasUnplaced = !unplaced.isEmpty
    }
}

/// The answer to "pause", "resume", "withdraw", "delete my data" and an address change:
/// exactly one flag is set.
public struct ParticipationChangedMail: MailContent {
    public static let kind = MailKind.participationChanged
    public var person: PersonName
    public var paused: Bool?
    public var resumed: Bool?
    public var withdrawn: Bool?
    public var erased: Bool?
    public var unknown: Bool?
    /// Someone the program never had as a participant asked about their data or to delete it:
    /// nothing is held, and their message is not kept.
    public var noData: Bool?
    public var addressChangeRequested: Bool?
    public var addressRefused: Bool?
    /// The address asked for (address changes).
    public var newAddress: String?
    /// With paused or withdrawn: the partners of the pairs that ended with it ("Carlos"), who
    /// were told.
    public var pairEnded: String?
    /// With resumed: the round they are in, still to be matched; else when the next one opens.
    public var round: RoundInfo?
    public var nextRound: MailDate?
    /// With resumed: the partners of pairs that go on (nothing is matched for them then).
    public var mentoring: String?
    /// "resume" or "I'd like to join again" from someone already active: where they stand.
    public var alreadyActive: Bool?
    /// With alreadyActive: everyone they are in a pair with now.
    public var matchedWith: String?
    /// With resumed or alreadyActive: they graduated as a mentee and mentor no one, so they
    /// wait for nothing unless they ask to be mentored again.
    public var graduated: Bool?
    /// A participant asked what we hold about them: their profile (`fields`), how many of their
    /// messages we keep, and their pairs (`matchedWith`).
    public var dataHeld: Bool?
    public var fields: [FieldLine]?
    public var messagesKept: Int?
    /// With dataHeld: the message asked something else too, which is with the coordinators.
    public var alsoHeld: Bool?
    /// A coordinator made the change (`participants pause|resume|withdraw`): the mail is no
    /// answer, and says who did it.
    public var byCoordinator: Bool?

    init(person: PersonName) { self.person = person }
}

/// The one-time code mailed to a new address, which confirms the change by replying.
public struct ConfirmAddressMail: MailContent {
    public static let kind = MailKind.confirmAddress
    public var person: PersonName
    public var oldAddress: String
    public var token: String
    public var expires: MailDate
}

/// The answer to a reply carrying an address-change code: done, or the code was refused.
public struct AddressChangedMail: MailContent {
    public static let kind = MailKind.addressChanged
    public var done: Bool?
    public var oldAddress: String?
    public var person: PersonName?
    /// The subjects of mail that did not reach the old address and goes again to the new one.
    public var resent: [String]?
    public var hasResent: Bool?
    public var invalid: Bool?
    public var token: String?
}

/// To the address a participant's profile moved away from: what changed, and whom to write
/// when it was not them (or the new address is mistyped). A reply is held for the coordinators.
public struct AddressMovedMail: MailContent {
    public static let kind = MailKind.addressMoved
    public var person: PersonName
    public var oldAddress: String
    public var newAddress: String
    /// The day of the move.
    public var day: MailDate
    /// A coordinator moved it; else it was asked for from the old address and confirmed from the new one.
    public var byCoordinator: Bool?
}

/// "Did you mean …? Reply yes to confirm": a request read unsure, or one that cannot be undone.
/// Exactly one of the request flags is set; `declined` answers a "no".
public struct CommandConfirmMail: MailContent {
    public static let kind = MailKind.commandConfirm
    public var person: PersonName
    /// What they wrote, as we read it.
    public var sentence: String
    /// The request's code; absent when nothing waited for a "yes" (a request taken back).
    public var token: String?
    /// The day the code stops working; absent when nothing waits for a "yes".
    public var expires: MailDate?
    public var deleteData: Bool?
    public var withdraw: Bool?
    public var pause: Bool?
    public var resume: Bool?
    /// With pause: the partners whose pairs a pause would end.
    public var pairs: String?
    /// They answered no, or took the request back: nothing changed.
    public var declined: Bool?
    /// With declined: they are paused, and stay so until they write "resume".
    public var stillPaused: Bool?
    /// With declined: the subjects of our mail kept back while their leaving waited for its
    /// "yes", which goes to them now.
    public var released: [String]?
    public var hasReleased: Bool?
}

/// A welcome for someone a coordinator imported from a form export.
public struct WelcomeMail: MailContent {
    public static let kind = MailKind.welcome
    public var person: PersonName
    public var fields: [FieldLine]
    public var round: RoundInfo?
    public var nextRound: MailDate?
}
