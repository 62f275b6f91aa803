import Foundation
import GRDB
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
    /// Sends that failed: a message the server refused (for now or for good), and a send that
    /// failed before any recipient (`stoppedSends`).
    public var sendFailures = 0
    /// Of `sendFailures`, those that failed before any recipient (no connection, TLS, login):
    /// the server's or our settings' fault, which stopped sending and counted no attempt against
    /// the mail; absent when none did.
    public var stoppedSends: Int?
    /// Outgoing mail still queued when the run ended: refused for now, retried by a later run.
    public var stillQueued = 0
    /// Messages of people whose data was erased, deleted from the mailbox by this run (absent
    /// when none were).
    public var erasedFromMailbox: Int?
    /// Problems that did not stop the run (a message that failed, a server that refused).
    public var problems: [String] = []
    /// With `--dry-run`: what a real run would do.
    public var planned: [String] = []
    /// Why the run stopped early, when it could not go on at all (the database cannot be
    /// written): nothing more was read, run or sent.
    public var stopped: String?

    public init() {}

    /// "sent 3, send failures 1", saying what the failures were when one stopped sending ("the
    /// server refused 2 messages; sending stopped once because the connection, TLS or login
    /// failed: …"), so one failed connection is not read as one message failed beside many left queued.
    public var sendingWords: String {
        let words = "sent \(sent), send failures \(sendFailures)"
        guard let stopped = stoppedSends, stopped > 0 else { return words }
        let refused = sendFailures - stopped
        let times = stopped == 1 ? "once" : stopped == 2 ? "twice" : "\(stopped) times"
        return words + " (" + (refused > 0 ? "the server refused \(refused) message\(refused == 1 ? "" : "s"); " : "")
            + "sending stopped \(times) because the connection, TLS or login failed: the mail stays queued, no attempt counted)"
    }

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

