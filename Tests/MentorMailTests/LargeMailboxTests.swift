import Foundation
import Mail
import MailTransport
@testable import MentorMail
import TestSupport
import Testing

/// A big folder on the real Dovecot: every new message is seen and answered in one run, however
/// many there are and however large their UIDs.
@Suite struct LargeMailboxTests {
    /// Fills `user`'s INBOX with `count` sign-up requests whose UIDs start at `firstUID`: the
    /// next UID is raised with doveadm, then the messages are dropped into the Maildir Dovecot serves.
    static func fill(user: String, count: Int, firstUID: Int) throws {
        let environment = ProcessInfo.processInfo.environment
        let conf = try #require(environment["MENTORMAIL_TEST_DOVECOT_CONF"], "run the tests with scripts/test.sh")
        let mailDir = try #require(environment["MENTORMAIL_TEST_MAIL_DIR"], "run the tests with scripts/test.sh")
        let doveadm = ["/usr/bin/doveadm", "/usr/sbin/doveadm"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "doveadm"
        for arguments in [["mailbox", "status", "-u", user, "messages", "INBOX"],
                          ["mailbox", "update", "-u", user, "--min-next-uid", String(firstUID), "INBOX"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: doveadm)
            process.arguments = ["-c", conf] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "doveadm \(arguments.joined(separator: " "))")
        }
        let new = URL(fileURLWithPath: mailDir).appendingPathComponent("\(user)/new")
        let owner = try FileManager.default.attributesOfItem(atPath: new.deletingLastPathComponent().path)
        for index in 0..<count {
            let text = "From: Person \(index) <person\(index)@example.net>\r\nTo: mentoring@example.org\r\nSubject: Joining\r\n"
                + "Message-ID: <big-\(user)-\(index)@example.net>\r\nDate: Tue, 03 Nov 2026 10:00:00 +0000\r\n\r\nHello, how do I join?\r\n"
            let file = new.appendingPathComponent("1793700000.M\(index)P1.test")
            try Data(text.utf8).write(to: file)
            try FileManager.default.setAttributes([.ownerAccountID: owner[.ownerAccountID] as Any,
                                                   .groupOwnerAccountID: owner[.groupOwnerAccountID] as Any], ofItemAtPath: file.path)
        }
    }

    @Test func tenThousandMessagesWithUIDsAboveAMillionAreAllAnsweredInOneRun() throws {
        let scenario = try ServerScenario()
        // Answers go to files: this is about reading the folder.
        try scenario.editConfig(replacing: "url = \"\(scenario.servers.smtpURL)\"", with: "url = \"dir:outbox\"")
        try Self.fill(user: scenario.programUser, count: 10_000, firstUID: 1_000_001)
        let uids = try scenario.servers.mailbox(user: scenario.programUser).unprocessedUIDs()
        #expect(uids.count == 10_000)
        #expect(uids.first == 1_000_001 && uids.last == 1_010_000)

        let report = try scenario.processOK()
        #expect(report["examined"] as? Int == 10_000)
        #expect(report["answered"] as? Int == 10_000)
        #expect(report["sent"] as? Int == 10_000)
        #expect(try scenario.servers.mailbox(user: scenario.programUser).unprocessedUIDs().isEmpty, "every message flagged")
        let second = try scenario.processOK()
        #expect(second["examined"] as? Int == 0, "nothing is left for a second run")
    }
}
