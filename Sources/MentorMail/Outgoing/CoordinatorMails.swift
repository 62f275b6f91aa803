/// The coordinator's report on an import, row by row (or why nothing was imported).
public struct ImportReportMail: MailContent {
    public static let kind = MailKind.importReport

    public struct Rejected: Codable, Sendable, Equatable {
        public var row: Int
        public var email: String
        public var reasons: String
    }

    /// Why nothing was imported; the other values are then empty.
    public var failure: String?
    public var source: String
    public var added: [String]
    public var addedCount: Int
    public var updated: [String]
    public var updatedCount: Int
    public var unchangedCount: Int
    public var rejected: [Rejected]
    public var rejectedCount: Int
    public var hasRejected: Bool
    public var ignoredColumns: String
    public var hasIgnoredColumns: Bool
    /// Lines that could not be read as a row: line, reason.
    public var malformed: [Malformed]
    public var hasMalformed: Bool
    /// Rows imported with something to know, or replaced by a later answer: row, email, text.
    public var notes: [ImportReport.Note] = []
    public var hasNotes = false
    /// Rows not applied on purpose (older than the profile's last change, someone who left):
    /// row, email, reason.
    public var skipped: [ImportReport.Skipped] = []
    public var skippedCount = 0
    public var hasSkipped = false

    public struct Malformed: Codable, Sendable, Equatable {
        public var line: Int
        public var reason: String
    }
}

/// A coordinator command that our mail server did not vouch for: nothing was done; reply with
/// the code to have it carried out.
public struct CoordinatorConfirmMail: MailContent {
    public static let kind = MailKind.coordinatorConfirm
    /// The subject of the held message.
    public var subject: String
    /// What it asked for: one flag is set.
    public var importing: Bool?
    public var approving: Bool?
    public var rejecting: Bool?
    /// Why it could not be verified, in English (what templates written before the flags below print).
    public var reason: String
    /// Why it could not be verified, for the template to word: one flag is set.
    public var noTrustedServer: Bool?
    public var noFromAddress: Bool?
    public var noAuthenticationResults: Bool?
    /// The topmost Authentication-Results came from another server than `trustedServer`.
    public var otherServer: Bool?
    public var trustedServer: String?
    /// Neither DKIM nor DMARC passed for `fromDomain`.
    public var noPass: Bool?
    public var fromDomain: String?
    public var token: String
    public var expires: MailDate

    init(subject: String, importing: Bool?, approving: Bool?, rejecting: Bool?, unverified why: SenderVerification.Unverified,
         token: String, expires: MailDate) {
        (self.subject, self.importing, self.approving, self.rejecting) = (subject, importing, approving, rejecting)
        reason = why.description
        switch why {
        case .noTrustedServer: noTrustedServer = true
        case .noFromAddress: noFromAddress = true
        case .noAuthenticationResults: noAuthenticationResults = true
        case .otherServer(let trusted): (otherServer, trustedServer) = (true, trusted)
        case .noPass(let domain): (noPass, fromDomain) = (true, domain)
        }
        self.token = token
        self.expires = expires
    }
}

/// The answer to a coordinator's APPROVE or REJECT, or to a command line sent by mail: exactly
/// one of the outcome flags (or `serverCommand`) is set.
public struct MatchDecisionMail: MailContent {
    public static let kind = MailKind.matchDecision
    /// The round decided on (absent when the code is unknown).
    public var round: String?
    public var token: String
    /// Approved: the introductions and notes are on their way.
    public var approved: Bool?
    public var introductions: Int?
    public var notes: Int?
    /// Approved: notes to the round's mentors who got no mentee (absent when none).
    public var mentorNotes: Int?
    /// Rejected: nothing is sent.
    public var rejected: Bool?
    /// No proposal has this code.
    public var unknownCode: Bool?
    /// The proposal was already approved, rejected or replaced (`status` says which).
    public var alreadyDecided: Bool?
    public var status: String?
    /// The participants changed since the proposal was made: a new one is needed.
    public var stale: Bool?
    /// The reply said neither APPROVE nor REJECT clearly: nothing was done.
    public var unclear: Bool?
    /// With alreadyDecided: the code of the round's proposal that waits now, if any.
    public var waiting: String?
    /// With rejected: the reason the coordinator gave, as kept.
    public var reason: String?
    /// A command of the command line sent by mail, as it is run on the server ("mentormail round open …").
    public var serverCommand: String?
    /// With serverCommand: the word after "mentormail" that is no command ("staus"); then
    /// `didYouMean` is the line with the command meant ("mentormail status"), or, when none is
    /// near, `commands` lists them all.
    public var unknownCommand: String?
    public var didYouMean: String?
    public var commands: String?
    /// A coordinator passed on someone's request to join: the sign-up form went to this address.
    public var formSentTo: String?
}
