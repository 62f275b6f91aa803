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

    @Test func maildirFindsAMessageThatAnotherProgramMovedAfterTheListing() throws {
        let root = try temporaryFolder()
        let box = try MaildirMailbox(path: root.path)
        let fileManager = FileManager.default
        try Data("Subject: moved\r\n\r\nM\r\n".utf8).write(to: root.appendingPathComponent("new/2001.M1.host"))
        try Data("Subject: stays\r\n\r\nS\r\n".utf8).write(to: root.appendingPathComponent("new/2002.M2.host"))
        #expect(try box.unprocessedUIDs() == [1, 2])

        // A mail client takes the first message from new/ to cur/ and reads and flags it.
        try fileManager.moveItem(at: root.appendingPathComponent("new/2001.M1.host"),
                                 to: root.appendingPathComponent("cur/2001.M1.host:2,FS"))
        #expect(Message(bytes: try box.fetch(uid: 1)).subject == "moved")
        try box.markProcessed(uid: 1)
        #expect(try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("cur").path) == ["2001.M1.host:2,FSa"])

        // Moved between fetch and flag: the rename meets ENOENT, and the message is found again.
        #expect(Message(bytes: try box.fetch(uid: 2)).subject == "stays")
        try fileManager.moveItem(at: root.appendingPathComponent("new/2002.M2.host"),
                                 to: root.appendingPathComponent("cur/2002.M2.host:2,R"))
        try box.markProcessed(uid: 2)
        let cur = try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("cur").path).sorted()
        #expect(cur == ["2001.M1.host:2,FSa", "2002.M2.host:2,RSa"])
        #expect(try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("new").path).isEmpty)
        #expect(try box.unprocessedUIDs().isEmpty)
    }

    @Test func maildirListsTheFolderOncePerRun() throws {
        let root = try temporaryFolder()
        let box = try MaildirMailbox(path: root.path)
        for number in 1...3 {
            try Data("Subject: m\(number)\r\n\r\n\(number)\r\n".utf8).write(to: root.appendingPathComponent("cur/300\(number).M\(number).host:2,F"))
        }
        #expect(try box.unprocessedUIDs() == [1, 2, 3])
        // Without new/ a listing fails, so what follows shows that no listing happens.
        let new = root.appendingPathComponent("new")
        let aside = root.appendingPathComponent("new-aside")
        try FileManager.default.moveItem(at: new, to: aside)
        for uid: UInt32 in [1, 2, 3] {
            #expect(Message(bytes: try box.fetch(uid: uid)).subject == "m\(uid)")
            try box.markProcessed(uid: uid)
            // After its own rename the message is still read, and flagging again changes nothing.
            #expect(Message(bytes: try box.fetch(uid: uid)).subject == "m\(uid)")
            try box.markProcessed(uid: uid)
        }
        try FileManager.default.moveItem(at: aside, to: new)
        let cur = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cur").path).sorted()
        #expect(cur == ["3001.M1.host:2,FSa", "3002.M2.host:2,FSa", "3003.M3.host:2,FSa"])
        #expect(try box.unprocessedUIDs().isEmpty)
    }

    @Test func maildirInstancesOnOneFolderSeeEachOthersWork() throws {
        let root = try temporaryFolder()
        let first = try MaildirMailbox(path: root.path)
        for number in 1...3 {
            try Data("Subject: m\(number)\r\n\r\n\(number)\r\n".utf8).write(to: root.appendingPathComponent("new/400\(number).M\(number).host"))
        }
        #expect(try first.unprocessedUIDs() == [1, 2, 3])
        try first.markProcessed(uid: 1)

        let second = try MaildirMailbox(path: root.path)
        #expect(try second.unprocessedUIDs() == [2, 3])
        #expect(Message(bytes: try second.fetch(uid: 3)).subject == "m3")
        try second.markProcessed(uid: 3)

        // The first instance's listing is out of date: it still reads and flags from the folder as it is.
        #expect(Message(bytes: try first.fetch(uid: 3)).subject == "m3")
        try first.markProcessed(uid: 3)
        try first.markProcessed(uid: 2)
        #expect(try first.unprocessedUIDs().isEmpty)
        #expect(try second.unprocessedUIDs().isEmpty)
        let cur = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cur").path).sorted()
        #expect(cur == ["4001.M1.host:2,Sa", "4002.M2.host:2,Sa", "4003.M3.host:2,Sa"])
        let uidlist = try String(contentsOf: root.appendingPathComponent("mentormail-uidlist"), encoding: .utf8)
        #expect(uidlist.split(separator: "\n").dropFirst() == ["1 4001.M1.host", "2 4002.M2.host", "3 4003.M3.host"])
        let keywords = try String(contentsOf: root.appendingPathComponent("dovecot-keywords"), encoding: .utf8)
        #expect(keywords == "0 \(processedKeyword)\n")
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

    @Test func directorySenderNumbersOnFromTheFilesAlreadyThere() throws {
        let folder = try temporaryFolder()
        try Data("Subject: old\r\n\r\n".utf8).write(to: folder.appendingPathComponent("9998-to-a@example.org.eml"))
        let sender = try DirectorySender(path: folder.path)
        try sender.send(Array("Subject: one\r\n\r\n1\r\n".utf8), from: "p@example.org", to: ["b@example.org"])
        try sender.send(Array("Subject: two\r\n\r\n2\r\n".utf8), from: "p@example.org", to: ["c@example.org"])
        let later = try DirectorySender(path: folder.path)
        try later.send(Array("Subject: three\r\n\r\n3\r\n".utf8), from: "p@example.org", to: ["d@example.org"])
        #expect(later.sentFiles().map(\.lastPathComponent)
            == ["9998-to-a@example.org.eml", "9999-to-b@example.org.eml", "10000-to-c@example.org.eml", "10001-to-d@example.org.eml"])
    }
}
