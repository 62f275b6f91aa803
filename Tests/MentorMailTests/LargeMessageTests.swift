import Foundation
import GRDB
import Mail
import MailTransport
@testable import MentorMail
import TestSupport
import Testing

/// A message larger than `MessageSpool.keptInMemory` is understood from its first bytes and
/// stored whole, byte for byte, without being held whole in memory: from a Maildir and through
/// the real Dovecot.
@Suite struct LargeMessageTests {
    /// A sign-up asked in words, then an attachment of `megabytes` MB.
    static func signUpWithAttachment(megabytes: Int, from address: String, id: String) -> [UInt8] {
        var text = "From: Ana <\(address)>\r\nTo: mentoring@example.org\r\nSubject: Joining\r\nMessage-ID: <\(id)>\r\n"
            + "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello, I'd like to join as a mentee. My CV is attached.\r\n"
            + "--b1\r\nContent-Type: application/pdf; name=\"cv.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        let line = String(repeating: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", count: 2) + "\r\n"
        text += String(repeating: line, count: megabytes * (1 << 20) / line.utf8.count)
        text += "--b1--\r\n"
        return Array(text.utf8)
    }

    static func storedRaw(databasePath: String) throws -> [UInt8] {
        try DatabaseQueue(path: databasePath).read { db in try [UInt8](Data.fetchOne(db, sql: "SELECT raw FROM inboundRaw") ?? Data()) }
    }

    @Test func aLargeMaildirMessageIsReadFromItsStartAndStoredWhole() throws {
        let program = try ProcessorTests.Program()
        let bytes = Self.signUpWithAttachment(megabytes: 9, from: "ana@example.net", id: "large-1@example.net")
        try Data(bytes).write(to: program.folder.appendingPathComponent("mailbox/new/1793700000.M1P1.test"))

        let uids = try program.mailbox.unprocessedUIDs()
        let stream = try program.mailbox.messages(uids)
        let item = try #require(stream.next(wait: true))
        let spool = try #require(item.spool, "a 9 MB message is spooled")
        #expect(spool.size == bytes.count)
        #expect(try item.bytes.get() == Array(bytes.prefix(MessageSpool.keptInMemory)))
        stream.close()

        let report = try program.run()
        #expect(report.examined == 1 && report.answered == 1 && report.failed == 0)
        #expect(try Self.storedRaw(databasePath: program.config.program.database) == bytes, "stored byte for byte")
        let answer = try #require(try program.database.outbox().first)
        #expect(String(decoding: answer.raw, as: UTF8.self).contains("You asked to join as a mentee"),
                "the words before the attachment were read")
    }

    @Test func aLargeMessageThroughIMAPIsSpooledAndStoredWhole() throws {
        let scenario = try ServerScenario()
        let bytes = Self.signUpWithAttachment(megabytes: 9, from: "ana-\(scenario.programUser)@example.net",
                                              id: "large-\(scenario.programUser)@example.net")
        try scenario.servers.sender().send(bytes, from: "ana@example.net", to: ["\(scenario.programUser)@example.org"])
        let box = try scenario.servers.mailbox(user: scenario.programUser)
        let uids = try box.unprocessedUIDs()
        try #require(uids.count == 1)
        let delivered = try box.fetch(uid: uids[0])

        let stream = try box.messages(uids)
        let item = try #require(stream.next(wait: true))
        let spool = try #require(item.spool, "a 9 MB message is spooled")
        #expect(spool.size == delivered.count)
        var whole = [UInt8](repeating: 0, count: spool.size)
        #expect(try whole.withUnsafeMutableBytes { try spool.read(at: 0, into: $0) } == delivered.count)
        #expect(whole == delivered, "the spool holds the message byte for byte")
        #expect(try item.bytes.get() == Array(delivered.prefix(MessageSpool.keptInMemory)))
        stream.close()

        let report = try scenario.processOK()
        #expect(report["examined"] as? Int == 1)
        #expect(report["answered"] as? Int == 1)
        let databasePath = scenario.folder.appendingPathComponent("state/mentormail.sqlite").path
        #expect(try Self.storedRaw(databasePath: databasePath) == delivered, "stored byte for byte")
    }
}
