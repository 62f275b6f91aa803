import Foundation
import Logging
import Mail
import MailTransport
@testable import MentorMail
import Testing

/// One run of the program on a local Maildir with a folder outbox: the demo's setting.
@Suite struct ProcessorTests {
    struct Program {
        let folder: URL
        var config: Config
        let database: AppDatabase
        let mailbox: MaildirMailbox
        let outbox: DirectorySender
        var templates: TemplateLibrary
        let now = Date(timeIntervalSince1970: 1_793_700_000)

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-proc-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            config = try Config.parse(Self.configText, fileURL: folder.appendingPathComponent("mentormail.toml"))
            database = try AppDatabase(path: config.program.database)
            mailbox = try MaildirMailbox(path: folder.appendingPathComponent("mailbox").path)
            outbox = try DirectorySender(path: folder.appendingPathComponent("outbox").path)
            templates = try TemplateLibrary(directory: config.program.templates)
        }

        static let configText = """
            [program]
            name = "Test Mentoring"
            address = "mentoring@example.org"
            coordinators = ["coordinator@example.org"]
            database = "state.sqlite"
            templates = "\(CommandRunner.repository.appendingPathComponent("templates").path)"
            [mailbox]
            url = "maildir:mailbox"
            [smtp]
            url = "dir:outbox"
            """

        /// Writes the config this program was made from beside its database, for the command
        /// line to open the same program.
        func writeConfigFile() throws -> URL {
            let file = folder.appendingPathComponent("mentormail.toml")
            try Self.configText.write(to: file, atomically: true, encoding: .utf8)
            return file
        }

        /// The same program, trusting Authentication-Results from `server`.
        func with(trustedServer server: String) throws -> Program {
            var copy = self
            copy.config.enrollment.trustedAuthservID = server
            return copy
        }

