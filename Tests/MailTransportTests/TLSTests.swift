import Foundation
import MailTransport
import TestSupport
import Testing

/// TLS against the test Dovecot, whose certificate is self-signed: verification is on by
/// default, so only the configured CA file makes it trusted.
@Suite struct TLSTests {
    @Test func imapsWithTheCAFileWorks() throws {
        let servers = try TestServers.require()
        let user = TestServers.uniqueUser("tls")
        try servers.deliver(from: "a@example.org", to: ["\(user)@example.org"], subject: "over TLS", text: "x\n")
        let box = try IMAPMailbox(url: "\(servers.imapsURL)/INBOX",
                                  credentials: ServerCredentials(user: user, password: servers.password, caFile: servers.caFile, connectTimeout: 10))
        #expect(try box.uidValidity() > 0)
        #expect(try box.unprocessedUIDs().count == 1)
    }

    @Test func anUntrustedCertificateIsRefused() throws {
        let servers = try TestServers.require()
        let box = try IMAPMailbox(url: "\(servers.imapsURL)/INBOX",
                                  credentials: ServerCredentials(user: "x", password: servers.password, connectTimeout: 10))
        let error = try #require(throws: TransportError.self) { try box.uidValidity() }
        #expect(error.message.lowercased().contains("certificate"), "\(error.message)")
        #expect(!error.message.contains(servers.password))
    }

    @Test func requiredSTARTTLSUpgradesThePlainPort() throws {
        let servers = try TestServers.require()
        let trusted = try IMAPMailbox(url: "\(servers.imapURL)/INBOX",
                                      credentials: ServerCredentials(user: "x", password: servers.password, caFile: servers.caFile,
                                                                     startTLS: .required, connectTimeout: 10))
        #expect(try trusted.uidValidity() > 0)
        // Offered by the server but not trusted: "if-available" must not fall back to clear text.
        let untrusted = try IMAPMailbox(url: "\(servers.imapURL)/INBOX",
                                        credentials: ServerCredentials(user: "x", password: servers.password,
                                                                       startTLS: .ifAvailable, connectTimeout: 10))
        #expect(throws: TransportError.self) { try untrusted.uidValidity() }
    }
}
