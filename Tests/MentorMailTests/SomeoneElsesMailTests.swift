import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// Mail that speaks for someone else (a colleague under a forwarded invitation, an assistant,
/// a friend passing on a request) and mail from another address of the same mailbox.
@Suite struct SomeoneElsesMailTests {
    let events = EventWorkflowTests()

    func raw(from: String, subject: String, headers: String = "", _ body: String) -> String {
        """
        From: \(from)
        To: mentoring@example.org
        Subject: \(subject)
        Date: Thu, 05 Nov 2026 11:00:00 +0000
        Message-ID: <\(UUID().uuidString)@example.net>
        \(headers)MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        \(body)

        """
    }

    /// An event with every participant invited, and Ana's yes to her invitation recorded.
    func anaSaidYes() throws -> (ProcessorTests.Program, EventView, invite: Message) {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program)
        let invitations = try events.run(program)
        let invite = try events.invitation(to: "ana@example.net", in: invitations)
        try program.arrive(CalendarReplies.words("Count me in!", from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", under: invite))
        _ = try events.run(program)
        return (program, event, invite)
    }

    @Test func aColleaguesReplyUnderAForwardedInvitationIsHeldAndLeavesTheGuestsSeat() throws {
        let (program, event, invite) = try anaSaidYes()
        let id = try #require(invite.messageID)
        try program.arrive(raw(from: "Leo Brandt <leo@acme.example.com>", subject: "RE: FW: \(invite.subject ?? "")",
                               headers: "In-Reply-To: <ana-fw-123@acme.example.com>\nReferences: <\(id)> <ana-fw-123@acme.example.com>\n", """
            Hi program team,

            Ana forwarded me this. Unfortunately I can't make it on the 20th. Please keep me posted about the next one!

            Leo Brandt

            -----Original Message-----
            From: Ana Souza <ana@example.net>
            To: Leo Brandt <leo@acme.example.com>
            Subject: FW: \(invite.subject ?? "")

            Leo, you should come to this!
            """))
        let sent = try events.run(program)
        #expect(sent.allSatisfy { $0.to.map(\.address) != ["ana@example.net"] }, "Ana hears nothing")
        let toLeo = try #require(sent.first(to: "leo@acme.example.com"))
        #expect(toLeo.textBody?.contains("An invitation is personal") == true, "\(toLeo.textBody ?? "")")
        #expect(toLeo.textBody?.contains("I'd like to join as a mentor") == true)
        #expect(toLeo.textBody?.contains("\"pause\"") == false, "no participant commands for someone not in the program")
        let shown = try program.database.event(id: event.id)
        #expect(shown.accepted?.map(\.email).contains("ana@example.net") == true, "Ana keeps her seat")
        let held = try program.database.heldMessages()
        #expect(held.contains { $0.sender == "leo@acme.example.com" })
    }

    @Test func theGuestsForwardOfTheInvitationWithAYesIsHerYes() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program)
        let before = program.outbox.sentFiles().count
        _ = try events.run(program)
        let file = try #require(program.outbox.sentFiles().suffix(from: before).first { url in
            Message(bytes: Array((try? Data(contentsOf: url)) ?? Data())).to.map(\.address) == ["ben@example.net"]
        })
        let invitation = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        try program.arrive("""
            From: ben@example.net
            To: mentoring@example.org
            Subject: Fwd: Speed Mentoring
            Date: Thu, 05 Nov 2026 11:00:00 +0000
            Message-ID: <ben-fwd@example.net>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=utf-8

            I would like to join. Yes, I will come!

            Ben
            --outer
            Content-Type: message/rfc822

            \(invitation)
            --outer--

            """)
        _ = try events.run(program)
        let shown = try program.database.event(id: event.id)
        #expect(shown.accepted?.map(\.email) == ["ben@example.net"])
    }

    @Test func aRequestForwardedForAFriendIsHeldNotAnsweredWithABlankForm() throws {
        let program = try ProcessorTests.Program()
        try program.arrive(raw(from: "Dan Reed <dan@example.org>", subject: "Fwd: mentoring", """
            Hi team,

            My colleague Priya asked me to pass this on. Please sign her up, her address is priya@example.org.

            Thanks,
            Dan

            ---------- Forwarded message ---------
            From: Priya Nair <priya@example.org>
            Date: Mon, 2 Nov 2026 at 10:00
            Subject: mentoring
            To: Dan Reed <dan@example.org>

            Dan, can you forward this to the mentoring people? I'd like to be a mentee, technical help with Cinder.

            Priya
            """))
        let report = try program.run()
        #expect(report.problems.isEmpty)
        let sent = try program.sent().filter { $0.to.map(\.address) != ["coordinator@example.org"] }
        #expect(sent.count == 1)
        let body = try #require(sent.first?.textBody)
        #expect(body.contains("speaks\nfor another person") || body.contains("speaks for another person"), "\(body)")
        #expect(!body.contains("Role:"), "no blank sign-up form")
        #expect(try program.database.heldMessages().map(\.sender) == ["dan@example.org"])
        #expect(try program.database.participants().isEmpty)
    }

    @Test func anAssistantForwardingOurMailToSomeoneElseIsHeld() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        _ = try events.createEvent(program)
        let invitations = try events.run(program)
        let invite = try events.invitation(to: "ben@example.net", in: invitations)
        try program.arrive(raw(from: "Sabine Koch <sabine@example.net>", subject: "Fwd: \(invite.subject ?? "")", """
            Hello,

            Ben is travelling and asked me to send his answer: yes, he will come.

            Best,
            Sabine

            ---------- Forwarded message ---------
            From: Test Mentoring <mentoring@example.org>
            Date: Tue, 3 Nov 2026 at 10:00
            Subject: \(invite.subject ?? "")
            To: Ben Okafor <ben@example.net>

            \(invite.textBody ?? "")
            """))
        let sent = try events.run(program).filter { $0.to.map(\.address) != ["coordinator@example.org"] }
        #expect(sent.map { $0.to.map(\.address) } == [["sabine@example.net"]])
        #expect(sent.first?.textBody?.contains("Role:") == false)
        #expect(try program.database.heldMessages().map(\.sender) == ["sabine@example.net"])
    }

    @Test func aReplyFromAPlusAddressUpdatesThePersonWeWroteTo() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        try program.arrive(raw(from: "Maria Garcia <maria@example.org>", subject: "Capacity", "Capacity: 2"))
        _ = try events.run(program)
        let confirmation = try #require(try program.sent().last(to: "maria@example.org"))
        let id = try #require(confirmation.messageID)
        try program.arrive(raw(from: "Maria Garcia <maria+mentoring@example.org>", subject: "Re: \(confirmation.subject ?? "")",
                               headers: "In-Reply-To: <\(id)>\nReferences: <\(id)>\n", "Capacity: 3"))
        _ = try events.run(program)
        let marias = try program.database.participants().filter { $0.profile.name == "Maria Garcia" }
        #expect(marias.map(\.email) == ["maria@example.org"], "no second Maria")
        #expect(marias.first?.profile.capacity == 3)
    }

    // MARK: Check-ins

    let pairs = PairLifeTests()
    let day: TimeInterval = 86_400

    @Test func aSurveyPastItsLastLookNoLongerCatchesFreshMail() throws {
        let (harness, _) = try pairs.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        _ = try harness.run(at: harness.now.addingTimeInterval(98 * day))
        _ = try harness.run(at: harness.now.addingTimeInterval(105 * day))
        try pairs.write(harness, from: "Ana <ana@example.net>", subject: "Hello", "Going great, we meet every week, good fit!")
        _ = try harness.run(at: harness.now.addingTimeInterval(200 * day))
        let record = try #require(try harness.database.read { db in try InboundMessage.order(Column("id").desc).fetchOne(db) })
        #expect(record.intent != "survey-answer", "\(record.intent) by \(record.rule ?? "-")")
    }

    @Test func aSurveyStillOpenTakesFreshMailAsItsAnswers() throws {
        let (harness, _) = try pairs.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        try pairs.write(harness, from: "Ana <ana@example.net>", subject: "Hello", "Going great, we meet every week, good fit!")
        _ = try harness.run(at: harness.now.addingTimeInterval(93 * day))
        let record = try #require(try harness.database.read { db in try InboundMessage.order(Column("id").desc).fetchOne(db) })
        #expect(record.intent == "survey-answer")
    }

    @Test func someoneElsesAnswerToACheckInIsHeldTheWriterToldAndTheSilenceLineNamesIt() throws {
        let (harness, _) = try pairs.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let survey = try pairs.last(to: "maria@example.org", harness)
        try pairs.reply(harness, from: "Sam <sam@example.net>", to: survey, "2, no, not a good fit, need a new match. Ana never showed up.")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let told = try pairs.last(to: "sam@example.net", harness)
        #expect(told.textBody?.contains("with the\ncoordinators now") == true || told.textBody?.contains("coordinators now") == true, "\(told.textBody ?? "")")
        let held = try #require(try harness.database.heldMessages().first { $0.sender == "sam@example.net" })
        _ = try harness.run(at: harness.now.addingTimeInterval(98 * day))
        _ = try harness.run(at: harness.now.addingTimeInterval(105 * day))
        let digest = try pairs.last(to: "coordinator@example.org", harness)
        #expect(digest.textBody?.contains("mentormail held show \(held.id ?? 0)") == true, "\(digest.textBody ?? "")")
    }

    @Test func aCheckInAnswerFromThePersonsPlusAddressIsTheirs() throws {
        let (harness, _) = try pairs.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let survey = try pairs.last(to: "maria@example.org", harness)
        try pairs.reply(harness, from: "Maria <maria+mentoring@example.org>", to: survey, "4, yes, good fit, continue")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let answered = try harness.database.read { db in try Survey.filter(Column("answeredAt") != nil).fetchCount(db) }
        #expect(answered == 1)
        #expect(try harness.database.participants().count == 2)
    }

    @Test func theReviewFlagsTwoRecordsAtOneMailbox() throws {
        let program = try ProcessorTests.Program()
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "pat@example.net", profile: MatchingWorkflowTests.profile("mentee", "Pat"),
                                              status: .active, source: "test", origin: "email", roundID: round.id, now: program.now)
            for email in ["jose@example.de", "jose+mentoring@example.de"] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: MatchingWorkflowTests.profile("mentor", "José Müller", capacity: 1),
                                                  status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        let caution = try #require(proposal.pairs.first?.caution)
        #expect(caution.contains("jose@example.de") && caution.contains("jose+mentoring@example.de") && caution.contains("same mailbox under the same name"),
                "\(caution)")
    }
}

