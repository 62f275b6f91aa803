import Foundation
import GRDB
import Logging
import Mail
import MailTransport
@testable import MentorMail
import TestSupport
import Testing

/// Our own SMTP server refusing a recipient at `RCPT TO` (the real relay refuses local parts
/// starting "reject-" with 550 5.1.1 and "tempfail-" with 451): the refused address is told
/// apart from the others, marked like a hard bounce, and the others still get the message.
@Suite struct RecipientRefusalTests {
    /// Queues a mail of ours to `recipients` in `program`'s outbox, as a service would.
    @discardableResult
    static func queue(_ program: ProcessorTests.Program, to recipients: [String], subject: String, text: String,
                      kind: MailKind) throws -> OutboxMessage {
        try program.database.write { db in
            let work = Work(db: db, now: program.now, config: program.config, templates: program.templates)
            let mail = OutgoingMessage(from: MailAddress(address: program.config.program.address), to: recipients.map { MailAddress(address: $0) },
                                       subject: subject, text: text, messageID: MessageIDGenerator.make(domain: "example.org"), date: program.now)
            return try work.outbox.queue(mail, kind: kind, inboundID: nil, topic: .none)
        }
    }

    @Test func theSenderNamesTheRefusedRecipientsAndDeliversToTheOthers() throws {
        let servers = try TestServers.require()
        let good = TestServers.uniqueUser("good")
        let gone = "reject-\(TestServers.uniqueUser("gone"))@example.org"
        let busy = "tempfail-\(TestServers.uniqueUser("busy"))@example.org"
        let sender = try servers.sender()
        let message = OutgoingMessage(from: MailAddress(address: "program@example.org"),
                                      to: [MailAddress(address: "\(good)@example.org"), MailAddress(address: gone)],
                                      subject: "Meet", text: "Hello both\n", messageID: "<meet-\(good)@example.org>", date: Date())
        let refused = try sender.send(message.render(), from: "program@example.org", to: ["\(good)@example.org", gone, busy])
        #expect(refused.map(\.address) == [gone, busy], "\(refused)")
        #expect(refused.first?.words.hasPrefix("550 5.1.1") == true && refused.first?.isTemporary == false)
        #expect(refused.last?.words.hasPrefix("451 4.3.0") == true && refused.last?.isTemporary == true)
        #expect(try servers.messages(of: good).map(\.messageID) == ["meet-\(good)@example.org"])

        // Nobody took it: the error names the refused recipient; the next message is not
        // blamed for the last one's refusals.
        do {
            try sender.send(message.render(), from: "program@example.org", to: [gone])
            Issue.record("a message every recipient refused was taken")
        } catch let error as TransportError {
            #expect(error.isPermanent)
            #expect(error.refusedRecipients.map(\.address) == [gone], "\(error.refusedRecipients)")
        }
        #expect(try sender.send(message.render(), from: "program@example.org", to: ["\(good)@example.org"]).isEmpty)
        #expect(try servers.messages(of: good).count == 2)
    }

    /// A mail for two where one address is unknown to the server: the other person gets it;
    /// the unknown address is marked, so what comes later for it is kept, and the coordinators
    /// read it in the digest.
    @Test func anIntroductionReachesTheOtherPersonAndTheRefusedAddressIsMarked() throws {
        let servers = try TestServers.require()
        let program = try ProcessorTests.Program()
        let sender = try servers.sender()
        let ana = "\(TestServers.uniqueUser("ana"))@example.org"
        let bo = "reject-\(TestServers.uniqueUser("bo"))@example.org"
        let now = program.now
        try program.database.write { db in
            for (email, role) in [(ana, "mentee"), (bo, "mentor")] {
                var person = Participant(email: email, profile: MatchingWorkflowTests.profile(role, email), source: "email", at: now)
                try person.insert(db)
            }
        }
        let row = try Self.queue(program, to: [ana, bo], subject: "Meet your mentor", text: "Ana, meet Bo.\n", kind: .introduction)

        let report = try program.run(sender: sender)
        #expect(report.sent == 2, "the introduction, and the digest naming the refusal")
        #expect(report.sendFailures == 1, "the run says one address was refused")
        #expect(report.problems.contains { $0.contains("was refused for \(bo)") && $0.contains("sent to the others") }, "\(report.problems)")
        #expect(try servers.messages(of: String(ana.prefix { $0 != "@" })).map(\.subject) == ["Meet your mentor"])
        let stored = try #require(try program.database.outbox().first { $0.id == row.id })
        #expect(stored.status == .sent)

        let marks = try program.database.bounces()
        #expect(marks.map(\.email) == [bo], "only the refused address is marked: \(marks.map(\.email))")
        #expect(marks.first?.outboxID == row.id && marks.first?.words.contains("550 5.1.1") == true)
        let bounces = try program.database.outboxBounces(to: [bo, ana])
        #expect(bounces.map(\.email) == [bo] && bounces.first?.kind == .address)

        // The next mail to Bo is kept, not sent; Ana's goes.
        for to in [ana, bo] {
            try Self.queue(program, to: [to], subject: "Check-in", text: "How is it going?\n", kind: .checkinSurvey)
        }
        let later = try program.run(sender: sender, at: now.addingTimeInterval(60))
        #expect(later.sendFailures == 0, "\(later.problems)")
        let kept = try program.database.outbox().filter { $0.status == .withheld }
        #expect(kept.map(\.recipients) == [bo])

        // The coordinators' digest of the first run: who was refused, that it went to the other, what to do.
        let digest = try #require(try program.database.outbox().first { $0.purpose == MailKind.heldDigest.rawValue })
        let text = Message(bytes: Array(digest.raw)).textBody ?? ""
        #expect(text.contains("was refused by our mail server: 550 5.1.1"), "\(text)")
        #expect(text.contains("later mail to \(bo) is kept, not sent"), "\(text)")
        #expect(!text.contains("still waiting to go there"), "the refused mail itself is not counted as waiting: \(text)")
        #expect(text.contains("it went to \(ana)"), "\(text)")
    }

