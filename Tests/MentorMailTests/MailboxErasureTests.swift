import Foundation
import Mail
import MailTransport
@testable import MentorMail
import TestSupport
import Testing

/// "Delete my data" answers that the messages the person sent us are gone: the mailbox's copies
/// go too (the Maildir's files, the IMAP folder's messages and those moved to `move_to`), and
/// everyone else's mail stays.
@Suite struct MailboxErasureTests {
    static func form(_ name: String, role: String) -> String {
        "Role: \(role)\r\nName: \(name)\r\nMentoring type: technical\r\nAreas: Nova\r\nTime zone: Europe/Madrid\r\n"
            + "Languages: English\r\nInteraction: email\r\n"
    }

    static func files(in harness: ProcessorTests.Program) throws -> [String] {
        try ["new", "cur"].flatMap { sub in
            try FileManager.default.contentsOfDirectory(atPath: harness.folder.appendingPathComponent("mailbox/\(sub)").path)
                .map { try String(contentsOf: harness.folder.appendingPathComponent("mailbox/\(sub)/\($0)"), encoding: .utf8) }
        }
    }

    @Test func theMaildirFilesOfAnErasedPersonAreDeletedAndOthersStay() throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive("From: Zoe Quint <zoe@example.net>\r\nTo: mentoring@example.org\r\nSubject: Join\r\nMessage-ID: <z1@example.net>\r\n\r\n" + Self.form("Zoe Quint", role: "mentee"))
        try harness.arrive("From: Omar Haddad <omar@example.org>\r\nTo: mentoring@example.org\r\nSubject: Join\r\nMessage-ID: <o1@example.org>\r\n\r\n" + Self.form("Omar Haddad", role: "mentor"))
        _ = try harness.run()
        #expect(try Self.files(in: harness).count == 2)
        let report = try ErasureTests.erase(harness, "Zoe Quint", "zoe@example.net", at: harness.now)
        #expect(try harness.database.participant(email: "zoe@example.net")?.status == .erased)
        #expect(report.erasedFromMailbox == 3, "her sign-up, her request and her confirmation")
        let left = try Self.files(in: harness)
        #expect(left.count == 1 && left.allSatisfy { $0.contains("omar@example.org") }, "\(left)")
        #expect(try harness.database.read { db in try AppDatabase.mailboxErasures(db, mailbox: harness.mailbox.displayName) }.isEmpty)
        let confirmation = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["zoe@example.net"] })
        #expect(confirmation.textBody?.contains("our mailbox") == true, "the answer says the mailbox copies go too")
        // Nothing is left to do: the next run deletes nothing.
        #expect(try harness.run().erasedFromMailbox == nil)
    }

    /// The erasure commits with its row queued; the files go by the run after, if this run
    /// could not delete them (here: the run that erased was a dry run's neighbour, a failure).
    @Test func aDeletionThatFailsIsTriedAgainByTheNextRun() throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive("From: Zoe Quint <zoe@example.net>\r\nTo: mentoring@example.org\r\nSubject: Join\r\nMessage-ID: <z1@example.net>\r\n\r\n" + Self.form("Zoe Quint", role: "mentee"))
        _ = try harness.run()
        // The run that erases cannot touch the mailbox folder (its cur/ is read-only).
        let cur = harness.folder.appendingPathComponent("mailbox/cur").path
        let blocked = try ErasureTests.erase(harness, "Zoe Quint", "zoe@example.net", at: harness.now) {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cur)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cur)
        if getuid() != 0 {
            #expect(blocked.problems.contains { $0.contains("could not delete the mail of people whose data was erased") }, "\(blocked.problems)")
            #expect(try Self.files(in: harness).contains { $0.contains("zoe@example.net") })
            let again = try harness.run()
            #expect(again.erasedFromMailbox ?? 0 >= 1)
        }
        #expect(!(try Self.files(in: harness)).contains { $0.contains("zoe@example.net") }, "gone after the next run at the latest")
    }

    /// Through Dovecot, with processed mail moved to another folder: the person's messages are
    /// found there by Message-ID and sender and expunged; the coordinator's stay.
    @Test func theIMAPCopiesMovedToAnotherFolderAreExpunged() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: "starttls = \"never\"\n\n[smtp]", with: "starttls = \"never\"\nmove_to = \"Processed\"\n\n[smtp]")
        try scenario.servers.mailbox(user: scenario.programUser).createFolder("Processed")
        try scenario.participantWrites(subject: "Sign up", text: Self.form("Alice Liddell", role: "mentee").replacingOccurrences(of: "\r\n", with: "\n"))
        try scenario.servers.deliver(from: scenario.coordinatorAddress, to: [scenario.programAddress], subject: "Hello", text: "How is the round going?\n")
        try scenario.processOK()
        try scenario.participantWrites(subject: "delete my data", text: "Please delete my data.\n")
        try scenario.processOK()
        let ask = try #require(try scenario.participantInbox().last)
        let raw = "From: \(scenario.participantAddress)\nTo: \(scenario.programAddress)\nSubject: Re: \(ask.subject ?? "")\n"
            + "Message-ID: <yes-\(UUID().uuidString)@example.org>\nIn-Reply-To: <\(ask.messageID ?? "")>\n\nYes\n"
        try scenario.deliverRaw(raw, from: scenario.participantAddress)
        let before = try scenario.servers.messages(of: scenario.programUser, folder: "Processed")
        #expect(before.filter { $0.from?.normalized == scenario.participantAddress }.count == 2)
        let report = try scenario.processOK()
        #expect(report["erasedFromMailbox"] as? Int == 3, "\(report)")
        let processed = try scenario.servers.messages(of: scenario.programUser, folder: "Processed")
        #expect(!processed.contains { $0.from?.normalized == scenario.participantAddress })
        #expect(processed.contains { $0.from?.normalized == scenario.coordinatorAddress }, "the coordinator's mail stays")
        #expect(try scenario.servers.messages(of: scenario.programUser).isEmpty)
    }
}