/// Mail from another address of one participant's mailbox, and our mail forwarded back inline.
@Suite struct SameMailboxTests {
    let events = EventWorkflowTests()
    let others = SomeoneElsesMailTests()

    func seedGina(_ program: ProcessorTests.Program, at email: String = "gina+mentoring@example.org") throws {
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: email, profile: MatchingWorkflowTests.profile("mentee", "Gina Rossi"),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
    }

    @Test func theContextReadsAnotherAddressOfOneMailboxAsThatParticipant() throws {
        let program = try ProcessorTests.Program()
        try seedGina(program)
        let message = Message(bytes: Array(others.raw(from: "Gina <GINA@example.org>", subject: "Hi", "Am I in the round?").utf8))
        let context = try program.database.intakeContext(for: message)
        #expect(context.participant?.email == "gina+mentoring@example.org")
        #expect(context.senderIsAlias)
        let stranger = Message(bytes: Array(others.raw(from: "gina@example.com", subject: "Hi", "Am I in the round?").utf8))
        #expect(try program.database.intakeContext(for: stranger).participant == nil, "another domain is someone else")
    }

    @Test func twoRecordsAtOneMailboxHoldTheThirdAddressesMail() throws {
        let program = try ProcessorTests.Program()
        try seedGina(program)
        try seedGina(program, at: "gina+other@example.org")
        try program.arrive(others.raw(from: "Gina <gina@example.org>", subject: "pause", "pause"))
        _ = try events.run(program)
        let held = try #require(try program.database.heldMessages().first { $0.sender == "gina@example.org" })
        #expect(held.rule == "shared-mailbox")
        #expect(try program.database.participants().allSatisfy { $0.status == .active })
    }

