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
public struct BounceView: Codable, Sendable {
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

    /// Takes the mark off a participant; returns the mark taken off, if there was one.
    @discardableResult
    static func clearBounce(_ db: Database, participantID: Int64) throws -> AddressBounce? {
        let mark = try AddressBounce.filter(AddressBounce.Columns.participantID == participantID).fetchOne(db)
        if mark != nil { try AddressBounce.filter(AddressBounce.Columns.participantID == participantID).deleteAll(db) }
        return mark
    }
}
