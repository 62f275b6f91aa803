import ArgumentParser
import Foundation
import Logging
import MentorMail

@main
struct MentorMailCommand: ParsableCommand {
    /// The release, printed by `--version`; the database's own schema version is kept apart.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "mentormail",
        abstract: "Run a mentoring program entirely by email.",
        discussion: """
        Participants sign up, change their profile and answer surveys by email; coordinators \
        forward form exports and approve rounds by email. Run `mentormail process` from cron: \
        each run reads new mail, updates the program's state and sends the answers.

        Start with:
          mentormail init --config mentormail.toml
          mentormail process --config mentormail.toml
          mentormail demo            (the whole story on sample mail, no server needed)

        Exit codes: 0 done, 1 done with problems (see stderr), 64 usage, 65 bad input, \
        69 a server or file is unavailable, 70 internal error, 75 another run is busy, 78 config error.
        """,
        version: "mentormail \(MentorMailCommand.version)",
        subcommands: [Init.self, Process.self, Status.self, DoctorCommand.self, RoundCommand.self, ParticipantsCommand.self, ImportCommand.self, MatchCommand.self,
                      PairsCommand.self, EventCommand.self, HeldCommand.self, OutboxCommand.self, JobsCommand.self, CheckTemplatesCommand.self, ParseMail.self, Demo.self]
    )
}

/// Options every command that works on a program shares.
struct ProgramOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The program's config file.", valueName: "path"))
    var config = "mentormail.toml"

    @Flag(name: .shortAndLong, help: "Only log warnings and errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Act as if it were this moment (ISO 8601, e.g. 2026-12-01T09:00:00Z; a date or a time without an offset is UTC); for tests and demos.", valueName: "time"))
    var now: String?

    func validate() throws {
        if let now, Self.parseDate(now) == nil {
            throw ValidationError("--now \(now) is not an ISO 8601 time such as 2026-12-01T09:00:00Z")
        }
    }

    var clock: Date { now.flatMap(Self.parseDate) ?? Date() }

    /// An ISO 8601 date or date-time; without an offset ("2026-12-01", "2026-12-01T09:00",
    /// "2026-12-01 09:00:00") it is read as UTC.
    static func parseDate(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        let local = trimmed.replacingOccurrences(of: " ", with: "T")
        // "2027-01-15T09:00Z", "…09:00+02:00": ISO 8601 allows leaving out the seconds.
        if let zone = local.firstIndex(where: { "Z+".contains($0) }) ?? local.lastIndex(of: "-"),
           local[..<zone].contains("T"), local[..<zone].split(separator: "T").last?.count == 5 {
            if let date = try? Date(local[..<zone] + ":00" + local[zone...], strategy: .iso8601) { return date }
        }
        for candidate in ["\(local)T00:00:00Z", "\(local)Z", "\(local):00Z"] {
            if let date = try? Date(candidate, strategy: .iso8601) { return date }
        }
        return nil
    }

    func logger(_ label: String) -> Logger {
        _ = bootstrapLogging
        var logger = Logger(label: label)
        logger.logLevel = quiet ? .warning : .info
        return logger
    }
}

/// Runs a command body, turning every error into one last line on stderr that says what to
/// do, and the exit code of its kind (see the root command's help).
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        let failure = MentorMailError.from(error)
        FileHandle.standardError.write(Data("mentormail: \(failure.message)\n".utf8))
        throw ExitCode(failure.exitCode)
    }
}

/// Logs go to stderr so that stdout stays for results (and `--json`).
let bootstrapLogging: Void = LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .trace
    return handler
}
