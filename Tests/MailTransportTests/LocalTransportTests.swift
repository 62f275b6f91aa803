import Foundation
import Mail
import MailTransport
import Testing

/// The embedded transports: a Maildir as the mailbox and a folder of .eml files as the sender.
@Suite struct LocalTransportTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-local-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func maildirGivesStableUIDsAndRemembersProcessedMessages() throws {
        let root = try temporaryFolder()
        let box = try MaildirMailbox(path: root.path)
        let new = root.appendingPathComponent("new")
        try Data("Subject: a\r\n\r\nA\r\n".utf8).write(to: new.appendingPathComponent("1001.M1.host"))
        try Data("Subject: b\r\n\r\nB\r\n".utf8).write(to: new.appendingPathComponent("1002.M2.host"))

        let validity = try box.uidValidity()
        let uids = try box.unprocessedUIDs()
        #expect(uids == [1, 2])
        #expect(Message(bytes: try box.fetch(uid: 1)).subject == "a")
        try box.markProcessed(uid: 1)
        #expect(try box.unprocessedUIDs() == [2])

        // The flag lives in the file name, next to Dovecot's keyword letter.
        let cur = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cur").path)
        #expect(cur == ["1001.M1.host:2,Sa"])
        let keywords = try String(contentsOf: root.appendingPathComponent("dovecot-keywords"), encoding: .utf8)
        #expect(keywords == "0 \(processedKeyword)\n")

        // A new instance (the next run) sees the same UIDs and validity.
        let again = try MaildirMailbox(path: root.path)
        #expect(try again.uidValidity() == validity)
        #expect(try again.unprocessedUIDs() == [2])
        #expect(Message(bytes: try again.fetch(uid: 2)).subject == "b")
        try Data("Subject: c\r\n\r\nC\r\n".utf8).write(to: new.appendingPathComponent("1003.M3.host"))
        #expect(try again.unprocessedUIDs() == [2, 3])
    }

    @Test func maildirKeepsOtherKeywordsAndFlags() throws {
        let root = try temporaryFolder()
        try "0 $Label1\n".write(to: root.appendingPathComponent("dovecot-keywords"), atomically: true, encoding: .utf8)
        let box = try MaildirMailbox(path: root.path)
        try Data("Subject: x\r\n\r\nx\r\n".utf8).write(to: root.appendingPathComponent("cur/77.M1.host:2,Fa"))
        let uid = try #require(try box.unprocessedUIDs().first)
        try box.markProcessed(uid: uid)
        let cur = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cur").path)
        #expect(cur == ["77.M1.host:2,FSab"])
        #expect(try box.unprocessedUIDs().isEmpty)
    }

    @Test func maildirRefusesAnUnknownUID() throws {
        let box = try MaildirMailbox(path: try temporaryFolder().path)
        #expect(throws: TransportError.self) { try box.fetch(uid: 42) }
    }

    @Test func directorySenderWritesOneFilePerMessageAtomically() throws {
        let folder = try temporaryFolder()
        let sender = try DirectorySender(path: folder.path)
        try sender.send(Array("Subject: one\r\n\r\n1\r\n".utf8), from: "p@example.org", to: ["a@example.org"])
        try sender.send(Array("Subject: two\r\n\r\n2\r\n".utf8), from: "p@example.org", to: ["b@example.org", "c@example.org"])
        let files = sender.sentFiles()
        #expect(files.map(\.lastPathComponent) == ["0001-to-a@example.org.eml", "0002-to-b@example.org.eml"])
        #expect(Message(bytes: Array(try Data(contentsOf: files[1]))).subject == "two")
        let all = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(all.count == 2, "no temporary files are left behind")
        #expect(throws: TransportError.self) { try sender.send([], from: "p@example.org", to: []) }
    }
}
