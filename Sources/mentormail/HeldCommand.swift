import ArgumentParser
import Foundation
import Mail
import MentorMail

extension MentorMailCommand {
    struct HeldCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "held",
            abstract: "Mail a person must read: list it, read it, release it, or run it again.",
            discussion: """
            Every message ends in one of these dispositions: answered, helped (answered with \
            what can be written), held (a person must read it: a question, a reply-all between a \
            pair, mail we cannot read), waiting (a coordinator command waiting for its \
            confirmation code), ignored (auto-replies, bounces, list mail) or failed (an error \
            while handling it). Held and failed mail also reaches the coordinators in a digest \
            mail, at most one per run and only when something new waits. Nothing is dropped.

            Examples:
              mentormail held list
              mentormail held show 42
              mentormail held release 42 --note "answered by Ana"
              mentormail held retry 42 --json
            """,
            subcommands: [List.self, Show.self, Release.self, Retry.self]
        )

        /// One held message, as `list` and `show --json` print it.
        struct View: Encodable {
            var id: Int64
            var received: Date
            var sender: String?
            var subject: String?
            var disposition: String
            var reason: String?
            var rule: String?
            var intent: String
            var context: String?
            var note: String?
            var attempts: Int
            var resolvedAt: Date?
            var resolution: String?
            var digestedAt: Date?

            /// `context`: the mail it answers, with its topic in words (else read from the record).
            init(_ record: InboundMessage, context: MailReference? = nil) {
                id = record.id ?? 0
                received = record.receivedAt
                sender = record.sender
                subject = record.subject
                disposition = record.disposition.rawValue
                reason = record.reason
                rule = record.rule
                intent = record.intent
                self.context = (context ?? record.context)?.description
                note = record.note
                attempts = record.attempts
                resolvedAt = record.resolvedAt
                resolution = record.resolution
                digestedAt = record.digestedAt
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Held, failed and waiting mail, oldest first.",
                discussion: "Examples:\n  mentormail held list\n  mentormail held list --all --json")

            @OptionGroup var options: ProgramOptions
            @Flag(help: "Also show mail answered with help, and mail already released or retried.") var all = false
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let database = try options.openDatabase()
                    let records = try database.heldMessages(all: all)
                    if json { return try printJSON(records.map { View($0, context: try database.context(of: $0)) }) }
                    if records.isEmpty {
                        print(all ? "No held, failed or helped mail." : "Nothing waits for a coordinator.")
                        return
                    }
                    print(TextTable.render(
                        header: ["id", "received", "disposition", "from", "subject", "why"],
                        rows: records.map { record in
                            [String(record.id ?? 0), record.receivedAt.formatted(.iso8601.year().month().day()),
                             record.disposition.rawValue + (record.resolvedAt == nil ? "" : " (handled)"),
                             record.sender ?? "-", String((record.subject ?? "-").prefix(40)),
                             record.note ?? record.reason ?? ""]
                        }))
                    print("\nRead one with: mentormail held show ID")
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One message: sender, subject, date, why it is held, its context, the rule that chose, and its text.",
                discussion: "Examples:\n  mentormail held show 42\n  mentormail held show 42 --json")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The message's id (from `held list`).") var id: Int64
            @Flag(help: "Print JSON (with the text).") var json = false

            struct Detail: Encodable {
                var message: View
                var text: String?
                var newText: String?
            }

            func run() throws {
                try runReportingErrors {
                    let database = try options.openDatabase()
                    guard let record = try database.inboundMessage(id: id) else {
                        throw MentorMailError(.data, "no message has the id \(id); see `mentormail held list`")
                    }
                    let message = try database.storedMessage(id: id)
                    let newText = message.map(MailReading.reply(of:))
                    let context = try database.context(of: record)
                    if json { return try printJSON(Detail(message: View(record, context: context), text: message?.textBody, newText: newText)) }
                    let folded = record.isKeptQuietly ? "kept quietly" : "a repeat"
                    let lines: [(String, String)] = [
                        ("Id", String(id)),
                        ("From", message?.header("From") ?? record.sender ?? "-"),
                        ("Subject", record.subject ?? "-"),
                        ("Received", record.receivedAt.formatted(.iso8601)),
                        ("Disposition", record.disposition.rawValue),
                        ("Why", record.note ?? "-"),
                        ("Rule", record.rule.map { "\($0): \(record.reason ?? "")" } ?? "-"),
                        ("Understood as", record.intent),
                        ("Context", context.map { "in reply to our \($0)" } ?? "none (not a reply to our mail)"),
                        ("Attempts", String(record.attempts)),
                        ("Handled", record.resolvedAt.map { "\($0.formatted(.iso8601)): \(record.resolution ?? "")" }
                            ?? (InboundMessage.Disposition.needingAttention.contains(record.disposition) ? "not yet" : "nothing to do (\(record.disposition.rawValue))")),
                        ("In a digest", record.digestedAt.map { $0.formatted(.iso8601) + (record.folded ? " (counted as \(folded), not listed)" : "") }
                            ?? (record.folded ? "not yet (\(folded): digests count it, not list it)" : "not yet")),
                    ]
                    // Everything here came in by mail: printed safe for the terminal.
                    for (label, value) in lines { print("\(label.padding(toLength: 14, withPad: " ", startingAt: 0)) \(terminalSafe(value, keepLines: false))") }
                    print("\n-- what they wrote (new text):")
                    print(terminalSafe(newText ?? "(the message's text is no longer stored)"))
                    if let text = message?.textBody, text != newText {
                        print("-- the whole text:")
                        print(terminalSafe(text))
                    }
                    if record.resolvedAt == nil && InboundMessage.Disposition.needingAttention.contains(record.disposition) {
                        print("\nWhen done: mentormail held release \(id)    or, after a fix: mentormail held retry \(id)")
                    }
                }
            }
        }

        struct Release: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Mark a held message handled (you answered it yourself): it leaves the list.",
                discussion: "Example:\n  mentormail held release 42 --note \"answered by Ana\"")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The message's id.") var id: Int64
            @Option(help: ArgumentHelp("What was done, kept with the message.", valueName: "text")) var note: String?
            @Option(help: ArgumentHelp("Who handled it (default: $USER).", valueName: "name")) var by: String?
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let record = try opened.program.releaseHeld(id: id, now: options.clock, by: by ?? HeldCommand.who(), note: note)
                    if json { return try printJSON(View(record)) }
                    print("Released message \(id) from \(record.sender ?? "-"): \(record.resolution ?? "handled").")
                }
            }
        }

        struct Retry: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Run a held, failed or waiting message again, after a fix; its answers go out with the next run.",
                discussion: """
                The message is read again with today's rules and context, in one transaction with \
                everything it causes. If it is understood now, it leaves the list; if it is held \
                again, it stays. A held message whose sender was already answered (told the \
                coordinators have it) is not run again: another answer could contradict that; \
                it stays until a coordinator writes to them and releases it.

                With --all-failed, every failed message not yet handled is run again, each on its \
                own: after fixing what made them fail (a template, the config), one command \
                retries them all.

                Examples:
                  mentormail held retry 42
                  mentormail held retry --all-failed
                """)

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The message's id.") var id: Int64?
            @Flag(help: "Run every failed message again, oldest first.") var allFailed = false
            @Flag(help: "Print JSON.") var json = false

            func validate() throws {
                if (id == nil) == !allFailed {
                    throw ValidationError(allFailed ? "give a message id or --all-failed, not both" : "give the message's id (from `mentormail held list`), or --all-failed")
                }
            }

            struct Outcome: Encodable {
                var id: Int64
                var result: RetryResult?
                var error: String?
            }

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    guard let id else {
                        let outcomes = try opened.program.retryAllFailed(now: options.clock, by: HeldCommand.who())
                        let failedAgain = outcomes.filter { if case .failure = $0.result { true } else { false } }.count
                        if json {
                            try printJSON(outcomes.map { outcome -> Outcome in
                                switch outcome.result {
                                case .success(let result): Outcome(id: outcome.id, result: result)
                                case .failure(let error): Outcome(id: outcome.id, error: error.message)
                                }
                            })
                        } else if outcomes.isEmpty {
                            print("No failed mail waits to be retried.")
                        } else {
                            for outcome in outcomes {
                                switch outcome.result {
                                case .success(let result):
                                    print("Message \(outcome.id): \(result.before.rawValue) → \(result.after.rawValue) (\(result.intent), rule \(result.rule))"
                                          + (result.note.map { ": \(terminalSafe($0, keepLines: false))" } ?? ""))
                                case .failure(let error):
                                    print("Message \(outcome.id): failed again, still failed: \(terminalSafe(error.message, keepLines: false))")
                                }
                            }
                            let done = outcomes.count - failedAgain
                            print("\(done) of \(outcomes.count) run again\(done > 0 ? "; their answers go out with the next `mentormail process`" : "").")
                        }
                        if failedAgain > 0 { throw ExitCode(1) }
                        return
                    }
                    let result = try opened.program.retryHeld(id: id, now: options.clock, by: HeldCommand.who())
                    if json { return try printJSON(result) }
                    print("Message \(id): \(result.before.rawValue) → \(result.after.rawValue) (\(result.intent), rule \(result.rule))"
                          + (result.note.map { ": \($0)" } ?? ""))
                    if result.after == .answered || result.after == .helped {
                        print("The answer goes out with the next `mentormail process`.")
                    }
                }
            }
        }

        /// Who is at the keyboard, for the audit log.
        static func who() -> String {
            ProcessInfo.processInfo.environment["USER"].map { "\($0) (command line)" } ?? "command line"
        }
    }

    struct JobsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jobs",
            abstract: "Scheduled work: what is due, done or failed.",
            discussion: """
            Each `mentormail process` runs the jobs due at its time, between reading mail and \
            sending it, each in one transaction with the mail it queues. A job's key makes it \
            run once however often it is scheduled.

            Examples:
              mentormail jobs list
              mentormail jobs list --json
            """,
            subcommands: [List.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Every scheduled job with its state.",
                discussion: "Example:\n  mentormail jobs list --json")

            @OptionGroup var options: ProgramOptions
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let jobs = try options.openDatabase().jobs()
                    if json { return try printJSON(jobs) }
                    if jobs.isEmpty { return print("No scheduled jobs.") }
                    print(TextTable.render(
                        header: ["id", "kind", "due", "status", "attempts", "key", "last error"],
                        rows: jobs.map { job in
                            [String(job.id ?? 0), job.kind, job.dueAt.formatted(.iso8601), job.status.rawValue, String(job.attempts),
                             job.uniqueKey, job.lastError ?? ""]
                        }))
                }
            }
        }
    }
}
