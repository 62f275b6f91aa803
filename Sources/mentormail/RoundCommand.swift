import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct RoundCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "round",
            abstract: "Open, close, show and list enrollment rounds; approve or reject their matches.",
            discussion: """
            Sign-ups join the open round. With no open round, people wait in the pool and the \
            answer says when the next round opens (from [enrollment] round_opens). Opening a \
            round takes in everyone waiting in the pool: people who signed up meanwhile, mentees \
            an earlier round left unmatched, mentors with a free slot. An earlier round never \
            approved that still holds people stops the opening (match and approve it first), \
            unless --take-unmatched takes its people in.

            A round's state: open (taking sign-ups), closed (sign-ups over), proposed (matches \
            wait for a coordinator's decision), approved (introductions sent).

            Examples:
              mentormail round open 2027-Q1 --closes 2027-02-15
              mentormail round show 2027-Q1 --json
              mentormail round list
              mentormail round close
              mentormail round approve 2027-Q1   (after `match --round 2027-Q1`)
            """,
            subcommands: [Open.self, Close.self, Show.self, List.self, Approve.self, Reject.self]
        )

        struct Open: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Open a round for sign-ups; everyone waiting in the pool joins it.",
                discussion: "Example:\n  mentormail round open 2027-Q1 --closes 2027-02-15\n  mentormail round open 2027-Q1 --closes 2027-02-15 --json\n"
                    + "  mentormail round open 2027-Q2 --closes 2027-05-15 --take-unmatched")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The round's name, e.g. 2027-Q1.") var name: String
            @Option(help: ArgumentHelp("When sign-ups close: a day (ISO 8601, e.g. 2027-02-15; sign-ups are taken through its last second, UTC) or a time.", valueName: "date")) var closes: String
            @Flag(help: "Take in the people of earlier rounds never approved (their waiting proposals are withdrawn); without it, such a round stops the opening.")
            var takeUnmatched = false
            @Flag(help: "Print JSON.") var json = false

            func validate() throws {
                if Self.closingTime(closes) == nil {
                    throw ValidationError("--closes \(closes) is not a date such as 2027-02-15")
                }
            }

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let closesAt = Self.closingTime(closes) ?? options.clock
                    let opening = try opened.program.openRound(name: name, closesAt: closesAt, now: options.clock, takeUnmatched: takeUnmatched)
                    if json {
                        struct Opened: Encodable {
                            var round: String; var closesAt: Date; var menteesFromPool: Int; var mentorsFromPool: Int; var takenFrom: [String]
                        }
                        try printJSON(Opened(round: opening.round.name, closesAt: opening.round.closesAt,
                                             menteesFromPool: opening.mentees, mentorsFromPool: opening.mentors, takenFrom: opening.takenFrom))
                        return
                    }
                    let from = opening.takenFrom.isEmpty ? "the pool" : "the pool (with the people of \(opening.takenFrom.joined(separator: ", ")), never matched)"
                    print("Round \(opening.round.name) opened with \(opening.mentees) mentee\(opening.mentees == 1 ? "" : "s") and \(opening.mentors) mentor\(opening.mentors == 1 ? "" : "s") from \(from); "
                          + "sign-ups close \(opening.round.closesAt.formatted(Self.utcDay)).")
                }
            }

            /// A day alone closes at its end: the closing day still takes sign-ups.
            static func closingTime(_ text: String) -> Date? {
                guard let date = ProgramOptions.parseDate(text) else { return nil }
                let dayOnly = text.trimmingCharacters(in: .whitespaces).range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
                return dayOnly ? date.addingTimeInterval(86_399) : date
            }

            static let utcDay = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: "en_US"),
                                                 timeZone: TimeZone(identifier: "UTC") ?? .current)
        }

        struct Close: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Close the open round (or the one named).",
                discussion: "Example:\n  mentormail round close")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The round's name; the open one when left out.") var name: String?

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let round = try opened.program.closeRound(name: name, now: options.clock)
                    if try opened.database.roundDetails(name: round.name, now: options.clock).state == "approved" {
                        print("Closed round \(round.name); its matches were approved. Whoever it did not pair waits for the next round.")
                    } else {
                        print("Closed round \(round.name). Match it with: mentormail match --round \(round.name)")
                    }
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the rounds with their sign-up counts.",
                discussion: "Examples:\n  mentormail round list\n  mentormail round list --json")

            @OptionGroup var options: ProgramOptions
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let (database, config) = try options.openDatabaseAndConfig()
                    let rows = try database.roundSummaries(now: options.clock, config: config)
                    if json {
                        try printJSON(rows)
                    } else if rows.isEmpty {
                        print("No rounds yet. Open one with: mentormail round open NAME --closes DATE")
                    } else {
                        // A round decided while still taking sign-ups says both.
                        let table = rows.map { row in
                            [row.name, row.takingSignUps && row.state != "open" ? "\(row.state), open" : row.state,
                             row.opensAt, row.plannedClosesAt.map { "\(row.closesAt) (early; was \($0))" } ?? row.closesAt,
                             String(row.participants)]
                        }
                        print(TextTable.render(header: ["round", "state", "opens", "closes", "participants"], rows: table))
                    }
                }
            }
        }

        struct Approve: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Approve a round's waiting proposal: introduce every pair, once.",
                discussion: "The same as a coordinator replying APPROVE to the proposal mail.\nExample:\n  mentormail round approve 2027-Q1")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The round's name.") var name: String

            func run() throws {
                try runReportingErrors { print(try RoundCommand.decide(options: options, round: name, approve: true)) }
            }
        }

        struct Reject: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Reject a round's waiting proposal (nothing is sent).",
                discussion: "The reason is kept and shown by `round show` and `status`.\nExample:\n  mentormail round reject 2027-Q1 --reason \"same employer\"")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The round's name.") var name: String
            @Option(help: "Why it is rejected, kept with the proposal.") var reason: String?

            func run() throws {
                try runReportingErrors { print(try RoundCommand.decide(options: options, round: name, approve: false, reason: reason)) }
            }
        }

        static func decide(options: ProgramOptions, round: String, approve: Bool, reason: String? = nil) throws -> String {
            let opened = try OpenProgram(try Config.load(path: options.config))
            defer { withExtendedLifetime(opened) {} }
            let result = try opened.program.decideProposal(round: round, approve: approve, now: options.clock, reason: reason)
            switch result.outcome {
            case .approved: return result.summary + "\nThe mail goes out with the next `mentormail process`."
            case .rejected: return result.summary
            // Nothing was decided: say why, and fail, so a script does not take it for done.
            case .stale, .unknownCode, .alreadyDecided: throw MentorMailError(.data, result.summary)
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show a round: its state, who is in it, and its proposal.",
                discussion: "Examples:\n  mentormail round show 2027-Q1\n  mentormail round show 2027-Q1 --json\n  mentormail round show 2027-Q1 --report round.html")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The round's name.") var name: String
            @Flag(help: "Print JSON.") var json = false
            @Option(help: ArgumentHelp("Also write the round's HTML report (with how the pairs are doing, once check-ins return).", valueName: "file"))
            var report: String?

            func run() throws {
                try runReportingErrors {
                    let (database, config) = try options.openDatabaseAndConfig()
                    let details = try database.roundDetails(name: name, now: options.clock, config: config)
                    if let report {
                        guard let proposal = try database.proposals().last(where: { proposal in
                            details.proposal.map { $0.code == proposal.token } ?? false
                        }) else {
                            throw MentorMailError(.data, "the round \(name) has no proposal yet: mentormail match --round \(name)")
                        }
                        let html = RoundReport(round: name, proposal: proposal, people: try database.participantsByID(),
                                               config: try Config.load(path: options.config), now: options.clock,
                                               pairs: try database.pairs(round: name),
                                               earlierLoad: try database.ongoingLoad(notInRound: proposal.roundID)).html()
                        do { try html.write(toFile: report, atomically: true, encoding: .utf8) } catch {
                            throw MentorMailError(.unavailable, "cannot write \(report): \(error.localizedDescription)")
                        }
                    }
                    if json { return try printJSON(details) }
                    let day = { (date: Date) in date.formatted(.iso8601.year().month().day()) }
                    let signUps = details.takingSignUps ? "sign-ups close \(day(details.closesAt))"
                        : details.closedEarlyAt.map { "sign-ups closed early on \(day($0)) (they were to close \(day(details.closesAt)))" }
                        ?? (details.closesAt <= options.clock ? "sign-ups closed \(day(details.closesAt))"
                            : details.state == "approved" ? "sign-ups ended with its approval; new ones wait for the next round"
                            : "sign-ups closed early (they were to close \(day(details.closesAt)))")
                    print("Round \(details.name): \(details.state) (opened \(day(details.opensAt)), \(signUps))")
                    if details.state == "stale" {
                        print("Its proposal went stale: people changed since it was made. Run `mentormail match --round \(details.name)` again.")
                    }
                    if details.takingSignUps && details.state != "open" {
                        print("Still open for sign-ups: people who sign up now join it. Close it with `mentormail round close`.")
                    }
                    for (title, members) in [("Mentees", details.mentees), ("Mentors", details.mentors)] {
                        print("\n\(title) (\(members.count)):")
                        for member in members {
                            let now = member.nowIn.map { ", now in \($0)" } ?? ""
                            print("  \(member.email)  \(member.name)  [\(member.role), \(member.status)\(now)]"
                                  + (title == "Mentees" ? member.note.map { ": \($0)" } ?? "" : "")
                                  + (member.outcome.map { "\n      in this round: \($0)" } ?? ""))
                        }
                    }
                    if !details.introductionsHeld.isEmpty {
                        print("\nIntroductions held, not sent (\(details.introductionsHeld.count)):")
                        for line in details.introductionsHeld { print(terminalSafe("  \(line)", keepLines: false)) }
                    }
                    if let proposal = details.proposal {
                        print("\nProposal \(proposal.code): \(proposal.status), \(proposal.pairs) pair(s), \(proposal.unmatched) unmatched, total score \(proposal.totalScore) (\(proposal.algorithm))")
                        if let reason = proposal.reason { print("  rejected because: \(reason)") }
                        let earlier = details.proposals.dropLast()
                        if !earlier.isEmpty { print("\nEarlier proposals:") }
                        for old in earlier {
                            let when = old.decidedAt.map { " on \(day($0))" } ?? ""
                            print("  \(old.code): \(old.status)\(when), \(old.pairs) pair(s)" + (old.reason.map { "; rejected because: \($0)" } ?? ""))
                        }
                    } else {
                        print("\nNo proposal yet: mentormail match --round \(details.name)")
                    }
                }
            }
        }
    }
}
