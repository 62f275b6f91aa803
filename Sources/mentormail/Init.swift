import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented example config file to start from.",
            discussion: """
            Example:
              mentormail init --config /etc/mentormail/mentormail.toml
            Then edit the addresses and servers, and set the password environment variables it names.
            """
        )

        @Option(name: .long, help: ArgumentHelp("Where to write the config.", valueName: "path"))
        var config = "mentormail.toml"

        @Flag(name: .long, help: "Replace an existing file.")
        var force = false

        func run() throws {
            try runReportingErrors {
                if FileManager.default.fileExists(atPath: config) && !force {
                    throw MentorMailError(.data, "\(config) already exists; pass --force to replace it")
                }
                do {
                    try Config.example.write(toFile: config, atomically: true, encoding: .utf8)
                } catch {
                    throw MentorMailError(.unavailable, "cannot write \(config): \(error.localizedDescription)")
                }
                print("Wrote \(config). Edit it, then run: mentormail process --config \(config)")
            }
        }
    }
}
