import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct OutboxCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outbox",
            abstract: "Outgoing mail: what is queued, sent or failed; sending one again, or taking one back.",
            discussion: """
            Each run sends what is queued. A permanent refusal (an SMTP 5xx such as "550 user \
            unknown") marks the message failed at once; a temporary one (a 4xx for the message) \
            is retried with back-off (1, 2, 4 … minutes, up to 6 hours) and marked failed after 8 \
            attempts. Either way the coordinators get the server's words in their next digest, \
            and the run that met it exits with 1.

            A send that fails before any recipient (no connection, TLS, a refused login, our \
            sender address refused) is the server's or the settings' fault, not the message's: \
            the run stops sending, exits with 1 and says what to check (`mentormail doctor`), \
            and the mail stays queued with no attempt counted, however long the outage lasts. \
            The first run after the fix sends it all.

            Mail to a participant whose address bounced for good (a 5.x.x report) is not sent: it \
            is kept as withheld, and the coordinators' digest names it once. `participants \
            change-address` or `participants clear-bounce` takes the mark off for new mail; a kept \
            message goes out only with `outbox resend ID`, as written (to the address it names).

            Mail not sent yet that should not go (a wrong introduction, an address that will \
            never work) is taken back with `outbox cancel ID`: it stays in the outbox as \
            cancelled, with who and why, and no run sends it unless `outbox resend ID` queues it again.

            Examples:
              mentormail outbox list --status failed
              mentormail outbox resend 57
              mentormail outbox cancel 57 --reason "wrong introduction"
            """,
            subcommands: [List.self, Resend.self, Cancel.self]
        )

        struct View: Encodable {
            var id: Int64
            var kind: String
            var to: String
            var subject: String
            var status: String
            var attempts: Int
            var lastError: String?
            var createdAt: Date
            var sentAt: Date?
            var nextAttemptAt: Date

            init(_ row: OutboxMessage) {
                id = row.id ?? 0
                kind = row.purpose
                to = row.recipients
                subject = row.subject
                status = row.status.rawValue
                attempts = row.attempts
                lastError = row.lastError
                createdAt = row.createdAt
                sentAt = row.sentAt
                nextAttemptAt = row.nextAttemptAt
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Outgoing mail, newest first.",
                discussion: "Examples:\n  mentormail outbox list\n  mentormail outbox list --status failed --json")

            @OptionGroup var options: ProgramOptions
            @Option(help: ArgumentHelp("queued, sent, failed, parked (failed after every retry of a temporary refusal), withheld (kept: the address bounced, or while its recipient is asked whether they leave), retired (kept, then sent again as a fresh copy or no longer worth sending), or cancelled (taken back by a coordinator).", valueName: "status"))
            var status: String?
            @Option(help: ArgumentHelp("At most this many lines, newest first (0: all). When some are left out, standard error says how many.",
                                       valueName: "n")) var limit = 50
            @Flag(help: "Print JSON.") var json = false

            func validate() throws {
                if let status, OutboxMessage.Status(rawValue: status) == nil, status != "parked" {
                    throw ValidationError("--status must be queued, sent, failed, parked, withheld, retired or cancelled")
                }
                if limit < 0 { throw ValidationError("--limit must be a number of lines, or 0 for all") }
            }

            func run() throws {
                try runReportingErrors {
                    let parked = status == "parked"
                    let all = try options.openDatabase().outbox(status: parked ? .failed : status.flatMap(OutboxMessage.Status.init(rawValue:)))
                        .filter { !parked || $0.attempts >= Processor.defaultMaxSendAttempts }
                    let rows = limit > 0 ? all.prefix(limit) : all[...]
                    sayWhenCutShort(shown: rows.count, of: all.count)
                    if json { return try printJSON(rows.map(View.init)) }
                    if rows.isEmpty { return print("No outgoing mail\(status.map { " with status \($0)" } ?? "").") }
                    print(TextTable.render(
                        header: ["id", "kind", "to", "status", "attempts", "next try", "last error"],
                        rows: rows.map {
                            [String($0.id ?? 0), $0.purpose, $0.recipients, $0.shownStatus, String($0.attempts),
                             $0.status == .queued ? $0.nextAttemptAt.formatted(.iso8601) : "-", $0.lastError ?? ""]
                        }))
                }
            }
        }

        struct Resend: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Send a failed, withheld or cancelled message again, or a queued one without waiting for its retry, with the next run.",
                discussion: """
                The same bytes and Message-ID go out, so a reader's mail program can drop a copy it \
                already has. A cancelled message (`outbox cancel`) is queued again the same way. A \
                sent message is refused: it would arrive twice. So is one written to \
                someone who has since moved to another address: --to sends a fresh copy there instead \
                (a new Message-ID, the new address in place of the old one), whatever its status.

                Examples:
                  mentormail outbox resend 57
                  mentormail outbox resend 57 --to ana@new.example
                """)

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The message's id (from `outbox list`).") var id: Int64
            @Option(help: ArgumentHelp("Send a fresh copy to this address instead.", valueName: "address")) var to: String?

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    if let to {
                        let copy = try opened.program.resendOutbox(id: id, to: to, now: options.clock, by: HeldCommand.who())
                        return print("A fresh copy of #\(id) (\(copy.purpose)) to \(copy.recipients) is #\(copy.id ?? 0)"
                                     + (copy.status == .withheld ? ", kept: \(copy.lastError ?? "")" : "; it goes out with the next `mentormail process`."))
                    }
                    let row = try opened.program.resendOutbox(id: id, now: options.clock, by: HeldCommand.who())
                    print("\(row.purpose) to \(row.recipients) goes out with the next `mentormail process` (the same message, the same Message-ID).")
                }
            }
        }

        struct Cancel: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Take back mail not sent yet (queued, failing, parked or withheld), so that no run sends it.",
                discussion: """
                For mail that should not go: an introduction a coordinator spotted as wrong, an \
                answer to a typo address, mail to an address that will never work. Each message \
                stays in the outbox as cancelled, with who cancelled it, when and --reason \
                (`outbox list --status cancelled`); the audit log also keeps what it was and the \
                server's last words. `status` counts cancelled mail apart from mail that waits.

                Only mail not sent yet can be cancelled. A sent, retired or already cancelled \
                message, or an unknown id, refuses the whole command (exit 65): with several ids, \
                either all are cancelled or none, and every refused id is named with its state.

                `mentormail outbox resend ID` queues a cancelled message again, as written (the \
                same bytes and Message-ID), for the next run. A pair whose introduction was \
                cancelled shows "introduction held" until it goes. Cancelling a check-in survey \
                stops its reminder too (one already waiting to go is cancelled with it, and none \
                is sent later); cancelling a reminder leaves its survey alone.

                Examples:
                  mentormail outbox list --status queued
                  mentormail outbox cancel 57 --dry-run
                  mentormail outbox cancel 57 58 --reason "wrong introduction"
                  mentormail outbox resend 57
                """)

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The messages' ids (from `outbox list`).") var ids: [Int64]
            @Option(help: ArgumentHelp("Why (kept with the message and in the audit log).", valueName: "text")) var reason: String?
            @Flag(help: "Show what would be cancelled; change nothing.") var dryRun = false
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config), dryRun: dryRun)
                    defer { withExtendedLifetime(opened) {} }
                    let done = try opened.program.cancelOutbox(ids: ids, reason: reason, dryRun: dryRun, now: options.clock, by: HeldCommand.who())
                    if json { return try printJSON(done) }
                    for item in done.cancelled {
                        print(terminalSafe("#\(item.id) \(item.kind) to \(item.to) (\(item.was)) \(dryRun ? "would be" : "is") cancelled"
                                           + (item.reminderStopped == true ? ", and its reminder will not go either" : ""), keepLines: false))
                    }
                    print(dryRun ? "Nothing was changed (--dry-run)."
                          : "No run sends \(done.cancelled.count == 1 ? "it" : "them"); `mentormail outbox resend ID` queues one again.")
                }
            }
        }
    }
}
