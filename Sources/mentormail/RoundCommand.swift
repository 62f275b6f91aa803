import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct RoundCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "round",
            abstract: "Open, close and list enrollment rounds.",
            discussion: """
            Sign-ups join the open round. With no open round, people wait in the pool and the \
            answer says when the next round opens (from [enrollment] round_opens).

            Examples:
              mentormail round open 2027-Q1 --closes 2027-02-15
              mentormail round list --json
              mentormail round close
              mentormail round approve 2027-Q1      (after `mentormail match --round 2027-Q1`)
            """,
            subcommands: [Open.self, Close.self, List.self, Approve.self, Reject.self]
        )

        struct Open: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Open a round for sign-ups.",
                discussion: "Example:\n  mentormail round open 2027-Q1 --closes 2027-02-15")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The round's name, e.g. 2027-Q1.") var name: String
            @Option(help: ArgumentHelp("When sign-ups close (ISO 8601 date or time).", valueName: "date")) var closes: String

            func validate() throws {
                if ProgramOptions.parseDate(closes) == nil {
                    throw ValidationError("--closes \(closes) is not a date such as 2027-02-15")
                }
            }

            func run() throws {
                try runReportingErrors {
                    let database = try options.openDatabase()
                    let closesAt = ProgramOptions.parseDate(closes) ?? options.clock
                    let round = try database.openRound(name: name, closesAt: closesAt, now: options.clock)
                    print("Opened round \(round.name); sign-ups close \(round.closesAt.formatted(date: .long, time: .omitted)).")
                }
            }
        }

        struct Close: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Close the open round (or the one named).",
                discussion: "Example:\n  mentormail round close")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The round's name; the open one when left out.") var name: String?

            func run() throws {
                try runReportingErrors {
                    let round = try options.openDatabase().closeRound(name: name, now: options.clock)
                    print("Closed round \(round.name).")
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
                    let database = try options.openDatabase()
                    let rows = try database.roundSummaries()
                    if json {
                        try printJSON(rows)
                    } else if rows.isEmpty {
                        print("No rounds yet. Open one with: mentormail round open NAME --closes DATE")
                    } else {
                        let table = rows.map { [$0.name, $0.status, $0.opensAt, $0.closesAt, String($0.participants)] }
                        print(TextTable.render(header: ["round", "status", "opens", "closes", "participants"], rows: table))
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
                discussion: "Example:\n  mentormail round reject 2027-Q1")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The round's name.") var name: String

            func run() throws {
                try runReportingErrors { print(try RoundCommand.decide(options: options, round: name, approve: false)) }
            }
        }

        static func decide(options: ProgramOptions, round: String, approve: Bool) throws -> String {
            let config = try Config.load(path: options.config)
            let program = try OpenProgram(config)
            defer { withExtendedLifetime(program) {} }
            let (database, templates) = (program.database, program.templates)
            let result = try database.decideProposal(roundName: round, approve: approve, config: config, templates: templates, now: options.clock)
            return result + (approve ? "\nThe mail goes out with the next `mentormail process`." : "")
        }
    }
}
