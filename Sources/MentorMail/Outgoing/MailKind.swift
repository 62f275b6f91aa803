/// Every kind of mail the program sends. The raw value is the template's name
/// (`templates/NAME.txt.mustache`) and what the outbox stores as the mail's purpose.
///
/// Adding a kind: a case here, its content type in ``contentType``, the type itself (a
/// `MailContent` with `static let kind`), and the templates. The start-up template check
/// walks these cases, so a missing template or a variable the type lacks stops `process`.
public enum MailKind: String, CaseIterable, Codable, Sendable {
    case signupForm = "signup-form"
    case help
    case heldNotice = "held-notice"
    case profileReceived = "profile-received"
    case participationChanged = "participation-changed"
    case confirmAddress = "confirm-address"
    case addressChanged = "address-changed"
    case addressMoved = "address-moved"
    case importReport = "import-report"
    case coordinatorConfirm = "coordinator-confirm"
    case welcome
    case matchReview = "match-review"
    case introduction
    case unmatchedNote = "unmatched-note"
    case unmatchedMentorNote = "unmatched-mentor-note"
    case matchDecision = "match-decision"
    case heldDigest = "held-digest"
    case checkinSurvey = "checkin-survey"
    case checkinReminder = "checkin-reminder"
    case checkinAnswers = "checkin-answers"
    case pairGraduated = "pair-graduated"
    case pairEnded = "pair-ended"
    case partnerLeft = "partner-left"
    case graduationDisagreed = "graduation-disagreed"
    case graduationPending = "graduation-pending"
    case commandConfirm = "command-confirm"
    case eventInvitation = "event-invitation"
    case eventCancelled = "event-cancelled"
    case eventAnswer = "event-answer"
    case eventPromoted = "event-promoted"
    case eventSchedule = "event-schedule"
    case eventSheet = "event-sheet"
    case eventNoSeat = "event-no-seat"

    /// Event mail whose reply answers for the event in words ("yes", "can't make it").
    static let eventAnswerable: Set<MailKind> = [.eventInvitation, .eventAnswer, .eventPromoted, .eventSchedule, .eventNoSeat]

    /// The Swift type holding this mail's values.
    public var contentType: any MailContent.Type {
        switch self {
        case .signupForm: SignupFormMail.self
        case .help: HelpMail.self
        case .heldNotice: HeldNoticeMail.self
        case .profileReceived: ProfileReceivedMail.self
        case .participationChanged: ParticipationChangedMail.self
        case .confirmAddress: ConfirmAddressMail.self
        case .addressChanged: AddressChangedMail.self
        case .addressMoved: AddressMovedMail.self
        case .importReport: ImportReportMail.self
        case .coordinatorConfirm: CoordinatorConfirmMail.self
        case .welcome: WelcomeMail.self
        case .matchReview: MatchReviewMail.self
        case .introduction: IntroductionMail.self
        case .unmatchedNote: UnmatchedNoteMail.self
        case .unmatchedMentorNote: UnmatchedMentorNoteMail.self
        case .matchDecision: MatchDecisionMail.self
        case .heldDigest: HeldDigestMail.self
        case .checkinSurvey: CheckinSurveyMail.self
        case .checkinReminder: CheckinReminderMail.self
        case .checkinAnswers: CheckinAnswersMail.self
        case .pairGraduated: PairGraduatedMail.self
        case .pairEnded: PairEndedMail.self
        case .partnerLeft: PartnerLeftMail.self
        case .graduationDisagreed: GraduationDisagreedMail.self
        case .graduationPending: GraduationPendingMail.self
        case .commandConfirm: CommandConfirmMail.self
        case .eventInvitation: EventInvitationMail.self
        case .eventCancelled: EventCancelledMail.self
        case .eventAnswer: EventAnswerMail.self
        case .eventPromoted: EventPromotedMail.self
        case .eventSchedule: EventScheduleMail.self
        case .eventSheet: EventSheetMail.self
        case .eventNoSeat: EventNoSeatMail.self
        }
    }

    /// Answers thread under the message they answer and get `replySubject`; the others
    /// (introductions, reviews, digests) start a thread of their own.
    public var isAnswer: Bool {
        switch self {
        case .signupForm, .help, .heldNotice, .profileReceived, .participationChanged, .addressChanged,
             .importReport, .coordinatorConfirm, .matchDecision, .checkinAnswers, .commandConfirm, .eventAnswer:
            true
        case .confirmAddress, .addressMoved, .welcome, .matchReview, .introduction, .unmatchedNote, .unmatchedMentorNote, .heldDigest, .checkinSurvey,
             .checkinReminder, .pairGraduated, .pairEnded, .partnerLeft, .graduationDisagreed, .graduationPending, .eventInvitation,
             .eventCancelled, .eventPromoted, .eventSchedule, .eventSheet, .eventNoSeat:
            false
        }
    }

    /// The template's name.
    public var template: String { rawValue }

    /// The sections (`{{#flag}}…{{/flag}}`) its templates must have, each with the case it words:
    /// a template without one (copied before the case was added) would word that case as
    /// another, so that case goes out with the shipped wording and `check-templates` and
    /// `doctor` say so.
    public var requiredSections: [String: String] {
        switch self {
        case .eventNoSeat:
            ["noTables": "the mail to guests when no table could be formed at all",
             "saidMaybe": "the mail to guests who said maybe when the tables are set"]
        case .eventSheet:
            ["noLongerComing": "the mark of a mentee who said no after the tables were set",
             "mentorNoLongerComing": "the mark of a mentor who said no after the tables were set",
             "noSharedLanguage": "the mark of a seat where mentee and mentor share no language",
             "updated": "the sheet that replaces an earlier one"]
        case .eventInvitation:
            ["update": "the update of an invitation whose time or place changed",
             "placeOnly": "the update once the tables are set, when only the place changed"]
        case .eventAnswer:
            ["accepted": "the answer to a yes", "declined": "the answer to a no", "tentative": "the answer to a maybe",
             "waitlisted": "the answer that puts someone on the waitlist",
             "lateYes": "the answer to a yes after the tables were set",
             "keptSeat": "the answer to a maybe from someone seated after the tables were set",
             "lateMaybe": "the answer to a maybe from someone without a seat after the tables were set",
             "over": "the answer about an event that is over", "cancelled": "the answer about a cancelled event",
             "unclear": "the question to a reply that says neither yes nor no"]
        case .participationChanged:
            ["noData": "the answer to someone the program never had as a participant who asks about their data"]
        case .eventSchedule:
            ["updated": "the schedule that replaces an earlier one",
             "placeOpened": "the schedule of someone a place opened for when the tables were formed anew"]
        default:
            [:]
        }
    }

    /// Variables this mail's text template must print, because the reading side relies on them:
    /// each with what is lost without it. `check-templates` and the start-up check refuse a
    /// template that leaves one out.
    public var requiredVariables: [String: String] {
        switch self {
        case .confirmAddress:
            ["token": "the one-time code the new address replies with; without it the reply is read as a stranger's and the address is not changed"]
        case .coordinatorConfirm, .commandConfirm:
            ["token": "the one-time code the reply confirms with; without it the reply confirms nothing"]
        case .matchReview:
            ["token": "the proposal's code for APPROVE and REJECT; without it a decision written elsewhere than under this mail names no proposal"]
        default:
            [:]
        }
    }
}
