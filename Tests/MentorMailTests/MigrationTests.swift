import Foundation
import GRDB
@testable import MentorMail
import Testing

/// A database from before held mail and reply context is upgraded without losing anything.
@Suite struct MigrationTests {
    /// v12 rebuilds the outbox for its new status (withheld): every row keeps its id and values.
    @Test func theOutboxKeepsEveryRowWhenItLearnsWithheld() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v11-planned-rotations")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO outboxMessage (id, messageID, purpose, sender, recipients, subject, raw, status, attempts,
                                           nextAttemptAt, lastError, createdAt, topicKind, topicID)
                VALUES (7, 'o7@example.org', 'introduction', 'p@example.org', 'a@example.org,b@example.org', 'Hi', X'41', 'failed', 8,
                        '2026-11-01 10:00:00.000', '550 no', '2026-11-01 10:00:00.000', 'mentorship', 3)
                """)
        }
        let database = try AppDatabase(queue)
        let row = try #require(try database.outbox().first)
        #expect(row.id == 7 && row.status == .failed && row.attempts == 8 && row.lastError == "550 no" && row.topic == .mentorship(3))
        var kept = row
        (kept.id, kept.messageID, kept.status) = (nil, "o8@example.org", .withheld)
        try queue.write { db in try kept.insert(db) }
        #expect(try database.outbox(status: .withheld).count == 1)
    }

    @Test func quarantinedMailBecomesHeldWaitingOrFailedAndReachesTheNextDigest() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v3-matching")
        try queue.write { db in
            let rows: [(Int, String, String, String?)] = [
                (1, "signup-request", "answered", nil),
                (2, "help", "quarantined", "not understood: answered with help, kept for the coordinators"),
                (3, "coordinator-import", "quarantined", "held: no trusted mail server; confirmation requested"),
                (4, "signup-request", "quarantined", "could not be handled: disk full"),
                (5, "ignore", "ignored", "Auto-Submitted: auto-replied"),
            ]
            for (uid, intent, disposition, note) in rows {
                try db.execute(sql: """
                    INSERT INTO inboundMessage (mailbox, uidValidity, uid, messageID, sender, subject, receivedAt, intent, disposition, note, raw)
                    VALUES ('INBOX', 1, ?, ?, 'a@example.org', 's', '2026-11-01 10:00:00.000', ?, ?, ?, X'41')
                    """, arguments: [uid, "m\(uid)@example.org", intent, disposition, note])
            }
            try db.execute(sql: """
                INSERT INTO outboxMessage (messageID, purpose, sender, recipients, subject, raw, inboundID, status, attempts,
                                           nextAttemptAt, createdAt)
                VALUES ('o1@example.org', 'help', 'p@example.org', 'a@example.org', 'Re: s', X'41', 2, 'sent', 1,
                        '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000')
                """)
        }
        let database = try AppDatabase(queue)
        let inbound = try database.inboundMessages()
        #expect(inbound.map(\.disposition) == [.answered, .held, .waiting, .failed, .ignored])
        #expect(inbound.allSatisfy { $0.attempts == 1 })
        let bytes = try queue.read { db in try Data.fetchAll(db, sql: "SELECT raw FROM inboundRaw ORDER BY inboundID") }
        #expect(bytes == Array(repeating: Data("A".utf8), count: 5), "every message's bytes move to their own table")
        #expect(try database.outbox().first?.inboundID == 2, "the outbox still points at its message")
        let jobs = try database.jobs()
        #expect(jobs.map(\.kind) == ["held-digest"])
        #expect(try database.dueJobs(now: Date(timeIntervalSince1970: 0)).count == 1, "due at once, whatever the clock")
        let violations = try queue.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(violations.isEmpty)
    }

    @Test func waitlistedGuestsKeepTheirOrder() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v9-runs")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO event (id, name, startsAt, timeZone, durationMinutes, capacity, tables, rotations, audience, uid, sequence,
                                   status, createdAt, updatedAt)
                VALUES (1, 'S', '2026-11-25 09:00:00.000', 'UTC', 60, 1, 1, 1, 'all', 'e1@example.org', 0, 'scheduled',
                        '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000')
                """)
            let guests: [(Int, String, String?)] = [
                (1, "accepted", nil), (2, "waitlisted", "2026-11-02 10:00:00.000"), (3, "waitlisted", "2026-11-01 10:00:00.000"),
                (4, "waitlisted", "2026-11-02 10:00:00.000"), (5, "declined", nil),
            ]
            for (id, answer, at) in guests {
                try db.execute(sql: """
                    INSERT INTO eventGuest (id, eventID, email, name, role, answer, waitlistedAt)
                    VALUES (?, 1, ?, 'G', 'mentee', ?, ?)
                    """, arguments: [id, "g\(id)@example.org", answer, at])
            }
        }
        _ = try AppDatabase(queue)
        let orders = try queue.read { db in try EventGuest.order(Column("id")).fetchAll(db).map(\.waitlistOrder) }
        #expect(orders == [nil, 2, 1, 3, nil], "by the time they waited, then by invitation")
    }
}
