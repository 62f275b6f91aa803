import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct DoctorCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "doctor",
            abstract: "Check the config, templates, database, IMAP login and folder, and SMTP connection, saying what is wrong and how to fix it.",
            discussion: """
            Changes nothing: the database is opened read-only, no mail is read, flagged or sent \
            (SMTP gets a NOOP after logging in). Exit codes: 0 all good (warnings allowed), 78 the \
            config, templates or settings (an unset password variable) are wrong, 69 a server or \
            the database is unavailable.

            Examples:
              mentormail doctor --config /srv/mentoring/mentormail.toml
              mentormail doctor --json
            """)

        @Option(name: .long, help: ArgumentHelp("The program's config file.", valueName: "path"))
        var config = "mentormail.toml"
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let checks = Doctor(configPath: config).run()
            if json {
                try printJSON(checks)
            } else {
                for check in checks {
                    let mark = switch check.outcome {
                    case .ok: "ok  "
                    case .warning: "warn"
                    case .failed: "FAIL"
                    }
                    print("\(mark)  \(check.name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(check.detail)")
                    if let fix = check.fix, check.outcome != .ok { print("      \(String(repeating: " ", count: 9)) fix: \(fix)") }
                }
            }
            guard let code = Doctor.exitCode(of: checks) else { return }
            let failed = checks.filter { $0.outcome == .failed }
            if !json { FileHandle.standardError.write(Data("mentormail: \(failed.count) check(s) failed (above)\n".utf8)) }
            throw ExitCode(code)
        }
    }
}
