import Mail

/// What an inbound message asks for, decided by `Intake` before anything changes.
public enum Intent: Sendable, Equatable {
    /// Someone the program does not know wrote in: answer with the sign-up form, with the role
    /// filled in when they named it ("I'd like to join as a mentee"). A `question` the form does
    /// not answer is also held for the coordinators, and the form says so; so is a message a
    /// person must read for another reason (`held`: only attachments, or too long to read whole).
    case signUpRequest(role: ParticipantRole?, question: String? = nil, held: FirstMailHold? = nil)
    /// Someone the program never had as a participant asked about their data or to delete it:
    /// told nothing is held; their message is not kept once answered.
    case noDataHeld
    /// A participant asked what we hold about them: shown it; `alsoAsks` (a question beside
    /// it) holds the message for a coordinator too.
    case showData(alsoAsks: Bool)
    /// A filled-in (or corrected) sign-up form.
    case profile(SignupForm)
    /// "pause", "resume", "withdraw", "delete my data", a new address.
    case participantCommand(ParticipantCommand)
    /// A request read unsure, or one that cannot be undone (deleting data) asked in a sentence:
    /// answered with what we think was meant and a one-word reply to confirm.
    case confirmCommand(ParticipantCommand)
    /// A request taken back ("I don't want to pause", "ignore my previous mail"): the request of
    /// that command still waiting for a "yes" (nil: the last one waiting) is cancelled, and the
    /// answer says nothing changed.
    case takeBack(ParticipantCommand?)
    /// A reply carrying one of our one-time tokens (address change, coordinator confirmation).
    case confirmation(token: String)
    /// A coordinator forwarded a form export; `verified` tells whether our mail server vouched
    /// for the From domain (else the import waits for a confirmation round trip).
    case coordinatorImport(verified: SenderVerification.Verdict)
    /// A coordinator's APPROVE or REJECT for a round's proposal.
    case coordinatorDecision(approve: Bool, proposal: ProposalReference, verified: SenderVerification.Verdict)
    /// A coordinator's reply to a proposal's review, or mail naming a code, with no clear APPROVE
    /// or REJECT: answered with how to decide (a code that is no proposal's is read as a
    /// confirmation).
    case coordinatorUnclear(proposal: ProposalReference)
    /// A coordinator wrote a command of the command line by mail (`line`, as it is run): kept
    /// for a person, and the coordinator told what works by mail and that this runs on the server.
    case coordinatorCommandLine(String)
    /// A coordinator our mail server vouched for passed on one person's own request to join
    /// (their mail attached or forwarded inline): that person gets the sign-up form.
    case coordinatorForwardedJoin(person: MailAddress, subject: String?, text: String)
    /// A reply to a check-in survey (or to our answer to one).
    case surveyAnswer(surveyID: Int64)
    /// "We're done", "we graduate" under a pair's introduction: the pair graduates.
    case graduation(mentorshipID: Int64)
    /// "Yes, sign me up as a mentor" under a graduation's thank-you.
    case becomeMentor
    /// A graduate asks to be mentored again ("I'd like to sign up again as a mentee").
    case menteeAgain
    /// An answer to an event invitation: from a calendar (iTIP REPLY) or in words under it.
    case rsvp(RSVPReply)
    /// A participant's own mail about the Speed Mentoring, not under an event mail: the answer
    /// (or request for a place) for the one upcoming event.
    case eventRequest(RSVPReply)
    /// A reply under an event mail that is no answer, no request and no question: asked for a yes or no.
    case eventUnclear(eventID: Int64)
    /// A participant wrote something we did not understand: answer with what they can write.
    case help
    /// A person must read it; `acknowledge` answers the sender that the coordinators have it
    /// (never for mail between a pair that only copies the program). `namesContext`: the reason
    /// names the mail of ours it answers and what that was about, so the digest does not say it again.
    case hold(reason: String, acknowledge: Bool, namesContext: Bool = false)
    /// Must never be answered (auto-reply, bounce, list mail, our own mail looping back).
    case ignore(reason: String)
    /// A bounce that names one of our messages: never answered, the coordinators are told.
    case bounce(DeliveryReport)

    /// Whether carrying it out answers the sender (what the loop guard limits).
    public var answersSender: Bool {
        switch self {
        case .ignore, .graduation, .bounce: false
        case .hold(_, let acknowledge, _): acknowledge
        default: true
        }
    }

    /// The names of a coordinator's decisions (APPROVE, REJECT): the program's record of them,
    /// kept (without the person) when someone they name is erased.
    public static let decisionNames: Set<String> = ["coordinator-approve", "coordinator-reject"]

    /// A short stable name, stored with the message.
    public var name: String {
        switch self {
        case .signUpRequest: "signup-request"
        case .noDataHeld: "no-data-held"
        case .showData: "show-data"
        case .profile: "profile"
        case .participantCommand(let command): "command-\(command.name)"
        case .confirmCommand(let command): "confirm-\(command.name)"
        case .takeBack(let command): "take-back" + (command.map { "-\($0.name)" } ?? "")
        case .confirmation: "confirmation"
        case .coordinatorImport: "coordinator-import"
        case .coordinatorDecision(let approve, _, _): approve ? "coordinator-approve" : "coordinator-reject"
        case .coordinatorUnclear: "coordinator-unclear"
        case .coordinatorCommandLine: "coordinator-command-line"
        case .coordinatorForwardedJoin: "coordinator-forwarded-join"
        case .surveyAnswer: "survey-answer"
        case .graduation: "graduation"
        case .becomeMentor: "become-mentor"
        case .menteeAgain: "mentee-again"
        case .rsvp(let reply): "rsvp-\(reply.answer.rawValue)"
        case .eventRequest(let reply): "event-request-\(reply.answer.rawValue)"
        case .eventUnclear: "event-unclear"
        case .help: "help"
        case .hold: "hold"
        case .ignore: "ignore"
        case .bounce: "bounce"
        }
    }
}

/// An RSVP as the intake read it: which event (by calendar UID, or the invitation answered),
/// who (the calendar's attendee, else the sender) and the answer.
public struct RSVPReply: Sendable, Equatable {
    public enum Answer: String, Sendable, Equatable { case accepted, declined, tentative }
    public enum Source: String, Sendable, Equatable { case calendar, words }

    public var eventUID: String?
    public var eventID: Int64?
    public var attendee: String?
    public var answer: Answer
    public var source: Source
    /// Sent by software (Auto-Submitted): recorded, never answered.
    public var automatic: Bool
    /// A question written beside the answer in words: the message is also held for a person.
    public var question: String? = nil
    /// A condition beside a yes in words ("but I can only stay for the first rotation"): held the same way.
    public var note: String? = nil
}

/// Which proposal a coordinator's decision is about: by the code in the text, or by the
/// review mail it answers.
public enum ProposalReference: Sendable, Equatable {
    case token(String)
    case id(Int64)
}

extension ParticipantCommand {
    public var name: String {
        switch self {
        case .pause: "pause"
        case .resume: "resume"
        case .withdraw: "withdraw"
        case .deleteData: "delete-data"
        case .changeAddress: "change-address"
        }
    }
}

/// Why a newcomer's first mail is held for the coordinators besides the sign-up form it gets.
public enum FirstMailHold: Sendable, Equatable {
    /// No text, only these files (their names): a person looks at them.
    case attachments([String])
    /// Longer than the program reads (its first and last pages): a person reads it whole.
    case long
}