        func arrive(_ text: String, name: String = UUID().uuidString) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent("mailbox/new/\(name)"))
        }

        func arriveFixture(_ name: String) throws {
            let source = CommandRunner.repository.appendingPathComponent("mailbox-fixtures/\(name)")
            try Data(contentsOf: source).write(to: folder.appendingPathComponent("mailbox/new/\(name)"))
        }

        /// The program as the commands see it (config, database, templates).
        var app: MentorMail.Program { MentorMail.Program(config: config, database: database, templates: templates) }

        func run(sender: (any MailSender)? = nil, at date: Date? = nil, maxAttempts: Int = 8) throws -> ProcessReport {
            var processor = Processor(program: app, mailbox: mailbox, sender: sender ?? outbox, now: date ?? now,
                                      logger: Logger(label: "test"))
            processor.maxSendAttempts = maxAttempts
            return processor.run()
        }

        func sent() throws -> [Message] {
            try outbox.sentFiles().map { Message(bytes: Array(try Data(contentsOf: $0))) }
        }
    }

    @Test func answersSignUpRequestsAndIgnoresAutoReplies() throws {
        let program = try Program()
        try program.arriveFixture("signup-request-plain.eml")
        try program.arriveFixture("vacation-autoreply.eml")
        let report = try program.run()
        #expect(report.examined == 2)
        #expect(report.answered == 1)
        #expect(report.ignored == 1)
        #expect(report.sent == 1)
        #expect(report.problems.isEmpty)

        let sent = try program.sent()
        try #require(sent.count == 1)
        #expect(sent[0].to.map(\.address) == ["maria.garcia@example.net"])
        #expect(sent[0].inReplyTo == "0f7c2a1e-5b1d-4c0b-9d7e-3a2f1c9e8b41@example.net")
        #expect(sent[0].autoSubmitted == "auto-replied")
        #expect(sent[0].subject == "Re: Joining the mentoring program")
        #expect(sent[0].messageID?.hasSuffix("@example.org") == true)
        #expect(sent[0].textBody?.contains("Hello María García,") == true)

        let inbound = try program.database.inboundMessages()
        #expect(inbound.map(\.disposition) == [.answered, .ignored])
        #expect(inbound[1].note?.isEmpty == false)
        #expect(try program.mailbox.unprocessedUIDs().isEmpty)

        let again = try program.run()
        #expect(again.examined == 0)
        #expect(again.sent == 0)
        #expect(try program.sent().count == 1)
    }

    @Test func keepsWhatItCannotHandleForACoordinator() throws {
        let program = try Program()
        try program.arrive("Subject: no sender here\r\nMessage-ID: <nosender@example.net>\r\n\r\nwho am I?\r\n")
        try program.arrive("From: Test Mentoring <MENTORING@example.org>\r\nSubject: loop\r\n\r\nours\r\n")
        try program.arrive("\u{0}\u{0}garbage\r\n\r\n\r\n")
        let report = try program.run()
        #expect(report.examined == 3)
        #expect(report.answered == 0)
        #expect(report.held == 2)
        #expect(report.sent == 1, "nobody is answered; the coordinators get one digest")
        let digest = try #require(try program.sent().first)
        #expect(digest.to.map(\.address) == ["coordinator@example.org"])
        #expect(digest.subject == "Test Mentoring: 2 message(s) need a coordinator")
        #expect(digest.textBody?.contains("no usable From address") == true)
        #expect(digest.autoSubmitted == "auto-generated")
        let inbound = try program.database.inboundMessages()
        #expect(inbound.count == 3, "every message is recorded, none dropped")
        #expect(inbound.filter { $0.disposition == .held }.count == 2)
        #expect(inbound.filter { $0.disposition == .held }.allSatisfy { $0.rule == "no-sender" })
        #expect(inbound.contains { $0.disposition == .ignored && $0.note == "sent by the program itself" })
        #expect(try inbound.allSatisfy { try program.database.storedMessage(id: $0.id ?? 0) != nil })
    }

    /// The bytes are written in pieces (1 MiB each): a message of several pieces, with an odd
    /// tail, comes back byte for byte.
    @Test func aLargeMessageIsStoredByteForByte() throws {
        let program = try Program()
        var generator = SystemRandomNumberGenerator()
        let filler = (0..<(3 * 1_048_576 + 12_345)).map { _ in UInt8.random(in: 0x21...0x7E, using: &generator) }
        var bytes = Array("From: Ana <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: big\r\nMessage-ID: <big@example.net>\r\n\r\nHello, how do I join?\r\n".utf8)
        for start in stride(from: 0, to: filler.count, by: 76) {
            bytes += filler[start..<min(start + 76, filler.count)] + [0x0D, 0x0A]
        }
        try Data(bytes).write(to: program.folder.appendingPathComponent("mailbox/new/big"))
        let report = try program.run()
        #expect(report.problems.isEmpty, "\(report.problems)")
        let record = try #require(try program.database.inboundMessages().first)
        let stored = try program.database.read { db in try AppDatabase.raw(db, inboundID: record.id) }
        #expect(stored == Data(bytes))
    }

    @Test func aSecondCopyOfTheSameMessageIsNotAnsweredTwice() throws {
        let program = try Program()
        try program.arriveFixture("signup-request-plain.eml")
        let source = CommandRunner.repository.appendingPathComponent("mailbox-fixtures/signup-request-plain.eml")
        try Data(contentsOf: source).write(to: program.folder.appendingPathComponent("mailbox/new/copy"))
        let report = try program.run()
        #expect(report.answered == 1)
        #expect(report.reflagged == 1)
        #expect(try program.sent().count == 1)
        #expect(try program.mailbox.unprocessedUIDs().isEmpty)
    }

    /// Finding: a server down for a night parked every answer after eight runs. A send that
    /// fails before any recipient is named (no connection, a refused login) is the server's or
    /// our settings' fault: the run stops sending, the rows stay queued and due with their
    /// attempts uncounted, and the first run after the fix sends them.
    @Test func anUnreachableServerParksNothingAndTheFirstRunAfterItSendsAll() throws {
        let program = try Program()
        try program.arriveFixture("signup-request-plain.eml")
        try program.arrive("From: Bo <bo@example.net>\r\nTo: mentoring@example.org\r\nSubject: Joining\r\nMessage-ID: <bo-1@example.net>\r\n\r\nHello, how do I join?\r\n")
        // A real SMTP client against a port where nothing listens.
        let unreachable = try SMTPSender(url: "smtp://127.0.0.1:1", credentials: ServerCredentials(startTLS: .never, connectTimeout: 5))
        let first = try program.run(sender: unreachable, maxAttempts: 2)
        #expect(first.answered == 2)
        #expect(first.sent == 0)
        #expect(first.sendFailures == 1, "one try, then sending stops for the run")
        #expect(first.problems.count == 1)
        #expect(first.problems.first?.contains("sending stopped for this run") == true, "\(first.problems)")
        #expect(first.problems.first?.contains("mentormail doctor") == true, "\(first.problems)")
        #expect(first.problems.first?.contains("@example.net") == false, "the server's trouble is not put on a recipient: \(first.problems)")
        var rows = try program.database.outbox()
        #expect(rows.count == 2 && rows.allSatisfy { $0.status == .queued && $0.attempts == 0 && $0.nextAttemptAt <= program.now })
        #expect(rows.first?.lastError?.contains("127.0.0.1:1") == true, "\(rows.first?.lastError ?? "")")

        // A whole weekend of runs every five minutes, far past the attempts a message has.
        for minutes in stride(from: 5.0, through: 3 * 24 * 60, by: 360) {
            _ = try program.run(sender: unreachable, at: program.now.addingTimeInterval(minutes * 60), maxAttempts: 2)
        }
        rows = try program.database.outbox()
        #expect(rows.allSatisfy { $0.status == .queued && $0.attempts == 0 }, "\(rows.map { ($0.status, $0.attempts) })")

        let fixed = try program.run(at: program.now.addingTimeInterval(4 * 86_400))
        #expect(fixed.sent == 2 && fixed.sendFailures == 0, "\(fixed.problems)")
        #expect(try program.database.outbox().allSatisfy { $0.status == .sent })
    }

    @Test func onlyOneRunAtATime() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-lock-\(UUID().uuidString)").path
        do {
            let first = try RunLock(path: path)
            let error = try #require(throws: MentorMailError.self) { try RunLock(path: path) }
            #expect(error.kind == .busy)
            #expect(error.exitCode == 75)
            withExtendedLifetime(first) {}
        }
        // Released with its owner: the next run gets it.
        _ = try RunLock(path: path)
    }
}
