import CMalloc
import Foundation
import GRDB
import Logging
import Mail
import MailTransport

/// How far a run is, for a progress display.
public struct ProcessProgress: Sendable {
    public enum Phase: String, Sendable {
        case reading, sending
    }

    public var phase: Phase
    public var done: Int
    public var total: Int
    /// When this phase began.
    public var startedAt: Date
}

/// What one batch transaction did, applied to the report only once it committed.
private struct Batch {
    /// Recorded in this transaction: flagged once it commits.
    var recorded: [UInt32] = []
    /// Recorded by an earlier run: only flagged.
    var reflag: [UInt32] = []
    var dispositions: [InboundMessage.Disposition] = []
    var problems: [String] = []
    var bytes = 0
    /// The database cannot be written at all: the run stops after this batch.
    var stopped: String?
}

extension Processor {
    /// Reads the new messages and handles them in batches: each batch is one transaction in
    /// which every message has a savepoint of its own; only after the commit are the batch's
    /// messages flagged on the server.
    ///
    /// Sends refused while reading are handed back in `refusals`, recorded by the caller after
    /// the jobs ran, as when they are met after the jobs (the coordinators' note of an
    /// undelivered answer goes into the next digest, not a digest of this run).
    /// Refusals of messages sent to some recipients (recorded with their "sent" mark), and the rest.
    static func partition(_ refused: [SendAhead.Refusal]) -> (partly: [SendAhead.Refusal], whole: [SendAhead.Refusal]) {
        (refused.filter { $0.error is SendAhead.PartlyRefused }, refused.filter { !($0.error is SendAhead.PartlyRefused) })
    }

