import Foundation
import Mail
import MailTransport
import MentorMail
import TestSupport
import Testing

/// A program with its own mailbox on the test Dovecot, a participant and a coordinator with
/// mailboxes there too, all writing over the test SMTP server.
struct ServerScenario {
    let servers: TestServers
    let programUser: String
    let participantUser: String
    let coordinatorUser: String
    let folder: URL
    var programAddress: String { "\(programUser)@example.org" }
    var participantAddress: String { "\(participantUser)@example.org" }
    var coordinatorAddress: String { "\(coordinatorUser)@example.org" }
    var configPath: String { folder.appendingPathComponent("mentormail.toml").path }

    /// Changes the config file: `old` replaced by `new`, which must be there to replace.
    func editConfig(replacing old: String, with new: String) throws {
        let config = try String(contentsOfFile: configPath, encoding: .utf8)
        try #require(config.contains(old), "the config has no \(old)")
        try config.replacingOccurrences(of: old, with: new).write(toFile: configPath, atomically: true, encoding: .utf8)
    }
    /// The authserv-id the program trusts in Authentication-Results.
    static let trustedServer = "mx.example.org"

    init() throws {
        servers = try TestServers.require()
        programUser = TestServers.uniqueUser("prog")
        participantUser = TestServers.uniqueUser("alice")
        coordinatorUser = TestServers.uniqueUser("coord")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-e2e-\(programUser)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("state"), withIntermediateDirectories: true)
        let templates = CommandRunner.repository.appendingPathComponent("templates").path
        try """
        [program]
        name = "Test Mentoring"
        address = "\(programAddress)"
        coordinators = ["\(coordinatorAddress)"]
        database = "state/mentormail.sqlite"
        templates = "\(templates)"

        [mailbox]
        url = "\(servers.imapURL)/INBOX"
        user = "\(programUser)"
        password_env = "MENTORMAIL_TEST_PASSWORD"
        starttls = "never"

        [smtp]
        url = "\(servers.smtpURL)"
        starttls = "never"

        [enrollment]
        trusted_authserv_id = "\(Self.trustedServer)"

        """.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// The participant writes to the program over SMTP; returns the Message-ID.
    @discardableResult
    func participantWrites(subject: String = "How do I join?", text: String = "Hello, I would like to become a mentee.\n") throws -> String {
        try servers.deliver(from: participantAddress, to: [programAddress], subject: subject, text: text)
    }

    /// Sends a raw message (CRLF or LF) as `from` to the program.
    func deliverRaw(_ raw: String, from: String) throws {
        let bytes = Array(raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try servers.sender().send(bytes, from: from, to: [programAddress])
    }

    func process(fault: String? = nil) throws -> CommandRunner.Result {
        var environment: [String: String] = [:]
        if let fault { environment["MENTORMAIL_FAULT"] = fault }
        return try CommandRunner.run(["process", "--config", configPath, "--json"], environment: environment)
    }

    /// Runs `process`, expects success, and returns its figures.
    @discardableResult
    func processOK() throws -> [String: Any] {
        let result = try process()
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try report(result)
    }

    func report(_ result: CommandRunner.Result) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any], "process --json printed: \(result.stdout) / \(result.stderr)")
    }

    func participantInbox() throws -> [Message] { try servers.messages(of: participantUser) }
    func coordinatorInbox() throws -> [Message] { try servers.messages(of: coordinatorUser) }

    /// The program's database, read the way a coordinator's tools would.
    func database() throws -> AppDatabase {
        try AppDatabase(path: folder.appendingPathComponent("state/mentormail.sqlite").path)
    }
}
