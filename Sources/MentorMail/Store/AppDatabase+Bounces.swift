import Foundation
import GRDB

/// A participant's address that bounced for good (a 5.x.x report): later mail to it is kept in
/// the outbox as `withheld` until the address changes or a coordinator clears the mark.
public struct AddressBounce: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "addressBounce"

    public var id: Int64?
    public var participantID: Int64
    public var email: String
    public var bouncedAt: Date
    /// The mail of ours that bounced, and its kind.
    public var outboxID: Int64?
    public var purpose: String
    /// The receiving server's words ("5.1.1 550 5.1.1 <ana@…>: user unknown").
    public var words: String

    public enum Columns {
        static let participantID = Column(CodingKeys.participantID)
        static let email = Column(CodingKeys.email)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A bounced address as coordinators see it (`participants`, `pairs show`, `status`).
public struct BounceView: Codable, Sendable, Equatable {
    public var email: String
    public var bouncedAt: Date
    /// The kind of mail that bounced, and its outbox id.
    public var mail: String
    public var outboxID: Int64?
    public var words: String
    /// The way out, as a command.
    public var fix: String

    public init(_ bounce: AddressBounce) {
        email = bounce.email
        bouncedAt = bounce.bouncedAt
        mail = bounce.purpose
        outboxID = bounce.outboxID
        words = bounce.words
        fix = "mail to it is kept, not sent; once they give a working address: mentormail participants change-address \(bounce.email) NEW"
            + " (if this one works again: mentormail participants clear-bounce \(bounce.email))"
    }

    /// "bounced 2026-11-03T10:00:00Z (welcome, outbox 3): 5.1.1 …"
    public var summary: String {
        "bounced \(bouncedAt.formatted(.iso8601)) (\(mail)\(outboxID.map { ", outbox \($0)" } ?? "")): \(words)"
    }
}

extension AppDatabase {
    /// Every participant's address that bounced for good, oldest first.
    public func bounces() throws -> [AddressBounce] {
        try read { db in try AddressBounce.order(Column("bouncedAt"), Column("id")).fetchAll(db) }
    }

    static func bouncesByParticipant(_ db: Database) throws -> [Int64: AddressBounce] {
        Dictionary(try AddressBounce.fetchAll(db).map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The bounce mark on `email`, if it bounced for good.
    static func bounce(_ db: Database, email: String) throws -> AddressBounce? {
        try AddressBounce.fetchOne(db.cachedStatement(sql: "SELECT * FROM addressBounce WHERE email = ? LIMIT 1"),
                                   arguments: [email.lowercased()])
    }

    /// Marks `participant`'s address as bounced by `row`; a mark already there is kept (it
    /// says when the trouble began). Returns whether the mark is new.
    static func markBounced(_ db: Database, participant: Participant, row: OutboxMessage, words: String, at date: Date) throws -> Bool {
        guard let id = participant.id,
              try AddressBounce.filter(AddressBounce.Columns.participantID == id).fetchCount(db) == 0 else { return false }
        var mark = AddressBounce(participantID: id, email: participant.email, bouncedAt: date, outboxID: row.id,
                                 purpose: row.purpose, words: words)
        try mark.insert(db)
        return true
    }

    /// Mail to `email` still waiting to go (queued, or failed and waiting for its retry) when
    /// its address was marked, other than the row `except` that failed: kept like any later
    /// mail. Returns the rows kept.
    static func withholdWaiting(_ db: Database, to email: String, because reason: String, except: Int64? = nil) throws -> [OutboxMessage] {
        let address = email.lowercased()
        let waiting = try OutboxMessage.filter([OutboxMessage.Status.queued.rawValue, OutboxMessage.Status.failed.rawValue]
            .contains(OutboxMessage.Columns.status)).fetchAll(db)
            .filter { $0.id != except && $0.recipientList.contains { $0.lowercased() == address } }
        var kept: [OutboxMessage] = []
        for var row in waiting {
            row.status = .withheld
            row.lastError = reason
            try row.update(db)
            kept.append(row)
        }
        return kept
    }

    /// Takes the mark off a participant; returns the mark taken off, if there was one.
    @discardableResult
    static func clearBounce(_ db: Database, participantID: Int64) throws -> AddressBounce? {
        let mark = try AddressBounce.filter(AddressBounce.Columns.participantID == participantID).fetchOne(db)
        if mark != nil { try AddressBounce.filter(AddressBounce.Columns.participantID == participantID).deleteAll(db) }
        return mark
    }
}

/// One bounce of a mail of ours for one address, as the report read: the address does not
/// work, the trouble may pass, or the receiving server refused the message itself.
public struct OutboxBounce: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outboxBounce"
    public enum Kind: String, Codable, Sendable {
        /// The address does not work (5.x.x): it is marked.
        case address
        /// Passing trouble (failed with 4.x.x: a full mailbox, a server down).
        case temporary
        /// Refused for what the message is or who sent it (5.7.x, "spam", "policy"): the address works.
        case content

        /// For coordinators: what the bounce means.
        public var meaning: String {
            switch self {
            case .address: "the address does not work"
            case .temporary: "passing trouble; the address may work"
            case .content: "refused for its content; the address works"
            }
        }
    }

    public var id: Int64?
    public var outboxID: Int64
    public var email: String
    public var at: Date
    public var kind: Kind
    public var words: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A participant moved from one address to another.
public struct AddressMove: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "addressMove"
    public var id: Int64?
    public var participantID: Int64
    public var oldEmail: String
    public var newEmail: String
    public var movedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Where mail to `email` should go now: the address its owner last moved to (following
    /// every later move), or nil when it is someone's address or never moved.
    static func movedAddress(_ db: Database, of email: String) throws -> String? {
        var address = email.lowercased()
        var seen: Set<String> = [address]
        while try findParticipant(db, email: address) == nil,
              let move = try AddressMove.filter(Column("oldEmail") == address).order(Column("id").desc).fetchOne(db),
              seen.insert(move.newEmail).inserted {
            address = move.newEmail
        }
        return address == email.lowercased() ? nil : address
    }

    /// Mail to `email` that did not reach it and was not replaced: kept (withheld), or sent and
    /// bounced (any kind), oldest first; never mail a coordinator cancelled.
    static func undelivered(_ db: Database, to email: String) throws -> [OutboxMessage] {
        let address = email.lowercased()
        let bounced = Set(try Int64.fetchAll(db, sql: "SELECT outboxID FROM outboxBounce WHERE email = ?", arguments: [address]))
            .union(try Int64.fetchAll(db, sql: "SELECT outboxID FROM addressBounce WHERE email = ? AND outboxID IS NOT NULL", arguments: [address]))
        return try OutboxMessage.filter(Column("replacedBy") == nil && (Column("lastError") == nil || !Column("lastError").like("retired:%")))
            .filter(Column("status") == OutboxMessage.Status.withheld.rawValue || bounced.contains(Column("id")))
            .filter(Column("status") != OutboxMessage.Status.cancelled.rawValue)
            .order(Column("id")).fetchAll(db)
            .filter { $0.recipientList.contains { $0.lowercased() == address } }
    }

    /// Every bounce of the outbox rows `ids`, oldest first.
    static func outboxBounces(_ db: Database, of ids: [Int64]) throws -> [OutboxBounce] {
        try OutboxBounce.filter(ids.contains(Column("outboxID"))).order(Column("at"), Column("id")).fetchAll(db)
    }

    /// The bounces of mail to any of `emails`, newest first.
    public func outboxBounces(to emails: [String]) throws -> [OutboxBounce] {
        try read { db in
            try OutboxBounce.filter(emails.map { $0.lowercased() }.contains(Column("email"))).order(Column("at").desc).fetchAll(db)
        }
    }
}
