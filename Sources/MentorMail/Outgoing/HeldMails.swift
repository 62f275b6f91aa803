/// The coordinators' digest of mail a person must read: sent at most once per run, and only
/// when something new is held or failed.
public struct HeldDigestMail: MailContent {
    public static let kind = MailKind.heldDigest

    public struct Item: Codable, Sendable, Equatable {
        /// The id for `mentormail held show|release|retry ID`.
        public var id: Int
        public var received: String
        public var sender: String
        public var subject: String
        /// held or failed.
        public var disposition: String
        public var failed: Bool
        public var reason: String
        /// The mail of ours it answers, in words ("introduction of pair 3"), if any.
        public var context: String?
        /// The first lines of what the person wrote.
        public var excerpt: [String]
    }

    /// A pair the coordinators should look at.
    public struct PairItem: Codable, Sendable, Equatable {
        /// The id for `mentormail pairs show ID`.
        public var id: Int
        public var mentee: String
        public var mentor: String
        /// active, graduated or ended.
        public var status: String
        /// What happened ("Ana rated it 2 of 5", "no answer after the reminder from Max").
        public var what: [String]
        /// Each side's check-in answers so far, one line each.
        public var answers: [String]
        /// Notes left since the last digest that showed the pair.
        public var note: [String]
        public var hasNote: Bool
        /// Notes an earlier digest showed: counted, not repeated.
        public var olderNoteCount: Int = 0
        public var hasOlderNotes = false
        /// The suggested action: one is true.
        public var suggestTalk: Bool?
        public var suggestRematch: Bool?
        public var suggestNudge: Bool?
        /// No answer to the check-in, but a message held from them since it went out may be it.
        public var suggestReadHeld: Bool?
        public var suggestRead: Bool?
        public var suggestNothing: Bool?
    }

    /// Newly held or failed since the last digest.
    public var items: [Item]
    public var hasHeld: Bool
    /// Pairs with news since the last digest.
    public var pairs: [PairItem]
    public var pairCount: Int
    public var hasPairs: Bool
    /// Mail that could not be delivered: to whom, which mail, the server's words.
    public var undelivered: [String]
    public var hasUndelivered: Bool
    /// Mail kept while its recipient is asked whether they leave: it goes by itself after a
    /// "no", and is not sent after a "yes"; nothing to do.
    public var keptWhileLeaving: [String]
    public var hasKeptWhileLeaving: Bool
    /// Mail that failed after passing trouble (4.x.x): the address works; nothing to do unless it repeats.
    public var deferred: [String]
    public var hasDeferred: Bool
    /// Mail refused for its content or sender (5.7.x, "spam"): the address works.
    public var refused: [String]
    public var hasRefused: Bool
    public var hasDeliveryNews: Bool
    /// News of Speed Mentoring events: answers changed after the tables were set, rotations not formed.
    public var events: [String]
    public var hasEvents: Bool
    public var newCount: Int
    /// Everything still waiting for a coordinator, new or not.
    public var openCount: Int
    /// New repeats of a message kept for the same sender: counted, not listed.
    public var newRepeatCount: Int
    public var hasNewRepeats: Bool
    /// What earlier digests listed and is still waiting, and the repeats they counted.
    public var olderCount: Int
    public var hasOlder: Bool
    public var olderRepeatCount: Int
    public var hasOlderRepeats: Bool
    /// Mail kept quietly that repeats nothing (a coordinator's answer to a digest, mail past a
    /// sender's daily limit) and still waits: counted, never listed.
    public var quietCount: Int
    public var hasQuiet: Bool
    /// Only news of events, each saying what to do: the held-mail commands would not help.
    public var eventsOnly: Bool?
}