    func receive(into report: inout ProcessReport, refusals: inout [SendAhead.Refusal]) throws {
        let validity = try mailbox.uidValidity()
        let uids = try mailbox.unprocessedUIDs()
        logger.info("\(uids.count) new message(s) in \(mailbox.displayName)")
        if !dryRun {
            do {
                let moved = try mailbox.moveProcessed()
                if moved > 0 { logger.info("moved \(moved) message(s) handled by an earlier run") }
            } catch {
                fail(&report, "mail handled by an earlier run: \(ErrorText.describe(error))")
            }
        }
        guard !uids.isEmpty else { return }
        let intake = Intake(config: config)
        let stream = try mailbox.messages(uids)
        defer { stream.close() }
        let messages = PreparedMessages(source: stream) { fetched in
            guard case .success(let bytes) = fetched.bytes else { return .init(fetched: fetched, reading: nil) }
            return .init(fetched: fetched, reading: intake.prepare(Message(bytes: bytes)))
        }
        defer { messages.close() }
        // Answers of committed and flagged batches go out while the next batches are read.
        let ahead = dryRun || !sendWhileReading ? nil : SendAhead(sender: sender, logger: logger, faults: faults)
        var handedOver: Int64 = 0
        defer {
            if let ahead {
                ahead.finish(abandon: report.stopped != nil) { results in
                    let (partly, whole) = Self.partition(results.refused)
                    refusals += whole
                    settle((results.accepted, partly), report: &report)
                }
                let results = ahead.takeResults()
                let (partly, whole) = Self.partition(results.refused)
                refusals += whole
                settle((results.accepted, partly), report: &report)
            }
        }
        let startedAt = Date()
        var position = 0
        while report.stopped == nil {
            // Held in `pending` only: a handled message is let go before the next is asked for.
            var pending = messages.next(wait: true)
            guard pending != nil else { break }
            var batch = Batch()
            let batchStart = DispatchTime.now().uptimeNanoseconds
            let results: (accepted: [OutboxMessage], refused: [SendAhead.Refusal]) = ahead?.takeResults() ?? ([], [])
            // A message some recipients refused was sent to the others: recorded with its "sent"
            // mark, so a crash cannot keep the one without the other (the copy retried alone).
            let (partly, whole) = Self.partition(results.refused)
            refusals += whole
            let sends: (accepted: [OutboxMessage], refused: [SendAhead.Refusal]) = (results.accepted, partly)
            var sendProblems: [String] = []
            func body(_ db: Database) {
                // What the send thread reported, in this transaction: no commit of its own.
                if !sends.accepted.isEmpty || !sends.refused.isEmpty {
                    sendProblems = record(sends, db: db)
                }
                while let item = pending.take() {
                    position += 1
                    report.examined += 1
                    let large = item.fetched.spool != nil || item.fetched.byteCount >= 1 << 20
                    handle(consume item, position: position, of: uids.count, validity: validity, intake: intake, db: db,
                           batch: &batch, report: &report)
                    // What a large message's parsing freed stays in the threads' heaps unless it is
                    // given back, and the heaps' peaks would add up (scripts/bench-hostile.sh).
                    if large { malloc_trim(0) }
                    // SQLite rolled the whole transaction back (a full disk, an I/O error): nothing
                    // more goes in, and the commit below fails, so the batch stays unflagged.
                    if !dryRun && !db.isInsideTransaction { break }
                    if batch.stopped != nil || batch.recorded.count + batch.reflag.count >= batchSize || batch.bytes >= 32 << 20
                        || DispatchTime.now().uptimeNanoseconds - batchStart >= 250_000_000 { break }
                    // Only what is already there: the transaction does not wait on the network.
                    pending = messages.next(wait: false)
                }
                // Rows handed to the send thread that this batch kept from going (their address
                // bounced): taken back before the commit, so the thread never sends one the
                // database says is kept. A commit that fails leaves them queued for the run's end.
                if let ahead { takeBackRowsNoLongerQueued(from: ahead, db: db) }
            }
            do {
                if dryRun {
                    try database.read(body)
                } else {
                    try database.write(body)
                }
            } catch {
                // The send results were not recorded with it: record them on their own.
                settle(sends, report: &report)
                let mapped = MentorMailError.from(error)
                let count = batch.recorded.count + batch.reflag.count
                if mapped.kind == .unavailable || mapped.kind == .busy {
                    report.stopped = "\(mapped.message); nothing was changed, and the message(s) stay unflagged in \(mailbox.displayName) for the next run"
                    logger.error("\(report.stopped ?? "")")
                } else {
                    fail(&report, "\(count) message(s) could not be committed (\(ErrorText.describe(error))); they stay unflagged in the mailbox for the next run")
                }
                break
            }
            // Committed: now the report may count them, and the server may flag them.
            count(sends, problems: sendProblems, report: &report)
            for disposition in batch.dispositions { report.count(disposition) }
            report.reflagged += batch.reflag.count
            for problem in batch.problems { report.problems.append(problem) }
            if let stopped = batch.stopped { report.stopped = stopped }
            if !dryRun {
                if !batch.recorded.isEmpty { faults.reached(.afterCommit) }
                flag(batch.recorded + batch.reflag, report: &report)
                if let ahead, report.stopped == nil {
                    do {
                        let due = try dueRows(after: handedOver)
                        let taken = ahead.enqueue(due)
                        handedOver = taken > 0 ? due[taken - 1].id ?? handedOver : handedOver
                    } catch {
                        fail(&report, "could not read the outbox: \(ErrorText.describe(error)); it is sent at the end of the run")
                    }
                }
            }
            progress?(ProcessProgress(phase: .reading, done: position, total: uids.count, startedAt: startedAt))
        }
    }

