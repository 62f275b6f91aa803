import Foundation
import Logging
import Mail
import MailTransport

/// What one `mentormail process` run did.
public struct ProcessReport: Codable, Sendable, Equatable {
    /// New messages seen in the mailbox.
    public var examined = 0
    public var answered = 0
    /// Not understood; answered with what can be written.
    public var helped = 0
    /// Kept for a coordinator (see `mentormail held list`).
    public var held = 0
    /// Coordinator commands waiting for their confirmation code.
    public var waiting = 0
    public var ignored = 0
    /// Handling raised an error: recorded as failed (or, when even that failed, left unflagged for the next run).
    public var failed = 0
    /// Already recorded by an earlier run that stopped before flagging them: only flagged now.
    public var reflagged = 0
    public var jobsRun = 0
    public var jobFailures = 0
    public var sent = 0
    public var sendFailures = 0
    /// Outgoing mail still queued when the run ended: refused for now, retried by a later run.
    public var stillQueued = 0
    /// Problems that did not stop the run (a message that failed, a server that refused).
    public var problems: [String] = []
    /// With `--dry-run`: what a real run would do.
    public var planned: [String] = []
    /// Why the run stopped early, when it could not go on at all (the database cannot be
    /// written): nothing more was read, run or sent.
    public var stopped: String?

    public init() {}

    mutating func count(_ disposition: InboundMessage.Disposition) {
        switch disposition {
        case .answered: answered += 1
        case .helped: helped += 1
        case .held: held += 1
        case .waiting: waiting += 1
        case .ignored: ignored += 1
        case .failed: failed += 1
        }
    }
}

/// One run: read new mail, apply each message in one transaction, flag it, run the jobs that
/// are due, then send the outbox.
///
/// The order is what makes it crash-safe. A message's effects (its record and the answers it
/// queues) commit together before the server flag is set, so a crash before the commit redoes
/// the message and a crash after it only re-flags. The outbox is sent after, each row marked
/// `sent` once the transport accepted it, so a crash in between resends the same bytes with
/// the same Message-ID. One message's failure is recorded and the run goes on; so does one
/// job's and one send's.
public struct Processor {
    public var program: Program
    public var mailbox: any Mailbox
    public var sender: any MailSender
    public var now: Date
    public var logger: Logger
    public var faults: FaultInjection
    /// Attempts before an outgoing message is parked as failed.
    public var maxSendAttempts = Processor.defaultMaxSendAttempts
    /// Attempts at a temporarily refused message before it is parked as failed.
    public static let defaultMaxSendAttempts = 8
    /// Read and classify only: record nothing, flag nothing, run and send nothing.
    public var dryRun = false

    var config: Config { program.config }
    var database: AppDatabase { program.database }

    public init(program: Program, mailbox: any Mailbox, sender: any MailSender, now: Date, logger: Logger,
                faults: FaultInjection = .init()) {
        self.program = program
        self.mailbox = mailbox
        self.sender = sender
        self.now = now
        self.logger = logger
        self.faults = faults
    }

    public func run() -> ProcessReport {
        var report = ProcessReport()
        do {
            try receive(into: &report)
        } catch {
            // The mailbox is unreachable: still run the jobs and send what is queued.
            let message = ErrorText.describe(error)
            logger.error("\(message)")
            report.problems.append(message)
        }
        if dryRun {
            planDue(into: &report)
            return report
        }
        // Without a writable database nothing can be marked sent: sending would repeat itself.
        if report.stopped != nil { return report }
        JobRunner(program: program, now: now, logger: logger, faults: faults).runDue(into: &report)
        sendOutbox(into: &report)
        return report
    }

    private func receive(into report: inout ProcessReport) throws {
        let validity = try mailbox.uidValidity()
        let uids = try mailbox.unprocessedUIDs()
        logger.info("\(uids.count) new message(s) in \(mailbox.displayName)")
        let intake = Intake(config: config)
        for (position, uid) in uids.enumerated() {
            report.examined += 1
            let progress = "[\(position + 1)/\(uids.count)] UID \(uid)"
            let bytes: [UInt8]
            do {
                bytes = try mailbox.fetch(uid: uid)
            } catch {
                // Left unflagged on the server: the next run fetches it again.
                fail(&report, "\(progress): could not be fetched (\(ErrorText.describe(error))); it stays in the mailbox for the next run")
                continue
            }
            let message = Message(bytes: bytes)
            let handled: InboundMessage.Disposition?
            do {
                if try database.isRecorded(mailbox: mailbox.displayName, uidValidity: validity, uid: uid, messageID: message.messageID) {
                    logger.info("\(progress) was handled by an earlier run; flagging it")
                    if dryRun {
                        report.planned.append("UID \(uid): already handled, would only flag it")
                        continue
                    }
                    report.reflagged += 1
                    flag(uid, progress, &report)
                    continue
                }
                let context = try database.intakeContext(for: message)
                let prepared = intake.prepare(message)
                let classification = intake.classify(prepared, context: context)
                if dryRun {
                    let line = "UID \(uid) from \(message.from?.address ?? "?"): \(classification.intent.name) (rule \(classification.rule): \(classification.reason))"
                    logger.info("\(progress): would handle as \(classification.intent.name)")
                    report.planned.append(line)
                    continue
                }
                handled = record(message, bytes: bytes, uid: uid, validity: validity, classification: classification,
                                 context: context, newText: prepared.newText, progress: progress, report: &report)
            } catch {
                handled = record(message, bytes: bytes, uid: uid, validity: validity, classification: nil,
                                 context: IntakeContext(), newText: "", progress: progress, report: &report, earlierError: error)
            }
            if report.stopped != nil { break }
            guard let handled else { continue }
            report.count(handled)
            faults.reached(.afterCommit)
            flag(uid, progress, &report)
        }
    }

