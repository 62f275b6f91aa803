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

            The shipped templates are built into mentormail, so the binary alone is enough; \
            --templates-from copies a folder of templates instead (one you keep for several programs).

            With --missing-templates, an existing config is kept as it is and only the shipped \
            templates its [program] templates folder lacks (a deleted one, a translation) are \
            added; every file already there stays as it is.

            Examples:
              mentormail init --config /srv/mentoring/mentormail.toml
              mentormail process --config /srv/mentoring/mentormail.toml
              mentormail init --config /srv/mentoring/mentormail.toml --missing-templates
            """
        )

        @Option(name: .long, help: ArgumentHelp("Where to write the config.", valueName: "path"))
        var config = "mentormail.toml"

        @Option(name: .long, help: ArgumentHelp("The folder of shipped templates to copy.", valueName: "path"))
        var templatesFrom: String?

        @Flag(name: .long, help: "Replace an existing config and templates.")
        var force = false

        @Flag(name: .long, help: "Keep the config; only add the shipped templates its templates folder lacks.")
        var missingTemplates = false

        func validate() throws {
            if force && missingTemplates { throw ValidationError("--missing-templates changes no existing file, so it does not go with --force") }
        }

        /// The folder --templates-from names, or nil for the templates built into mentormail.
        private func source() throws -> URL? {
            guard let templatesFrom else { return nil }
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            guard let folder = ShippedTemplates.folder(templatesFrom, currentDirectory: cwd) else {
                throw MentorMailError(.unavailable, "\(templatesFrom) holds no mail templates (no signup-form.txt.mustache); "
                                      + "leave out --templates-from to use the ones built into mentormail")
            }
            return folder
        }

        /// Adds the shipped templates the config's folder lacks, and says what is still wrong.
        private func addMissingTemplates() throws {
            let loaded = try Config.load(path: config)
            let target = URL(fileURLWithPath: loaded.program.templates).standardizedFileURL
            let source = try source()
            // The program's own folder is never the source: compared with itself it lacks nothing.
            if let source, source.resolvingSymlinksInPath().path == target.resolvingSymlinksInPath().path {
                throw MentorMailError(.unavailable, "--templates-from names \(target.path), the program's own templates folder, the one to "
                                      + "restore; leave it out to add the templates built into mentormail")
            }
            let added = try ShippedTemplates.install(from: source, to: target, overwrite: false)
            print(added.isEmpty ? "\(target.path) lacks none of the shipped templates; nothing was changed."
                  : "Added \(added.count) template(s) to \(target.path): \(added.joined(separator: ", ")). Nothing else was changed.")
            let errors = try TemplateLibrary.check(directory: target.path).filter { $0.severity == .error }
            if !errors.isEmpty {
                print("Still \(errors.count) error(s) in the templates you edited (`mentormail check-templates --config \(config)`):")
                for error in errors { print("  \(error)") }
                throw ExitCode(MentorMailError(.config, "").exitCode)
            }
        }

        func run() throws {
            try runReportingErrors {
                if missingTemplates { return try addMissingTemplates() }
                let fileManager = FileManager.default
                if fileManager.fileExists(atPath: config) && !force {
                    throw MentorMailError(.data, "\(config) already exists; pass --force to replace it")
                }
                let cwd = URL(fileURLWithPath: fileManager.currentDirectoryPath)
                let source = try source()
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
