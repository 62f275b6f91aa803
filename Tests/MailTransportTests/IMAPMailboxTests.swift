import Foundation
import Mail
import MailTransport
import TestSupport
import Testing

/// IMAP and SMTP over libcurl against the real Dovecot and SMTP servers of the test run.
@Suite struct IMAPMailboxTests {
    @Test func listsFetchesAndFlagsOverOneConnection() throws {
        let servers = try TestServers.require()
        let user = TestServers.uniqueUser("box")
        let sender = try servers.sender()
        // Several messages over one SMTP connection.
        let first = try servers.deliver(from: "a@example.org", to: ["\(user)@example.org"], subject: "one", text: "first\n", sender: sender)
        let second = try servers.deliver(from: "b@example.org", to: ["\(user)@example.org"], subject: "two", text: "second\n", sender: sender)

        let box = try servers.mailbox(user: user)
        let validity = try box.uidValidity()
        #expect(validity > 0)
        let uids = try box.unprocessedUIDs()
        try #require(uids.count == 2)
        #expect(uids == uids.sorted())

        let bytes = try box.fetch(uid: uids[0])
        let message = Message(bytes: bytes)
        #expect(message.messageID == first)
        #expect(message.subject == "one")
        #expect(message.textBody?.contains("first") == true)

        try box.markProcessed(uid: uids[0])
        #expect(try box.unprocessedUIDs() == [uids[1]])
        #expect(try box.search("KEYWORD \(processedKeyword)") == [uids[0]])
        #expect(Message(bytes: try box.fetch(uid: uids[1])).messageID == second)
        // UIDVALIDITY is stable across connections.
        #expect(try servers.mailbox(user: user).uidValidity() == validity)
    }

    @Test func fetchReturnsTheExactBytes() throws {
        let servers = try TestServers.require()
        let user = TestServers.uniqueUser("exact")
        var lines = ["From: x@example.org", "To: \(user)@example.org", "Subject: exact bytes",
                     "Message-ID: <exact-\(user)@example.org>", "MIME-Version: 1.0",
                     "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
        // Long enough to need IMAP literals and many response lines.
        for index in 0..<400 { lines.append("line \(index): grüße, ça va, ☃") }
        let raw = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        try servers.sender().send(raw, from: "x@example.org", to: ["\(user)@example.org"])

        let box = try servers.mailbox(user: user)
        let uid = try #require(try box.unprocessedUIDs().first)
        let fetched = try box.fetch(uid: uid)
        // Dovecot prepends its trace headers; the message itself must follow byte for byte.
        let suffix = Array(fetched.suffix(raw.count))
        #expect(suffix == raw)
    }

    @Test func movesProcessedMessagesWhenAsked() throws {
        let servers = try TestServers.require()
        let user = TestServers.uniqueUser("move")
        try servers.deliver(from: "a@example.org", to: ["\(user)@example.org"], subject: "to move", text: "x\n")
        // Dovecot creates the folder on first delivery to it; make it through LMTP-free IMAP instead.
        let box = try servers.mailbox(user: user, moveTo: "Processed")
        try box.createFolder("Processed")
        let uid = try #require(try box.unprocessedUIDs().first)
        try box.markProcessed(uid: uid)
        #expect(try box.search("ALL").isEmpty)
        let moved = try servers.messages(of: user, folder: "Processed")
        #expect(moved.count == 1)
        #expect(moved.first?.subject == "to move")
    }

    @Test func wrongPasswordGivesAClearErrorWithoutThePassword() throws {
        let servers = try TestServers.require()
        let secret = "not-the-password-\(UUID().uuidString)"
        let box = try IMAPMailbox(url: "\(servers.imapURL)/INBOX",
                                  credentials: ServerCredentials(user: "someone", password: secret, startTLS: .never, connectTimeout: 10))
        let error = try #require(throws: TransportError.self) { try box.uidValidity() }
        #expect(error.message.contains("IMAP"))
        #expect(!error.message.contains(secret))
    }

    @Test func unreachableServerIsReportedNotHung() throws {
        // Nothing listens on port 1 of the loopback address.
        let box = try IMAPMailbox(url: "imap://127.0.0.1:1/INBOX",
                                  credentials: ServerCredentials(user: "u", password: "p", startTLS: .never, connectTimeout: 5))
        let error = try #require(throws: TransportError.self) { try box.unprocessedUIDs() }
        #expect(error.message.contains("127.0.0.1:1"))
    }

    @Test func urlsWithCredentialsOrWrongSchemesAreRefused() {
        #expect(throws: TransportError.self) {
            try IMAPMailbox(url: "imap://user:pw@127.0.0.1/INBOX", credentials: ServerCredentials())
        }
        #expect(throws: TransportError.self) {
            try IMAPMailbox(url: "http://127.0.0.1/INBOX", credentials: ServerCredentials())
        }
        #expect(throws: TransportError.self) {
            try SMTPSender(url: "smtp://user:pw@127.0.0.1", credentials: ServerCredentials())
        }
    }

    @Test func smtpRefusesEnvelopeInjection() throws {
        let servers = try TestServers.require()
        let sender = try servers.sender()
        #expect(throws: TransportError.self) {
            try sender.send(Array("Subject: x\r\n\r\nx\r\n".utf8), from: "a@example.org", to: ["b@example.org>\r\nRCPT TO:<c@example.org"])
        }
    }
    /// Deleting expunges exactly the given messages: by UID in the folder, by Message-ID and
    /// sender once moved (or when the UIDs were read under another UIDVALIDITY).
    @Test func deletesTheGivenMessagesHereAndWhereTheyMoved() throws {
        let servers = try TestServers.require()
        let user = TestServers.uniqueUser("erase")
        let address = "\(user)@example.org"
        let first = try servers.deliver(from: "ana@example.org", to: [address], subject: "one", text: "x\n")
        let second = try servers.deliver(from: "ana@example.org", to: [address], subject: "two", text: "x\n")
        try servers.deliver(from: "ben@example.org", to: [address], subject: "ben's", text: "x\n")
        let box = try servers.mailbox(user: user)
        let validity = try box.uidValidity()
        let uids = try box.search("ALL")
        try #require(uids.count == 3)
        // In the folder: the first by its UID, the second by Message-ID under a stale UIDVALIDITY.
        let removed = try box.delete([MailboxCopy(uidValidity: validity, uid: uids[0], messageID: first, sender: "ana@example.org"),
                                      MailboxCopy(uidValidity: validity &+ 1, uid: 999, messageID: second, sender: "ana@example.org")])
        #expect(removed == 2)
        #expect(try servers.messages(of: user).map(\.subject) == ["ben's"])
        #expect(try box.delete([MailboxCopy(uidValidity: validity, uid: uids[0], messageID: first, sender: "ana@example.org")]) == 0,
                "a copy already gone is no error")

        // Moved to another folder: found there by Message-ID and sender, not another sender's.
        let moved = try servers.deliver(from: "ana@example.org", to: [address], subject: "moved", text: "x\n")
        let mover = try servers.mailbox(user: user, moveTo: "Processed")
        try mover.createFolder("Processed")
        try mover.markProcessed(uids: try mover.unprocessedUIDs())
        #expect(try servers.messages(of: user, folder: "Processed").count == 2)
        let gone = try mover.delete([MailboxCopy(uidValidity: validity, uid: 4, messageID: moved, sender: "ana@example.org"),
                                     MailboxCopy(uidValidity: validity, uid: 4, messageID: moved, sender: "ben@example.org")])
        #expect(gone == 1)
        #expect(try servers.messages(of: user, folder: "Processed").map(\.subject) == ["ben's"])
    }
}
