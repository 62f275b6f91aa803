import Foundation
import GRDB
import Logging
import MailTransport

extension Processor {
    /// Rows read from the outbox at a time: memory does not grow with the queue.
    static let outboxPage = 100

    /// Sends what is due, oldest first, over the one sender connection. Accepted messages are
    /// marked `sent` together, `sentMarkBatch` at a time (or after a quarter of a second): one
    /// commit for many sends, and a crash resends at most those few, with the same Message-IDs.
    /// Returns false when sending stopped for this run (the server or our settings failed).
    @discardableResult
    func sendOutbox(into report: inout ProcessReport) -> Bool {
        let total: Int
        do {
            total = try database.readOften { db in
                try OutboxMessage.filter(OutboxMessage.Columns.status == OutboxMessage.Status.queued.rawValue
                                         && OutboxMessage.Columns.nextAttemptAt <= now).fetchCount(db)
            }
        } catch {
            fail(&report, "could not read the outbox: \(ErrorText.describe(error)); nothing was sent")
            return false
        }
        guard total > 0 else { return true }
        logger.info("sending \(total) message(s) through \(sender.displayName)")
        let startedAt = Date()
        var lastID: Int64 = 0
        var position = 0
        var unmarked: [(id: Int64, row: OutboxMessage)] = []
        var firstUnmarkedAt: UInt64 = 0
        var stopped = false
        while position < total {
            let page: [OutboxMessage]
            do {
                page = try database.readOften { db in
                    try OutboxMessage
                        .filter(OutboxMessage.Columns.status == OutboxMessage.Status.queued.rawValue
                                && OutboxMessage.Columns.nextAttemptAt <= now && Column("id") > lastID)
                        .order(Column("id"))
                        .limit(Self.outboxPage)
                        .fetchAll(db)
                }
            } catch {
                fail(&report, "could not read the outbox: \(ErrorText.describe(error)); the rest is sent by the next run")
                break
            }
            if page.isEmpty { break }
            for row in page {
                guard let id = row.id else { continue }
                lastID = id
                position += 1
                guard stillQueued(id) else {
                    logger.info("[\(position)/\(total)] \(row.purpose) to \(row.recipients) is no longer queued; not sent")
                    continue
                }
                do {
                    let refusals = try sender.send(Array(row.raw), from: row.sender, to: row.recipientList)
                    if !refusals.isEmpty {
                        // Marked sent with what the refusals lead to (a copy retried alone), in one transaction.
                        faults.reached(.afterSend)
                        report.sent += 1
                        report.sendFailures += 1
                        do {
                            var problem = ""
                            try database.write { db in
                                try db.execute(sql: OutboxMessage.markSentSQL,
                                               arguments: [now, id])
                                problem = partlyRefused(row, refusals, db: db)
                            }
                            report.problems.append(problem)
                        } catch {
                            fail(&report, "\(row.purpose) to \(row.recipients) was sent but could not be marked sent (\(ErrorText.describe(error))); the next run may resend it with the same Message-ID")
                        }
                        continue
                    }
                } catch let trouble as TransportError where trouble.beforeRecipients {
                    report.sendFailures += 1
                    report.stoppedSends = (report.stoppedSends ?? 0) + 1
                    var problem = ""
                    do {
                        try database.write { db in problem = serverTrouble(row, trouble, db: db) }
                    } catch {
                        problem = "could not record the failed send of outbox row \(id): \(ErrorText.describe(error))"
                    }
                    fail(&report, problem)
                    position = total
                    stopped = true
                    break
                } catch {
                    report.sendFailures += 1
                    let words = ErrorText.describe(error)
                    let permanent = (error as? TransportError)?.isPermanent ?? false
                    fail(&report, "\(row.purpose) to \(row.recipients) was not sent\(permanent ? " (refused for good)" : ""): \(words)")
                    do {
                        try program.perform(at: now) { work in
                            if try AppDatabase.markAttemptFailed(work.db, outboxID: id, error: words, permanent: permanent, at: now,
                                                                 maxAttempts: maxSendAttempts), row.kind != .heldDigest {
                                // (A digest that cannot be delivered is only logged: another digest about it would fail too.)
                                try noteUndelivered(row, error: error, words: words, work: work)
                            }
                        }
                    } catch {
                        fail(&report, "could not record the failed send of outbox row \(id): \(ErrorText.describe(error))")
                    }
                    continue
                }
                faults.reached(.afterSend)
                report.sent += 1
                logger.info("[\(position)/\(total)] sent \(row.purpose) to \(row.recipients)")
                if unmarked.isEmpty { firstUnmarkedAt = DispatchTime.now().uptimeNanoseconds }
                unmarked.append((id, row))
                if unmarked.count >= sentMarkBatch || DispatchTime.now().uptimeNanoseconds - firstUnmarkedAt >= 250_000_000 {
                    markSent(&unmarked, report: &report)
                    progress?(ProcessProgress(phase: .sending, done: position, total: total, startedAt: startedAt))
                }
            }
        }
        markSent(&unmarked, report: &report)
        progress?(ProcessProgress(phase: .sending, done: position, total: total, startedAt: startedAt))
        return !stopped
    }