    /// Records the message and its effects in one transaction. When handling fails, the
    /// message is still recorded, as failed with the error, so nothing is lost and the run goes
    /// on; when even that cannot be stored, nil: it stays unflagged for the next run.
    private func record(_ message: Message, bytes: [UInt8], uid: UInt32, validity: UInt32, classification: Classification?,
                        context: IntakeContext, newText: String, progress: String, report: inout ProcessReport,
                        earlierError: (any Error)? = nil) -> InboundMessage.Disposition? {
        var inbound = InboundMessage(
            mailbox: mailbox.displayName, uidValidity: Int64(validity), uid: Int64(uid),
            messageID: message.messageID, sender: message.from?.normalized, subject: message.subject,
            receivedAt: now, intent: classification?.intent.name ?? "unknown", disposition: .failed, note: nil)
        let fingerprint = newText.allSatisfy(\.isWhitespace) ? nil : LoopGuard.fingerprint(of: newText)
        inbound.textFingerprint = fingerprint
        var failure = earlierError
        if var classification, failure == nil {
            inbound.apply(classification, context: context)
            do {
                let outcome = try program.perform(at: now) { work in
                    var row = inbound
                    let verdict = try LoopGuard(work: work).check(classification, sender: message.from?.normalized, fingerprint: fingerprint)
                    classification = verdict.classification
                    row.apply(classification, context: context)
                    if verdict.quiet { row.digestedAt = now }
                    try row.insert(work.db)
                    guard let id = row.id else { throw MentorMailError(.internalError, "the message was stored without an id") }
                    try AppDatabase.storeRaw(work.db, inboundID: id, bytes: bytes)
                    let outcome = try work.handleRecorded(classification, message: message, recordID: id, context: context)
                    // Only these columns: the handler may have erased the subject ("delete my data").
                    try row.updateChanges(work.db) {
                        $0.disposition = outcome.disposition
                        $0.note = outcome.note
                    }
                    return outcome
                }
                logger.info("\(progress) from \(message.from?.address ?? "?"): \(classification.intent.name) (\(classification.rule)), \(outcome.disposition.rawValue)")
                return outcome.disposition
            } catch {
                failure = error
            }
        }
        let reason = "could not be handled: \(ErrorText.describe(failure ?? MentorMailError(.internalError, "unknown error")))"
        inbound.note = reason
        do {
            try program.perform(at: now) { work in
                var row = inbound
                try row.insert(work.db)
                if let id = row.id {
                    try AppDatabase.storeRaw(work.db, inboundID: id, bytes: bytes)
                    try HeldMailService(work: work).scheduleDigest(for: id)
                }
                try work.audit.record(message.from?.normalized ?? "unknown", "failed", reason)
            }
            fail(&report, "\(progress) from \(message.from?.address ?? "?") \(reason); kept as failed (mentormail held list)")
            return .failed
        } catch {
            let mapped = MentorMailError.from(error)
            if mapped.kind == .unavailable || mapped.kind == .busy {
                // The database cannot be written at all: say so once and stop.
                report.stopped = "\(mapped.message); nothing was changed, and the message(s) stay unflagged in \(mailbox.displayName) for the next run"
                logger.error("\(report.stopped ?? "")")
                return nil
            }
            fail(&report, "\(progress) from \(message.from?.address ?? "?") \(reason), and could not be recorded either (\(ErrorText.describe(error))); it stays unflagged in the mailbox for the next run")
            return nil
        }
    }

    private func flag(_ uid: UInt32, _ progress: String, _ report: inout ProcessReport) {
        do {
            try mailbox.markProcessed(uid: uid)
        } catch {
            // Recorded already: the next run finds it and only flags it.
            fail(&report, "\(progress): handled, but could not be flagged on the server (\(ErrorText.describe(error))); the next run flags it")
        }
    }

    private func fail(_ report: inout ProcessReport, _ message: String) {
        logger.error("\(message)")
        report.problems.append(message)
    }

    private func planDue(into report: inout ProcessReport) {
        do {
            report.planned += try database.dueJobs(now: now).map { "run job \($0.kind) (\($0.uniqueKey))" }
            report.planned += try database.dueOutbox(now: now).map { "send \($0.purpose) to \($0.recipients)" }
        } catch {
            fail(&report, "could not read what is due: \(ErrorText.describe(error))")
        }
    }

    private func sendOutbox(into report: inout ProcessReport) {
        let due: [OutboxMessage]
        do {
            due = try database.dueOutbox(now: now)
        } catch {
            fail(&report, "could not read the outbox: \(ErrorText.describe(error)); nothing was sent")
            return
        }
        if !due.isEmpty { logger.info("sending \(due.count) message(s) through \(sender.displayName)") }
        for (position, row) in due.enumerated() {
            guard let id = row.id else { continue }
            do {
                try sender.send(Array(row.raw), from: row.sender, to: row.recipientList)
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
                            try HeldMailService(work: work).noteUndelivered(row, error: words)
                        }
                    }
                } catch {
                    fail(&report, "could not record the failed send of outbox row \(id): \(ErrorText.describe(error))")
                }
                continue
            }
            faults.reached(.afterSend)
            do {
                try database.markSent(outboxID: id, at: now)
                report.sent += 1
                logger.info("[\(position + 1)/\(due.count)] sent \(row.purpose) to \(row.recipients)")
            } catch {
                // Accepted by the server but not marked: the next run resends the same Message-ID.
                report.sent += 1
                fail(&report, "\(row.purpose) to \(row.recipients) was sent but could not be marked sent (\(ErrorText.describe(error))); the next run may resend it with the same Message-ID")
            }
        }
    }
}