/// One run: read new mail, apply each message in a savepoint of its own inside a batch
/// transaction, flag the batch once it is committed, run the jobs that are due, then send the
/// outbox.
///
/// The order is what makes it crash-safe. A message's effects (its record and the answers it
/// queues) commit together before the server flag is set, so a crash before the commit redoes
/// the message and a crash after it only re-flags. Messages are committed in batches (up to
/// `batchSize`, or what is read within a quarter of a second), each message in a savepoint, so one that
/// fails rolls back alone and is recorded as failed while the others commit; a batch costs
/// one durable commit instead of one per message. The answers of a committed and flagged batch
/// are sent by a thread of its own while the next batches are read (`SendAhead`), and marked
/// `sent` in the next batch's transaction; what is still due after the jobs is sent last, rows
/// marked `sent` a few dozen at a time. A crash between acceptance and the mark resends those
/// same bytes with the same Message-IDs (at most 256 of them). One message's failure is recorded and
/// the run goes on; so does one job's and one send's.
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
    /// Messages committed together at most (each in a savepoint of its own).
    public var batchSize = 250
    /// Accepted sends marked `sent` together at most: a crash resends at most these.
    public var sentMarkBatch = 32
    /// Send the answers of committed batches while the next ones are read (a thread of its own).
    public var sendWhileReading = true
    /// Told how far the run is after each batch and each send, for a progress display.
    public var progress: ((ProcessProgress) -> Void)?

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
        var refusals: [SendAhead.Refusal] = []
        do {
            try receive(into: &report, refusals: &refusals)
            if report.stopped == nil { deleteErasedMail(into: &report) }
        } catch {
            // The mailbox is unreachable: still run the jobs and send what is queued.
            let message = Self.mailboxProblem(error, mailbox: mailbox.displayName)
            logger.error("\(message)")
            report.problems.append(message)
        }
        if dryRun {
            planDue(into: &report)
            return report
        }
        // Without a writable database nothing can be marked sent: sending would repeat itself.
        if report.stopped != nil { return report }
        let jobs = JobRunner(program: program, now: now, logger: logger, faults: faults)
        // The coordinators' digest comes last, so that it tells what this run's sending met too
        // (a recipient our server refused), not one run late.
        jobs.runDue(into: &report, except: [.heldDigest])
        settle(([], refusals), report: &report)
        // The server or our settings failed a send while reading: the rest would fail the same way.
        if refusals.contains(where: { ($0.error as? TransportError)?.beforeRecipients == true }) {
            jobs.runDue(into: &report)
            return report
        }
        let sending = sendOutbox(into: &report)
        jobs.runDue(into: &report)
        if sending { sendOutbox(into: &report) }
        do {
            try database.write { db in try AppDatabase.forgetAnsweredStrangers(db) }
        } catch {
            fail(&report, "could not forget the mail of someone who asked about their data: \(ErrorText.describe(error)); the next run tries again")
        }
        return report
    }

    /// Deletes from the mailbox the mail of people whose data was erased (queued in the
    /// erasure's transaction). A row goes once its messages are gone, so a crash or a refusal
    /// only means the next run deletes them.
    func deleteErasedMail(into report: inout ProcessReport) {
        do {
            let queued = try database.read { db in try AppDatabase.mailboxErasures(db, mailbox: mailbox.displayName) }
            guard !queued.isEmpty else { return }
            if dryRun {
                report.planned.append("delete \(queued.count) message(s) of people whose data was erased from \(mailbox.displayName)")
                return
            }
            let removed = try mailbox.delete(queued.map(\.copy))
            try database.write { db in try AppDatabase.forgetMailboxErasures(db, ids: queued.map(\.id)) }
            report.erasedFromMailbox = removed
            logger.info("deleted \(removed) message(s) of people whose data was erased from \(mailbox.displayName)")
        } catch {
            fail(&report, "could not delete the mail of people whose data was erased from \(mailbox.displayName) "
                 + "(\(ErrorText.describe(error))); the next run tries again")
        }
    }

    /// Why no mail could be read, in the words `mentormail doctor` uses, with what to change.
    static func mailboxProblem(_ error: any Error, mailbox: String) -> String {
        let words = ErrorText.describe(error)
        if let transport = error as? TransportError {
            if transport.saysWhatToDo { return words }
            if transport.isLoginRefused {
                return "\(mailbox): the IMAP server refused our login, so no mail was read"
                    + (transport.serverWords.map { " (it said: \($0))" } ?? "")
                    + ": check [mailbox] user and the password in the variable password_env names; `mentormail doctor` tries the login"
            }
        }
        return "\(words); no mail was read: \(Doctor.fix(for: words, section: "mailbox"))"
    }

    func fail(_ report: inout ProcessReport, _ message: String) {
        logger.error("\(message)")
        report.problems.append(message)
    }

    /// What a due job would do, found by running it in a transaction that is rolled back: the
    /// mail it would queue, so a coordinator sees who would be written to before a real run.
    private func plan(_ job: ScheduledJob) -> String {
        let line = "run job \(job.kind) (\(job.uniqueKey))"
        do {
            let mail = try program.perform(at: now, dryRun: true) { work -> [String] in
                let before = try Int64.fetchOne(work.db, sql: "SELECT MAX(id) FROM \(OutboxMessage.databaseTableName)") ?? 0
                try JobRunner.run(job, work: work)
                return try OutboxMessage.filter(Column("id") > before).order(Column("id")).fetchAll(work.db)
                    .map { "\($0.purpose) to \($0.recipients)" }
            }
            return line + (mail.isEmpty ? ": no mail" : ": would send " + mail.joined(separator: "; "))
        } catch {
            return line + ": would fail now (\(ErrorText.describe(error)))"
        }
    }

    private func planDue(into report: inout ProcessReport) {
        do {
            for job in try database.dueJobs(now: now) { report.planned.append(plan(job)) }
            report.planned += try database.dueOutbox(now: now).map { "send \($0.purpose) to \($0.recipients)" }
            let late = try program.perform(at: now, dryRun: true) { work in try EventService(work: work).inviteLateJoiners() }
            report.planned += late.flatMap { event in event.guests.map { "invite \($0.email) to event \(event.eventID) (joined since its invitations)" } }
        } catch {
            fail(&report, "could not read what is due: \(ErrorText.describe(error))")
        }
    }
}
