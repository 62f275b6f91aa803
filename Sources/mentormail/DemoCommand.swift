import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tell the whole story of a program on sample mail, no server needed.",
            discussion: """
            Puts the messages of mailbox-fixtures/ into a local Maildir, runs the program on them \
            with a folder of .eml files as its outbox, and prints what happened and where the \
            sent mail is. Run it from the repository folder (the sample mail is not built in).

            Example:
              mentormail demo --dir /tmp/mentormail-demo
            """
        )

        @Option(name: .long, help: ArgumentHelp("Working folder (replaced on each run).", valueName: "path"))
        var dir = "demo-run"

        @Option(name: .long, help: ArgumentHelp("The sample messages.", valueName: "path"))
        var fixtures = "mailbox-fixtures"

        @Option(name: .long, help: ArgumentHelp("The mail templates.", valueName: "path"))
        var templates = "templates"

        @Flag(name: .long, help: "Also show the program's log lines.")
        var verbose = false

        func run() throws {
            try runReportingErrors {
                let options = try ProgramOptions.parse([])
                var logger = options.logger("mentormail.demo")
                logger.logLevel = verbose ? .info : .critical
                let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                let demo = MentorMail.Demo(
                    directory: URL(fileURLWithPath: dir, relativeTo: cwd).standardizedFileURL,
                    fixtures: URL(fileURLWithPath: fixtures, relativeTo: cwd).standardizedFileURL,
                    templates: URL(fileURLWithPath: templates, relativeTo: cwd).standardizedFileURL,
                    logger: logger, say: { print($0) })
                try demo.run()
            }
        }
    }
}
