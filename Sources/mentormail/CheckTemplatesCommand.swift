import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct CheckTemplatesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-templates",
            abstract: "Check the mail templates against the values the program gives them.",
            discussion: """
            Every mail has templates/NAME.txt.mustache (required: a {{! … }} comment listing its \
            variables, a "Subject: …" line, a blank line, the body) and NAME.html.mustache (optional). \
            A template may only use the variables the program gives that mail: a typo such as \
            {{persn.name}}, or {{label}} outside {{#fields}}…{{/fields}}, would be a blank in \
            every mail sent. So it is an error here, and `mentormail process` refuses to start \
            until it is fixed. Run this after editing a template.

            Errors (exit 78): a variable the mail is not given, a missing NAME.txt.mustache, a text \
            template without a Subject line, a template that does not parse. Warnings (exit 0): a \
            missing HTML twin, a template the program never sends. Each language folder (es/, pt-BR/) \
            is named with the readers who get it: a regional folder also serves the readers of its \
            language when there is no plain folder for it (pt-BR/ serves pt without pt/).

            Examples:
              mentormail check-templates --config /etc/mentormail/mentormail.toml
              mentormail check-templates --json
            """
        )

        @Option(name: .long, help: ArgumentHelp("The program's config file; its [program] templates is checked.", valueName: "path"))
        var config = "mentormail.toml"

        @Flag(help: "Print the problems as JSON.") var json = false

        struct Report: Encodable {
            var directory: String
            var templates: [String]
            var errors: Int
            var warnings: Int
            var problems: [TemplateProblem]
            /// Each language folder and who reads it.
            var translations: [Translation]
        }

        struct Translation: Encodable {
            var folder: String
            var readers: String
        }

        func run() throws {
            try runReportingErrors {
                let directory = try Config.load(path: config).program.templates
                let problems = try TemplateLibrary.check(directory: directory)
                let errors = problems.filter { $0.severity == .error }.count
                let readers = TemplateLibrary.readers(in: directory)
                if json {
                    try printJSON(Report(directory: directory, templates: TemplateCatalog.names, errors: errors,
                                         warnings: problems.count - errors, problems: problems,
                                         translations: readers.map { Translation(folder: $0.folder, readers: $0.readers) }))
                } else {
                    for problem in problems { print(problem) }
                    for (folder, who) in readers { print("\((directory as NSString).appendingPathComponent(folder))/: \(who)") }
                    let mails = TemplateCatalog.names.count
                    if problems.isEmpty {
                        print("OK: the \(mails) mails in \(directory) use only the values the program gives them.")
                    } else {
                        let warnings = problems.count - errors
                        print("\(directory): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(mails) mails.")
                    }
                }
                if errors > 0 { throw ExitCode(MentorMailError(.config, "").exitCode) }
            }
        }
    }
}