    /// Handles one fetched message inside the batch's transaction.
    private func handle(_ prepared: PreparedMessages.Item, position: Int, of total: Int, validity: UInt32, intake: Intake, db: Database,
                        batch: inout Batch, report: inout ProcessReport) {
        let item = prepared.fetched
        let uid = item.uid
        let progress = "[\(position)/\(total)] UID \(uid)"
        let bytes: [UInt8]
        let reading: IntakeMessage
        switch item.bytes {
        case .success(let fetched):
            bytes = fetched
            guard let read = prepared.reading else {
                fail(&report, "\(progress): was not read; it stays in the mailbox for the next run")
                return
            }
            reading = read
        case .failure(let error):
            // Left unflagged on the server: the next run fetches it again.
            fail(&report, "\(progress): could not be fetched (\(ErrorText.describe(error))); it stays in the mailbox for the next run")
            return
        }
        batch.bytes += item.spool?.size ?? bytes.count
        if let spool = item.spool {
            logger.info("\(progress) is \(spool.size >> 20) MB: read from its first \(bytes.count >> 20) MB, stored whole")
        }
        let message = reading.message
        let content = InboundMessage.contentFingerprint(of: bytes, size: item.spool?.size ?? bytes.count)
        let handled: InboundMessage.Disposition?
        do {
            if try AppDatabase.isRecorded(db, mailbox: mailbox.displayName, uidValidity: validity, uid: uid, messageID: message.messageID,
                                          sender: reading.from?.normalized, contentFingerprint: content) {
                logger.info("\(progress) was handled by an earlier run; flagging it")
                if dryRun {
                    report.planned.append("UID \(uid): already handled, would only flag it")
                    return
                }
                batch.reflag.append(uid)
                return
            }
            let context = try AppDatabase.intakeContext(db, for: message, reading: reading, now: now, reminderAfterDays: config.checkin.reminderAfterDays)
            let understood = reading.read(under: context)
            let classification = intake.classify(understood, context: context)
            if dryRun {
                let line = "UID \(uid) from \(reading.from?.address ?? "?"): \(classification.intent.name) (rule \(classification.rule): \(classification.reason))"
                logger.info("\(progress): would handle as \(classification.intent.name)")
                report.planned.append(line)
                return
            }
            handled = record(understood, bytes: bytes, spool: item.spool, uid: uid, validity: validity, content: content,
                             classification: classification, context: context, progress: progress, db: db, batch: &batch)
        } catch {
            if dryRun {
                fail(&report, "\(progress): could not be read (\(ErrorText.describe(error)))")
                return
            }
            handled = record(reading, bytes: bytes, spool: item.spool, uid: uid, validity: validity, content: content,
                             classification: nil, context: IntakeContext(), progress: progress, db: db, batch: &batch, earlierError: error)
        }
        guard let handled else { return }
        batch.dispositions.append(handled)
        batch.recorded.append(uid)
    }

