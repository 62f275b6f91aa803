import Foundation
import Mail
@testable import MentorMail
import Testing

/// A bounce for one of our messages is never answered, and the coordinators read in the digest
/// who could not be reached, with which mail and the server's words.
@Suite struct BounceTests {
    /// Ana signs up; her answer goes out; the program's outbox row for it.
    func answered(_ harness: ProcessorTests.Program) throws -> OutboxMessage {
        try harness.arrive("From: Ana <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: Join\r\nMessage-ID: <a1@example.net>\r\n\r\nHello, I would like to join as a mentee.\r\n")
        _ = try harness.run()
        return try #require(try harness.database.outbox().first { $0.recipients == "ana@example.net" })
    }

    static func dsn(about id: String, action: String = "failed", status: String = "5.1.1") -> String {
        """
        Return-Path: <>\r
        From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r
        To: mentoring@example.org\r
        Subject: Undelivered Mail Returned to Sender\r
        Message-ID: <dsn-\(UUID().uuidString)@mx.example.net>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/report; report-type=delivery-status; boundary="r1"\r
        \r
        --r1\r
        Content-Type: text/plain; charset=us-ascii\r
        \r
        This is the mail system at host mx.example.net. I'm sorry to have to inform you that your
        message could not be delivered to one or more recipients.\r
        --r1\r
        Content-Type: message/delivery-status\r
        \r
        Reporting-MTA: dns; mx.example.net\r
        \r
        Final-Recipient: rfc822; ana@example.net\r
        Original-Recipient: rfc822;ana@example.net\r
        Action: \(action)\r
        Status: \(status)\r
        Diagnostic-Code: smtp; 550 5.1.1 <ana@example.net>: Recipient address rejected:\r
         User unknown in local recipient table\r
        --r1\r
        Content-Type: text/rfc822-headers\r
        \r
        From: Test Mentoring <mentoring@example.org>\r
        To: ana@example.net\r
        Subject: Re: Join\r
        Message-ID: <\(id)>\r
        --r1--\r
        """
    }

    @Test func aDeliveryStatusNotificationReachesTheDigest() throws {
        let harness = try ProcessorTests.Program()
        let row = try answered(harness)
        try harness.arrive(Self.dsn(about: row.messageID))
        let report = try harness.run()
        #expect(report.ignored == 1, "never answered")
        #expect(try harness.sent().filter { $0.to.map(\.normalized).contains("mailer-daemon@mx.example.net") }.isEmpty)
        let digest = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["coordinator@example.org"] })
        let text = try #require(digest.textBody)
        #expect(text.contains("to ana@example.net (outbox \(row.id ?? 0)) bounced: 5.1.1 550 5.1.1"), "\(text)")
        #expect(text.contains("User unknown in local recipient table"))
        #expect(text.contains("when it \"bounced\" after\nit left, the address does not work"), "no resend advice for mail that was sent: \(text)")
        #expect(try harness.database.inboundMessages().last?.intent == "bounce")
    }

    @Test func aPlainTextBounceWithTheOriginalQuotedIsReadToo() throws {
        let harness = try ProcessorTests.Program()
        let row = try answered(harness)
        try harness.arrive("""
            From: Mail Delivery System <Mailer-Daemon@mail.example.net>\r
            To: mentoring@example.org\r
            Subject: Mail delivery failed: returning message to sender\r
            X-Failed-Recipients: ana@example.net\r
            Message-ID: <exim-1@mail.example.net>\r
            \r
            This message was created automatically by mail delivery software.\r
            \r
            A message that you sent could not be delivered to one or more of its\r
            recipients. This is a permanent error. The following address(es) failed:\r
            \r
              ana@example.net\r
                mailbox is full: retry timeout exceeded\r
            \r
            ------ This is a copy of the message, including all the headers. ------\r
            \r
            From: Test Mentoring <mentoring@example.org>\r
            Message-ID: <\(row.messageID)>\r
            Subject: Re: Join\r
            """)
        _ = try harness.run()
        let digest = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["coordinator@example.org"] })
        #expect(digest.textBody?.contains("to ana@example.net (outbox \(row.id ?? 0)) bounced") == true, "\(digest.textBody ?? "")")
    }

    /// A delay warning is no failure, and a bounce about mail we never sent is nobody's news.
    @Test func delaysAndStrangersBouncesAreOnlyIgnored() throws {
        let harness = try ProcessorTests.Program()
        let row = try answered(harness)
        let before = try harness.sent().count
        try harness.arrive(Self.dsn(about: row.messageID, action: "delayed", status: "4.4.1"))
        try harness.arrive(Self.dsn(about: "not-ours@elsewhere.example"))
        let report = try harness.run()
        #expect(report.ignored == 2)
        #expect(try harness.sent().count == before, "no digest, no answer")
    }

    @Test func theReportNamesTheOriginalAndTheFailedRecipient() {
        let report = DeliveryReport(Message(Self.dsn(about: "abc@mentoring.example.org")))
        #expect(report?.originalMessageIDs == ["abc@mentoring.example.org"])
        #expect(report?.failedAddresses == ["ana@example.net"])
        #expect(report?.recipients.first?.diagnostic == "550 5.1.1 <ana@example.net>: Recipient address rejected: User unknown in local recipient table")
    }
}