    @Test func aPauseFromAnotherAddressIsConfirmedByTheRecordedOne() throws {
        let program = try ProcessorTests.Program()
        try seedGina(program)
        try program.arrive(others.raw(from: "Gina <gina@example.org>", subject: "pause", "Please pause me."))
        let sent = try events.run(program)
        let question = try #require(sent.first(to: "gina+mentoring@example.org"))
        #expect(question.subject?.contains("[") == true, "\(question.subject ?? "")")
        #expect(!sent.contains { $0.to.map(\.address) == ["gina@example.org"] && $0.subject?.contains("[") == true }, "no code to the writer")
        #expect(try program.database.participants().first?.status == .active, "nothing changes before the reply")
        let id = try #require(question.messageID)
        try program.arrive(others.raw(from: "Gina <gina@example.org>", subject: "Re: \(question.subject ?? "")",
                                      headers: "In-Reply-To: <\(id)>\n", "yes"))
        _ = try events.run(program)
        #expect(try program.database.participants().first?.status == .active, "the other address cannot confirm")
        try program.arrive(others.raw(from: "Gina <gina+mentoring@example.org>", subject: "Re: \(question.subject ?? "")",
                                      headers: "In-Reply-To: <\(id)>\n", "yes"))
        _ = try events.run(program)
        #expect(try program.database.participants().first?.status == .paused)
        #expect(try program.database.participants().count == 1)
    }

