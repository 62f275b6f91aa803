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

    /// Newly held or failed since the last digest.
    public var items: [Item]
    public var newCount: Int
    /// Everything still waiting for a coordinator, new or not.
    public var openCount: Int
    public var olderCount: Int
    public var hasOlder: Bool
}
