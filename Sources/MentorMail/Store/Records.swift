import Foundation
import GRDB
import Mail

/// A message that arrived in the program's mailbox, recorded in the same transaction as its effects.
///
/// (mailbox, uidValidity, uid) is unique: a rerun after a crash finds the message here and only
/// flags it on the server. A Message-ID is not unique (anyone can reuse one); another copy of the
/// same message is known by its Message-ID, sender and `contentFingerprint`.
public struct InboundMessage: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "inboundMessage"

    /// What became of a message, as data: the held-mail commands and the digest read it.
    public enum Disposition: String, Codable, Sendable, CaseIterable {
        /// Understood and answered.
        case answered
        /// Not understood; answered with what the person can write (no one else needs to read it).
        case helped
        /// A person must read it (a question, a reply-all between a pair, mail we cannot read).
        case held
        /// A coordinator command waiting for its confirmation code.
        case waiting
        /// Must not be answered (auto-reply, bounce, list mail, our own mail).
        case ignored
        /// Handling it raised an error; `note` has it. `mentormail held retry` runs it again.
        case failed

        /// Dispositions that wait for a coordinator until released or retried.
        public static let needingAttention: [Disposition] = [.held, .failed, .waiting]
    }

    public var id: Int64?
    public var mailbox: String
    public var uidValidity: Int64
    public var uid: Int64
    public var messageID: String?
    public var sender: String?
    public var subject: String?
    public var receivedAt: Date
    /// What the intake understood, e.g. "signup-request".
    public var intent: String
    public var disposition: Disposition
    /// What was done, or why it was held or failed.
    public var note: String?
    /// The note names the mail of ours this one answers and what that was about ("a reply to
    /// the introduction of the pair of …"): the digest does not say that context again.
    public var noteNamesContext = false
    /// The intake rule that decided, and its reason.
    public var rule: String?
    public var reason: String?
    /// The mail of ours this one answers (found by In-Reply-To/References), if any.
    public var contextKind: String?
    public var contextTopic: String?
    public var contextID: Int64?
    /// When a coordinator released it (or a retry handled it), and how.
    public var resolvedAt: Date?
    public var resolution: String?
    /// When it went out in a coordinators' digest (counted there only, when `folded`).
    public var digestedAt: Date?
    /// Kept quietly: a repeat of a message already kept for the sender (a flood, a responder),
    /// or mail kept without a repeat (see `isKeptQuietly`). Digests count it and do not list it.
    public var folded = false
    /// How many times it was handled (1, plus each retry).
    public var attempts: Int
    /// A fingerprint of the new text, to notice the same text coming again (a responder).
    public var textFingerprint: String?
    /// A fingerprint of the message's body as fetched, to tell another copy of this message
    /// from other mail reusing its Message-ID; nil for mail recorded before it was kept.
    public var contentFingerprint: String?

    public init(mailbox: String, uidValidity: Int64, uid: Int64, messageID: String?, sender: String?, subject: String?,
                receivedAt: Date, intent: String, disposition: Disposition, note: String?) {
        self.mailbox = mailbox
        self.uidValidity = uidValidity
        self.uid = uid
        self.messageID = messageID
        self.sender = sender
        self.subject = subject
        self.receivedAt = receivedAt
        self.intent = intent
        self.disposition = disposition
        self.note = note
        attempts = 1
    }

    public enum Columns {
        static let mailbox = Column(CodingKeys.mailbox)
        static let uidValidity = Column(CodingKeys.uidValidity)
        static let uid = Column(CodingKeys.uid)
        static let messageID = Column(CodingKeys.messageID)
        static let sender = Column(CodingKeys.sender)
        static let receivedAt = Column(CodingKeys.receivedAt)
        static let disposition = Column(CodingKeys.disposition)
        static let resolvedAt = Column(CodingKeys.resolvedAt)
        static let digestedAt = Column(CodingKeys.digestedAt)
        static let folded = Column(CodingKeys.folded)
    }

    /// Kept quietly without repeating anything (when `folded`): a coordinator's answer to a
    /// digest, or mail past a sender's daily limit after the first.
    public var isKeptQuietly: Bool { folded && (rule == LoopGuard.dailyLimitRule || contextKind == MailKind.heldDigest.rawValue) }

    /// `isKeptQuietly` as SQL, for folded rows.
    static let keptQuietly: SQLExpression = (Column("rule") == LoopGuard.dailyLimitRule
                                             || Column("contextKind") == MailKind.heldDigest.rawValue) ?? false

    /// The mail of ours it answers, if any.
    public var context: MailReference? {
        guard let contextKind, let kind = MailKind(rawValue: contextKind) else { return nil }
        return MailReference(kind: kind, topic: Topic(kindName: contextTopic, id: contextID))
    }

    /// The columns as Codable would write them, without its encoder: one row per message.
    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["mailbox"] = mailbox
        container["uidValidity"] = uidValidity
        container["uid"] = uid
        container["messageID"] = messageID
        container["sender"] = sender
        container["subject"] = subject
        container["receivedAt"] = receivedAt
        container["intent"] = intent
        container["disposition"] = disposition.rawValue
        container["note"] = note
        container["noteNamesContext"] = noteNamesContext
        container["rule"] = rule
        container["reason"] = reason
        container["contextKind"] = contextKind
        container["contextTopic"] = contextTopic
        container["contextID"] = contextID
        container["resolvedAt"] = resolvedAt
        container["resolution"] = resolution
        container["digestedAt"] = digestedAt
        container["folded"] = folded
        container["attempts"] = attempts
        container["textFingerprint"] = textFingerprint
        container["contentFingerprint"] = contentFingerprint
    }

    /// The fingerprint of a message's body: the bytes after its header (of a large message, the
    /// part read), and its whole size. Headers are left out: each delivery adds its own.
    static func contentFingerprint(of bytes: [UInt8], size: Int) -> String {
        var start = bytes.count
        for index in bytes.indices where bytes[index] == 0x0A {
            let next = index + 1
            if next < bytes.count && bytes[next] == 0x0A { start = next + 1; break }
            if next + 1 < bytes.count && bytes[next] == 0x0D && bytes[next + 1] == 0x0A { start = next + 2; break }
        }
        var hasher = FNV1a()
        hasher.add(bytes: bytes[start...])
        hasher.add(String(size))
        return hasher.hex
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One outgoing message: queued in the transaction that decided to send it, then sent once.
///
/// The bytes (with their Message-ID) are fixed when queued, so a resend after a crash
/// between SMTP acceptance and `sent` carries the same Message-ID and receivers can
/// recognise the duplicate.
public struct OutboxMessage: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outboxMessage"

    /// Marks one row (the argument after the time) sent. What it was made of (`content`, kept
    /// only so that a later message of its run could word it again) goes: the sent bytes remain.
    static let markSentSQL = "UPDATE outboxMessage SET status = 'sent', sentAt = ?, attempts = attempts + 1, lastError = NULL, content = NULL WHERE id = ?"
    public enum Status: String, Codable, Sendable, CaseIterable {
        case queued, sent, failed
        /// Not sent: a recipient's address bounced for good (`lastError` says which and when).
        case withheld
        /// Not sent and no longer waiting: kept for an address that moved or works again, and
        /// re-sent as a fresh copy (`replacedBy`) or no longer worth sending (`lastError` says).
        case retired
        /// Not sent: a coordinator took it back (`outbox cancel`; `lastError` says who and why).
        /// Nothing sends it until `outbox resend` queues it again.
        case cancelled
    }

    public var id: Int64?
    public var messageID: String
    /// The kind of mail (`MailKind`'s raw value, e.g. "signup-form").
    public var purpose: String
    public var sender: String
    /// Envelope recipients, comma-separated.
    public var recipients: String
    public var subject: String
    public var raw: Data
    /// The inbound message this answers, if any.
    public var inboundID: Int64?
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// What the mail is about (an introduction: the mentorship; a review: the proposal), so
    /// that a reply to it is read in that context.
    public var topicKind: String?
    public var topicID: Int64?
    /// The fresh copy sent in its place (after a bounce, to a new or working address, or worded
    /// again in the same run).
    public var replacedBy: Int64? = nil
    /// The values it was made of (JSON, `OutboxWriter.Kept`), for an answer kept so that a
    /// later message of the same run can word it again; nil for all others.
    public var content: String? = nil

    public var kind: MailKind? { MailKind(rawValue: purpose) }
    public var topic: Topic { Topic(kindName: topicKind, id: topicID) }

    /// The status as coordinators read it: a failed message that used up every retry of a
    /// passing refusal is "parked".
    public var shownStatus: String {
        status == .failed && attempts >= Processor.defaultMaxSendAttempts ? "parked" : status.rawValue
    }

    /// Withheld while a recipient is asked whether they leave, not because an address bounced.
    public var isKeptWhileLeaving: Bool {
        status == .withheld && lastError?.contains(OutboxWriter.keptWhileLeavingWords) == true
    }

    public enum Columns {
        static let messageID = Column(CodingKeys.messageID)
        static let purpose = Column(CodingKeys.purpose)
        static let status = Column(CodingKeys.status)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
    }

    public var recipientList: [String] {
        recipients.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The columns as Codable would write them, without its encoder: one row is queued per answer.
    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["messageID"] = messageID
        container["purpose"] = purpose
        container["sender"] = sender
        container["recipients"] = recipients
        container["subject"] = subject
        container["raw"] = raw
        container["inboundID"] = inboundID
        container["status"] = status.rawValue
        container["attempts"] = attempts
        container["nextAttemptAt"] = nextAttemptAt
        container["lastError"] = lastError
        container["createdAt"] = createdAt
        container["sentAt"] = sentAt
        container["topicKind"] = topicKind
        container["topicID"] = topicID
        container["replacedBy"] = replacedBy
        container["content"] = content
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Each recipient's mailbox is kept beside the row (`outboxRecipient`), so the mail we sent
    /// to one person is found through an index, not by reading the whole outbox.
    public func aroundInsert(_ db: Database, insert: () throws -> InsertionSuccess) throws {
        let inserted = try insert()
        try Self.indexRecipients(db, outboxID: inserted.rowID, recipients: recipientList)
    }

    static func indexRecipients(_ db: Database, outboxID: Int64, recipients: [String]) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO outboxRecipient (mailbox, outboxID) VALUES (?, ?)")
        for mailbox in Set(recipients.map(MailAddress.mailbox(of:))) {
            try statement.execute(arguments: [mailbox, outboxID])
        }
    }
}

/// Who did what, when: every state change leaves a line here.
public struct AuditEntry: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "auditEntry"
    public var id: Int64?
    public var at: Date
    public var actor: String
    public var action: String
    public var detail: String

    public init(at: Date, actor: String, action: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
    }

    /// The columns as Codable would write them, without its encoder: every change writes a line.
    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["at"] = at
        container["actor"] = actor
        container["action"] = action
        container["detail"] = detail
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
