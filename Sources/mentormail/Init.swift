import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented config and the mail templates to start from.",
            discussion: """
            Writes the config file and, in a templates/ folder beside it, the shipped mail \
            templates (coordinators may edit them; `mentormail check-templates` checks them). The \
            config starts with a local Maildir as the mailbox and a folder of .eml files as the \
            outbox, so `mentormail process` works at once; point [mailbox] and [smtp] at your mail \
            server when ready.

            The shipped templates are found in --templates-from, in PREFIX/share/mentormail/templates \
            beside an installed PREFIX/bin/mentormail (scripts/install.sh), or in the source tree \
            a built mentormail lives in.

            Examples:
              mentormail init --config /srv/mentoring/mentormail.toml
              mentormail process --config /srv/mentoring/mentormail.toml
            """
        )

        @Option(name: .long, help: ArgumentHelp("Where to write the config.", valueName: "path"))
        var config = "mentormail.toml"

        @Option(name: .long, help: ArgumentHelp("The folder of shipped templates to copy.", valueName: "path"))
        var templatesFrom: String?

        @Flag(name: .long, help: "Replace an existing config and templates.")
        var force = false

        func run() throws {
            try runReportingErrors {
                let fileManager = FileManager.default
                if fileManager.fileExists(atPath: config) && !force {
                    throw MentorMailError(.data, "\(config) already exists; pass --force to replace it")
                }
                let cwd = URL(fileURLWithPath: fileManager.currentDirectoryPath)
                guard let source = shippedTemplates(explicit: templatesFrom) else {
                    throw MentorMailError(.unavailable, "cannot find the shipped mail templates; install mentormail with scripts/install.sh, or pass --templates-from PATH (the templates/ folder of the source)")
                }
                let configURL = URL(fileURLWithPath: config, relativeTo: cwd).standardizedFileURL
                let folder = configURL.deletingLastPathComponent()
                do {
                    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                    try Config.example.write(to: configURL, atomically: true, encoding: .utf8)
                } catch {
                    throw MentorMailError(.unavailable, "cannot write \(config): \(error.localizedDescription)")
                }
                let target = folder.appendingPathComponent("templates")
                let written = try ShippedTemplates.install(from: source, to: target, overwrite: force)
                // Fail now, not at the first run, if the copy is not a working set.
                _ = try TemplateLibrary(directory: target.path)
                let english = written.filter { !$0.contains("/") }.count
                let languages = Set(written.compactMap { $0.contains("/") ? $0.split(separator: "/").first.map(String.init) : nil }).sorted()
                let translations = languages.isEmpty ? "" : " (translated: \(languages.joined(separator: ", ")))"
                print("Wrote \(config) and \(english) mail templates\(translations) in \(target.path).")
                print("Try it: mentormail process --config \(config)   (a local Maildir and outbox; edit [mailbox] and [smtp] for your server)")
            }
        }
    }
}