    /// Whether outbox row `id` still waits to be sent, read just before it goes: a row kept or
    /// removed since its page was read (its address marked by an earlier send of this run, its
    /// recipient erased, a coordinator's cancel) is not sent. When the database cannot be read,
    /// the send goes on as before.
    private func stillQueued(_ id: Int64) -> Bool {
        (try? database.readOften { db in
            try OutboxMessage.filter(Column("id") == id && OutboxMessage.Columns.status == OutboxMessage.Status.queued.rawValue).fetchCount(db) > 0
        }) ?? true
    }

    /// Marks accepted messages `sent` in one transaction.
    private func markSent(_ unmarked: inout [(id: Int64, row: OutboxMessage)], report: inout ProcessReport) {
        guard !unmarked.isEmpty else { return }
        do {
            try database.write { db in
                for (id, _) in unmarked {
                    try db.execute(sql: OutboxMessage.markSentSQL,
                                   arguments: [now, id])
                }
            }
        } catch {
            // Accepted by the server but not marked: the next run resends the same Message-IDs.
            for (_, row) in unmarked {
                fail(&report, "\(row.purpose) to \(row.recipients) was sent but could not be marked sent (\(ErrorText.describe(error))); the next run may resend it with the same Message-ID")
            }
        }
        unmarked = []
    }

    // MARK: - Sending while reading (see `SendAhead`)

    /// Queued rows due now with an id above `after`, oldest first (at most a few hundred).
    /// Answers a later message of the run may still rewrite wait for the run's end, so each
    /// tells the final state and none goes out beside its replacement: check-in answers (the
    /// other side may answer later in the run) and answers kept to be reworded (a waitlist
    /// place that a later answer moves).
    func dueRows(after: Int64) throws -> [OutboxMessage] {
        try database.readOften { db in
            try OutboxMessage
                .filter(OutboxMessage.Columns.status == OutboxMessage.Status.queued.rawValue
                        && OutboxMessage.Columns.nextAttemptAt <= now && Column("id") > after
                        && OutboxMessage.Columns.purpose != MailKind.checkinAnswers.rawValue && Column("content") == nil)
                .order(Column("id"))
                .limit(500)
                .fetchAll(db)
        }
    }

    /// Takes back from the send thread the rows still waiting there that are no longer queued
    /// in `db` (kept as withheld in this transaction, say).
    func takeBackRowsNoLongerQueued(from ahead: SendAhead, db: Database) {
        let waiting = ahead.waitingIDs()
        guard !waiting.isEmpty else { return }
        do {
            let queued = Set(try Int64.fetchAll(db, OutboxMessage.select(Column("id"))
                .filter(waiting.contains(Column("id")) && OutboxMessage.Columns.status == OutboxMessage.Status.queued.rawValue)))
            ahead.takeBack(Set(waiting).subtracting(queued))
        } catch {
            // Left to the send thread: at worst a row kept meanwhile still goes, as before.
            logger.error("could not check the rows waiting to be sent: \(ErrorText.describe(error))")
        }
    }

    /// Records in `db`'s transaction what the send thread reported: accepted rows become
    /// `sent`, refused ones get their failed attempt (and the coordinators' note). Returns the
    /// problems to report once the transaction commits.
    func record(_ sends: (accepted: [OutboxMessage], refused: [SendAhead.Refusal]), db: Database) -> [String] {
        var problems: [String] = []
        do {
            let markSent = try db.cachedStatement(
                sql: OutboxMessage.markSentSQL)
            for row in sends.accepted {
                try markSent.execute(arguments: [now, row.id])
            }
        } catch {
            for row in sends.accepted {
                problems.append("\(row.purpose) to \(row.recipients) was sent but could not be marked sent (\(ErrorText.describe(error))); the next run may resend it with the same Message-ID")
            }
        }
        for refusal in sends.refused {
            let row = refusal.row
            if let partly = refusal.error as? SendAhead.PartlyRefused {
                problems.append(partlyRefused(row, partly.refusals, db: db))
                continue
            }
            if let trouble = refusal.error as? TransportError, trouble.beforeRecipients {
                problems.append(serverTrouble(row, trouble, db: db))
                continue
            }
            let words = ErrorText.describe(refusal.error)
            let permanent = (refusal.error as? TransportError)?.isPermanent ?? false
            let problem = "\(row.purpose) to \(row.recipients) was not sent\(permanent ? " (refused for good)" : ""): \(words)"
            logger.error("\(problem)")
            problems.append(problem)
            guard let id = row.id else { continue }
            do {
                try db.inSavepoint {
                    let work = Work(db: db, now: now, config: config, templates: program.templates)
                    if try AppDatabase.markAttemptFailed(db, outboxID: id, error: words, permanent: permanent, at: now,
                                                         maxAttempts: maxSendAttempts), row.kind != .heldDigest {
                        try noteUndelivered(row, error: refusal.error, words: words, work: work)
                    }
                    return .commit
                }
            } catch {
                problems.append("could not record the failed send of outbox row \(id): \(ErrorText.describe(error))")
            }
        }
        return problems
    }

