import Foundation
import GRDB
import Mail

/// The program's state in SQLite. Every public method is one transaction.
public final class AppDatabase: Sendable {
    private let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` and migrates it.
    public convenience init(path: String) throws {
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // Deleted data is overwritten, so an erased person's data is not left in free pages.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
            configuration.busyMode = .timeout(10)
            try self.init(DatabaseQueue(path: path, configuration: configuration))
        } catch let error as MentorMailError {
            throw error
        } catch {
            let reason = MentorMailError.from(error)
            throw MentorMailError(reason.kind == .internalError ? .unavailable : reason.kind, "cannot open the database \(path): \(reason.message)")
        }
    }

    /// An empty in-memory database: for tests, and for reading a program whose database does not exist yet.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue())
    }

    init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Migrations have frozen ids: never edit one that has shipped, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-inbound-outbox-audit") { db in
            try db.create(table: "inboundMessage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("mailbox", .text).notNull()
                t.column("uidValidity", .integer).notNull()
                t.column("uid", .integer).notNull()
                t.column("messageID", .text).unique()
                t.column("sender", .text)
                t.column("subject", .text)
                t.column("receivedAt", .datetime).notNull()
                t.column("intent", .text).notNull()
                t.column("disposition", .text).notNull()
                    .check(sql: "disposition IN ('answered', 'ignored', 'quarantined')")
                t.column("note", .text)
                t.column("raw", .blob).notNull()
                t.uniqueKey(["mailbox", "uidValidity", "uid"])
            }
            try db.create(table: "outboxMessage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("messageID", .text).notNull().unique()
                t.column("purpose", .text).notNull()
                t.column("sender", .text).notNull()
                t.column("recipients", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("raw", .blob).notNull()
                t.column("inboundID", .integer).references("inboundMessage", onDelete: .setNull)
                t.column("status", .text).notNull().check(sql: "status IN ('queued', 'sent', 'failed')")
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime).notNull()
                t.column("lastError", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("sentAt", .datetime)
            }
            try db.create(index: "outboxMessage_due", on: "outboxMessage", columns: ["status", "nextAttemptAt"])
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("detail", .text).notNull()
            }
        }
        migrator.registerMigration("v2-enrollment") { db in
            try db.create(table: "round") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique(onConflict: .abort)
                t.column("opensAt", .datetime).notNull()
                t.column("closesAt", .datetime).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('open', 'closed')")
                t.column("createdAt", .datetime).notNull()
            }
            // At most one open round at a time.
            try db.execute(sql: "CREATE UNIQUE INDEX round_one_open ON round(status) WHERE status = 'open'")
            try db.create(table: "participant") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique()
                t.column("profile", .jsonText).notNull()
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('incomplete', 'active', 'paused', 'withdrawn', 'erased')")
                t.column("roundID", .integer).references("round", onDelete: .setNull)
                t.column("source", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "profileVersion") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participantID", .integer).notNull().references("participant", onDelete: .cascade)
                t.column("at", .datetime).notNull()
                t.column("profile", .jsonText).notNull()
                t.column("source", .text).notNull()
            }
            try db.create(table: "pendingToken") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("token", .text).notNull().unique()
                t.column("purpose", .text).notNull()
                t.column("email", .text).notNull()
                t.column("payload", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull()
                t.column("usedAt", .datetime)
            }
        }
        migrator.registerMigration("v3-matching") { db in
            try db.create(table: "matchProposal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("roundID", .integer).notNull().references("round", onDelete: .cascade)
                t.column("token", .text).notNull().unique()
                t.column("algorithm", .text).notNull()
                t.column("fingerprint", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('proposed', 'approved', 'rejected', 'superseded')")
                t.column("pairs", .jsonText).notNull()
                t.column("unmatched", .jsonText).notNull()
                t.column("totalScore", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("decidedAt", .datetime)
            }
            try db.create(table: "mentorship") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("roundID", .integer).notNull().references("round", onDelete: .cascade)
                t.column("proposalID", .integer).notNull().references("matchProposal", onDelete: .cascade)
                t.column("menteeID", .integer).notNull().references("participant", onDelete: .cascade)
                t.column("mentorID", .integer).notNull().references("participant", onDelete: .cascade)
                t.column("score", .integer).notNull()
                t.column("explanation", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('introduced', 'active', 'graduated', 'ended')")
                t.column("introducedAt", .datetime).notNull()
                t.column("endedAt", .datetime)
                // A pair is introduced once per round, however often the approval arrives.
                t.uniqueKey(["roundID", "menteeID", "mentorID"])
            }
        }
        migrator.registerMigration("v4-held-context-jobs") { db in
            // Dispositions become data a coordinator can act on (the CHECK changes, so the table
            // is rebuilt), with the intake rule that decided and the mail of ours answered.
            try db.create(table: "new_inboundMessage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("mailbox", .text).notNull()
                t.column("uidValidity", .integer).notNull()
                t.column("uid", .integer).notNull()
                t.column("messageID", .text).unique()
                t.column("sender", .text)
                t.column("subject", .text)
                t.column("receivedAt", .datetime).notNull()
                t.column("intent", .text).notNull()
                t.column("disposition", .text).notNull()
                    .check(sql: "disposition IN ('answered', 'helped', 'held', 'waiting', 'ignored', 'failed')")
                t.column("note", .text)
                t.column("raw", .blob).notNull()
                t.column("rule", .text)
                t.column("reason", .text)
                t.column("contextKind", .text)
                t.column("contextTopic", .text)
                t.column("contextID", .integer)
                t.column("resolvedAt", .datetime)
                t.column("resolution", .text)
                t.column("digestedAt", .datetime)
                t.column("attempts", .integer).notNull().defaults(to: 1)
                t.uniqueKey(["mailbox", "uidValidity", "uid"])
            }
            // Mail answered "passed on to the coordinators" was never shown to one: it is held now,
            // and goes out in the first digest.
            try db.execute(sql: """
                INSERT INTO new_inboundMessage (id, mailbox, uidValidity, uid, messageID, sender, subject, receivedAt,
                                                intent, disposition, note, raw)
                SELECT id, mailbox, uidValidity, uid, messageID, sender, subject, receivedAt, intent,
                       CASE
                         WHEN disposition <> 'quarantined' THEN disposition
                         WHEN note LIKE 'held:%' THEN 'waiting'
                         WHEN note LIKE 'could not be handled%' THEN 'failed'
                         ELSE 'held'
                       END,
                       note, raw
                FROM inboundMessage
                """)
            try db.drop(table: "inboundMessage")
            try db.rename(table: "new_inboundMessage", to: "inboundMessage")
            try db.create(index: "inboundMessage_attention", on: "inboundMessage", columns: ["disposition", "resolvedAt"])
            try db.create(index: "inboundMessage_sender", on: "inboundMessage", columns: ["sender"])

            try db.alter(table: "outboxMessage") { t in
                t.add(column: "topicKind", .text)
                t.add(column: "topicID", .integer)
            }
            try db.create(table: "scheduledJob") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("subjectID", .integer)
                t.column("dueAt", .datetime).notNull()
                t.column("uniqueKey", .text).notNull().unique()
                t.column("status", .text).notNull().check(sql: "status IN ('pending', 'done', 'failed')")
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("lastError", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("doneAt", .datetime)
            }
            try db.create(index: "scheduledJob_due", on: "scheduledJob", columns: ["status", "dueAt"])
            // What this upgrade found held goes to the coordinators with the next run.
            try db.execute(sql: """
                INSERT INTO scheduledJob (kind, dueAt, uniqueKey, status, attempts, createdAt)
                SELECT 'held-digest', '1970-01-01 00:00:00.000', 'held-digest:upgrade', 'pending', 0, datetime('now')
                WHERE EXISTS (SELECT 1 FROM inboundMessage WHERE disposition IN ('held', 'failed'))
                """)
        }
        migrator.registerMigration("v5-checkins") { db in
            try db.alter(table: "mentorship") { t in
                t.add(column: "endedReason", .text)
                t.add(column: "endedBy", .text)
            }
            try db.create(index: "mentorship_status", on: "mentorship", columns: ["status"])
            try db.create(table: "survey") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("mentorshipID", .integer).notNull().references("mentorship", onDelete: .cascade)
                t.column("participantID", .integer).notNull().references("participant", onDelete: .cascade)
                t.column("side", .text).notNull().check(sql: "side IN ('mentee', 'mentor')")
                t.column("sentAt", .datetime).notNull()
                t.column("reminderSentAt", .datetime)
                t.column("answeredAt", .datetime)
                t.column("completedAt", .datetime)
                t.column("rating", .integer).check(sql: "rating BETWEEN 1 AND 5")
                t.column("meeting", .text)
                t.column("fit", .text)
                t.column("next", .text)
                t.column("note", .text)
                t.column("replies", .text).notNull().defaults(to: "")
                // One check-in per side of a pair, however often the job runs.
                t.uniqueKey(["mentorshipID", "side"])
            }
            try db.create(table: "digestNotice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("createdAt", .datetime).notNull()
                t.column("kind", .text).notNull()
                t.column("mentorshipID", .integer).references("mentorship", onDelete: .cascade)
                t.column("surveyID", .integer).references("survey", onDelete: .setNull)
                t.column("detail", .text).notNull()
                t.column("digestedAt", .datetime)
            }
            try db.create(index: "digestNotice_new", on: "digestNotice", columns: ["digestedAt"])
            // Pairs introduced before check-ins existed get theirs 90 days after their introduction.
            try db.execute(sql: """
                INSERT INTO scheduledJob (kind, subjectID, dueAt, uniqueKey, status, attempts, createdAt)
                SELECT 'checkin-survey', id, strftime('%Y-%m-%d %H:%M:%f', introducedAt, '+90 days'), 'checkin-survey:' || id,
                       'pending', 0, datetime('now')
                FROM mentorship WHERE status IN ('introduced', 'active')
                """)
        }
        migrator.registerMigration("v6-loop-guard") { db in
            try db.alter(table: "inboundMessage") { t in
                t.add(column: "textFingerprint", .text)
            }
            try db.create(index: "outboxMessage_recipient", on: "outboxMessage", columns: ["recipients", "createdAt"])
        }
        migrator.registerMigration("v7-inbound-raw") { db in
            // The bytes of a message live in their own table, written in pieces, so a large
            // message is never copied whole into memory, and updating a message's disposition
            // or note never rewrites its bytes.
            try db.create(table: "inboundRaw") { t in
                t.primaryKey("inboundID", .integer).references("inboundMessage", onDelete: .cascade)
                t.column("raw", .blob).notNull()
            }
            try db.execute(sql: "INSERT INTO inboundRaw (inboundID, raw) SELECT id, raw FROM inboundMessage WHERE length(raw) > 0")
            try db.alter(table: "inboundMessage") { t in t.drop(column: "raw") }
        }
        migrator.registerMigration("v8-events") { db in
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("startsAt", .datetime).notNull()
                t.column("timeZone", .text).notNull()
                t.column("durationMinutes", .integer).notNull().check(sql: "durationMinutes > 0")
                t.column("capacity", .integer).notNull().check(sql: "capacity >= 0")
                t.column("tables", .integer).notNull().check(sql: "tables >= 0")
                t.column("rotations", .integer).notNull().check(sql: "rotations > 0")
                t.column("audience", .text).notNull()
                t.column("location", .text)
                t.column("uid", .text).notNull().unique()
                t.column("sequence", .integer).notNull().defaults(to: 0)
                t.column("status", .text).notNull().check(sql: "status IN ('scheduled', 'grouped', 'cancelled')")
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("groupedAt", .datetime)
                t.column("cancelledAt", .datetime)
                t.column("interest", .integer)
                t.column("interestBound", .integer)
                t.column("repeatedMenteePairs", .integer)
            }
            try db.create(table: "eventGuest") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventID", .integer).notNull().references("event", onDelete: .cascade)
                t.column("participantID", .integer).references("participant", onDelete: .setNull)
                t.column("email", .text).notNull()
                t.column("name", .text).notNull()
                t.column("role", .text).notNull().check(sql: "role IN ('mentee', 'mentor')")
                t.column("answer", .text).notNull()
                    .check(sql: "answer IN ('invited', 'accepted', 'declined', 'tentative', 'waitlisted')")
                t.column("waitlistedAt", .datetime)
                t.column("answeredAt", .datetime)
                t.column("answeredBy", .text)
                t.column("invitedAt", .datetime)
                t.column("sequenceSent", .integer)
                t.column("language", .text)
                // One invitation per person per event, however often the job runs.
                t.uniqueKey(["eventID", "email"])
            }
            try db.create(index: "eventGuest_answer", on: "eventGuest", columns: ["eventID", "role", "answer"])
            try db.create(table: "eventSeat") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventID", .integer).notNull().references("event", onDelete: .cascade)
                t.column("rotation", .integer).notNull()
                t.column("table", .integer).notNull()
                t.column("mentorGuestID", .integer).notNull().references("eventGuest", onDelete: .cascade)
                t.column("menteeGuestID", .integer).notNull().references("eventGuest", onDelete: .cascade)
                t.uniqueKey(["eventID", "rotation", "menteeGuestID"])
            }
        }
        migrator.registerMigration("v9-runs") { db in
            // Each `process` run's figures, for `mentormail status`.
            try db.create(table: "runRecord") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("startedAt", .datetime).notNull()
                t.column("finishedAt", .datetime).notNull()
                t.column("report", .text).notNull()
                t.column("problems", .integer).notNull()
                t.column("stillQueued", .integer).notNull()
            }
        }
        migrator.registerMigration("v10-waitlist-order") { db in
            // The order answers were handled in: several in one run share their time.
            try db.alter(table: "eventGuest") { t in t.add(column: "waitlistOrder", .integer) }
            try db.execute(sql: """
                UPDATE eventGuest SET waitlistOrder = (
                    SELECT COUNT(*) FROM eventGuest AS other
                    WHERE other.eventID = eventGuest.eventID AND other.answer = 'waitlisted'
                      AND (other.waitlistedAt < eventGuest.waitlistedAt
                           OR (other.waitlistedAt = eventGuest.waitlistedAt AND other.id <= eventGuest.id)))
                WHERE answer = 'waitlisted'
                """)
        }
        migrator.registerMigration("v11-planned-rotations") { db in
            try db.alter(table: "event") { t in t.add(column: "plannedRotations", .integer) }
        }
        migrator.registerMigration("v12-proposal-decision-reason") { db in
            // Why a coordinator rejected a proposal, as they wrote it.
            try db.alter(table: "matchProposal") { t in t.add(column: "decisionReason", .text) }
        }
        migrator.registerMigration("v13-address-bounces") { db in
            // Mail to an address that bounced for good is kept, not sent: a new outbox status
            // (the CHECK changes, so the table is rebuilt with the same rows and ids).
            try db.create(table: "new_outboxMessage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("messageID", .text).notNull().unique()
                t.column("purpose", .text).notNull()
                t.column("sender", .text).notNull()
                t.column("recipients", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("raw", .blob).notNull()
                t.column("inboundID", .integer).references("inboundMessage", onDelete: .setNull)
                t.column("status", .text).notNull().check(sql: "status IN ('queued', 'sent', 'failed', 'withheld')")
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime).notNull()
                t.column("lastError", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("sentAt", .datetime)
                t.column("topicKind", .text)
                t.column("topicID", .integer)
            }
            try db.execute(sql: """
                INSERT INTO new_outboxMessage (id, messageID, purpose, sender, recipients, subject, raw, inboundID, status, attempts,
                                               nextAttemptAt, lastError, createdAt, sentAt, topicKind, topicID)
                SELECT id, messageID, purpose, sender, recipients, subject, raw, inboundID, status, attempts,
                       nextAttemptAt, lastError, createdAt, sentAt, topicKind, topicID
                FROM outboxMessage
                """)
            try db.drop(table: "outboxMessage")
            try db.rename(table: "new_outboxMessage", to: "outboxMessage")
            try db.create(index: "outboxMessage_due", on: "outboxMessage", columns: ["status", "nextAttemptAt"])
            try db.create(index: "outboxMessage_recipient", on: "outboxMessage", columns: ["recipients", "createdAt"])
            // A participant's address that bounced for good: one mark per person, until their
            // address changes or a coordinator clears it.
            try db.create(table: "addressBounce") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participantID", .integer).notNull().unique().references("participant", onDelete: .cascade)
                t.column("email", .text).notNull().indexed()
                t.column("bouncedAt", .datetime).notNull()
                t.column("outboxID", .integer).references("outboxMessage", onDelete: .setNull)
                t.column("purpose", .text).notNull()
                t.column("words", .text).notNull()
            }
        }
        migrator.registerMigration("v14-address-moves") { db in
            // Mail kept for an address that moved is retired (re-sent to the new address, or
            // no longer worth sending): a new outbox status and the copy that replaced it.
            try db.create(table: "new_outboxMessage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("messageID", .text).notNull().unique()
                t.column("purpose", .text).notNull()
                t.column("sender", .text).notNull()
                t.column("recipients", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("raw", .blob).notNull()
                t.column("inboundID", .integer).references("inboundMessage", onDelete: .setNull)
                t.column("status", .text).notNull().check(sql: "status IN ('queued', 'sent', 'failed', 'withheld', 'retired')")
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime).notNull()
                t.column("lastError", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("sentAt", .datetime)
                t.column("topicKind", .text)
                t.column("topicID", .integer)
                t.column("replacedBy", .integer)
            }
            try db.execute(sql: """
                INSERT INTO new_outboxMessage (id, messageID, purpose, sender, recipients, subject, raw, inboundID, status, attempts,
                                               nextAttemptAt, lastError, createdAt, sentAt, topicKind, topicID)
                SELECT id, messageID, purpose, sender, recipients, subject, raw, inboundID, status, attempts,
                       nextAttemptAt, lastError, createdAt, sentAt, topicKind, topicID
                FROM outboxMessage
                """)
            try db.drop(table: "outboxMessage")
            try db.rename(table: "new_outboxMessage", to: "outboxMessage")
            try db.create(index: "outboxMessage_due", on: "outboxMessage", columns: ["status", "nextAttemptAt"])
            try db.create(index: "outboxMessage_recipient", on: "outboxMessage", columns: ["recipients", "createdAt"])
            // Every bounce of a mail of ours, per address: what the server said and how we read it.
            try db.create(table: "outboxBounce") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("outboxID", .integer).notNull().indexed().references("outboxMessage", onDelete: .cascade)
                t.column("email", .text).notNull().indexed()
                t.column("at", .datetime).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('address', 'temporary', 'content')")
                t.column("words", .text).notNull()
            }
            // A participant's earlier addresses, so that mail written to one can be told apart.
            try db.create(table: "addressMove") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participantID", .integer).notNull().references("participant", onDelete: .cascade)
                t.column("oldEmail", .text).notNull().indexed()
                t.column("newEmail", .text).notNull()
                t.column("movedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v15-round-members") { db in
            // Who was in each round, in which role: kept when they move on to the next round.
            try db.create(table: "roundMember") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("roundID", .integer).notNull().references("round", onDelete: .cascade)
                t.column("participantID", .integer).notNull().indexed().references("participant", onDelete: .cascade)
                t.column("role", .text).notNull().check(sql: "role IN ('mentee', 'mentor', 'both')")
                t.column("joinedAt", .datetime).notNull()
                // When a mentor the round left without a mentee was told (once).
                t.column("unmatchedNoteAt", .datetime)
                t.uniqueKey(["roundID", "participantID"])
            }
            // What the data tells so far: the pairs of each round, the mentees an approved
            // proposal left unmatched, and everyone's current round (a mentee who was mentored
            // in another round is a mentor there).
            try db.execute(sql: """
                INSERT INTO roundMember (roundID, participantID, role, joinedAt)
                SELECT s.roundID, s.participantID,
                       CASE WHEN MAX(s.mentee) = 1 AND MAX(s.mentor) = 1 THEN 'both' WHEN MAX(s.mentee) = 1 THEN 'mentee' ELSE 'mentor' END,
                       MAX(r.opensAt, p.createdAt)
                FROM (
                    SELECT roundID, menteeID AS participantID, 1 AS mentee, 0 AS mentor FROM mentorship
                    UNION ALL SELECT roundID, mentorID, 0, 1 FROM mentorship
                    UNION ALL SELECT mp.roundID, json_extract(u.value, '$.menteeID'), 1, 0
                        FROM matchProposal mp, json_each(mp.unmatched) u WHERE mp.status = 'approved'
                    UNION ALL SELECT p.roundID, p.id,
                        CASE WHEN json_extract(p.profile, '$.role') IN ('mentee', 'both') AND NOT EXISTS (
                            SELECT 1 FROM mentorship m WHERE m.menteeID = p.id AND m.roundID <> p.roundID
                            AND m.status IN ('introduced', 'active', 'graduated')) THEN 1 ELSE 0 END,
                        CASE WHEN json_extract(p.profile, '$.role') IN ('mentor', 'both') THEN 1 ELSE 0 END
                        FROM participant p WHERE p.roundID IS NOT NULL
                ) s
                JOIN participant p ON p.id = s.participantID
                JOIN round r ON r.id = s.roundID
                WHERE p.status <> 'erased'
                GROUP BY s.roundID, s.participantID
                HAVING MAX(s.mentee) = 1 OR MAX(s.mentor) = 1
                """)
        }
        migrator.registerMigration("v16-kept-apart") { db in
            // Two people a coordinator keeps from being paired (a rejected proposal's reason,
            // colleagues, a conflict): one row per pair, the lower participant id first.
            try db.create(table: "keptApart") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("lowID", .integer).notNull().references("participant", onDelete: .cascade)
                t.column("highID", .integer).notNull().references("participant", onDelete: .cascade)
                t.column("reason", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("createdBy", .text).notNull()
                t.uniqueKey(["lowID", "highID"])
            }
        }
        migrator.registerMigration("v17-inbound-content-fingerprint") { db in
            // A Message-ID proves nothing: two people's mail, or a corrected message, may carry
            // the same one. It is no longer unique; a copy of a handled message is told by its
            // sender and a fingerprint of its content. (The table is rebuilt to drop UNIQUE.)
            try db.create(table: "new_inboundMessage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("mailbox", .text).notNull()
                t.column("uidValidity", .integer).notNull()
                t.column("uid", .integer).notNull()
                t.column("messageID", .text)
                t.column("sender", .text)
                t.column("subject", .text)
                t.column("receivedAt", .datetime).notNull()
                t.column("intent", .text).notNull()
                t.column("disposition", .text).notNull()
                    .check(sql: "disposition IN ('answered', 'helped', 'held', 'waiting', 'ignored', 'failed')")
                t.column("note", .text)
                t.column("rule", .text)
                t.column("reason", .text)
                t.column("contextKind", .text)
                t.column("contextTopic", .text)
                t.column("contextID", .integer)
                t.column("resolvedAt", .datetime)
                t.column("resolution", .text)
                t.column("digestedAt", .datetime)
                t.column("attempts", .integer).notNull().defaults(to: 1)
                t.column("textFingerprint", .text)
                t.column("contentFingerprint", .text)
                t.uniqueKey(["mailbox", "uidValidity", "uid"])
            }
            let columns = """
                id, mailbox, uidValidity, uid, messageID, sender, subject, receivedAt, intent, disposition, note, rule, reason,
                contextKind, contextTopic, contextID, resolvedAt, resolution, digestedAt, attempts, textFingerprint
                """
            try db.execute(sql: "INSERT INTO new_inboundMessage (\(columns)) SELECT \(columns) FROM inboundMessage")
            try db.drop(table: "inboundMessage")
            try db.rename(table: "new_inboundMessage", to: "inboundMessage")
            try db.create(index: "inboundMessage_attention", on: "inboundMessage", columns: ["disposition", "resolvedAt"])
            try db.create(index: "inboundMessage_sender", on: "inboundMessage", columns: ["sender"])
            try db.create(index: "inboundMessage_messageID", on: "inboundMessage", columns: ["messageID"])
        }
        migrator.registerMigration("v18-folded-repeats") { db in
            // Repeats kept quietly were marked as in a digest that never showed them; they are
            // counted as repeats instead. The flood's repeats of before can still be told apart.
            try db.alter(table: "inboundMessage") { t in
                t.add(column: "folded", .boolean).notNull().defaults(to: false)
            }
            try db.execute(sql: "UPDATE inboundMessage SET folded = 1 WHERE rule = 'loop-guard:repeat' AND reason LIKE 'the same text again%'")
        }
        migrator.registerMigration("v19-event-previous-values") { db in
            // What guests last saw of an event, until the update mail that tells them of a change goes out.
            try db.alter(table: "event") { t in
                t.add(column: "previousSequence", .integer)
                t.add(column: "previousStartsAt", .datetime)
                t.add(column: "previousTimeZone", .text)
                t.add(column: "previousDurationMinutes", .integer)
                t.add(column: "previousLocation", .text)
            }
        }
        migrator.registerMigration("v20-mentee-again") { db in
            // When a graduate asked to be mentored again: graduations before it no longer count.
            try db.alter(table: "participant") { t in t.add(column: "menteeAgainAt", .datetime) }
            // When a round stopped taking sign-ups, if it was closed (early, or on opening the next).
            try db.alter(table: "round") { t in t.add(column: "closedAt", .datetime) }
            // A graduate who mentors now is a mentor: "both" said they still waited for a mentor.
            try db.execute(sql: """
                UPDATE participant SET profile = json_set(profile, '$.role', 'mentor')
                WHERE json_extract(profile, '$.role') = 'both'
                  AND id IN (SELECT menteeID FROM mentorship WHERE status = 'graduated')
                  AND id NOT IN (SELECT menteeID FROM mentorship WHERE status IN ('introduced', 'active'))
                """)
        }
        migrator.registerMigration("v21-outbox-topic") { db in
            // A pair's introduction and survey mail are looked up per pair (check-ins, pair
            // listings): by their topic, not by reading the whole outbox each time.
            try db.create(index: "outboxMessage_topic", on: "outboxMessage", columns: ["topicKind", "topicID"], ifNotExists: true)
        }
        migrator.registerMigration("v22-digest-quiet") { db in
            // Before v18 all mail kept quietly was marked as in a digest that never showed it:
            // a coordinator's answer to a digest or the same text again, mail past a sender's
            // daily limit after the first. Counted as kept quietly from now on, unless a stored digest
            // lists it ("#id" starting a line).
            let candidates = try Int64.fetchSet(db, sql: """
                SELECT id FROM inboundMessage AS m WHERE folded = 0 AND digestedAt IS NOT NULL
                  AND (rule = 'loop-guard:daily-limit' OR contextKind = 'held-digest' OR EXISTS (
                       SELECT 1 FROM inboundMessage AS e WHERE e.sender = m.sender AND e.id < m.id
                         AND e.textFingerprint = m.textFingerprint AND e.disposition = 'held'))
                """)
            guard !candidates.isEmpty else { return }
            var listed = Set<Int64>()
            let digests = try Row.fetchCursor(db, sql: "SELECT raw FROM outboxMessage WHERE purpose = 'held-digest'")
            while let digest = try digests.next() {
                let text = Message(data: digest["raw"]).textBody ?? ""
                for line in text.split(separator: "\n") where line.hasPrefix("#") {
                    if let id = Int64(line.dropFirst().prefix { $0.isNumber }) { listed.insert(id) }
                }
            }
            // In pieces: one SQL variable per id, and older SQLite takes at most 999 in a statement.
            let quiet = candidates.subtracting(listed).sorted()
            for start in stride(from: 0, to: quiet.count, by: 500) {
                let piece = quiet[start..<min(start + 500, quiet.count)]
                try InboundMessage.filter(piece.contains(Column("id"))).updateAll(db, InboundMessage.Columns.folded.set(to: true))
            }
        }
        migrator.registerMigration("v23-outbox-cancelled") { db in
            // A coordinator can take back mail not sent yet (`outbox cancel`): a new outbox status
            // (the CHECK changes, so the table is rebuilt with the same rows and ids; foreign keys
            // are off during a migration, so the bounces that point at a row stay).
            try db.create(table: "new_outboxMessage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("messageID", .text).notNull().unique()
                t.column("purpose", .text).notNull()
                t.column("sender", .text).notNull()
                t.column("recipients", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("raw", .blob).notNull()
                t.column("inboundID", .integer).references("inboundMessage", onDelete: .setNull)
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('queued', 'sent', 'failed', 'withheld', 'retired', 'cancelled')")
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime).notNull()
                t.column("lastError", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("sentAt", .datetime)
                t.column("topicKind", .text)
                t.column("topicID", .integer)
                t.column("replacedBy", .integer)
            }
            try db.execute(sql: """
                INSERT INTO new_outboxMessage (id, messageID, purpose, sender, recipients, subject, raw, inboundID, status, attempts,
                                               nextAttemptAt, lastError, createdAt, sentAt, topicKind, topicID, replacedBy)
                SELECT id, messageID, purpose, sender, recipients, subject, raw, inboundID, status, attempts,
                       nextAttemptAt, lastError, createdAt, sentAt, topicKind, topicID, replacedBy
                FROM outboxMessage
                """)
            try db.drop(table: "outboxMessage")
            try db.rename(table: "new_outboxMessage", to: "outboxMessage")
            try db.create(index: "outboxMessage_due", on: "outboxMessage", columns: ["status", "nextAttemptAt"])
            try db.create(index: "outboxMessage_recipient", on: "outboxMessage", columns: ["recipients", "createdAt"])
            try db.create(index: "outboxMessage_topic", on: "outboxMessage", columns: ["topicKind", "topicID"])
        }
        migrator.registerMigration("v24-profile-version-origin") { db in
            // Whether a profile version came by mail or from an import, and when an imported row
            // was submitted (its timestamp-column key): an import row older than the profile's
            // last change, or one undoing a change made by mail, is not applied.
            try db.alter(table: "profileVersion") { t in
                t.add(column: "origin", .text)
                t.add(column: "submitted", .integer)
            }
            try db.execute(sql: """
                UPDATE profileVersion SET origin = CASE
                  WHEN source LIKE 'message <%' OR source = 'a message' THEN 'email' ELSE 'import' END
                """)
        }
        migrator.registerMigration("v25-participant-written-language") { db in
            // The language a participant last clearly wrote to us in: later mail follows it.
            try db.alter(table: "participant") { t in t.add(column: "writtenLanguage", .text) }
        }
        migrator.registerMigration("v26-mailbox-erasure") { db in
            // The mailbox's copies of an erased person's mail, deleted there by the next run; a
            // row goes once they are gone. People erased before this release are queued too.
            try db.create(table: "mailboxErasure") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("mailbox", .text).notNull()
                t.column("uidValidity", .integer).notNull()
                t.column("uid", .integer).notNull()
                t.column("messageID", .text)
                t.column("sender", .text).notNull()
                t.uniqueKey(["mailbox", "uidValidity", "uid"])
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO mailboxErasure (mailbox, uidValidity, uid, messageID, sender)
                SELECT m.mailbox, m.uidValidity, m.uid, m.messageID, m.sender FROM inboundMessage m
                JOIN participant p ON p.email = m.sender WHERE p.status = 'erased'
                """)
        }
        migrator.registerMigration("v27-event-guest-last-answer") { db in
            // What a guest said last, apart from their place: a "maybe" that keeps a seat, a
            // "yes" on the waitlist. Filled from the place for those who answered before.
            try db.alter(table: "eventGuest") { t in t.add(column: "lastAnswer", .text) }
            try db.execute(sql: """
                UPDATE eventGuest SET lastAnswer = CASE answer WHEN 'waitlisted' THEN 'accepted' WHEN 'invited' THEN NULL ELSE answer END
                """)
        }
        migrator.registerMigration("v28-outbox-recipient") { db in
            // The mailbox of each recipient of our mail ("+tag" dropped, lower-cased), so that
            // the mail sent to one person is read through an index: the outbox grows with every
            // answer, and a forward of our mail was looked up by reading all of it.
            // A rowid table, as erasure's last pass over every table expects.
            try db.create(table: "outboxRecipient") { t in
                t.column("mailbox", .text).notNull()
                t.column("outboxID", .integer).notNull().indexed().references("outboxMessage", onDelete: .cascade)
                t.uniqueKey(["mailbox", "outboxID"])
            }
            let rows = try Row.fetchCursor(db, sql: "SELECT id, recipients FROM outboxMessage")
            while let row = try rows.next() {
                let recipients: String = row["recipients"]
                let list = recipients.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                try OutboxMessage.indexRecipients(db, outboxID: row["id"], recipients: list)
            }
        }
        migrator.registerMigration("v29-inbound-note-names-context") { db in
            // Whether a held message's note already names the mail it answers, as a fact
            // recorded by what wrote the note, not read back from its words.
            try db.alter(table: "inboundMessage") { t in t.add(column: "noteNamesContext", .boolean).notNull().defaults(to: false) }
        }
        migrator.registerMigration("v30-outbox-content") { db in
            // The values an answer was made of, for the few kept so that a later message of the
            // same run can word them again while they are still queued (a waitlist place).
            try db.alter(table: "outboxMessage") { t in t.add(column: "content", .text) }
        }
        return migrator
    }

    /// Runs `body` as one transaction: all of its writes land, or none.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.write(body)
    }

    /// Runs `body` in a transaction that is always rolled back (for --dry-run).
    func writeWithoutCommit<T>(_ body: (Database) throws -> T) throws -> T {
        var result: T?
        try writer.writeWithoutTransaction { db in
            try db.inTransaction {
                result = try body(db)
                return .rollback
            }
        }
        guard let result else { throw MentorMailError(.internalError, "a dry run produced no result") }
        return result
    }

    /// Reads, with any write refused (what a dry run relies on).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// Reads without switching the connection to read-only and back, for a run's frequent short
    /// reads (the outbox rows to send). SQLite's `PRAGMA query_only`, which `read` sets and
    /// clears, expires every prepared statement, so each `read` had the next hundred statements
    /// compiled again. `body` must only read.
    func readOften<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.unsafeRead(body)
    }
}

// MARK: - Inbound messages

extension AppDatabase {
    /// Whether this mailbox message was already handled: the same UID (a run stopped before it
    /// flagged it), or another copy of the same message (a second delivery, a new UIDVALIDITY):
    /// the same Message-ID, sender and content. Mail recorded before content was fingerprinted
    /// counts as the same when the Message-ID and sender are. Anything else that reuses a
    /// Message-ID is new mail.
    static func isRecorded(_ db: Database, mailbox: String, uidValidity: UInt32, uid: UInt32, messageID: String?,
                           sender: String?, contentFingerprint: String) throws -> Bool {
        let byUID = try db.cachedStatement(sql: "SELECT COUNT(*) FROM inboundMessage WHERE mailbox = ? AND uidValidity = ? AND uid = ?")
        if try Int.fetchOne(byUID, arguments: [mailbox, Int64(uidValidity), Int64(uid)]) ?? 0 > 0 { return true }
        guard let messageID else { return false }
        let copy = try db.cachedStatement(sql: """
            SELECT COUNT(*) FROM inboundMessage WHERE messageID = ? AND sender IS ?
            AND (contentFingerprint = ? OR contentFingerprint IS NULL)
            """)
        return try Int.fetchOne(copy, arguments: [messageID, sender, contentFingerprint]) ?? 0 > 0
    }

    public func inboundMessages() throws -> [InboundMessage] {
        try read { db in try InboundMessage.order(Column("id")).fetchAll(db) }
    }
}

// MARK: - Outbox

extension AppDatabase {
    /// Queued messages whose next attempt is due at `now`, oldest first.
    public func dueOutbox(now: Date) throws -> [OutboxMessage] {
        try read { db in
            try OutboxMessage
                .filter(OutboxMessage.Columns.status == OutboxMessage.Status.queued.rawValue
                        && OutboxMessage.Columns.nextAttemptAt <= now)
                .order(Column("id"))
                .fetchAll(db)
        }
    }

    public func outbox() throws -> [OutboxMessage] {
        try read { db in try OutboxMessage.order(Column("id")).fetchAll(db) }
    }

    public func markSent(outboxID: Int64, at date: Date) throws {
        try write { db in
            try db.execute(sql: OutboxMessage.markSentSQL,
                           arguments: [date, outboxID])
        }
    }

    /// Records a failed attempt. A permanent refusal (5xx), or the `maxAttempts`th failure,
    /// parks the message as failed at once; the coordinators hear of it in their digest.
    /// Returns whether it was parked.
    @discardableResult
    static func markAttemptFailed(_ db: Database, outboxID: Int64, error: String, permanent: Bool, at date: Date, maxAttempts: Int) throws -> Bool {
        guard var message = try OutboxMessage.fetchOne(db, key: outboxID) else { return false }
        message.attempts += 1
        message.lastError = error
        var parked = false
        if permanent || message.attempts >= maxAttempts {
            message.status = .failed
            parked = true
        } else {
            // Back off: 1, 2, 4 … minutes, capped at six hours.
            let minutes = min(360.0, pow(2.0, Double(message.attempts - 1)))
            message.nextAttemptAt = date.addingTimeInterval(minutes * 60)
        }
        try message.update(db)
        return parked
    }

    /// `mentormail outbox resend`, with the same bytes and Message-ID: a failed, withheld or
    /// cancelled message is queued again with its attempts counted from zero; a queued one
    /// waiting for its retry is made due now (the operator has fixed the server and need not wait
    /// out the back-off). A sent message is refused: sending it again would deliver it twice.
    static func requeue(_ db: Database, outboxID: Int64, at date: Date) throws -> OutboxMessage {
        guard var message = try OutboxMessage.fetchOne(db, key: outboxID) else {
            throw MentorMailError(.data, "no outgoing message has the id \(outboxID); see `mentormail outbox list`")
        }
        if message.status == .retired {
            throw MentorMailError(.data, """
                outgoing message \(outboxID) was retired (\(message.lastError ?? "no longer waiting"))\
                \(message.replacedBy.map { "; its copy is #\($0)" } ?? ""); `mentormail outbox resend \(outboxID) --to ADDRESS` \
                sends a fresh copy anyway
                """)
        }
        if message.status != .sent {
            for address in message.recipientList {
                guard let now = try movedAddress(db, of: address) else { continue }
                throw MentorMailError(.data, """
                    outgoing message \(outboxID) is written to \(address), who has since moved to \(now); sent as written it \
                    would go to the old address: `mentormail outbox resend \(outboxID) --to \(now)` sends a fresh copy to the new one
                    """)
            }
        }
        switch message.status {
        case .retired:
            return message
        case .sent:
            throw MentorMailError(.data, """
                outgoing message \(outboxID) was sent\(message.sentAt.map { " at \($0.formatted(.iso8601))" } ?? ""); \
                resending it would deliver it twice, so only a failed, withheld, cancelled or queued message is sent again
                """)
        case .failed, .withheld, .cancelled:
            // The cancellation no longer stands (the audit log keeps it); a server's words stay.
            if message.status == .cancelled { message.lastError = nil }
            message.status = .queued
            message.attempts = 0
            message.nextAttemptAt = date
        case .queued:
            if message.nextAttemptAt > date { message.nextAttemptAt = date }
        }
        try message.update(db)
        return message
    }

    /// `mentormail outbox cancel`: takes back mail not sent yet (queued, failed, parked or
    /// withheld), all of `outboxIDs` or none: an unknown, sent, retired or cancelled one refuses
    /// the lot, each named with its state. Returns the rows as they were; `note` is kept with each.
    static func cancel(_ db: Database, outboxIDs: [Int64], note: String) throws -> [OutboxMessage] {
        var rows: [OutboxMessage] = []
        var refusals: [String] = []
        var seen = Set<Int64>()
        for id in outboxIDs where seen.insert(id).inserted {
            let row = try OutboxMessage.fetchOne(db, key: id)
            if let why = cancelRefusal(row, id: id) { refusals.append(why) } else if let row { rows.append(row) }
        }
        guard refusals.isEmpty else {
            throw MentorMailError(.data, "nothing was cancelled: " + refusals.joined(separator: "; ")
                                  + ". Only mail not sent yet (queued, failed, parked or withheld) can be cancelled; "
                                  + "`mentormail outbox list` shows each message's state")
        }
        for var row in rows {
            row.status = .cancelled
            row.lastError = note
            try row.update(db)
        }
        return rows
    }

    /// The check-in reminders of `surveys` not sent yet (queued, failing or withheld).
    static func unsentReminders(_ db: Database, surveys: Set<Int64>) throws -> [OutboxMessage] {
        guard !surveys.isEmpty else { return [] }
        return try OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.checkinReminder.rawValue
                                        && Column("topicKind") == Topic.Kind.survey.rawValue && surveys.contains(Column("topicID"))
                                        && [OutboxMessage.Status.queued, .failed, .withheld].map(\.rawValue).contains(OutboxMessage.Columns.status))
            .order(Column("id")).fetchAll(db)
    }

    /// Whether a coordinator took back the check-in survey `survey` before it went: its newest
    /// copy is cancelled. Its reminder then does not go either.
    static func surveyTakenBack(_ db: Database, survey: Int64) throws -> Bool {
        try surveysTakenBack(db, mentorship: nil, survey: survey).contains(survey)
    }

    /// The check-in surveys a coordinator took back before they went (of `mentorship`, or
    /// `survey` alone, or all): those whose newest copy is cancelled.
    static func surveysTakenBack(_ db: Database, mentorship: Int64? = nil, survey: Int64? = nil) throws -> Set<Int64> {
        var request = OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.checkinSurvey.rawValue
                                           && Column("topicKind") == Topic.Kind.survey.rawValue && Column("replacedBy") == nil)
        if let survey { request = request.filter(Column("topicID") == survey) }
        if let mentorship {
            request = request.filter(Survey.filter(Survey.Columns.mentorshipID == mentorship).select(Column("id")).contains(Column("topicID")))
        }
        var newest: [Int64: OutboxMessage.Status] = [:]
        for row in try request.order(Column("id")).fetchAll(db) {
            if let id = row.topicID { newest[id] = row.status }
        }
        return Set(newest.filter { $0.value == .cancelled }.keys)
    }

    /// Why `row` (outbox `id`) cannot be cancelled, or nil when it can.
    private static func cancelRefusal(_ row: OutboxMessage?, id: Int64) -> String? {
        guard let row else { return "#\(id): no outgoing message has this id" }
        let what = "#\(id) (\(row.purpose) to \(row.recipients))"
        switch row.status {
        case .queued, .failed, .withheld:
            return nil
        case .sent:
            return "\(what) was sent\(row.sentAt.map { " at \($0.formatted(.iso8601))" } ?? ""), so it cannot be taken back"
        case .retired:
            var why = row.lastError ?? "no longer waiting"
            if why.hasPrefix("retired: ") { why.removeFirst("retired: ".count) }
            return "\(what) was retired (\(why)), so nothing sends it"
                + (row.replacedBy.map { "; to stop its fresh copy: mentormail outbox cancel \($0)" } ?? "")
        case .cancelled:
            var who = row.lastError ?? "by a coordinator"
            if who.hasPrefix("cancelled ") { who.removeFirst("cancelled ".count) }
            return "\(what) is already cancelled (\(who)); `mentormail outbox resend \(id)` queues it again"
        }
    }

    /// Outgoing mail, newest first; `status` narrows it.
    public func outbox(status: OutboxMessage.Status?) throws -> [OutboxMessage] {
        try read { db in
            var request = OutboxMessage.order(Column("id").desc)
            if let status { request = request.filter(OutboxMessage.Columns.status == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    public func markAttemptFailed(outboxID: Int64, error: String, at date: Date, maxAttempts: Int) throws {
        try write { db in
            guard var message = try OutboxMessage.fetchOne(db, key: outboxID) else { return }
            message.attempts += 1
            message.lastError = error
            if message.attempts >= maxAttempts {
                message.status = .failed
            } else {
                // Back off: 1, 2, 4 … minutes, capped at six hours.
                let minutes = min(360.0, pow(2.0, Double(message.attempts - 1)))
                message.nextAttemptAt = date.addingTimeInterval(minutes * 60)
            }
            try message.update(db)
        }
    }

    public func auditEntries() throws -> [AuditEntry] {
        try read { db in try AuditEntry.order(Column("id")).fetchAll(db) }
    }
}
