import Foundation
import Logging
import Mail
import MailTransport
import MatchingCore

/// `mentormail demo`: the life of a program on the messages in mailbox-fixtures, with a local
/// Maildir as the mailbox and a folder of .eml files as the outbox, so no server is needed.
///
/// The clock is fixed (the fixtures' November 2026) and moves on a day per chapter, so the
/// story reads the same every time.
public struct Demo {
    /// The chapters' mail, in the order it "arrives".
    public static let firstContact = ["signup-request-plain.eml", "signup-request-gmail-html.eml", "signup-request-outlook.eml", "vacation-autoreply.eml"]
    public static let formReplies = ["form-reply-plain.eml", "form-reply-gmail-html.eml", "form-reply-outlook-quoted.eml", "form-reply-two-errors.eml"]
    public static let coordinatorExport = ["export-csv-forward.eml"]
    public static let start = Date(timeIntervalSince1970: 1_793_620_800) // 2026-11-02 08:00 UTC

    public var directory: URL
    public var fixtures: URL
    public var templates: URL
    public var logger: Logger
    /// Where the story is told (standard output in the command).
    public var say: (String) -> Void

    public init(directory: URL, fixtures: URL, templates: URL, logger: Logger, say: @escaping (String) -> Void) {
        self.directory = directory
        self.fixtures = fixtures
        self.templates = templates
        self.logger = logger
        self.say = say
    }

    /// The text of the newest message sent to `address`.
    func lastAnswer(to address: String, in outbox: DirectorySender) throws -> String? {
        try outbox.sentFiles().reversed().lazy
            .map { Message(bytes: Array(try Data(contentsOf: $0))) }
            .first { $0.to.first?.normalized == address }?.textBody
    }