    /// A send that failed before any recipient was named (no connection, TLS, a refused login,
    /// our own sender address refused): the server or our settings, not the message. Nothing
    /// more is sent this run; the row stays queued and due, its attempts uncounted, so an
    /// outage or a wrong password parks nothing and the first run after the fix sends it all.
    /// The row keeps the server's words for `outbox list` and `status`. Returns the problem.
    func serverTrouble(_ row: OutboxMessage, _ error: TransportError, db: Database) -> String {
        // Not about the recipient the send was for: their address is left out of the words.
        var words = ErrorText.describe(error)
        if let range = words.range(of: #"could not send a message to [^(]*\("#, options: .regularExpression) {
            words.replaceSubrange(range, with: "could not send (")
        }
        let advice = error.isLoginRefused
            ? "the SMTP server refused our login: check [smtp] user and the password in the variable [smtp] password_env names (mentormail doctor checks it)"
            : "check that the SMTP server is reachable and its settings ([smtp] url, starttls, ca_file; mentormail doctor checks them)"
        if let id = row.id {
            do {
                try db.execute(sql: "UPDATE outboxMessage SET lastError = ? WHERE id = ? AND status = 'queued'", arguments: [words, id])
            } catch {
                logger.error("could not note the failed send of outbox row \(id): \(ErrorText.describe(error))")
            }
        }
        return "sending stopped for this run: \(words); \(advice). Nothing is lost: the mail stays queued and goes with the first run after the fix"
    }

    /// A message the server took for some recipients and refused for others (`refusals`):
    /// noted as a bounce of those addresses would be. Returns the problem for the run's report.
    func partlyRefused(_ row: OutboxMessage, _ refusals: [RecipientRefusal], db: Database) -> String {
        let problem = "\(row.purpose) to \(row.recipients) was refused for "
            + refusals.map { "\($0.address) (\($0.words))" }.joined(separator: ", ") + " and sent to the others"
        logger.error("\(problem)")
        do {
            try db.inSavepoint {
                let work = Work(db: db, now: now, config: config, templates: program.templates)
                try HeldMailService(work: work).noteRefused(row, refusals, delivered: true)
                return .commit
            }
        } catch {
            return problem + "; could not record it: \(ErrorText.describe(error))"
        }
        return problem
    }

    /// A message parked as failed, for the coordinators: the recipients the server refused, read
    /// as bounces are (an unknown address is marked), or the failure as it came.
    func noteUndelivered(_ row: OutboxMessage, error: any Error, words: String, work: Work) throws {
        if let refusals = (error as? TransportError)?.refusedRecipients, !refusals.isEmpty {
            try HeldMailService(work: work).noteRefused(row, refusals, delivered: false)
        } else {
            try HeldMailService(work: work).noteUndelivered(row, error: words)
        }
    }

    /// Counts what the send thread reported once it is recorded.
    func count(_ sends: (accepted: [OutboxMessage], refused: [SendAhead.Refusal]), problems: [String], report: inout ProcessReport) {
        report.sent += sends.accepted.count
        report.sendFailures += sends.refused.count
        let stopped = sends.refused.filter { ($0.error as? TransportError)?.beforeRecipients == true }.count
        if stopped > 0 { report.stoppedSends = (report.stoppedSends ?? 0) + stopped }
        report.problems += problems
    }

    /// Records what the send thread reported in a transaction of its own.
    func settle(_ sends: (accepted: [OutboxMessage], refused: [SendAhead.Refusal]), report: inout ProcessReport) {
        guard !sends.accepted.isEmpty || !sends.refused.isEmpty else { return }
        var problems: [String] = []
        do {
            try database.write { db in problems = record(sends, db: db) }
        } catch {
            problems = sends.accepted.map {
                "\($0.purpose) to \($0.recipients) was sent but could not be marked sent (\(ErrorText.describe(error))); the next run may resend it with the same Message-ID"
            }
            problems += sends.refused.map { "\($0.row.purpose) to \($0.row.recipients) was not sent: \(ErrorText.describe($0.error))" }
        }
        count(sends, problems: problems, report: &report)
    }
}
