import Foundation
import Mail
import MailTransport

/// The real Dovecot (IMAP) and SMTP servers that `scripts/test.sh` starts on 127.0.0.1.
///
/// Dovecot accepts any user with the shared password, so every test invents its own
/// mailboxes and tests never see each other's mail.
public struct TestServers: Sendable {
    public let imapURL: String
    public let smtpURL: String
    public let password: String
    /// The same Dovecot over implicit TLS, and the CA file that verifies its certificate.
    public let imapsURL: String
    public let caFile: String

    public struct NotRunning: Error, CustomStringConvertible {
        public var description: String {
            "the test mail servers are not running: run the tests with scripts/test.sh (it starts them)"
        }
    }

    /// Throws (failing the test, never skipping it) when the servers' environment is missing.
    public static func require() throws -> TestServers {
        let environment = ProcessInfo.processInfo.environment
        guard let imap = environment["MENTORMAIL_TEST_IMAP_URL"],
              let smtp = environment["MENTORMAIL_TEST_SMTP_URL"],
              let password = environment["MENTORMAIL_TEST_PASSWORD"],
              let imaps = environment["MENTORMAIL_TEST_IMAPS_URL"],
              let caFile = environment["MENTORMAIL_TEST_CA_FILE"] else { throw NotRunning() }
        return TestServers(imapURL: imap, smtpURL: smtp, password: password, imapsURL: imaps, caFile: caFile)
    }

    /// A fresh local part such as "prog-1a2b3c4d", unique per call.
    public static func uniqueUser(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    public func credentials(user: String) -> ServerCredentials {
        ServerCredentials(user: user, password: password, startTLS: .never, connectTimeout: 10)
    }

    public func mailbox(user: String, folder: String = "INBOX", moveTo: String? = nil) throws -> IMAPMailbox {
        try IMAPMailbox(url: "\(imapURL)/\(folder)", credentials: credentials(user: user), moveTo: moveTo)
    }

    public func sender() throws -> SMTPSender {
        try SMTPSender(url: smtpURL, credentials: ServerCredentials(startTLS: .never, connectTimeout: 10), heloDomain: "test.example.org")
    }

    /// Every message in a user's folder, parsed, in UID order.
    public func messages(of user: String, folder: String = "INBOX") throws -> [Message] {
        let box = try mailbox(user: user, folder: folder)
        return try box.search("ALL").map { Message(bytes: try box.fetch(uid: $0)) }
    }

    /// Sends a small message from one address to others and returns its Message-ID.
    @discardableResult
    public func deliver(from: String, to: [String], subject: String, text: String, sender: SMTPSender? = nil) throws -> String {
        let id = MessageIDGenerator.make(domain: "example.org")
        let message = OutgoingMessage(from: MailAddress(address: from), to: to.map { MailAddress(address: $0) },
                                      subject: subject, text: text, messageID: id, date: Date())
        try (sender ?? self.sender()).send(message.render(), from: from, to: to)
        return id
    }
}
