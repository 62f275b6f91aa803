import ArgumentParser
import CMalloc
import Foundation
import Logging
import MailTransport
import MentorMail

extension MentorMailCommand {
    struct Process: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read new mail, answer it, and send what is queued (run this from cron).",
            discussion: """
            Each new message is understood and its effects (state changes and answers) are \
            committed in one transaction before it is flagged $MentorMailDone on the server; then \
            the scheduled jobs that are due run (the coordinators' digest of held mail, …), and \
            the outbox is sent. A crash at any point loses nothing and answers nothing twice. A \
            message that cannot be handled is kept as failed and the run goes on; mail a person \
            must read is held (see `mentormail held list`). Only one run works at a time; a \
            second one exits with 75 at once.

            Examples:
              mentormail process --config mentormail.toml
              */5 * * * *  cd /srv/mentoring && mentormail process --quiet   (crontab)
              mentormail process --dry-run        (what would happen, changing nothing)
              mentormail process --json | jq .answered

            The first run creates the database. If it is missing while the mailbox already \
            holds mail a run handled (a moved file, a disk not mounted), the run refuses \
            (exit 78) rather than treat every participant as a newcomer; restore the database, \
            or give --new-database to start afresh on that mailbox.
            """
        )

        @OptionGroup var options: ProgramOptions

        @Flag(name: .long, help: "Print the run's figures as JSON on stdout.")
        var json = false

        @Flag(name: .long, help: "Only show what a run would do: record, flag and send nothing.")
        var dryRun = false

        @Flag(name: .long, help: "Create a new database even though the mailbox holds mail an earlier run handled.")
        var newDatabase = false

        func run() throws {
            keepLargeBuffersOutOfTheHeap()
            var problems: [String] = []
            var (failed, sendFailures, jobFailures) = (0, 0, 0)
            var unsent = 0
            // On a terminal, one updating line shows how far the run is, and only warnings and
            // errors are printed (above it); elsewhere (cron), the log lines as always.
            let progressLine = !options.quiet && isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
            defer { progressLine?.finish() }
            try runReportingErrors {
                var logger = options.logger("mentormail.process")
                if let progressLine {
                    _ = bootstrapLogging
                    logger = Logger(label: "mentormail.process") { label in ProgressLogHandler(label: label, line: progressLine) }
                    logger.logLevel = .warning
                }
                let config = try Config.load(path: options.config)
                var transports: (mailbox: any Mailbox, sender: any MailSender)?
                let opened: OpenProgram
                do {
                    opened = try OpenProgram(config, dryRun: dryRun) {
                        let mailbox = try Transports.mailbox(for: config.mailbox)
                        transports = (mailbox, try Transports.sender(for: config.smtp, heloDomain: config.program.domain))
                        if !newDatabase && !FileManager.default.fileExists(atPath: config.program.database) {
                            try Self.refuseANewDatabaseForAMailboxInUse(mailbox, config: config, dryRun: dryRun)
                        }
                    }
                } catch {
                    // Another run at work is no refusal; anything else stops every run until fixed: `status` says so.
                    let failure = MentorMailError.from(error)
                    // Only for a program that has run: before its first run there is no status to mislead, and nothing is created.
                    if failure.kind != .busy && !dryRun && FileManager.default.fileExists(atPath: config.program.database) {
                        RefusedRuns.record(database: config.program.database, at: options.clock, reason: failure.message)
                    }
                    throw error
                }
                defer { withExtendedLifetime(opened) {} }
                guard let (mailbox, sender) = transports else { return }
                let clock = options.clock
                var processor = Processor(program: opened.program, mailbox: mailbox, sender: sender, now: clock,
                                          logger: logger, faults: .fromEnvironment())
                processor.dryRun = dryRun
                if let progressLine { processor.progress = { progressLine.update($0) } }
                let startedAt = Date()
                var report = processor.run()
                progressLine?.finish()  // The summary and any error start on a clean line.
                if let stopped = report.stopped {
                    if !dryRun { RefusedRuns.record(database: config.program.database, at: clock, reason: "the run stopped: \(stopped)") }
                    throw MentorMailError(.unavailable, stopped)
                }
                if !dryRun {
                    report.stillQueued = try opened.database.queuedCount()
                    // On the program's clock (`--now`), like everything the run stored; the length is real.
                    try opened.database.recordRun(report, startedAt: clock, finishedAt: clock.addingTimeInterval(Date().timeIntervalSince(startedAt)))
                    RefusedRuns.clear(database: config.program.database)
                }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(report), as: UTF8.self))
                } else if dryRun {
                    print(report.planned.isEmpty ? "nothing to do" : report.planned.joined(separator: "\n"))
                } else if !options.quiet {
                    print("examined \(report.examined): answered \(report.answered), helped \(report.helped), held \(report.held), "
                          + "waiting \(report.waiting), ignored \(report.ignored), failed \(report.failed), re-flagged \(report.reflagged); "
                          + "jobs \(report.jobsRun); \(report.sendingWords)")
                    if report.held + report.failed > 0 {
                        print("held or failed mail waits for a coordinator: mentormail held list")
                    }
                    if report.stillQueued > 0 {
                        print("\(report.stillQueued) message(s) not sent yet: a later run tries again (mentormail outbox list --status queued; `mentormail outbox resend ID` makes one due at once)")
                    }
                }
                problems = report.problems
                (failed, sendFailures, jobFailures) = (report.failed, report.sendFailures, report.jobFailures)
                // Mail that should have gone out this run and did not; mail waiting for its retry is no news.
                if !dryRun { unsent = try opened.database.queuedCount(dueBy: options.clock) }
            }
            if let first = problems.first {
                let next = Self.whereToLook(failed: failed, sendFailures: sendFailures, jobFailures: jobFailures)
                // The last line is what cron mails and what an operator reads first: it names the first problem.
                let line = first.split(whereSeparator: \.isNewline).joined(separator: " ")
                let shown = line.count > 600 ? String(line.prefix(600)) + " …" : line
                let count = problems.count == 1 ? "a problem" : "\(problems.count) problems (above), the first"
                FileHandle.standardError.write(Data("mentormail: the run finished with \(count): \(terminalSafe(shown, keepLines: false))\(next.isEmpty ? "" : ". " + next)\n".utf8))
                throw ExitCode(1)
            }
            if unsent > 0 {
                FileHandle.standardError.write(Data("mentormail: \(unsent) message(s) are still queued; the next run sends them (mentormail outbox list --status queued)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

extension MentorMailCommand.Process {
    /// A missing database beside a mailbox whose mail a run already flagged is a lost or moved
    /// database, not a first run: a new one would send every participant the sign-up form.
    /// A dry run only says so (it creates nothing); a real run refuses.
    static func refuseANewDatabaseForAMailboxInUse(_ mailbox: any Mailbox, config: Config, dryRun: Bool) throws(MentorMailError) {
        // A mailbox that cannot be read now fails the run itself, with the words it always has.
        guard (try? mailbox.holdsProcessedMail()) == true else { return }
        let problem = "no database at \(config.program.database), but \(mailbox.displayName) already holds mail an earlier run handled "
            + "(flagged $MentorMailDone): a new database would treat every participant as a newcomer"
        let fix = "check [program] database in \(config.fileURL.path) (a moved file, a disk not mounted) or restore the database from a backup; "
            + "to start a new program on this mailbox anyway, run mentormail process --new-database"
        if dryRun {
            FileHandle.standardError.write(Data("mentormail: \(problem); a real run would refuse: \(fix)\n".utf8))
            return
        }
        throw MentorMailError(.config, "\(problem). Nothing was read, changed or sent. To fix: \(fix)")
    }

    /// Where the run's problems are listed and what happens to them next, by what failed;
    /// empty when only the problem itself can say (a mailbox that could not be read).
    static func whereToLook(failed: Int, sendFailures: Int, jobFailures: Int) -> String {
        var parts: [String] = []
        if failed > 0 {
            parts.append("Mail received that failed stays failed until it is run again: `mentormail held list` shows why; "
                         + "after a fix, `mentormail held retry --all-failed`")
        }
        if sendFailures > 0 {
            parts.append("Mail not sent is tried again by the next run unless the server refused it for good: `mentormail outbox list`")
        }
        if jobFailures > 0 {
            parts.append("A failed job is tried again by the next runs: `mentormail jobs list`")
        }
        return parts.joined(separator: ". ")
    }
}

/// Buffers of a megabyte or more (a message's first bytes, a large body) get pages of their
/// own, returned to the system when freed. glibc otherwise raises this threshold as such
/// buffers come and go and serves later ones from the heaps of the run's threads, which then
/// keep their peak: a run over large messages peaked about 30 MB higher.
private func keepLargeBuffersOutOfTheHeap() {
    _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
}

/// The run's progress on one line of a terminal: done / total, rate and time left, redrawn at
/// most ten times a second; log lines are printed above it.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var drawnAt = 0.0

    func update(_ progress: ProcessProgress) {
        let elapsed = Date().timeIntervalSince(progress.startedAt)
        let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
        var line = "\(progress.phase == .reading ? "reading" : "sending") \(progress.done)/\(progress.total) messages"
        if rate > 0 {
            line += String(format: ", %.0f/s", rate)
            let left = Double(progress.total - progress.done) / rate
            if progress.done < progress.total { line += left >= 60 ? String(format: ", %.0f min left", left / 60) : String(format: ", %.0f s left", left) }
        }
        lock.lock()
        defer { lock.unlock() }
        text = line
        let now = Date().timeIntervalSinceReferenceDate
        guard now - drawnAt >= 0.1 || progress.done == progress.total else { return }
        drawnAt = now
        write("\r\u{1B}[K" + line)
    }

    /// Prints a log line above the progress line.
    func printAbove(_ logLine: String) {
        lock.lock()
        defer { lock.unlock() }
        write("\r\u{1B}[K" + logLine + (logLine.hasSuffix("\n") ? "" : "\n") + text)
    }

    /// Clears the line at the end of the run.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if !text.isEmpty { write("\r\u{1B}[K") }
        text = ""
    }

    private func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}

/// Log lines in the usual form (as `StreamLogHandler` writes them), printed above the progress line.
struct ProgressLogHandler: LogHandler {
    let label: String
    let line: ProgressLine
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let timestamp = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
        line.printAbove("\(timestamp) \(event.level) \(label):\(details) [\(event.source)] \(event.message)")
    }
}