    /// Records the message and its effects in a savepoint of its own. When handling fails, the
    /// savepoint is rolled back and the message is still recorded, as failed with the error, so
    /// nothing is lost and the run goes on; when even that cannot be stored, nil: it stays
    /// unflagged for the next run.
    private func record(_ reading: IntakeMessage, bytes: [UInt8], spool: MessageSpool?, uid: UInt32, validity: UInt32, content: String,
                        classification: Classification?,
                        context: IntakeContext, progress: String, db: Database, batch: inout Batch,
                        earlierError: (any Error)? = nil) -> InboundMessage.Disposition? {
        let message = reading.message
        var inbound = InboundMessage(
            mailbox: mailbox.displayName, uidValidity: Int64(validity), uid: Int64(uid),
            messageID: message.messageID, sender: reading.from?.normalized, subject: message.subject,
            receivedAt: now, intent: classification?.intent.name ?? "unknown", disposition: .failed, note: nil)
        // A message the intake could not read gets no fingerprint: the loop guard compares read text only.
        let fingerprint = earlierError == nil ? reading.fingerprint(for: classification?.intent) : nil
        inbound.textFingerprint = fingerprint
        inbound.contentFingerprint = content
        var failure = earlierError
        if var classification, failure == nil {
            inbound.apply(classification, context: context)
            do {
                var outcome: Outcome?
                try db.inSavepoint {
                    let work = Work(db: db, now: now, config: config, templates: program.templates)
                    var row = inbound
                    let verdict = try LoopGuard(work: work).check(classification, sender: inbound.sender, fingerprint: fingerprint,
                                                                    sameText: earlierError == nil ? reading.sameTextFingerprints : nil,
                                                                    answering: context.answering)
                    classification = verdict.classification
                    row.apply(classification, context: context)
                    row.folded = verdict.quiet
                    try row.insert(work.db)
                    guard let id = row.id else { throw MentorMailError(.internalError, "the message was stored without an id") }
                    try AppDatabase.storeRaw(work.db, inboundID: id, bytes: bytes, spool: spool)
                    let result = try work.handleRecorded(classification, reading: reading, recordID: id, context: context)
                    try AppDatabase.setOutcome(work.db, inboundID: id, disposition: result.disposition, note: result.note,
                                               noteNamesContext: result.noteNamesContext)
                    outcome = result
                    return .commit
                }
                if let outcome {
                    logger.info("\(progress) from \(reading.from?.address ?? "?"): \(classification.intent.name) (\(classification.rule)), \(outcome.disposition.rawValue)")
                    return outcome.disposition
                }
                failure = MentorMailError(.internalError, "the message's savepoint ended without an outcome")
            } catch {
                failure = error
            }
        }
        let reason = "could not be handled: \(ErrorText.describe(failure ?? MentorMailError(.internalError, "unknown error")))"
        inbound.note = reason
        do {
            guard db.isInsideTransaction else { throw failure ?? MentorMailError(.unavailable, "the transaction was rolled back") }
            try db.inSavepoint {
                let work = Work(db: db, now: now, config: config, templates: program.templates)
                var row = inbound
                try row.insert(work.db)
                if let id = row.id {
                    try AppDatabase.storeRaw(work.db, inboundID: id, bytes: bytes, spool: spool)
                    try HeldMailService(work: work).scheduleDigest(for: id)
                }
                try work.audit.record(reading.from?.normalized ?? "unknown", "failed", reason)
                return .commit
            }
            let problem = "\(progress) from \(reading.from?.address ?? "?") \(reason); kept as failed (mentormail held list)"
            logger.error("\(problem)")
            batch.problems.append(problem)
            return .failed
        } catch {
            let mapped = MentorMailError.from(error)
            if mapped.kind == .unavailable || mapped.kind == .busy || !db.isInsideTransaction {
                // The database cannot be written at all: say so once and stop.
                batch.stopped = "\(mapped.message); nothing was changed, and the message(s) stay unflagged in \(mailbox.displayName) for the next run"
                logger.error("\(batch.stopped ?? "")")
                return nil
            }
            let problem = "\(progress) from \(reading.from?.address ?? "?") \(reason), and could not be recorded either (\(ErrorText.describe(error))); it stays unflagged in the mailbox for the next run"
            logger.error("\(problem)")
            batch.problems.append(problem)
            return nil
        }
    }

    /// Flags committed messages: one request for the batch, else one by one to say which failed.
    private func flag(_ uids: [UInt32], report: inout ProcessReport) {
        guard !uids.isEmpty else { return }
        do {
            try mailbox.markProcessed(uids: uids)
            return
        } catch let error as MoveError {
            // Flagged, only not moved: retrying one by one would fail the same way.
            fail(&report, "handled, but \(error)")
            return
        } catch {
            guard uids.count > 1 else {
                fail(&report, "UID \(uids[0]): handled, but could not be flagged on the server (\(ErrorText.describe(error))); the next run flags it")
                return
            }
        }
        for uid in uids {
            do {
                try mailbox.markProcessed(uid: uid)
            } catch let error as MoveError {
                fail(&report, "handled, but \(error)")
            } catch {
                // Recorded already: the next run finds it and only flags it.
                fail(&report, "UID \(uid): handled, but could not be flagged on the server (\(ErrorText.describe(error))); the next run flags it")
            }
        }
    }
}