    /// Finding: a 451 for one of the two people of an introduction was never retried (the
    /// message counted as sent), and the suggested `outbox resend ID --to` was refused. A
    /// copy to that person alone is now retried with back-off like any message.
    @Test func passingTroubleForOneRecipientIsRetriedForThemAlone() throws {
        let servers = try TestServers.require()
        let program = try ProcessorTests.Program()
        let sender = try servers.sender()
        let dee = "\(TestServers.uniqueUser("dee"))@example.org"
        let cy = "tempfail-\(TestServers.uniqueUser("cy"))@example.org"
        let now = program.now
        let row = try Self.queue(program, to: [dee, cy], subject: "Meet your mentor", text: "Dee, meet Cy.\n", kind: .introduction)
        let report = try program.run(sender: sender)
        #expect(report.sent == 1 && report.sendFailures == 1, "\(report.problems)")
        #expect(try servers.messages(of: String(dee.prefix { $0 != "@" })).count == 1)
        let rows = try program.database.outbox()
        #expect(rows.first { $0.id == row.id }?.status == .sent)
        let copy = try #require(rows.first { $0.recipients == cy }, "a copy for Cy alone: \(rows.map(\.recipients))")
        #expect(copy.status == .queued && copy.attempts == 1 && copy.nextAttemptAt > now, "\(copy.status) \(copy.attempts)")
        #expect(copy.lastError?.contains("451") == true)
        #expect(try program.database.bounces().isEmpty, "passing trouble marks nothing")

        // Retried later (still refused here, so it backs off); Dee gets nothing twice.
        _ = try program.run(sender: sender, at: now.addingTimeInterval(120))
        let retried = try #require(try program.database.outbox().first { $0.id == copy.id })
        #expect(retried.attempts == 2 && retried.status == .queued)
        #expect(try servers.messages(of: String(dee.prefix { $0 != "@" })).count == 1)

        // The coordinator may send a copy to one of the recipients again by hand too.
        let config = try program.writeConfigFile().path
        let resent = try CommandRunner.run(["outbox", "resend", String(row.id ?? 0), "--to", cy, "--config", config])
        #expect(resent.status == 0, "\(resent.stderr)")
    }

    /// A participant whose only address our server refuses: the answer is kept as withheld,
    /// the address marked, and their next message's answer is kept without another refusal.
    @Test func aParticipantsRefusedAddressIsMarkedAndLaterAnswersAreKept() throws {
        let scenario = try ServerScenario()
        let nora = "reject-\(TestServers.uniqueUser("nora"))@example.org"
        let form = "Role: mentee\nName: Nora\nMentoring type: technical\nAreas: Nova\nTime zone: Europe/Madrid\nLanguages: English\nInteraction: email\n"
        try scenario.servers.deliver(from: nora, to: [scenario.programAddress], subject: "Sign up", text: form)
        let first = try CommandRunner.run(["process", "--config", scenario.configPath, "--json"])
        #expect(first.status == 1, "the run that met the refusal says so: \(first.stderr)")
        let shown = try CommandRunner.run(["participants", "show", nora, "--config", scenario.configPath])
        #expect(shown.stdout.contains("bounced"), "\(shown.stdout)")
        #expect(shown.stdout.contains("550 5.1.1"), "\(shown.stdout)")
        let answer = try #require(try scenario.database().outbox().first { $0.recipients == nora })
        #expect(answer.status == .failed, "refused, not retried: \(answer.status)")

        try scenario.servers.deliver(from: nora, to: [scenario.programAddress], subject: "Re: Sign up", text: "Time zone: Europe/Lisbon\n")
        let second = try CommandRunner.run(["process", "--config", scenario.configPath, "--json"])
        #expect(second.status == 0, "nothing was refused again: \(second.stderr)")
        let toNora = try scenario.database().outbox().filter { $0.recipients == nora }
        #expect(toNora.map(\.status) == [.failed, .withheld], "the next answer is kept: \(toNora.map(\.status))")
        let digest = try scenario.coordinatorInbox().compactMap(\.textBody).joined(separator: "\n")
        #expect(digest.contains("\(nora) (outbox") && digest.contains("was refused by our mail server"), "\(digest)")
        #expect(digest.contains("mentormail participants change-address \(nora) NEW"), "\(digest)")
    }