    public func run() throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: directory)
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        let configURL = directory.appendingPathComponent("mentormail.toml")
        try """
        [program]
        name = "OpenStack Mentoring"
        address = "mentoring@example.org"
        coordinators = ["coordinator@example.org"]
        database = "mentormail.sqlite"
        templates = "\(templates.path)"

        [mailbox]
        url = "maildir:mailbox"

        [smtp]
        url = "dir:outbox"

        [enrollment]
        # Our mail server's name in Authentication-Results: its DKIM/DMARC verdicts are trusted.
        trusted_authserv_id = "mx.example.org"

        """.write(to: configURL, atomically: true, encoding: .utf8)
        let config = try Config.load(path: configURL.path)
        let mailbox = try MaildirMailbox(path: directory.appendingPathComponent("mailbox").path)
        let outbox = try DirectorySender(path: directory.appendingPathComponent("outbox").path)
        let library = try TemplateLibrary(directory: config.program.templates)
        let database = try AppDatabase(path: config.program.database)
        let program = Program(config: config, database: database, templates: library)
        var now = Self.start
        var told = 0

        func process() throws -> ProcessReport {
            Processor(program: program, mailbox: mailbox, sender: outbox, now: now, logger: logger).run()
        }
        func arrive(_ names: [String]) throws {
            for name in names {
                let source = fixtures.appendingPathComponent(name)
                guard let bytes = try? Data(contentsOf: source) else {
                    throw MentorMailError(.unavailable, "cannot read the fixture \(source.path): run the demo from the repository folder or pass --fixtures")
                }
                let message = Message(bytes: Array(bytes))
                try bytes.write(to: directory.appendingPathComponent("mailbox/new/\(Int(now.timeIntervalSince1970)).\(name)"))
                say("   ✉ \(message.from?.address ?? "?"): \"\(message.subject ?? "")\"  (\(name))")
            }
        }
        /// Prints what the run understood and the mail it sent since the last chapter.
        func tell(_ report: ProcessReport) throws {
            let inbound = try database.inboundMessages()
            for message in inbound.suffix(report.examined) {
                let note = message.note.map { ": \($0)" } ?? ""
                say("   → \(message.sender ?? "?"): \(message.intent), \(message.disposition.rawValue)\(note)")
            }
            sent()
        }
        func sent() {
            let files = outbox.sentFiles()
            for file in files.dropFirst(told) {
                let message = Message(bytes: Array((try? Data(contentsOf: file)) ?? Data()))
                say("   ↩ to \(message.to.map(\.address).joined(separator: ", ")): \"\(message.subject ?? "")\"  (outbox/\(file.lastPathComponent))")
            }
            told = files.count
        }

        say("MentorMail demo: a mentoring program run entirely by email")
        say("Working folder: \(directory.path) (mailbox: a Maildir; outbox: one .eml file per sent message)")
        say("")
        let round = try program.openRound(name: "2026-Q4", closesAt: now.addingTimeInterval(14 * 86_400), now: now).round
        say("1. A coordinator opens the enrollment round:  mentormail round open \(round.name) --closes 2026-11-16")
        say("")
        say("2. Newcomers write in; each run of `mentormail process` answers with the sign-up form:")
        try arrive(Self.firstContact)
        try tell(try process())
        say("")

        now = now.addingTimeInterval(86_400)
        say("3. They reply with the form filled in (plain text, Gmail HTML, Outlook with answers typed")
        say("   into the quoted form, and one with mistakes); each gets back what was understood:")
        try arrive(Self.formReplies)
        try tell(try process())
        for person in try database.participants() {
            say("      \(person.email): \(person.profile.role.isEmpty ? "?" : person.profile.role), \(person.profile.timeZone.isEmpty ? "no time zone" : person.profile.timeZone), \(person.status.rawValue)")
        }
        if let fix = try lastAnswer(to: "kwame.mensah@example.net", in: outbox) {
            say("   the answer to the form with mistakes says what to fix:")
            for line in fix.split(separator: "\n") where line.hasPrefix("  - ") || line.hasPrefix("    For example") { say("   \(line)") }
        }
        say("")

        now = now.addingTimeInterval(86_400)
        say("4. The coordinator forwards the web form's CSV export (DKIM-verified by our mail server):")
        try arrive(Self.coordinatorExport)
        try tell(try process())
        if let report = try lastAnswer(to: "coordinator@example.org", in: outbox) {
            say("   the coordinator's import report:")
            for line in report.split(separator: "\n").prefix(while: { !$0.hasPrefix("-- ") }) { say("   | \(line)") }
        }
        say("")

        now = now.addingTimeInterval(14 * 86_400)
        say("5. The round closes and is matched:  mentormail match --round \(round.name) --report round-report.html")
        let proposal = try program.proposeMatches(round: round.name, method: .optimal, dryRun: false, now: now)
        let people = try database.participantsByID()
        for line in ProposalView(proposal, people: people).text.split(separator: "\n", omittingEmptySubsequences: false) {
            say("   \(line)")
        }
        let reportURL = directory.appendingPathComponent("round-report.html")
        try RoundReport(round: round.name, proposal: proposal, people: people, config: config, now: now).html()
            .write(to: reportURL, atomically: true, encoding: .utf8)
        let review = try process()
        say("   the proposal goes to the coordinators for review, with the code \(proposal.token):")
        sent()
        _ = review
        say("")

        now = now.addingTimeInterval(86_400)
        say("6. A coordinator approves (by replying \"APPROVE \(proposal.token)\", or:  mentormail round approve \(round.name)):")
        say("   \(try program.decideProposal(round: round.name, approve: true, now: now).summary)")
        try tell(try process())
        say("")

        say("7. cron runs `mentormail process` again: nothing is sent twice.")
        let again = try process()
        say("   examined \(again.examined), sent \(again.sent)")
        say("")
        say("Look closer:")
        say("   an introduction:  cat \(outbox.sentFiles().last { $0.lastPathComponent.contains("-to-") }?.path ?? "")")
        say("   the round report: \(reportURL.path)  (scripts/screenshot-report.sh renders it to PNG)")
        say("   the state:        sqlite3 \(config.program.database) 'select email, status from participant'")
        say("   or:               mentormail participants list --config \(configURL.path)")
    }
}
