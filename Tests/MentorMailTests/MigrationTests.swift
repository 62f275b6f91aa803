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

    /// v23 rebuilds the outbox for its new status (cancelled): every row keeps its id and
    /// values, the bounces that point at it and its indexes.
    @Test func theOutboxKeepsEveryRowAndItsBouncesWhenItLearnsCancelled() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v22-digest-quiet")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO outboxMessage (id, messageID, purpose, sender, recipients, subject, raw, status, attempts,
                                           nextAttemptAt, lastError, createdAt, topicKind, topicID, replacedBy)
                VALUES (7, 'o7@example.org', 'introduction', 'p@example.org', 'a@example.org,b@example.org', 'Hi', X'41', 'retired', 1,
                        '2026-11-01 10:00:00.000', 'retired: sent again', '2026-11-01 10:00:00.000', 'mentorship', 3, 8)
                """)
            try db.execute(sql: """
                INSERT INTO outboxBounce (outboxID, email, at, kind, words)
                VALUES (7, 'a@example.org', '2026-11-01 11:00:00.000', 'address', '550 5.1.1 unknown')
                """)
        }
        let database = try AppDatabase(queue)
        let row = try #require(try database.outbox().first)
        #expect(row.id == 7 && row.status == .retired && row.lastError == "retired: sent again" && row.topic == .mentorship(3) && row.replacedBy == 8)
        let bounces = try queue.read { db in try OutboxBounce.fetchAll(db) }
        #expect(bounces.map(\.outboxID) == [7], "the rebuild deletes no bounce")
        let indexes = try queue.read { db in try db.indexes(on: "outboxMessage").map(\.name) }
        #expect(Set(["outboxMessage_due", "outboxMessage_recipient", "outboxMessage_topic"]).isSubset(of: Set(indexes)), "\(indexes)")
        var cancelled = row
        (cancelled.id, cancelled.messageID, cancelled.status) = (nil, "o9@example.org", .cancelled)
        try queue.write { db in try cancelled.insert(db) }
        #expect(try database.outbox(status: .cancelled).count == 1)
        #expect(try queue.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }

    /// v28 keeps each recipient's mailbox of our mail beside it: rows from before are filled in
    /// ("+tag" dropped, lower-cased, both people of a two-person mail), new rows are added as
    /// they are queued, and a deleted row takes its recipients with it.
    @Test func theRecipientsOfOurMailAreIndexedByMailbox() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v27-event-guest-last-answer")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO outboxMessage (id, messageID, purpose, sender, recipients, subject, raw, status, attempts, nextAttemptAt, createdAt)
                VALUES (7, 'o7@example.org', 'introduction', 'p@example.org', 'Ana+Events@Example.org, bo@example.org', 'Hi', X'41', 'sent', 1,
                        '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000'),
                       (8, 'o8@example.org', 'signup-form', 'p@example.org', 'cy@example.org', 'Form', X'41', 'sent', 1,
                        '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000')
                """)
        }
        let database = try AppDatabase(queue)
        func recipients() throws -> [String] {
            try queue.read { db in try String.fetchAll(db, sql: "SELECT mailbox || ' ' || outboxID FROM outboxRecipient ORDER BY outboxID, mailbox") }
        }
        #expect(try recipients() == ["ana@example.org 7", "bo@example.org 7", "cy@example.org 8"])
        var later = try #require(try database.outbox().last)
        (later.id, later.messageID, later.recipients) = (nil, "o9@example.org", "dee@example.org,DEE+x@example.org")
        try queue.write { db in try later.insert(db) }
        #expect(try recipients() == ["ana@example.org 7", "bo@example.org 7", "cy@example.org 8", "dee@example.org 9"])
        try queue.write { db in _ = try OutboxMessage.deleteOne(db, key: 7) }
        #expect(try recipients() == ["cy@example.org 8", "dee@example.org 9"])
    }

    /// v17 lets a Message-ID come twice: every message keeps its id, values, bytes and the mail
    /// that answered it.
    @Test func inboundMessagesKeepEverythingWhenTheirMessageIDStopsBeingUnique() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v16-kept-apart")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO inboundMessage (id, mailbox, uidValidity, uid, messageID, sender, subject, receivedAt, intent, disposition,
                                            note, rule, attempts, textFingerprint)
                VALUES (5, 'INBOX', 1, 9, 'same@example.net', 'ana@example.net', 'Join', '2026-11-01 10:00:00.000', 'hold', 'held',
                        'a question', 'question', 2, 'f1')
                """)
            try db.execute(sql: "INSERT INTO inboundRaw (inboundID, raw) VALUES (5, X'41')")
            // A repeat kept quietly before v18: counted as a repeat from then on.
            try db.execute(sql: """
                INSERT INTO inboundMessage (id, mailbox, uidValidity, uid, messageID, sender, subject, receivedAt, intent, disposition,
                                            rule, reason, digestedAt)
                VALUES (6, 'INBOX', 1, 11, 'again@example.net', 'ana@example.net', 'Join', '2026-11-01 10:05:00.000', 'hold', 'held',
                        'loop-guard:repeat', 'the same text again within a day', '2026-11-01 10:05:00.000')
                """)
            try db.execute(sql: """
                INSERT INTO outboxMessage (id, messageID, purpose, sender, recipients, subject, raw, inboundID, status, attempts,
                                           nextAttemptAt, createdAt)
                VALUES (3, 'o3@example.org', 'held-notice', 'p@example.org', 'ana@example.net', 'Re: Join', X'41', 5, 'sent', 1,
                        '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000')
                """)
        }
        let database = try AppDatabase(queue)
        let repeated = try #require(try database.inboundMessages().first { $0.id == 6 })
        #expect(repeated.folded && repeated.messageID == "again@example.net", "v18 folds the earlier repeat")
        let row = try #require(try database.inboundMessages().first { $0.id == 5 })
        #expect(!row.folded)
        #expect(row.id == 5 && row.messageID == "same@example.net" && row.disposition == .held && row.attempts == 2
                && row.textFingerprint == "f1" && row.contentFingerprint == nil)
        #expect(try database.storedMessage(id: 5) != nil, "its bytes are kept")
        #expect(try database.outbox().first?.inboundID == 5)
        var other = row
        (other.id, other.uid, other.sender) = (nil, 10, "bea@example.net")
        try queue.write { db in try other.insert(db) }
        #expect(try database.inboundMessages().count == 3)
    }

    /// Before v18 mail kept quietly was marked as in a digest that never showed it. v22 counts
    /// it as kept quietly (or, a coordinator's same text again, as a repeat), never as shown
    /// earlier; a message a stored digest lists ("#id") stays shown, whatever its rule.
    @Test func mailKeptQuietlyBeforeV18IsNotCountedAsShownInAnEarlierDigest() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v17-inbound-content-fingerprint")
        try queue.write { db in
            let rows: [(Int, String, String?, String?, String?)] = [
                (1, "robo@example.net", "loop-guard:daily-limit", nil, nil),     // the first past the limit: listed
                (2, "robo@example.net", "loop-guard:daily-limit", nil, nil),     // the next: kept quietly
                (3, "second@example.org", "coordinator", "held-digest", "f1"),   // a coordinator's answer to a digest
                (4, "second@example.org", "coordinator", nil, "f2"),             // a coordinator's mail: listed
                (5, "second@example.org", "coordinator", nil, "f2"),             // the same text again: a repeat
            ]
            for (id, sender, rule, contextKind, fingerprint) in rows {
                try db.execute(sql: """
                    INSERT INTO inboundMessage (id, mailbox, uidValidity, uid, messageID, sender, subject, receivedAt, intent, disposition,
                                                rule, reason, contextKind, digestedAt, textFingerprint)
                    VALUES (?, 'INBOX', 1, ?, ?, ?, 'Hi', '2026-11-01 10:00:00.000', 'hold', 'held', ?, 'r', ?, '2026-11-01 10:00:00.000', ?)
                    """, arguments: [id, id, "m\(id)@example.net", sender, rule, contextKind, fingerprint])
            }
            let digest = "Subject: Test: 2 message(s) need a coordinator\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n2 new message(s) need a person to read them:\r\n\r\n"
                + "#1  2026-11-01T10:00:00Z  from robo@example.net\r\n  Subject: Hi\r\n\r\n"
                + "#4  2026-11-01T10:00:00Z  from second@example.org\r\n  Subject: Hi\r\n  | see #2 =\r\nand #3\r\n"
            try db.execute(sql: """
                INSERT INTO outboxMessage (messageID, purpose, sender, recipients, subject, raw, status, attempts, nextAttemptAt, createdAt)
                VALUES ('d1@example.org', 'held-digest', 'p@example.org', 'coordinator@example.org', 'Digest', ?, 'sent', 1,
                        '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000')
                """, arguments: [Data(digest.utf8)])
        }
        let database = try AppDatabase(queue)
        let folded = try database.inboundMessages().filter(\.folded).compactMap(\.id)
        #expect(folded == [2, 3, 5], "\(folded)")
        let waiting = try queue.read { db in try AppDatabase.waitingBesidesNew(db) }
        #expect(waiting.listed == 2 && waiting.repeats == 1 && waiting.quiet == 2 && waiting.newFolded.isEmpty, "\(waiting)")
    }

    /// v14 keeps who was in each round from what the data tells: the pairs of a round, the
    /// mentees its approved proposal left unmatched, and everyone's current round, where a
    /// mentee who graduated elsewhere counts as a mentor.
    @Test func roundMembersAreBackfilledFromPairsProposalsAndCurrentRounds() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v13-address-bounces")
        let at = Date(timeIntervalSince1970: 1_793_700_000)
        try queue.write { db in
            // Rows as v13 stored them (today's records have columns added since).
            func round(_ name: String, opens: Date, closes: Date, status: String) throws -> Round {
                try db.execute(sql: "INSERT INTO round (name, opensAt, closesAt, status, createdAt) VALUES (?, ?, ?, ?, ?)",
                               arguments: [name, opens, closes, status, at])
                var round = Round(name: name, opensAt: opens, closesAt: closes, status: Round.Status(rawValue: status) ?? .open, createdAt: at)
                round.id = db.lastInsertedRowID
                return round
            }
            let q1 = try round("Q1", opens: at, closes: at.addingTimeInterval(86_400), status: "closed")
            let q3 = try round("Q3", opens: at.addingTimeInterval(9_000_000), closes: at.addingTimeInterval(9_900_000), status: "open")
            func person(_ email: String, _ role: String, round: Int64?, capacity: Int = 0) throws -> Int64 {
                let profile = String(decoding: try JSONEncoder().encode(MatchingWorkflowTests.profile(role, email, capacity: capacity)), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO participant (email, profile, status, roundID, source, createdAt, updatedAt) VALUES (?, ?, 'active', ?, 'email', ?, ?)
                    """, arguments: [email, profile, round, at, at])
                return db.lastInsertedRowID
            }
            let ana = try person("ana@example.net", "mentee", round: q1.id)
            let dana = try person("dana@example.net", "both", round: q3.id, capacity: 1)
            let caio = try person("caio@example.net", "mentee", round: q3.id)
            let maria = try person("maria@example.org", "mentor", round: q3.id, capacity: 2)
            var proposal = MatchProposal(roundID: try #require(q1.id), token: "MM-1", algorithm: "optimal", fingerprint: "f", status: .approved,
                                         pairs: [], unmatched: [.init(menteeID: caio, reason: "no mentor speaks Portuguese")],
                                         totalScore: 0, createdAt: at)
            try proposal.insert(db)
            for (mentee, status) in [(ana, Mentorship.Status.active), (dana, .graduated)] {
                var pair = Mentorship(roundID: try #require(q1.id), proposalID: try #require(proposal.id), menteeID: mentee, mentorID: maria,
                                      score: 10, explanation: "", status: status, introducedAt: at)
                try pair.insert(db)
            }
        }
        let database = try AppDatabase(queue)
        let q1 = try database.roundDetails(name: "Q1", now: at)
        #expect(q1.mentees.map(\.email) == ["ana@example.net", "dana@example.net", "caio@example.net"])
        #expect(q1.mentors.map(\.email) == ["maria@example.org"])
        let q3 = try database.roundDetails(name: "Q3", now: at)
        #expect(q3.mentees.map(\.email) == ["caio@example.net"])
        #expect(q3.mentors.map(\.email) == ["dana@example.net", "maria@example.org"])
        #expect(q3.mentors.first?.role == "mentor", "a graduate who mentors now")
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

    /// v20: a graduate whose profile said "both" only mentors now: the profile says "mentor".
    /// Someone "both" whose mentee side still goes on keeps it.
    @Test func aGraduateWhoMentorsIsAMentorAfterV20() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v19-event-previous-values")
        let at = Date(timeIntervalSince1970: 1_793_700_000)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO round (name, opensAt, closesAt, status, createdAt) VALUES ('Q1', ?, ?, 'closed', ?)", arguments: [at, at, at])
            let roundID = db.lastInsertedRowID
            var ids: [Int64] = []
            for (email, role) in [("dana@example.net", "both"), ("eva@example.net", "both"), ("maria@example.org", "mentor")] {
                let profile = String(decoding: try JSONEncoder().encode(MatchingWorkflowTests.profile(role, email, capacity: 1)), as: UTF8.self)
                try db.execute(sql: "INSERT INTO participant (email, profile, status, source, createdAt, updatedAt) VALUES (?, ?, 'active', 'email', ?, ?)",
                               arguments: [email, profile, at, at])
                ids.append(db.lastInsertedRowID)
            }
            var proposal = MatchProposal(roundID: roundID, token: "MM-1", algorithm: "optimal", fingerprint: "f", status: .approved,
                                         pairs: [], unmatched: [], totalScore: 0, createdAt: at)
            try proposal.insert(db)
            for (mentee, status) in [(ids[0], Mentorship.Status.graduated), (ids[1], .active)] {
                var pair = Mentorship(roundID: roundID, proposalID: try #require(proposal.id), menteeID: mentee, mentorID: ids[2],
                                      score: 10, explanation: "", status: status, introducedAt: at)
                try pair.insert(db)
            }
        }
        let database = try AppDatabase(queue)
        #expect(try database.participant(email: "dana@example.net")?.profile.role == "mentor")
        #expect(try database.participant(email: "eva@example.net")?.profile.role == "both")
    }
}
