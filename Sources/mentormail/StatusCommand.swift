import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct Status: ParsableCommand {
        // UTC, and said so: the reader's clock may be elsewhere.
        static func day(_ date: Date) -> String { date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)) + "Z" }

        /// A round's lines: its state, sign-ups, and proposals.
        static func line(_ round: ProgramStatus.RoundState, now: Date) -> String {
            var line = "Round         \(round.name): \(round.state), \(round.participants) people, "
                + (round.takingSignUps ? "sign-ups close \(day(round.closesAt))"
                   : round.closesAt <= now ? "sign-ups closed \(day(round.closesAt))"
                   : round.state == "approved" ? "sign-ups ended with its approval; new ones wait in the pool for the next round"
                   : "sign-ups closed early (they were to close \(day(round.closesAt)))")
            if let code = round.staleProposal {
                line += "; proposal \(code) stale (people changed since it was made): run mentormail match --round \(round.name)"
            }
            if let code = round.waitingProposal {
                line += "\n              proposal \(code) with \(round.waitingPairs ?? 0) pair(s) waits for a decision (mentormail round approve \(round.name))"
            }
            if let approved = round.approved {
                let when = approved.decidedAt.map { " on \(day($0))" } ?? ""
                line += "\n              proposal \(approved.code) with \(approved.pairs) pair(s) was approved\(when)"
            }
            if let rejected = round.rejected {
                let when = rejected.decidedAt.map { " on \(day($0))" } ?? ""
                line += "\n              proposal \(rejected.code) was rejected\(when)" + (rejected.reason.map { ": \($0)" } ?? " (no reason given)")
            }
            return line
        }

        static let configuration = CommandConfiguration(
            abstract: "The program at a glance: round, waiting proposal, held mail, outgoing mail, the last run, what is due next.",
            discussion: """
            Reads the database only (no server is contacted; `mentormail doctor` checks those).

            Examples:
              mentormail status
              mentormail status --json | jq .lastRun.report.answered
            """)

        @OptionGroup var options: ProgramOptions
        @Flag(help: "Print JSON.") var json = false

        /// The last run's problems listed, and the characters shown of each.
        static let problemsShown = 10
        static let problemLength = 300

        func run() throws {
            try runReportingErrors {
                let (database, config) = try options.openDatabaseAndConfig()
                var status = try database.status(now: options.clock, config: config)
                status.refusedRuns = RefusedRuns.read(database: config.program.database)
                status.waitingConfirmations = try WaitingConfirmations.read(database, config: config, now: options.clock)
                if json { return try printJSON(status) }
                let day = Self.day
                let people = status.participants.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                print("Participants  \(people.isEmpty ? "none yet" : people); \(status.pool) waiting in the pool")
                if let round = status.round {
                    print(Self.line(round, now: options.clock))
                } else {
                    print("Round         none yet (mentormail round open NAME --closes DATE)")
                }
                for round in status.waitingRounds {
                    print(Self.line(round, now: options.clock) + (round.waitingProposal == nil && round.staleProposal == nil
                        ? "\n              not matched yet: its people wait in it (mentormail match --round \(round.name))" : ""))
                }
                for waiting in status.waitingConfirmations {
                    let what = waiting.asks == "import" ? "to import a form export"
                        : "to \(waiting.asks) proposal \(waiting.proposal ?? "(no longer stored)")" + (waiting.round.map { " of \($0)" } ?? "")
                    // Decided meanwhile (or gone stale), the command no longer waits for anything its code could do.
                    let waits = waiting.proposalState.map { $0 == "proposed" } ?? true
                    print(terminalSafe("              \(waiting.email) asked \(what) by mail on \(day(waiting.receivedAt)) (mentormail held show \(waiting.message)); "
                                       + (waits ? "not verified, it waits for their confirmation code (expires \(day(waiting.expiresAt))): " : "")
                                       + waiting.todo,
                                       keepLines: false))
                }
                for held in status.heldIntroductions {
                    let id = held.pair
                    print(terminalSafe("Pair \(id)".padding(toLength: 14, withPad: " ", startingAt: 0) + "introduction held: \(held.summary) (mentormail pairs show \(id))",
                                       keepLines: false))
                }
                print("Held mail     \(status.held == 0 ? "nothing waits" : "\(status.held) message(s) wait for a coordinator (mentormail held list)")")
                print("Outgoing      \(status.queued) queued, \(status.failed) failed, \(status.withheld) withheld"
                      + (status.withheld > 0 ? " (to an address that bounced; mentormail outbox list --status withheld)" : "")
                      + (status.keptWhileLeaving > 0 ? "; \(status.keptWhileLeaving) kept while its recipient is asked whether they leave "
                         + "(goes by itself after a \"no\", not sent after a \"yes\"; mentormail outbox list --status withheld)" : "")
                      + (status.cancelled > 0 ? "; \(status.cancelled) cancelled, not sent (mentormail outbox list --status cancelled)" : ""))
                for row in status.failing.prefix(10) {
                    let next = row.status == "queued" ? ", next try \(day(row.nextAttemptAt))" : ""
                    // Not sent for the server's or our settings' sake: the message has no attempt against it.
                    let state = row.keptWhileLeaving ? "kept while they are asked whether they leave"
                        : row.status == "withheld" ? "withheld"
                        : row.status == "queued" && row.attempts == 0 ? "queued, goes with the next run"
                        : "\(row.status) after \(row.attempts) attempt(s)\(next)"
                    print(terminalSafe("              #\(row.id) \(row.kind) to \(row.to): \(state)" + (row.lastError.map { ": \(clipped($0, to: 160))" } ?? ""),
                                       keepLines: false))
                }
                if !status.bounced.isEmpty {
                    print("Bounced       \(status.bounced.count) address(es) bounced for good; mail to them is kept, not sent")
                    for bounce in status.bounced.prefix(10) {
                        print(terminalSafe("              \(bounce.email) \(clipped(bounce.summary, to: 200))", keepLines: false))
                    }
                    print("              once they give a working address: mentormail participants change-address OLD NEW")
                    print("              (if one works again: mentormail participants clear-bounce ADDRESS)")
                }
                if let refused = status.refusedRuns {
                    let runs = refused.count == 1
                        ? "the last run was refused at start-up (\(day(refused.last)))"
                        : "the last \(refused.count) runs were refused at start-up (from \(day(refused.since)) to \(day(refused.last)))"
                    let line = terminalSafe(refused.reason.split(whereSeparator: \.isNewline).joined(separator: " "), keepLines: false)
                    print("Refused runs  \(runs): "
                          + clipped(line, to: Self.problemLength))
                    print("              nothing was read or sent since; fix it, then `mentormail process` (or wait for cron)")
                }
                if let run = status.lastRun {
                    let report = run.report
                    print("Last run      \(day(run.startedAt)), \(String(format: "%.1f", run.seconds)) s: examined \(report.examined), answered \(report.answered), "
                          + "held \(report.held), failed \(report.failed), \(report.sendingWords)"
                          + (run.problems > 0 ? "; \(run.problems) problem(s)" : "") + (run.stillQueued > 0 ? "; \(run.stillQueued) left queued" : ""))
                    for problem in report.problems.prefix(Self.problemsShown) {
                        let line = terminalSafe(problem.split(whereSeparator: \.isNewline).joined(separator: " "), keepLines: false)
                        print("              \(clipped(line, to: Self.problemLength))")
                    }
                    if report.problems.count > Self.problemsShown {
                        print("              and \(report.problems.count - Self.problemsShown) more (mentormail status --json)")
                    }
                } else {
                    print("Last run      never (mentormail process; see the README for a cron line)")
                }
                if status.nextJobs.isEmpty {
                    print("Next jobs     nothing scheduled")
                } else {
                    print("Next jobs     " + status.nextJobs.map { "\($0.kind)\($0.subjectID.map { " \($0)" } ?? "") at \(day($0.dueAt))" }
                        .joined(separator: "\n              "))
                }
                if status.failedJobs > 0 { print("              \(status.failedJobs) job(s) failed for good (mentormail jobs list)") }
                for event in status.upcomingEvents {
                    print("Event         #\(event.id) \(event.name), \(event.localStart) \(event.timeZone): \(event.acceptedMentees)/\(event.capacity) seats, "
                          + "\(event.acceptedMentors)/\(event.tables) tables, \(event.waitlisted) waiting (\(event.status))")
                    if let warning = event.warning { print(terminalSafe("              no tables can be set: \(warning)", keepLines: false)) }
                }
            }
        }
    }
}