    /// A sender that refuses `unknown` for good (550, an unknown mailbox) and takes each message
    /// for the others; it keeps the recipients of every message it is handed.
    final class UnknownMailbox: MailSender {
        let inner: any MailSender
        let unknown: String
        private(set) var handed: [[String]] = []
        init(inner: any MailSender, unknown: String) {
            self.inner = inner
            self.unknown = unknown
        }
        var displayName: String { inner.displayName }
        func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws -> [RecipientRefusal] {
            handed.append(recipients)
            let others = recipients.filter { $0 != unknown }
            let words = "550 5.1.1 <\(unknown)>: Recipient address rejected: User unknown"
            if others.isEmpty { throw TransportError(words, responseCode: 550) }
            _ = try inner.send(message, from: sender, to: others)
            return others.count < recipients.count ? [RecipientRefusal(address: unknown, words: words)] : []
        }
    }

    /// Finding: a message already read for sending in a run still went after an earlier send of
    /// that run marked its address as not working (kept as withheld in the database). Each row
    /// is sent only while it is still queued.
    @Test func mailToAnAddressMarkedEarlierInTheSameRunIsNotSent() throws {
        let program = try ProcessorTests.Program()
        let ana = "ana@example.net", bo = "bo@example.org"
        try program.database.write { db in
            for (email, role) in [(ana, "mentee"), (bo, "mentor")] {
                var person = Participant(email: email, profile: MatchingWorkflowTests.profile(role, email), source: "email", at: program.now)
                try person.insert(db)
            }
        }
        try Self.queue(program, to: [ana, bo], subject: "Meet your mentor", text: "Ana, meet Bo.\n", kind: .introduction)
        let later = try Self.queue(program, to: [bo], subject: "How is it going?", text: "Bo, how is it going?\n", kind: .checkinSurvey)
        let sender = UnknownMailbox(inner: program.outbox, unknown: bo)

        _ = try program.run(sender: sender)
        #expect(try program.database.bounces().map(\.email) == [bo], "the refusal marked the address")
        #expect(sender.handed.filter { $0.contains(bo) } == [[ana, bo]], "\(sender.handed)")
        let stored = try #require(try program.database.outbox().first { $0.id == later.id })
        #expect(stored.status == .withheld && stored.attempts == 0, "\(stored.status), \(stored.attempts): \(stored.lastError ?? "")")
    }

    /// Finding: the coordinators' digest about a recipient our SMTP server refused came one run
    /// late (its job had run before the sending). It goes in the run that saw the refusal, once,
    /// with the rest of that run's news; the next run sends no digest.
    @Test(arguments: [false, true])
    func theDigestAboutARefusalGoesInTheSameRun(heldToo: Bool) throws {
        let servers = try TestServers.require()
        let program = try ProcessorTests.Program()
        let sender = try servers.sender()
        let cy = "\(TestServers.uniqueUser("cy"))@example.org"
        let dan = "reject-\(TestServers.uniqueUser("dan"))@example.org"
        try Self.queue(program, to: [cy, dan], subject: "Meet your mentor", text: "Cy, meet Dan.\n", kind: .introduction)
        if heldToo {
            // A question held in the same run: one digest tells both.
            try program.arrive("From: Eva <eva@example.net>\r\nTo: mentoring@example.org\r\nSubject: Joining\r\n"
                               + "Message-ID: <q-\(UUID().uuidString)@example.net>\r\n\r\nIs the program open to students?\r\n")
        }
        let report = try program.run(sender: sender)
        #expect(report.sendFailures == 1, "\(report.problems)")
        let digests = try program.database.outbox().filter { $0.kind == .heldDigest }
        #expect(digests.count == 1, "one digest this run: \(digests.map(\.status))")
        let digest = try #require(digests.first)
        #expect(digest.status == .sent, "it went in this run")
        let text = Message(bytes: Array(digest.raw)).textBody ?? ""
        #expect(text.contains("\(dan)") && text.contains("was refused by our mail server"), "\(text)")
        if heldToo { #expect(text.contains("open to students"), "\(text)") }
        _ = try program.run(sender: sender, at: program.now.addingTimeInterval(600))
        #expect(try program.database.outbox().filter { $0.kind == .heldDigest }.count == 1, "nothing new for a later digest")
    }
}