    @Test func aFormFromAnotherAddressUpdatesTheSamePerson() throws {
        let program = try ProcessorTests.Program()
        try seedGina(program, at: "gina@example.org")
        try program.arrive(others.raw(from: "Gina Rossi <Gina+Mentoring@example.org>", subject: "My form", "Capacity: 1\nAreas: Nova, Swift"))
        _ = try events.run(program)
        let ginas = try program.database.participants()
        #expect(ginas.map(\.email) == ["gina@example.org"], "no second Gina")
    }

    @Test func aGuestsInlineForwardOfTheInvitationWithAYesIsHerYes() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program)
        let invitations = try events.run(program)
        let invite = try events.invitation(to: "ana@example.net", in: invitations)
        try program.arrive(others.raw(from: "Ana Souza <ana@example.net>", subject: "Fwd: \(invite.subject ?? "")", """
            yes I'll come

            ---------- Forwarded message ---------
            From: Mentoring <mentoring@example.org>
            Date: Thu, 29 Oct 2026 09:00 AM
            Subject: \(invite.subject ?? "")
            To: Ana Souza <ana@example.net>

            \(invite.textBody ?? "")
            """))
        _ = try events.run(program)
        let shown = try program.database.event(id: event.id)
        let held = try program.database.heldMessages().map { $0.reason ?? "" }
        #expect(shown.accepted?.map(\.email).contains("ana@example.net") == true, "\(held)")
    }

    @Test func aGuestsInlineForwardNamingTheEventIsHerAnswerWhenTheSubjectIsCut() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program)
        let invitations = try events.run(program)
        let invite = try events.invitation(to: "ana@example.net", in: invitations)
        try program.arrive(others.raw(from: "Ana Souza <ana@example.net>", subject: "Fwd: invitation", """
            Count me in!

            ---------- Forwarded message ---------
            From: Mentoring <mentoring@example.org>
            Subject: Invitation
            To: Ana Souza <ana@example.net>

            \(invite.textBody ?? "")
            """))
        _ = try events.run(program)
        let shown = try program.database.event(id: event.id)
        #expect(shown.accepted?.map(\.email).contains("ana@example.net") == true)
    }

    @Test func anInlineForwardOfMailWeSentSomeoneElseGivesNoContext() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        _ = try events.createEvent(program)
        let invite = try events.invitation(to: "ana@example.net", in: try events.run(program))
        let message = Message(bytes: Array(others.raw(from: "Leo <leo@example.com>", subject: "Fwd: \(invite.subject ?? "")", """
            yes I'll come

            ---------- Forwarded message ---------
            From: Mentoring <mentoring@example.org>
            Subject: \(invite.subject ?? "")
            To: Ana Souza <ana@example.net>

            \(invite.textBody ?? "")
            """).utf8))
        #expect(try program.database.intakeContext(for: message).answering == nil)
    }
}
