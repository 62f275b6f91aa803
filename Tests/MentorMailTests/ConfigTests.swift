import Foundation
@testable import MentorMail
import MailTransport
import Testing

@Suite struct ConfigTests {
    let file = URL(fileURLWithPath: "/srv/mentoring/mentormail.toml")

    @Test func theExampleParsesAndPathsAreRelativeToTheFile() throws {
        let config = try Config.parse(Config.example, fileURL: file)
        #expect(config.program.name == "OpenStack Mentoring")
        #expect(config.program.address == "mentoring@example.org")
        #expect(config.program.domain == "example.org")
        #expect(config.program.coordinators == ["coordinator@example.org"])
        #expect(config.program.database == "/srv/mentoring/mentormail.sqlite")
        #expect(config.program.templates == "/srv/mentoring/templates")
        // The embedded local transports, so that `init` then `process` works with nothing else.
        #expect(config.mailbox.url == "maildir:/srv/mentoring/mailbox")
        #expect(config.mailbox.passwordEnv == nil)
        #expect(config.mailbox.startTLS == .ifAvailable)
        #expect(config.smtp.url == "dir:/srv/mentoring/outbox")
    }

    @Test func localTransportsResolveTheirPaths() throws {
        let config = try Config.parse("""
            [program]
            name = "P"
            address = "p@example.org"
            database = "/var/lib/p.sqlite"
            [mailbox]
            url = "maildir:mail/inbox"
            [smtp]
            url = "dir:../outbox"
            starttls = "required"
            """, fileURL: file)
        #expect(config.mailbox.url == "maildir:/srv/mentoring/mail/inbox")
        #expect(config.smtp.url == "dir:/srv/outbox")
        #expect(config.smtp.startTLS == .required)
        #expect(config.program.database == "/var/lib/p.sqlite")
        #expect(config.program.coordinators.isEmpty)
    }

    @Test(arguments: [
        ("[program]\nname = \"P\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"", "[program] address is missing"),
        ("[program]\nname = \"P\"\naddress = \"nope\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"", "is not an email address"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[smtp]\nurl = \"dir:o\"", "the [mailbox] section is missing"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\npassword = \"hunter2\"\n[smtp]\nurl = \"dir:o\"", "must not hold a password"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\nstarttls = \"maybe\"\n[smtp]\nurl = \"dir:o\"", "starttls must be one of"),
        ("[program]\nname = 3\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"", "name must be a string"),
        ("[program\nname = \"P\"", "line 1"),
    ])
    func mistakesAreNamedPrecisely(text: String, expected: String) throws {
        let error = try #require(throws: MentorMailError.self) { try Config.parse(text, fileURL: file) }
        #expect(error.kind == .config)
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.exitCode == 78)
    }

    @Test func passwordsComeFromTheNamedEnvironmentVariable() throws {
        let config = try Config.parse(Config.example.replacingOccurrences(of: "# user = \"mentoring\"\n# password_env = \"MENTORMAIL_IMAP_PASSWORD\"",
                                                                          with: "user = \"mentoring\"\npassword_env = \"MENTORMAIL_IMAP_PASSWORD\""),
                                      fileURL: file)
        let credentials = try Transports.credentials(config.mailbox, "mailbox", ["MENTORMAIL_IMAP_PASSWORD": "s3cret"])
        #expect(credentials.password == "s3cret")
        #expect(credentials.user == "mentoring")
        let error = try #require(throws: MentorMailError.self) { try Transports.credentials(config.mailbox, "mailbox", [:]) }
        #expect(error.message.contains("MENTORMAIL_IMAP_PASSWORD"))
    }

    @Test func aMissingFileSaysHowToCreateOne() throws {
        let error = try #require(throws: MentorMailError.self) { try Config.load(path: "/nonexistent/mentormail.toml") }
        #expect(error.message.contains("mentormail init"))
    }

    @Test func theREADMEsConfigReferenceParses() throws {
        let readme = try String(contentsOf: CommandRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```toml\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let config = try Config.parse(String(readme[start.upperBound..<end.lowerBound]), fileURL: file)
        #expect(config.enrollment.capacityMax == 5)
        #expect(config.enrollment.areas["nova"] == ["Nova", "compute"])
        #expect(config.enrollment.roundOpens.count == 4)
        #expect(config.matching.rules.minimumOverlapHours == 4)
        #expect(config.matching.weights.sharedArea == 10)
    }
}
