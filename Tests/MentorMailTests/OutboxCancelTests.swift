import Foundation
import GRDB
import Mail
import MailTransport
@testable import MentorMail
import Testing

/// `mentormail outbox cancel`: a coordinator takes back mail not sent yet (queued, failing,
/// parked or withheld). A cancelled message is never sent, all ids of one command are
/// cancelled together or none, and `outbox resend` queues one again.
@Suite struct OutboxCancelTests {
    /// Stores an outgoing message as it would stand after some runs; returns its id.
    @discardableResult
    func store(_ program: ProcessorTests.Program, to address: String = "ana@example.net", status: OutboxMessage.Status = .queued,
               attempts: Int = 0, lastError: String? = nil, purpose: MailKind = .signupForm) throws -> Int64 {
        let messageID = "\(UUID().uuidString)@example.org"
        let raw = "From: mentoring@example.org\r\nTo: \(address)\r\nSubject: Sign up\r\nMessage-ID: <\(messageID)>\r\n\r\nHello\r\n"
        var row = OutboxMessage(messageID: messageID, purpose: purpose.rawValue, sender: "mentoring@example.org", recipients: address,
                                subject: "Sign up", raw: Data(raw.utf8), inboundID: nil, status: status, attempts: attempts,
                                nextAttemptAt: program.now, lastError: lastError, createdAt: program.now,
                                sentAt: status == .sent ? program.now : nil, topicKind: nil, topicID: nil)
        try program.database.write { db in try row.insert(db) }
        return try #require(row.id)
    }

    func row(_ program: ProcessorTests.Program, _ id: Int64) throws -> OutboxMessage {
        try #require(try program.database.outbox().first { $0.id == id })
    }

    func cancel(_ program: ProcessorTests.Program, _ ids: [Int64], reason: String? = nil, dryRun: Bool = false) throws -> OutboxCancellation {
        try program.app.cancelOutbox(ids: ids, reason: reason, dryRun: dryRun, now: program.now, by: "lea (command line)")
    }

    @Test func aCancelledMessageIsNeverSentWhateverItWaitedAs() throws {
        let program = try ProcessorTests.Program()
        let queued = try store(program, to: "a@example.net")
        let retrying = try store(program, to: "b@example.net", attempts: 2, lastError: "451 4.3.0 try again later")
        let failed = try store(program, to: "c@example.net", status: .failed, attempts: 1, lastError: "550 5.1.1 user unknown")
        let parked = try store(program, to: "d@example.net", status: .failed, attempts: Processor.defaultMaxSendAttempts, lastError: "451 4.3.0 busy")
        let withheld = try store(program, to: "e@example.net", status: .withheld, lastError: "not sent: e@example.net bounced for good")
        let other = try store(program, to: "f@example.net")

        let done = try cancel(program, [queued, retrying, failed, parked, withheld], reason: "wrong introduction")
        #expect(!done.dryRun && done.reason == "wrong introduction")
        #expect(done.cancelled.map(\.id) == [queued, retrying, failed, parked, withheld])
        #expect(done.cancelled.map(\.was) == ["queued", "queued", "failed", "parked", "withheld"])
        for id in [queued, retrying, failed, parked, withheld] {
            let cancelled = try row(program, id)
            #expect(cancelled.status == .cancelled, "#\(id) is \(cancelled.status)")
            #expect(cancelled.lastError?.contains("wrong introduction") == true && cancelled.lastError?.contains("lea") == true,
                    "\(cancelled.lastError ?? "")")
        }
        #expect(try program.database.outbox(status: .cancelled).count == 5)

