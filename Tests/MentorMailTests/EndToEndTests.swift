import Foundation
import Mail
import MailTransport
import MentorMail
import TestSupport
import Testing

/// The whole path through the real servers: SMTP in, Dovecot, `mentormail process`, SMTP out,
/// Dovecot again, read back over IMAP.
@Suite struct EndToEndTests {
    @Test func signUpRequestIsAnsweredOnceThroughRealServers() throws {
        let scenario = try ServerScenario()
        let requestID = try scenario.participantWrites()

        let first = try scenario.process()
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let report = try scenario.report(first)
        #expect(report["answered"] as? Int == 1)
        #expect(report["sent"] as? Int == 1)

        let inbox = try scenario.participantInbox()
        try #require(inbox.count == 1)
        let reply = inbox[0]
        #expect(reply.inReplyTo == requestID)
        #expect(reply.references.contains(requestID))
        #expect(reply.autoSubmitted == "auto-replied")
        #expect(reply.from?.normalized == scenario.programAddress)
        #expect(reply.subject == "Re: How do I join?")
        #expect(reply.textBody?.contains("Role:") == true)
        #expect(reply.textBody?.contains("Time zone:") == true)

        let programBox = try scenario.servers.mailbox(user: scenario.programUser)
        #expect(try programBox.unprocessedUIDs().isEmpty)
        #expect(try programBox.search("KEYWORD \(processedKeyword)").count == 1)

        let second = try scenario.process()
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let again = try scenario.report(second)
        #expect(again["examined"] as? Int == 0)
        #expect(again["sent"] as? Int == 0)
        #expect(try scenario.participantInbox().count == 1)
    }

    @Test func killedBetweenCommitAndFlagAnswersExactlyOnce() throws {
        let scenario = try ServerScenario()
        _ = try scenario.participantWrites()

        let crashed = try scenario.process(fault: "after-commit")
        #expect(crashed.killed, "the run should have been killed; status \(crashed.status), stderr: \(crashed.stderr)")
        let programBox = try scenario.servers.mailbox(user: scenario.programUser)
        #expect(try programBox.unprocessedUIDs().count == 1, "the flag must not be set yet")
        #expect(try scenario.participantInbox().isEmpty, "nothing is sent before the outbox step")

        let rerun = try scenario.process()
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        let report = try scenario.report(rerun)
        #expect(report["reflagged"] as? Int == 1)
        #expect(report["answered"] as? Int == 0)
        #expect(report["sent"] as? Int == 1)
        #expect(try scenario.servers.mailbox(user: scenario.programUser).unprocessedUIDs().isEmpty)
        #expect(try scenario.participantInbox().count == 1)

        _ = try scenario.process()
        #expect(try scenario.participantInbox().count == 1)
    }

    @Test func killedBetweenSMTPAcceptanceAndSentResendsTheSameMessageID() throws {
        let scenario = try ServerScenario()
        _ = try scenario.participantWrites()

        let crashed = try scenario.process(fault: "after-send")
        #expect(crashed.killed, "the run should have been killed; status \(crashed.status), stderr: \(crashed.stderr)")
        let delivered = try scenario.participantInbox()
        try #require(delivered.count == 1, "the server accepted the answer before the kill")

        let rerun = try scenario.process()
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        let report = try scenario.report(rerun)
        #expect(report["sent"] as? Int == 1)
        #expect(report["answered"] as? Int == 0)

        let inbox = try scenario.participantInbox()
        try #require(inbox.count == 2)
        let firstID = try #require(inbox[0].messageID)
        #expect(inbox[1].messageID == firstID, "a resend must carry the same Message-ID so clients can drop it")

        let third = try scenario.process()
        #expect(try scenario.report(third)["sent"] as? Int == 0)
        #expect(try scenario.participantInbox().count == 2)
    }
}
