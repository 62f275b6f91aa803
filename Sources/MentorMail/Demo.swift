import Foundation
import Logging
import Mail
import MailTransport

/// `mentormail demo`: the life of a program on the messages in mailbox-fixtures, with a local
/// Maildir as the mailbox and a folder of .eml files as the outbox, so no server is needed.
public struct Demo {
    /// The fixtures the story uses, in the order they "arrive".
    public static let arrivals = [
        "signup-request-plain.eml",
        "signup-request-gmail-html.eml",
        "signup-request-outlook.eml",
        "vacation-autoreply.eml",
    ]

    public var directory: URL
    public var fixtures: URL
    public var templates: URL
    public var now: Date
    public var logger: Logger
    /// Where the story is told (standard output in the command).
    public var say: (String) -> Void

    public init(directory: URL, fixtures: URL, templates: URL, now: Date, logger: Logger, say: @escaping (String) -> Void) {
        self.directory = directory
        self.fixtures = fixtures
        self.templates = templates
        self.now = now
        self.logger = logger
        self.say = say
    }

    public func run() throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: directory)
        let maildir = directory.appendingPathComponent("mailbox")
        let outbox = directory.appendingPathComponent("outbox")
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        let configURL = directory.appendingPathComponent("mentormail.toml")
        let configText = """
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

        """
        try configText.write(to: configURL, atomically: true, encoding: .utf8)
        let config = try Config.load(path: configURL.path)
        let mailbox = try MaildirMailbox(path: maildir.path)
        let sender = try DirectorySender(path: outbox.path)

        say("MentorMail demo: a mentoring program run entirely by email")
        say("Working folder: \(directory.path)")
        say("")
        say("1. Mail arrives in the program's mailbox (a local Maildir):")
        for (index, name) in Self.arrivals.enumerated() {
            let source = fixtures.appendingPathComponent(name)
            guard let bytes = try? Data(contentsOf: source) else {
                throw MentorMailError(.unavailable, "cannot read the fixture \(source.path): run the demo from the repository folder or pass --fixtures")
            }
            let message = Message(bytes: Array(bytes))
            let target = maildir.appendingPathComponent("new").appendingPathComponent("\(index + 1).demo.\(name)")
            try bytes.write(to: target)
            say("   - from \(message.from?.address ?? "?"): \"\(message.subject ?? "")\"")
        }
        say("")

        say("2. `mentormail process` reads each message, decides what it means, answers in one transaction:")
        let database = try AppDatabase(path: config.program.database)
        let library = try TemplateLibrary(directory: config.program.templates)
        let processor = Processor(config: config, database: database, mailbox: mailbox, sender: sender,
                                  templates: library, now: now, logger: logger)
        let report = try processor.run()
        for inbound in try database.inboundMessages() {
            let note = inbound.note.map { " (\($0))" } ?? ""
            say("   - \(inbound.sender ?? "?"): \(inbound.intent) → \(inbound.disposition.rawValue)\(note)")
        }
        say("   answered \(report.answered), ignored \(report.ignored), quarantined \(report.quarantined), sent \(report.sent)")
        say("")

        say("3. The answers, as sent (each an .eml file in \(outbox.path)):")
        for file in sender.sentFiles() {
            let message = Message(bytes: Array((try? Data(contentsOf: file)) ?? Data()))
            say("   - \(file.lastPathComponent)")
            say("     To: \(message.to.map(\.address).joined(separator: ", "))  Subject: \(message.subject ?? "")")
            say("     In-Reply-To: <\(message.inReplyTo ?? "")>  Auto-Submitted: \(message.header("Auto-Submitted") ?? "")")
        }
        say("")

        say("4. cron runs `mentormail process` again: nothing is answered twice.")
        let again = try Processor(config: config, database: database, mailbox: mailbox, sender: sender,
                                  templates: library, now: now, logger: logger).run()
        say("   examined \(again.examined), sent \(again.sent)")
        say("")
        say("Read an answer:  cat \(sender.sentFiles().first?.path ?? outbox.path)")
        say("The state:       sqlite3 \(config.program.database) 'select sender, intent, disposition from inboundMessage'")
    }
}
