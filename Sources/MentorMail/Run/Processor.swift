import Foundation
import GRDB
import Logging
import Mail
import MailTransport

/// What one `mentormail process` run did.
public struct ProcessReport: Codable, Sendable, Equatable {
    public var examined = 0
    public var answered = 0
    public var ignored = 0
    public var quarantined = 0
    /// Already recorded by an earlier run that stopped before flagging them: only flagged now.
    public var reflagged = 0
    public var sent = 0
    public var sendFailures = 0
    /// Problems that did not stop the run (a message that failed, a server that refused).
    public var problems: [String] = []
    /// With `--dry-run`: what a real run would do.
    public var planned: [String] = []

    public init() {}
}

/// One run: read new mail, apply each message in one transaction, flag it, then send the outbox.
///
/// The order is what makes it crash-safe. A message's effects (its record and the answers it
/// queues) commit together before the server flag is set, so a crash before the commit redoes
/// the message and a crash after it only re-flags. The outbox is sent after, each row marked
/// `sent` once the transport accepted it, so a crash in between resends the same bytes with
/// the same Message-ID.
public struct Processor {
    public var config: Config
    public var database: AppDatabase
    public var mailbox: any Mailbox
    public var sender: any MailSender
    public var templates: TemplateLibrary
    public var now: Date
    public var logger: Logger
    public var faults: FaultInjection
    /// Attempts before an outgoing message is parked as failed.
    public var maxSendAttempts = 8
    /// Read and classify only: record nothing, flag nothing, send nothing.
    public var dryRun = false

    public init(config: Config, database: AppDatabase, mailbox: any Mailbox, sender: any MailSender,
                templates: TemplateLibrary, now: Date, logger: Logger, faults: FaultInjection = .init()) {
        self.config = config
        self.database = database
        self.mailbox = mailbox
        self.sender = sender
        self.templates = templates
        self.now = now
        self.logger = logger
        self.faults = faults
    }

    public func run() throws -> ProcessReport {
        var report = ProcessReport()
        do {
            try receive(into: &report)
        } catch let error as TransportError {
            // The mailbox is unreachable: still send what is queued, then report the failure.
            logger.error("\(error.message)")
            report.problems.append(error.message)
        }
        try sendOutbox(into: &report)
        return report
    }

    private func receive(into report: inout ProcessReport) throws {
        let validity = try mailbox.uidValidity()
        let uids = try mailbox.unprocessedUIDs()
        logger.info("\(uids.count) new message(s) in \(mailbox.displayName)")
        let intake = Intake(config: config)
        let workflow = Workflow(config: config, templates: templates, now: now)
        for (position, uid) in uids.enumerated() {
            report.examined += 1
            let bytes = try mailbox.fetch(uid: uid)
            let message = Message(bytes: bytes)
            if try database.isRecorded(mailbox: mailbox.displayName, uidValidity: validity, uid: uid, messageID: message.messageID) {
                logger.info("UID \(uid) was handled by an earlier run; flagging it")
                if dryRun {
                    report.planned.append("UID \(uid): already handled, would only flag it")
                    continue
                }
                try mailbox.markProcessed(uid: uid)
                report.reflagged += 1
                continue
            }
            let context = IntakeContext(participant: try message.from.flatMap { try database.participant(email: $0.normalized) })
            let intent = intake.classify(message, context: context)
            if dryRun {
                logger.info("[\(position + 1)/\(uids.count)] UID \(uid) from \(message.from?.address ?? "?"): would handle as \(intent.name)")
                report.planned.append("UID \(uid) from \(message.from?.address ?? "?"): \(intent.name)")
                continue
            }
            let disposition = try apply(intent, message: message, bytes: bytes, uid: uid, validity: validity, workflow: workflow)
            switch disposition {
            case .answered: report.answered += 1
            case .ignored: report.ignored += 1
            case .quarantined: report.quarantined += 1
            }
            logger.info("[\(position + 1)/\(uids.count)] UID \(uid) from \(message.from?.address ?? "?"): \(intent.name), \(disposition.rawValue)")
            faults.reached(.afterCommit)
            try mailbox.markProcessed(uid: uid)
        }
    }

    /// Records the message and its effects in one transaction. When the workflow fails, the
    /// message is still recorded, quarantined with the error, so nothing is lost and the run goes on.
    private func apply(_ intent: Intent, message: Message, bytes: [UInt8], uid: UInt32, validity: UInt32,
                       workflow: Workflow) throws -> InboundMessage.Disposition {
        var inbound = InboundMessage(
            mailbox: mailbox.displayName, uidValidity: Int64(validity), uid: Int64(uid),
            messageID: message.messageID, sender: message.from?.normalized, subject: message.subject,
            receivedAt: now, intent: intent.name, disposition: .quarantined, note: nil, raw: Data(bytes))
        do {
            return try database.write { db in
                try inbound.insert(db)
                let outcome = try workflow.apply(intent, message: message, inbound: inbound, db: db)
                // Only these two columns: the workflow may have erased the stored bytes.
                try inbound.updateChanges(db) {
                    $0.disposition = outcome.disposition
                    $0.note = outcome.note
                }
                return outcome.disposition
            }
        } catch {
            let reason = "could not be handled: \(error)"
            logger.error("UID \(uid): \(reason); kept for a coordinator")
            inbound.id = nil
            inbound.disposition = .quarantined
            inbound.note = reason
            try database.write { db in
                try inbound.insert(db)
                try workflow.audit(db, actor: message.from?.normalized ?? "unknown", action: "quarantined", detail: reason)
            }
            return .quarantined
        }
    }

    private func sendOutbox(into report: inout ProcessReport) throws {
        let due = try database.dueOutbox(now: now)
        if dryRun {
            report.planned += due.map { "send \($0.purpose) to \($0.recipients)" }
            return
        }
        if !due.isEmpty { logger.info("sending \(due.count) message(s) through \(sender.displayName)") }
        for (position, row) in due.enumerated() {
            guard let id = row.id else { continue }
            do {
                try sender.send(Array(row.raw), from: row.sender, to: row.recipientList)
                faults.reached(.afterSend)
                try database.markSent(outboxID: id, at: now)
                report.sent += 1
                logger.info("[\(position + 1)/\(due.count)] sent \(row.purpose) to \(row.recipients)")
            } catch let error as TransportError {
                report.sendFailures += 1
                report.problems.append(error.message)
                logger.error("\(error.message)")
                try database.markAttemptFailed(outboxID: id, error: error.message, at: now, maxAttempts: maxSendAttempts)
            }
        }
    }
}
