import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand.ParticipantsCommand {
    /// The options `withdraw`, `pause` and `resume` share.
    struct ChangeOptions: ParsableArguments {
        @Argument(help: "The participant's address.") var address: String
        @Option(help: ArgumentHelp("Why (kept in the audit log), e.g. \"asked by phone\" or \"wrong row\".", valueName: "text"))
        var reason: String?
        @Flag(inversion: .prefixedNo,
              help: "Tell the person by mail (the default); --no-tell for a wrong row or a typo address. Their partners are told either way.")
        var tell = true
        @Flag(help: "Show what would happen; change and send nothing.") var dryRun = false
        @Flag(help: "Print JSON.") var json = false

        func run(_ command: ParticipationCommand, options: ProgramOptions) throws {
            try runReportingErrors {
                let opened = try OpenProgram(try Config.load(path: options.config), dryRun: dryRun)
                defer { withExtendedLifetime(opened) {} }
                let change = try opened.program.changeParticipation(command, address: address, reason: reason, tell: tell, dryRun: dryRun,
                                                                     now: options.clock,
                                                                     actor: ProcessInfo.processInfo.environment["USER"] ?? "command line")
                if json { return try printJSON(change) }
                let who = change.name.isEmpty ? change.email : "\(change.name) <\(change.email)>"
                let done: String = switch command {
                case .withdraw: "withdrawn from the program"
                case .pause: "paused"
                case .resume: change.after == .incomplete ? "back, with a profile still incomplete" : "active again"
                }
                let would = dryRun ? "would be " : "is "
                print(terminalSafe("\(who) \(would)\(done) (was \(change.before.rawValue)).", keepLines: false))
                if !change.pairsEndedWith.isEmpty {
                    print(terminalSafe("Pairs \(dryRun ? "that would end" : "ended") with: \(change.pairsEndedWith.joined(separator: ", ")); "
                                       + "each partner \(dryRun ? "would be" : "is") told kindly.", keepLines: false))
                }
                if dryRun {
                    print("Nothing was stored or sent (--dry-run).")
                } else if change.told {
                    print("They are told by mail with the next `mentormail process`.")
                } else {
                    print("They are not told (--no-tell).")
                }
            }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a participant out of the program, as their own confirmed \"withdraw\" does.",
            discussion: """
            For someone who asked a coordinator (by phone, in person), a wrong row or a typo \
            address. Their ongoing pairs end and each partner is told kindly; they leave the pool \
            and get no more mail. They are told, with the mail their own "withdraw" gets, unless \
            --no-tell. Their profile is kept: `participants resume` brings them back.

            Examples:
              mentormail participants withdraw ana@example.org --reason "asked by phone"
              mentormail participants withdraw ana@exmaple.org --no-tell
              mentormail participants withdraw ana@example.org --dry-run
            """)

        @OptionGroup var options: ProgramOptions
        @OptionGroup var change: ChangeOptions

        func run() throws { try change.run(.withdraw, options: options) }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause a participant, as their own confirmed \"pause\" does.",
            discussion: """
            They are not matched and get no surveys until resumed. Their ongoing pairs end and \
            each partner is told kindly. They are told unless --no-tell.

            Examples:
              mentormail participants pause ana@example.org --reason "asked in person"
              mentormail participants pause ana@example.org --dry-run --json
            """)

        @OptionGroup var options: ProgramOptions
        @OptionGroup var change: ChangeOptions

        func run() throws { try change.run(.pause, options: options) }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring back a paused or withdrawn participant, as their own \"resume\" does.",
            discussion: """
            They join the round taking sign-ups (or wait in the pool for the next one). They are \
            told unless --no-tell.

            Example:
              mentormail participants resume ana@example.org --reason "back from leave"
            """)

        @OptionGroup var options: ProgramOptions
        @OptionGroup var change: ChangeOptions

        func run() throws { try change.run(.resume, options: options) }
    }
}

extension MentorMailCommand.ParticipantsCommand {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change profile lines for a participant who asked a coordinator (\"Mentoring type: career\").",
            discussion: """
            For a change asked by phone, in person, or in a mail held for you. Each LINE is a line \
            of the sign-up form, field and value, and replaces that field as the person's own line \
            would ("Areas: Nova, Cinder" is the whole list). A line that cannot be read changes \
            nothing and is refused with what to write. They get the profile as it now reads, \
            unless --no-tell. Every version stays in `participants show`.

            Examples:
              mentormail participants set ana@example.org "Mentoring type: career"
              mentormail participants set ana@example.org "Areas: Nova, Cinder" --no-tell
              mentormail participants set ana@example.org "Capacity: 2" --dry-run --json
            """)

        @OptionGroup var options: ProgramOptions
        @Argument(help: "The participant's address.") var address: String
        @Argument(help: ArgumentHelp("Profile lines, each quoted: \"Field: value\".", valueName: "line")) var lines: [String]
        @Option(help: ArgumentHelp("Why (kept in the audit log), e.g. \"asked by phone\".", valueName: "text")) var reason: String?
        @Flag(inversion: .prefixedNo, help: "Tell the person by mail, with the profile as it now reads (the default).") var tell = true
        @Flag(help: "Show what would change; change and send nothing.") var dryRun = false
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            if lines.isEmpty { throw ValidationError("give at least one profile line, e.g. \"Mentoring type: career\"") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try OpenProgram(try Config.load(path: options.config), dryRun: dryRun)
                defer { withExtendedLifetime(opened) {} }
                let set = try opened.program.setProfile(address: address, lines: lines, reason: reason, tell: tell, dryRun: dryRun,
                                                        now: options.clock, actor: ProcessInfo.processInfo.environment["USER"] ?? "command line")
                if json { return try printJSON(set) }
                let who = set.name.isEmpty ? set.email : "\(set.name) <\(set.email)>"
                print(terminalSafe("\(who): profile \(dryRun ? "would change" : "changed"):", keepLines: false))
                for change in set.changes {
                    print(terminalSafe("  \(change.field): \(change.before.isEmpty ? "(none)" : change.before) → \(change.after)", keepLines: false))
                }
                if !set.problems.isEmpty {
                    print(terminalSafe("Still incomplete: \(set.problems.joined(separator: "; ")).", keepLines: false))
                }
                if dryRun {
                    print("Nothing was stored or sent (--dry-run).")
                } else if set.told {
                    print("They are told by mail with the next `mentormail process`.")
                } else {
                    print("They are not told (--no-tell).")
                }
            }
        }
    }
}
