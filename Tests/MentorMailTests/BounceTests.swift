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

    static func dsn(about id: String, action: String = "failed", status: String = "5.1.1", recipient: String = "ana@example.net") -> String {
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
        Final-Recipient: rfc822; \(recipient)\r
        Original-Recipient: rfc822;\(recipient)\r
        Action: \(action)\r
        Status: \(status)\r
        Diagnostic-Code: smtp; 550 5.1.1 <\(recipient)>: Recipient address rejected:\r
         User unknown in local recipient table\r
        --r1\r
        Content-Type: text/rfc822-headers\r
        \r
        From: Test Mentoring <mentoring@example.org>\r
        To: \(recipient)\r
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

    /// Ana's profile is stored (she is a participant) and answered; the outbox row of the answer.
    func signedUp(_ harness: ProcessorTests.Program) throws -> OutboxMessage {
        try harness.arrive(EnrollmentWorkflowTests().mail(body: EnrollmentWorkflowTests.form))
        _ = try harness.run()
        #expect(try harness.database.participant(email: "ana@example.net") != nil)
        return try #require(try harness.database.outbox().last { $0.recipients == "ana@example.net" })
    }

    func digests(_ harness: ProcessorTests.Program) throws -> [String] {
        try harness.sent().filter { $0.to.map(\.normalized) == ["coordinator@example.org"] }.compactMap(\.textBody)
    }

    /// Finding: after a hard bounce, later mail to the address went out and bounced again.
    /// Now the address is marked (when, which mail, the server's words); mail to it is kept as
    /// withheld, named once in the digest. Mail FROM the address proves nothing about delivery
    /// (a full mailbox still sends), so Ana writing again leaves the mark on.
    @Test func aHardBounceMarksTheParticipantAndTheirNextMailIsKept() throws {
        let harness = try ProcessorTests.Program()
        let row = try signedUp(harness)
        try harness.arrive(Self.dsn(about: row.messageID))
        _ = try harness.run()
        let mark = try #require(try harness.database.bounces().first)
        #expect(mark.email == "ana@example.net" && mark.outboxID == row.id && mark.purpose == row.purpose)
        #expect(mark.words.contains("5.1.1") && mark.words.contains("User unknown"), "\(mark.words)")
        let first = try digests(harness)
        #expect(first.last?.contains(
            "later mail to ana@example.net is kept, not sent, until `mentormail participants change-address ana@example.net NEW`") == true,
            "\(first)")

        let sentBefore = try harness.sent().count
        try harness.arrive(EnrollmentWorkflowTests().mail(body: "pause"))
        let report = try harness.run()
        #expect(report.answered == 1 && report.problems.isEmpty, "\(report)")
        #expect(try harness.database.participant(email: "ana@example.net")?.status == .paused, "what she asked is done")
        let kept = try #require(try harness.database.outbox().last { $0.recipients == "ana@example.net" })
        #expect(kept.id != row.id && kept.status == .withheld)
        #expect(kept.lastError?.hasPrefix("not sent: ana@example.net bounced for good on ") == true, "\(kept.lastError ?? "")")
        #expect(try harness.sent().dropFirst(sentBefore).allSatisfy { !$0.to.map(\.normalized).contains("ana@example.net") }, "nothing goes to Ana")
        #expect(try harness.database.bounces().count == 1, "her own mail does not clear the mark")
        let status = try harness.database.status(now: harness.now)
        #expect(status.withheld == 1 && status.bounced.map(\.email) == ["ana@example.net"])

        _ = try harness.run(at: harness.now.addingTimeInterval(3600))
        let line = "\(kept.purpose) to ana@example.net (outbox \(kept.id ?? 0)) kept, not sent: ana@example.net bounced for good"
        let all = try digests(harness)
        #expect(all.filter { $0.contains(line) }.count == 1, "named once: \(all)")
    }

    /// Finding: a report for an address the mail never went to ("m-nobody@", quoting our mail to
    /// Ana) was listed as that mail bounced at that address. The digest names the mail's real
    /// recipient and the address the report named; Ana, its one recipient, is marked as before.
    @Test func aReportNamingAnotherAddressNamesTheMailsRealRecipient() throws {
        let harness = try ProcessorTests.Program()
        let row = try signedUp(harness)
        try harness.arrive(Self.dsn(about: row.messageID, recipient: "nobody@example.net"))
        _ = try harness.run()
        let text = try #require(try digests(harness).last)
        #expect(!text.contains("to nobody@example.net (outbox"), "\(text)")
        #expect(text.contains("\(row.purpose) to ana@example.net (outbox \(row.id ?? 0)) bounced"), "\(text)")
        #expect(text.contains("the report named nobody@example.net, to which this mail did not go"), "\(text)")
        #expect(try harness.database.bounces().map(\.email) == ["ana@example.net"])
        #expect(try harness.database.participant(email: "nobody@example.net") == nil)
    }

    /// Mail already waiting to go to the address (a retry not yet due) when the bounce marks it
    /// is kept too, and the digest says so; it does not go out to the dead address.
    @Test func mailStillWaitingWhenTheAddressBouncesIsKeptToo() throws {
        let harness = try ProcessorTests.Program()
        let row = try signedUp(harness)
        let waiting = try harness.database.write { db -> OutboxMessage in
            var waiting = row
            waiting.id = nil
            waiting.messageID = "waiting-\(UUID().uuidString)@example.org"
            waiting.status = .failed
            waiting.attempts = 1
            waiting.nextAttemptAt = harness.now.addingTimeInterval(600)
            waiting.sentAt = nil
            try waiting.insert(db)
            return waiting
        }
        try harness.arrive(Self.dsn(about: row.messageID))
        _ = try harness.run()
        let kept = try #require(try harness.database.outbox().first { $0.id == waiting.id })
        #expect(kept.status == .withheld && kept.lastError?.hasPrefix("not sent: ana@example.net bounced for good") == true, "\(kept.lastError ?? "")")
        let digest = try #require(try digests(harness).last)
        #expect(digest.contains("1 message(s) still waiting to go there are kept too (outbox \(waiting.id ?? 0))"), "\(digest)")
        _ = try harness.run(at: harness.now.addingTimeInterval(3600))
        #expect(try harness.database.outbox().first { $0.id == waiting.id }?.status == .withheld, "the retry does not send it")
    }

    /// A delay, and a failure after passing trouble (4.4.7: the server gave up retrying), mark
    /// nobody: the next mail goes out.
    @Test func aTemporaryFailureMarksNothing() throws {
        let harness = try ProcessorTests.Program()
        let row = try signedUp(harness)
        try harness.arrive(Self.dsn(about: row.messageID, action: "delayed", status: "4.2.2"))
        try harness.arrive(Self.dsn(about: row.messageID, action: "failed", status: "4.4.7"))
        _ = try harness.run()
        #expect(try harness.database.bounces().isEmpty)
        try harness.arrive(EnrollmentWorkflowTests().mail(body: "pause"))
        _ = try harness.run()
        #expect(try harness.database.outbox().last?.status == .sent)
    }

    /// change-address takes the mark off (the new address gets mail). The kept mail was an
    /// answer to mail from the old address: it is retired, not sent, and no longer counts as
    /// waiting; `outbox resend` refuses it and names `--to`, which sends a fresh copy.
    /// clear-bounce takes a mark off an address that works again.
    @Test func aNewAddressOrAClearedMarkLetsMailGoAgainAndKeptAnswersAreRetired() throws {
        let harness = try ProcessorTests.Program()
        let row = try signedUp(harness)
        try harness.arrive(Self.dsn(about: row.messageID))
        _ = try harness.run()
        try harness.arrive(EnrollmentWorkflowTests().mail(body: "pause"))
        _ = try harness.run()
        let kept = try #require(try harness.database.outbox(status: .withheld).first)

        let change = try harness.app.moveAddress(from: "ana@example.net", to: "ana.souza@example.org", now: harness.now)
        #expect(change.redelivery.resent.isEmpty, "answers are not sent again")
        #expect(Set(change.redelivery.retired.map(\.outboxID)) == [row.id ?? 0, kept.id ?? 0])
        #expect(try harness.database.bounces().isEmpty)
        _ = try harness.run()
        #expect(try harness.sent().last?.to.map(\.normalized) == ["ana.souza@example.org"])
        #expect(try harness.database.outbox(status: .withheld).isEmpty, "nothing waits any more")
        #expect(try harness.database.status(now: harness.now).withheld == 0)
        let retired = try #require(try harness.database.outbox().first { $0.id == kept.id })
        #expect(retired.status == .retired && retired.lastError == "retired: an answer to mail written from the old address")
        let refusal = #expect(throws: MentorMailError.self) { try harness.app.resendOutbox(id: kept.id ?? 0, now: harness.now, by: "test") }
        #expect(refusal?.message.contains("--to") == true, "\(refusal?.message ?? "")")
        let copy = try harness.app.resendOutbox(id: kept.id ?? 0, to: "ana.souza@example.org", now: harness.now, by: "test")
        _ = try harness.run()
        let sent = try #require(try harness.sent().last { $0.messageID == copy.messageID })
        #expect(sent.to.map(\.normalized) == ["ana.souza@example.org"] && copy.messageID != kept.messageID)

        // Back at the old address, which bounces again; this time it works again, and is cleared.
        _ = try harness.app.changeAddress(from: "ana.souza@example.org", to: "ana@example.net", now: harness.now)
        _ = try harness.run()
        let answer = try #require(try harness.database.outbox().last { $0.recipients == "ana@example.net" && $0.status == .sent })
        try harness.arrive(Self.dsn(about: answer.messageID, status: "5.2.2"))
        _ = try harness.run()
        #expect(try harness.database.bounces().first?.words.hasPrefix("5.2.2") == true)
        _ = try harness.app.clearBounce(email: "ana@example.net", now: harness.now)
        #expect(try harness.database.bounces().isEmpty)
        #expect(throws: MentorMailError.self) { try harness.app.clearBounce(email: "ana@example.net", now: harness.now) }
    }

    /// Finding: the mail sent after a coordinator's change-address had the bare subject
    /// "OpenStack Mentoring". Its subject says what it is about, in English and in Spanish.
    @Test func theMailAboutACoordinatorsAddressChangeSaysWhatItIsAbout() throws {
        let harness = try ProcessorTests.Program()
        _ = try signedUp(harness)
        _ = try harness.app.changeAddress(from: "ana@example.net", to: "ana.souza@example.org", now: harness.now)
        _ = try harness.run()
        let told = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["ana.souza@example.org"] })
        #expect(told.subject == "Test Mentoring: your profile now uses this address", "\(told.subject ?? "")")
        try harness.database.write { db in
            try db.execute(sql: "UPDATE participant SET profile = json_set(profile, '$.mailLanguage', 'es') WHERE email = ?",
                           arguments: ["ana.souza@example.org"])
        }
        _ = try harness.app.changeAddress(from: "ana.souza@example.org", to: "ana@example.net", now: harness.now)
        _ = try harness.run()
        let spanish = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["ana@example.net"] })
        #expect(spanish.subject == "Test Mentoring: tu perfil usa ahora esta dirección", "\(spanish.subject ?? "")")
    }

    /// Finding: a mail that is kept or failed for an address that has since moved went, when
    /// resent, to the dead old address. Now the resend is refused and names the new address.
    @Test func resendingMailWrittenToAMovedAddressIsRefusedWithTheNewOne() throws {
        let harness = try ProcessorTests.Program()
        let row = try signedUp(harness)
        try harness.database.write { db in
            try db.execute(sql: "UPDATE outboxMessage SET status = 'failed', lastError = '451 try later' WHERE id = ?", arguments: [row.id])
        }
        _ = try harness.app.changeAddress(from: "ana@example.net", to: "ana.souza@example.org", now: harness.now)
        let refusal = #expect(throws: MentorMailError.self) { try harness.app.resendOutbox(id: row.id ?? 0, now: harness.now, by: "test") }
        #expect(refusal?.message.contains("has since moved to ana.souza@example.org") == true, "\(refusal?.message ?? "")")
        #expect(refusal?.message.contains("mentormail outbox resend \(row.id ?? 0) --to ana.souza@example.org") == true)
    }

    /// Finding: a "mailbox full, try again later" failure (failed, 4.2.2) was listed under "the
    /// address does not work". It is worded as passing trouble, and marks nothing.
    @Test func aTemporaryFailureIsWordedAsPassingTroubleInTheDigest() throws {
        let harness = try ProcessorTests.Program()
        let row = try signedUp(harness)
        try harness.arrive(Self.dsn(about: row.messageID, action: "failed", status: "4.2.2"))
        _ = try harness.run()
        #expect(try harness.database.bounces().isEmpty)
        let digest = try #require(try digests(harness).last)
        #expect(digest.contains("Mail that could not be delivered for now"), "\(digest)")
        #expect(digest.contains("nothing to do unless it happens again"), "\(digest)")
        #expect(digest.contains("(outbox \(row.id ?? 0)) could not be delivered for now: 4.2.2"), "\(digest)")
        #expect(!digest.contains("the address does not work"), "\(digest)")
    }

    /// Finding: a message refused as spam (5.7.1) marked a working address as dead and kept
    /// all later mail. A refusal of the content marks nothing and is reported as such.
    @Test func aRefusalForContentMarksNothingAndIsReportedAsSuch() throws {
        let harness = try ProcessorTests.Program()
        let row = try signedUp(harness)
        let spam = Self.dsn(about: row.messageID, status: "5.7.1")
            .replacingOccurrences(of: "Recipient address rejected:\r\n User unknown in local recipient table", with: "Message rejected as spam")
        try harness.arrive(spam)
        _ = try harness.run()
        #expect(try harness.database.bounces().isEmpty, "the address works")
        let digest = try #require(try digests(harness).last)
        #expect(digest.contains("Mail refused for its content or sender"), "\(digest)")
        #expect(digest.contains("was refused for its content: 5.7.1 550 5.1.1 <ana@example.net>: Message rejected as spam"), "\(digest)")
        #expect(!digest.contains("the address does not work"), "\(digest)")
        try harness.arrive(EnrollmentWorkflowTests().mail(body: "pause"))
        _ = try harness.run()
        #expect(try harness.database.outbox().last { $0.recipients == "ana@example.net" }?.status == .sent)

        // A policy refusal in words, without a 5.7 status, is read the same way.
        let report = DeliveryReport(Message(Self.dsn(about: "x@example.org", status: "5.0.0")
            .replacingOccurrences(of: "User unknown in local recipient table", with: "blocked by local policy")))
        #expect(report?.recipients.first?.refusedForContent == true && report?.permanentAddresses.isEmpty == true)
    }

    @Test func theReportNamesTheOriginalAndTheFailedRecipient() {
        let report = DeliveryReport(Message(Self.dsn(about: "abc@mentoring.example.org")))
        #expect(report?.originalMessageIDs == ["abc@mentoring.example.org"])
        #expect(report?.failedAddresses == ["ana@example.net"])
        #expect(report?.recipients.first?.diagnostic == "550 5.1.1 <ana@example.net>: Recipient address rejected: User unknown in local recipient table")
    }
}
