import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct ParticipantsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "participants",
            abstract: "List, show and export the program's participants; change one's profile lines or address; withdraw, pause or resume one.",
            discussion: """
            Examples:
              mentormail participants list --status active
              mentormail participants show ana@example.org
              mentormail participants export > participants.csv
              mentormail participants set ana@example.org "Mentoring type: career"
              mentormail participants change-address ana@old.example ana@new.example
              mentormail participants clear-bounce ana@example.org
              mentormail participants withdraw ana@example.org --reason "asked by phone"
              mentormail participants pause ana@example.org
              mentormail participants resume ana@example.org
            """,
            subcommands: [List.self, Show.self, Export.self, Set.self, ChangeAddress.self, ClearBounce.self, Withdraw.self, Pause.self, Resume.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One line per participant.",
                discussion: "Examples:\n  mentormail participants list\n  mentormail participants list --status paused --json")

            @OptionGroup var options: ProgramOptions
            @Option(help: ArgumentHelp("Only this status: \(Self.statuses.joined(separator: ", ")) (bounced: an address that bounced for good).", valueName: "status"))
            var status: String?
            @Flag(help: "Print JSON.") var json = false

            static let statuses = Participant.Status.allCases.map(\.rawValue) + ["bounced"]

            func validate() throws {
                if let status, !Self.statuses.contains(status) {
                    throw ValidationError("--status must be one of \(Self.statuses.joined(separator: ", "))")
                }
            }

            func run() throws {
                try runReportingErrors {
                    let database = try options.openDatabase()
                    let bounces = Dictionary(try database.bounces().map { ($0.email, BounceView($0)) }, uniquingKeysWith: { first, _ in first })
                    let people = try database.participants()
                        .filter { status == nil || $0.status.rawValue == status || (status == "bounced" && bounces[$0.email] != nil) }
                    if json {
                        try printJSON(people.map { person in
                            var view = ParticipantView(person)
                            view.bounce = bounces[person.email]
                            return view
                        })
                    } else if people.isEmpty {
                        print("No participants\(status.map { " with status \($0)" } ?? "").")
                    } else {
                        print(TextTable.render(
                            header: ["email", "name", "role", "status", "time zone", "areas"],
                            rows: people.map { [$0.email, $0.profile.name, $0.profile.role,
                                                $0.status.rawValue + (bounces[$0.email] == nil ? "" : ", bounced"),
                                                $0.profile.timeZone, $0.profile.areas.joined(separator: ", ")] }))
                        let bounced = people.filter { bounces[$0.email] != nil }.count
                        if bounced > 0 {
                            print("\n\(bounced) address(es) bounced for good: mail to them is kept, not sent (mentormail participants show ADDRESS). "
                                  + "Once they give a working address: mentormail participants change-address OLD NEW")
                        }
                    }
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One participant's profile and its history.",
                discussion: "Example:\n  mentormail participants show ana@example.org")

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The participant's address.") var address: String
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let database = try options.openDatabase()
                    guard let person = try database.participant(email: address) else {
                        throw MentorMailError(.data, "no participant has the address \(address)")
                    }
                    let history = try database.profileHistory(email: address)
                    var view = ParticipantView(person, history: history)
                    view.pairs = try database.pairs().filter { $0.mentee.email == person.email || $0.mentor.email == person.email }
                    view.bounce = try database.bounces().first { $0.email == person.email }.map(BounceView.init)
                    if json {
                        try printJSON(view)
                        return
                    }
                    for (label, value) in view.lines { print("\(label.padding(toLength: 16, withPad: " ", startingAt: 0)) \(terminalSafe(value))") }
                    if let bounce = view.bounce {
                        print(terminalSafe("\("Address".padding(toLength: 16, withPad: " ", startingAt: 0)) \(bounce.summary)", keepLines: false))
                        print(terminalSafe("\("".padding(toLength: 16, withPad: " ", startingAt: 0)) \(bounce.fix)", keepLines: false))
                    }
                    print("\nPairs:")
                    for pair in view.pairs ?? [] {
                        let other = pair.mentee.email == person.email ? "mentee of \(pair.mentor.shown)" : "mentor of \(pair.mentee.shown)"
                        print("  \(pair.id)  \(pair.round)  \(other)  \(pair.status)")
                    }
                    if view.pairs?.isEmpty != false { print("  none yet") }
                    print("\nHistory:")
                    for version in history {
                        print("  \(version.at.formatted(.iso8601))  from \(version.source)")
                    }
                }
            }
        }

        struct ChangeAddress: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "change-address",
                abstract: "Move a participant to a new address (when the old one bounces, say); they are told there.",
                discussion: """
                Their profile, pairs, event invitations and history move with them. Mail that did not \
                reach the old address (kept while it bounced, or bounced) and still matters (an \
                introduction, a check-in, an event's invitation or schedule) goes again to the new \
                address as a fresh copy, and their mail about the move lists it; the rest (answers \
                to old mail) is retired. A participant can also do it by mail ("my new address is \
                …"), confirmed from the new address.

                Example:
                  mentormail participants change-address ana@old.example ana@new.example
                """)

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The address they have now.") var old: String
            @Argument(help: "Their new address.") var new: String

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let change = try opened.program.moveAddress(from: old, to: new, now: options.clock, actor: ProcessInfo.processInfo.environment["USER"] ?? "command line")
                    let moved = change.participant
                    print(terminalSafe("Moved \(moved.profile.name.isEmpty ? old : moved.profile.name) from \(change.oldAddress) to \(moved.email); "
                                       + "the next `mentormail process` tells them at the new address"
                                       + (change.toldOldAddress ? ", with a short notice to the old one (in case the move was not theirs)." : "."),
                                       keepLines: false))
                    ChangeAddress.report(change.redelivery, from: change.oldAddress, to: moved.email)
                }
            }

            /// What became of the mail that did not reach `old`, one line each.
            static func report(_ redelivery: Redelivery, from old: String, to new: String) {
                guard !redelivery.lines.isEmpty else { return }
                let sameAddress = old == new
                print(terminalSafe("Mail that did not reach \(old)" + (sameAddress ? "" : " (kept while it bounced, or bounced)") + ":", keepLines: false))
                for line in redelivery.lines { print(terminalSafe("  \(line)", keepLines: false)) }
                if !redelivery.resent.isEmpty {
                    print(terminalSafe("The fresh copies go to \(new) with the next `mentormail process`"
                                       + (sameAddress ? "." : "; their mail about the move lists them."), keepLines: false))
                }
                if !redelivery.retired.isEmpty {
                    print("To send one of those not sent again anyway: mentormail outbox resend ID --to \(new)")
                }
            }
        }

        struct ClearBounce: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "clear-bounce",
                abstract: "Take the bounce mark off an address that works again; mail to it goes out again.",
                discussion: """
                A permanent bounce (5.x.x) marks the participant's address, and later mail to it is \
                kept in the outbox as withheld. When the address works again (a full mailbox was \
                emptied), clear the mark here; when they have a new address, use change-address \
                instead. Mail that did not arrive meanwhile and still matters (an introduction, a \
                check-in, an event's invitation or schedule) goes again as a fresh copy; the rest \
                (answers to old mail) is retired. Both are listed.

                Example:
                  mentormail participants clear-bounce ana@example.org
                """)

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The address that bounced.") var address: String

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let (mark, redelivery) = try opened.program.clearBounceRedelivering(email: address, now: options.clock, actor: ProcessInfo.processInfo.environment["USER"] ?? "command line")
                    print("\(mark.email) is no longer marked as bounced: new mail to it goes out again.")
                    ChangeAddress.report(redelivery, from: mark.email, to: mark.email)
                }
            }
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "All participants as CSV (for a spreadsheet), on stdout.",
                discussion: "Example:\n  mentormail participants export > participants.csv")

            @OptionGroup var options: ProgramOptions

            func run() throws {
                try runReportingErrors {
                    print(ParticipantView.csv(try options.openDatabase().participants()), terminator: "")
                }
            }
        }
    }
}
