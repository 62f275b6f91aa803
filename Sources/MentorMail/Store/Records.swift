import Foundation
import GRDB

/// A message that arrived in the program's mailbox, recorded in the same transaction as its effects.
///
/// (mailbox, uidValidity, uid) is unique, and so is messageID when present: a rerun after a
/// crash finds the message here and only flags it on the server.
public struct InboundMessage: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "inboundMessage"
    public enum Disposition: String, Codable, Sendable {
        /// Understood and answered.
        case answered
        /// Must not be answered (auto-reply, bounce, list mail), or a duplicate.
        case ignored
        /// Kept for a coordinator: it could not be handled automatically.
        case quarantined
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
    /// Why it was ignored or quarantined.
    public var note: String?
    /// The message exactly as fetched, so nothing is ever lost.
    public var raw: Data

    public enum Columns {
        static let mailbox = Column(CodingKeys.mailbox)
        static let uidValidity = Column(CodingKeys.uidValidity)
        static let uid = Column(CodingKeys.uid)
        static let messageID = Column(CodingKeys.messageID)
        static let disposition = Column(CodingKeys.disposition)
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
    public enum Status: String, Codable, Sendable {
        case queued, sent, failed
    }

    public var id: Int64?
    public var messageID: String
    /// What this mail is for, e.g. "signup-form"; replies are tied back to it by Message-ID.
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

    public enum Columns {
        static let messageID = Column(CodingKeys.messageID)
        static let status = Column(CodingKeys.status)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
    }

    public var recipientList: [String] {
        recipients.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