        // Who and why, and what it was (the server's words are kept there).
        let audit = try program.database.auditEntries().filter { $0.action == "outbox-cancelled" }
        #expect(audit.count == 5)
        #expect(audit.allSatisfy { $0.actor == "lea (command line)" && $0.detail.contains("wrong introduction") })
        #expect(audit.contains { $0.detail.contains("outbox \(parked)") && $0.detail.contains("parked") && $0.detail.contains("451 4.3.0 busy") },
                "\(audit.map(\.detail))")

        // The sender never picks them up, in this run or a later one.
        for hours in [0.0, 7.0] { _ = try program.run(at: program.now.addingTimeInterval(hours * 3_600)) }
        let sent = try program.sent()
        #expect(sent.map { $0.to.map(\.normalized) } == [["f@example.net"]], "only the other message went out")
        #expect(try row(program, other).status == .sent)
        #expect(try program.database.outbox(status: .cancelled).count == 5)
    }

    @Test func oneRefusedIDCancelsNothing() throws {
        let program = try ProcessorTests.Program()
        let waiting = try store(program, to: "a@example.net")
        let sent = try store(program, to: "b@example.net", status: .sent, attempts: 1)
        let retired = try store(program, to: "c@example.net", status: .retired, lastError: "retired: sent again to c@new.example as #9")

        func refusal(_ ids: [Int64]) throws -> String {
            let error = try #require(throws: MentorMailError.self) { try cancel(program, ids, reason: "oops") }
            #expect(error.kind == .data, "exit 65, as a refused resend")
            #expect(try row(program, waiting).status == .queued, "nothing changed")
            return error.message
        }
        let wasSent = try refusal([waiting, sent])
        #expect(wasSent.contains("#\(sent)") && wasSent.contains("was sent") && !wasSent.contains("#\(waiting) "), "\(wasSent)")
        let unknown = try refusal([waiting, 999])
        #expect(unknown.contains("#999") && unknown.contains("no outgoing message"), "\(unknown)")
        let both = try refusal([999, sent, waiting])
        #expect(both.contains("#999") && both.contains("#\(sent)"), "every refused id is named: \(both)")
        let wasRetired = try refusal([retired, waiting])
        #expect(wasRetired.contains("#\(retired)") && wasRetired.contains("retired"), "\(wasRetired)")
        #expect(try program.database.auditEntries().allSatisfy { $0.action != "outbox-cancelled" })

        _ = try cancel(program, [waiting, waiting])
        #expect(try row(program, waiting).status == .cancelled)
        let again = try #require(throws: MentorMailError.self) { try cancel(program, [waiting]) }
        #expect(again.message.contains("#\(waiting)") && again.message.contains("already cancelled")
                && again.message.contains("outbox resend \(waiting)"), "\(again.message)")
    }

    @Test func aDryRunSaysWhatWouldBeCancelledAndChangesNothing() throws {
        let program = try ProcessorTests.Program()
        let id = try store(program, status: .failed, attempts: 1, lastError: "550 no")
        let plan = try cancel(program, [id], reason: "typo", dryRun: true)
        #expect(plan.dryRun && plan.cancelled.map(\.id) == [id] && plan.cancelled.first?.was == "failed")
        #expect(try row(program, id).status == .failed && row(program, id).lastError == "550 no")
        #expect(try program.database.auditEntries().isEmpty)
        // Refusals are the same as a real run's.
        #expect(throws: MentorMailError.self) { try cancel(program, [id, 999], dryRun: true) }
    }

    /// As for failed or withheld mail, `outbox resend` queues a cancelled message again, as
    /// written, with its attempts counted from zero.
    @Test func resendPutsACancelledMessageBackInTheQueue() throws {
        let program = try ProcessorTests.Program()
        let id = try store(program, status: .failed, attempts: Processor.defaultMaxSendAttempts, lastError: "451 busy")
        _ = try cancel(program, [id], reason: "wait for their new address")
        let later = program.now.addingTimeInterval(600)
        let queued = try program.app.resendOutbox(id: id, now: later, by: "lea")
        #expect(queued.status == .queued && queued.attempts == 0 && queued.nextAttemptAt == later)
        #expect(queued.lastError == nil, "the cancellation no longer stands (the audit log keeps it)")
        _ = try program.run(at: later)
        #expect(try row(program, id).status == .sent)
        #expect(try program.sent().first?.messageID == row(program, id).messageID, "the same message, the same Message-ID")
    }

    @Test func statusCountsCancelledMailApartFromMailThatWaits() throws {
        let program = try ProcessorTests.Program()
        let id = try store(program, status: .failed, attempts: 1, lastError: "550 no")
        try store(program, to: "b@example.net")
        _ = try cancel(program, [id])
        let status = try program.database.status(now: program.now)
        #expect(status.cancelled == 1 && status.queued == 1 && status.failed == 0)
        #expect(!status.failing.contains { $0.id == id }, "a cancelled message waits for nothing")
    }

    /// A pair whose introduction was cancelled is not introduced: it shows the introduction
    /// held, and why, until it goes (`outbox resend`).
    @Test func aCancelledIntroductionLeavesThePairWaitingForIt() throws {
        let program = try ProcessorTests.Program()
        try CoordinatorParticipationTests.approvePair(in: program)
        let introduction = try #require(try program.database.outbox(status: .queued).first { $0.kind == .introduction }?.id)
        _ = try cancel(program, [introduction], reason: "Ana asked for another mentor")

        _ = try program.run()
        #expect(!(try program.sent()).contains { $0.to.map(\.normalized).contains("maria@example.org") }, "the introduction did not go")
        let pair = try #require(try program.database.pairs().first)
        #expect(pair.status == PairView.introductionHeldStatus && pair.introducedAt == nil)
        #expect(pair.introductionHeld?.contains("Ana asked for another mentor") == true, "\(pair.introductionHeld ?? "")")
        #expect(try program.database.pairDetails(id: pair.id).timeline.contains { $0.what.contains("introduction") && $0.what.contains("not sent") })

        _ = try program.app.resendOutbox(id: introduction, now: program.now.addingTimeInterval(60), by: "lea")
        _ = try program.run(at: program.now.addingTimeInterval(120))
        #expect(try program.database.pairs().first?.status == "introduced")
    }

    /// Mail a coordinator cancelled stays cancelled when its address changes: only what did not
    /// arrive and was not taken back goes again.
    @Test func aCancelledMessageIsNotSentAgainWhenItsAddressChanges() throws {
        let program = try ProcessorTests.Program()
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ana Ruiz"),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        let refused = try store(program, status: .failed, attempts: 1, lastError: "550 5.1.1 user unknown", purpose: .welcome)
        let kept = try store(program, status: .withheld, lastError: "not sent: ana@example.net bounced for good", purpose: .welcome)
        try program.database.write { db in
            var bounce = OutboxBounce(outboxID: refused, email: "ana@example.net", at: program.now, kind: .address, words: "550 5.1.1 user unknown")
            try bounce.insert(db)
        }
        _ = try cancel(program, [refused, kept])
        let moved = try program.app.moveAddress(from: "ana@example.net", to: "ana@new.example", now: program.now.addingTimeInterval(60))
        #expect(moved.redelivery.resent.isEmpty && moved.redelivery.retired.isEmpty, "\(moved.redelivery.lines)")
        #expect(try row(program, refused).status == .cancelled && row(program, kept).status == .cancelled)
    }

    /// A held question whose answer ("the coordinators have it") was cancelled before it went:
    /// its sender was told nothing, so `held retry` runs it again.
    @Test func aHeldMessageWhoseAnswerWasCancelledCanBeRunAgain() throws {
        let program = try ProcessorTests.Program()
        try program.arrive("""
            From: Ana <ana@example.net>
            To: mentoring@example.org
            Subject: Joining
            Message-ID: <q1@example.net>
            Date: Mon, 02 Nov 2026 10:00:00 +0000

            Is the program open to students?

            """)
        _ = try program.run()
        let held = try #require(try program.database.inboundMessages().first { $0.disposition == .held })
        let answer = try #require(try program.database.outbox().first { $0.inboundID == held.id })
        // Say the SMTP server was down: the answer still waits.
        try program.database.write { db in
            try db.execute(sql: "UPDATE outboxMessage SET status = 'queued', sentAt = NULL WHERE id = ?", arguments: [answer.id])
        }
        _ = try cancel(program, [try #require(answer.id)], reason: "I will write to Ana myself")
        let retried = try program.app.retryHeld(id: try #require(held.id), now: program.now.addingTimeInterval(60), by: "lea")
        #expect(retried.note?.contains("already answered") != true, "\(retried.note ?? "")")
    }

    /// A sender that refuses one address for now (451), as a full mailbox or a busy server would.
    final class PassingTrouble: MailSender {
        let inner: any MailSender
        let refusing: String
        init(inner: any MailSender, refusing: String) {
            self.inner = inner
            self.refusing = refusing
        }
        var displayName: String { inner.displayName }
        func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws -> [RecipientRefusal] {
            if recipients.contains(refusing) { throw TransportError("451 4.2.2 mailbox busy, try again later", responseCode: 451) }
            return try inner.send(message, from: sender, to: recipients)
        }
    }

    /// Finding: cancelling a check-in survey not sent yet did not stop its reminder, which went
    /// a week later anyway. Cancelling the survey stops its reminder too, and the output and
    /// --json say so; the other side's survey and reminder go as before.
    @Test func cancellingACheckinSurveyStopsItsReminder() throws {
        let day: TimeInterval = 86_400
        let (harness, _) = try PairLifeTests().introduced()
        _ = try harness.run(sender: PassingTrouble(inner: harness.outbox, refusing: "maria@example.org"), at: harness.now.addingTimeInterval(90 * day))
        let survey = try #require(try harness.database.outbox(status: .queued).first { $0.recipients == "maria@example.org" })
        #expect(survey.kind == .checkinSurvey)
        let id = String(try #require(survey.id))
        let config = try harness.writeConfigFile().path
        let at = harness.now.addingTimeInterval(90 * day + 3_600).formatted(.iso8601)
        let dry = try CommandRunner.run(["outbox", "cancel", id, "--dry-run", "--json", "--config", config, "--now", at])
        #expect(dry.status == 0, "\(dry.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        let item = try #require((plan["cancelled"] as? [[String: Any]])?.first, "\(dry.stdout)")
        #expect(item["reminderStopped"] as? Bool == true, "\(dry.stdout)")
        let done = try CommandRunner.run(["outbox", "cancel", id, "--reason", "Maria is on leave", "--config", config, "--now", at])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("#\(id) checkin-survey to maria@example.org (queued) is cancelled, and its reminder will not go either"),
                "\(done.stdout)")
        // The pair's check-in says the survey was taken back, not that it waits for an answer.
        let pair = String(try #require(try harness.database.mentorships().first?.id))
        let shown = try CommandRunner.run(["pairs", "show", pair, "--config", config, "--now", at]).stdout
        #expect(shown.contains("check-in: mentee sent, no answer yet; mentor cancelled, not sent"), "\(shown)")
        let listed = try CommandRunner.run(["pairs", "list", "--config", config, "--now", at]).stdout
        #expect(listed.contains("sent, no answer yet / cancelled, not sent"), "\(listed)")

        for days in [97.0, 98, 105] { _ = try harness.run(at: harness.now.addingTimeInterval(days * day)) }
        let toMaria = try harness.sent().filter { $0.to.map(\.normalized) == ["maria@example.org"] }
        #expect(!toMaria.contains { $0.subject?.contains("how is your mentoring") == true }, "\(toMaria.map(\.subject))")
        #expect(try harness.sent().contains { $0.to.map(\.normalized) == ["ana@example.net"] && $0.subject?.hasPrefix("Reminder:") == true },
                "Ana's reminder goes as before")
        #expect(!(try harness.database.outbox()).contains { $0.kind == .checkinReminder && $0.recipients == "maria@example.org" })
    }

    /// Cancelling a reminder alone leaves its survey (sent, and still open) alone.
    @Test func cancellingAReminderLeavesItsSurveyAlone() throws {
        let day: TimeInterval = 86_400
        let (harness, _) = try PairLifeTests().introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let survey = try #require(try harness.database.outbox().first { $0.kind == .checkinSurvey && $0.recipients == "maria@example.org" })
        #expect(survey.status == .sent)
        _ = try harness.run(sender: PassingTrouble(inner: harness.outbox, refusing: "maria@example.org"), at: harness.now.addingTimeInterval(97 * day))
        let reminder = try #require(try harness.database.outbox(status: .queued).first { $0.recipients == "maria@example.org" })
        #expect(reminder.kind == .checkinReminder)
        let done = try harness.app.cancelOutbox(ids: [try #require(reminder.id)], reason: "she answered me by phone", dryRun: false,
                                                now: harness.now.addingTimeInterval(97 * day), by: "lea")
        #expect(done.cancelled.map(\.id) == [reminder.id])
        #expect(try harness.database.outbox().first { $0.id == survey.id }?.status == .sent)
        _ = try harness.run(at: harness.now.addingTimeInterval(98 * day))
        #expect(try harness.database.outbox().first { $0.id == reminder.id }?.status == .cancelled)
    }
}

