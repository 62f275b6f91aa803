import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct PairsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pairs",
            abstract: "Mentoring pairs after their introduction: how they are doing, graduating or ending them.",
            discussion: """
            Each pair gets ONE introduction, and about three months later ([checkin] after_days) \
            each side gets a short check-in survey, with one reminder ([checkin] \
            reminder_after_days). A pair graduates by a check-in answer, by either side writing \
            "we're done" under the introduction, or here; it ends when a side answers "not a good \
            fit" or "need a new match", leaves the program, or a coordinator ends it here. The \
            mentee of an ended pair is matched again in the next round, never with the same mentor.

            Examples:
              mentormail pairs list --status active
              mentormail pairs list --round 2027-Q1 --json
              mentormail pairs show 12
              mentormail pairs graduate 12 --reason "they told me at the Summit"
              mentormail pairs end 12 --reason "the mentor changed jobs"
              mentormail pairs keep-apart ana@example.net li@example.org
            """,
            subcommands: [List.self, Show.self, Graduate.self, End.self, KeepApart.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One line per pair, newest first.",
                discussion: "Examples:\n  mentormail pairs list\n  mentormail pairs list --status ended --json")

            @OptionGroup var options: ProgramOptions
            @Option(help: ArgumentHelp("Only the pairs in this state: "
                                       + AppDatabase.pairStatuses.map { "\($0.key) (\($0.value))" }.joined(separator: "; ") + ".",
                                       valueName: "status"))
            var status: String?
            @Option(help: ArgumentHelp("Only this round's pairs.", valueName: "name")) var round: String?
            @Flag(help: "Print JSON.") var json = false

            func validate() throws {
                // Each state the list shows can be asked for alone; "active" asks for every pair still going.
                let statuses = AppDatabase.pairStatuses.map(\.key)
                if let status, !statuses.contains(status) {
                    throw ValidationError("--status must be one of " + statuses.joined(separator: ", "))
                }
            }

            func run() throws {
                try runReportingErrors {
                    let pairs = try options.openDatabase().pairs(status: status, round: round)
                    if json { return try printJSON(pairs) }
                    if pairs.isEmpty { return print("No pairs\(status.map { " with status \($0)" } ?? "").") }
                    print(TextTable.render(
                        header: ["id", "round", "mentee", "mentor", "status", "introduced", "check-in (mentee / mentor)"],
                        rows: pairs.map { pair in
                            [String(pair.id), pair.round, pair.mentee.listed + (pair.mentee.bounce == nil ? "" : " (bounced)"),
                             pair.mentor.listed + (pair.mentor.bounce == nil ? "" : " (bounced)"),
                             pair.introductionHeld == nil ? pair.status : "introduction held",
                             pair.introducedAt?.formatted(.iso8601.year().month().day()) ?? "-",
                             "\(pair.menteeCheckin ?? "-") / \(pair.mentorCheckin ?? "-")"]
                        }))
                    for pair in pairs where pair.introductionHeld != nil && pair.shownStatus != pair.status {
                        print(terminalSafe("Pair \(pair.id): \(pair.shownStatus)", keepLines: false))
                    }
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One pair: why they were matched, their check-ins, and the timeline of mail and answers.",
                discussion: "Examples:\n  mentormail pairs show 12\n  mentormail pairs show 12 --json")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The pair's id (from `pairs list`).") var id: Int64
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let details = try options.openDatabase().pairDetails(id: id)
                    if json { return try printJSON(details) }
                    let pair = details.pair
                    print(terminalSafe("Pair \(pair.id) (round \(pair.round)): \(pair.shownStatus)", keepLines: false))
                    for (side, person) in [("mentee", pair.mentee), ("mentor", pair.mentor)] {
                        print(terminalSafe("  \(side)  \(person.shown)"))
                        if let bounce = person.bounce {
                            print(terminalSafe("          address \(bounce.summary)", keepLines: false))
                            print(terminalSafe("          \(bounce.fix)", keepLines: false))
                        }
                    }
                    print("  why     \(details.why) (score \(pair.score))")
                    print("  check-in: mentee \(pair.menteeCheckin ?? "not yet"); mentor \(pair.mentorCheckin ?? "not yet")")
                    for note in details.notes { print(terminalSafe("  note    \(note)")) }
                    print("\nTimeline:")
                    for event in details.timeline { print(terminalSafe("  \(event.at.formatted(.iso8601))  \(event.what)")) }
                }
            }
        }

        struct Graduate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Graduate a pair: both are thanked, the mentee invited to mentor, the mentor's place freed.",
                discussion: "Example:\n  mentormail pairs graduate 12 --reason \"they told me at the Summit\"")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The pair's id.") var id: Int64
            @Option(help: ArgumentHelp("Why, kept with the pair (never mailed).", valueName: "text")) var reason: String?
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let pair = try opened.program.graduatePair(id: id, reason: reason, now: options.clock, by: HeldCommand.who())
                    if json { return try printJSON(pair) }
                    print("Pair \(id) graduated: \(pair.mentee.name) and \(pair.mentor.name). The thank-yous go out with the next `mentormail process`.")
                }
            }
        }

        struct End: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "End a pair: both are told kindly; the mentee is matched again in the next round.",
                discussion: "Example:\n  mentormail pairs end 12 --reason \"the mentor changed jobs\"")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The pair's id.") var id: Int64
            @Option(help: ArgumentHelp("Why, kept with the pair (never mailed).", valueName: "text")) var reason: String?
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let pair = try opened.program.endPair(id: id, reason: reason, now: options.clock, by: HeldCommand.who())
                    if json { return try printJSON(pair) }
                    print("Pair \(id) ended. \(pair.mentee.name) waits for the next round (never with \(pair.mentor.name) again); the messages go out with the next `mentormail process`.")
                }
            }
        }

        struct KeepApart: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "keep-apart",
                abstract: "Never propose two people as a pair (colleagues, a conflict, a rejected proposal's reason).",
                discussion: """
                Matching never pairs them, in any round, until --undo. A waiting proposal that \
                pairs them can no longer be approved: run `mentormail match --round NAME` again. \
                Nobody is written to.

                Examples:
                  mentormail pairs keep-apart ana@example.net li@example.org
                  mentormail pairs keep-apart ana@example.net li@example.org --undo
                """)

            @OptionGroup var options: ProgramOptions
            @Argument(help: "One person's address.") var first: String
            @Argument(help: "The other's address.") var second: String
            @Option(help: ArgumentHelp("Why, kept for the coordinators (never mailed).", valueName: "text")) var reason: String?
            @Flag(help: "Let the two be paired again.") var undo = false
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let result = try opened.program.keepApart(first, second, reason: reason, undo: undo, now: options.clock, by: HeldCommand.who())
                    if json { return try printJSON(result) }
                    let names = "\(result.first) and \(result.second)"
                    if undo {
                        print(result.changed ? "\(names) may be paired again." : "\(names) were not kept apart; nothing changed.")
                        return
                    }
                    print(result.changed ? "\(names) are kept apart: matching never proposes them as a pair."
                                         : "\(names) were already kept apart" + (result.reason.map { " (\($0))" } ?? "") + "; nothing changed.")
                    if let code = result.staleProposal {
                        print("The waiting proposal \(code) pairs them, so it can no longer be approved: "
                              + "run `mentormail match --round \(result.staleRound ?? "NAME")` for a new one.")
                    }
                }
            }
        }
    }
}
