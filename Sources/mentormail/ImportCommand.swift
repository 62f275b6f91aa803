import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a form export (CSV) of sign-ups: an upsert by email address.",
            discussion: """
            Every row is validated like an emailed sign-up. New people get a welcome mail with \
            their profile as understood (queued: it goes out with the next `mentormail process`). \
            Rows with problems change nothing and are listed with the reason. An address that \
            answered twice (a form sent again) is read from its latest answer, by the export's \
            timestamp column, else the lower row; the report names the row it replaced. A row is applied \
            only when it is newer than the person's last profile change (by the timestamp column; \
            without one, a row that would undo a change they made by mail is not applied), and never \
            brings back an address that moved or someone who withdrew or was erased: such rows are \
            listed as skipped, with the reason. Google Forms, \
            Microsoft Forms and Typeform headers are recognised; map others in \
            [enrollment.import_headers]. Coordinators can also just forward the export by email.

            Examples:
              mentormail import signups.csv --dry-run
              mentormail import signups.csv --json
            """
        )

        @OptionGroup var options: ProgramOptions
        @Argument(help: ArgumentHelp("The CSV export.", valueName: "file")) var file: String
        @Flag(help: "Show what would happen; change nothing.") var dryRun = false
        @Flag(help: "Print the report as JSON.") var json = false

        func run() throws {
            try runReportingErrors {
                let config = try Config.load(path: options.config)
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw cannotRead(file)
                }
                let export = try FormExport.csv(bytes: data, headerMap: config.enrollment.importHeaders)
                let opened = try OpenProgram(config, dryRun: dryRun)
                defer { withExtendedLifetime(opened) {} }
                let report = try opened.program.importFormExport(export, source: (file as NSString).lastPathComponent,
                                                                 now: options.clock, dryRun: dryRun)
                if json {
                    try printJSON(report)
                    if report.nothingImported { throw ExitCode(1) }
                    return
                }
                print("\(dryRun ? "Would import" : "Imported") \(file): \(report.added.count) added, \(report.updated.count) updated, \(report.unchanged.count) unchanged, \(report.skipped.count) skipped, \(report.rejected.count) rejected, \(report.malformed.count) unreadable"
                      + (report.replaced.isEmpty ? "" : ", \(report.replaced.count) replaced by a later answer from the same address"))
                for row in report.rejected {
                    print("  row \(row.row) \(row.email ?? "(no address)"): \(row.reasonsText)")
                }
                for row in report.skipped {
                    print(terminalSafe("  row \(row.row) \(row.email): skipped: \(row.reason)", keepLines: false))
                }
                for note in report.notes {
                    print(terminalSafe("  row \(note.row) \(note.email): \(note.text)", keepLines: false))
                }
                for line in report.malformed {
                    print("  line \(line.line): \(line.reason)")
                }
                if !report.ignoredColumns.isEmpty {
                    print("Ignored columns: \(report.ignoredColumns.joined(separator: ", "))")
                }
                if !dryRun && !report.added.isEmpty {
                    print("\(report.added.count) welcome mail(s) queued; they go out with the next `mentormail process`.")
                }
                if report.nothingImported {
                    FileHandle.standardError.write(Data("mentormail: nothing was imported: every row was rejected or unreadable (see above); fix the file and import it again\n".utf8))
                    throw ExitCode(1)
                }
            }
        }
    }
}
