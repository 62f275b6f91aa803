import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// Answers as people write them end to end: unsure answers, thanks under a schedule, a seat
/// regained after an update, a question typed into a calendar answer, a condition beside a yes.
extension EventWorkflowTests {
    func answer(_ program: ProcessorTests.Program, _ text: String, from address: String, under message: Message) throws -> [Message] {
        try program.arrive(CalendarReplies.words(text, from: address, name: Self.mentees[address] ?? Self.mentors[address] ?? "",
                                                 to: "mentoring@example.org", under: message))
        return try run(program)
    }

    func calendar(in message: Message?) -> ICalendar? {
        (message?.leafParts.first { $0.contentType == "text/calendar" }?.decodedText()).map(ICalendar.parse)
    }

    /// Two seats taken, Caio waiting: Ben's unsure answer (in words or by calendar) gives his seat to nobody.
    @Test func anUnsureAnswerKeepsTheSeatAndPromotesNobody() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        let uid = try uid(program, event.id)
        for address in ["ana@example.net", "ben@example.net", "caio@example.net"] {
            _ = try answer(program, "Count me in!", from: address, under: try invitation(to: address, in: invitations))
        }
        #expect(try program.database.event(id: event.id).waitlist?.map(\.email) == ["caio@example.net"])
        let sent = try answer(program, "I can't say for sure yet – my flight isn't booked. I'll confirm next week!", from: "ben@example.net",
                              under: try invitation(to: "ben@example.net", in: invitations))
        #expect(sent.map { $0.to.map(\.address) } == [["ben@example.net"], ["coordinator@example.org"]], "nobody is promoted; the digest tells of it")
        let toBen = try #require(sent.first?.textBody)
        #expect(toBen.contains("We noted \"maybe\"") && toBen.contains("Your seat stays yours for now"), "\(toBen)")
        #expect(!toBen.contains("you cannot come"), "\(toBen)")
        #expect(try program.database.inboundMessages().last?.intent == "rsvp-tentative")
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org",
                                                 partstat: "TENTATIVE"))
        #expect(try run(program).map { $0.to.map(\.address) } == [["ana@example.net"], ["coordinator@example.org"]])
        let shown = try program.database.event(id: event.id)
        #expect(shown.accepted?.map(\.email) == ["ana@example.net", "ben@example.net"])
        #expect(shown.waitlist?.map(\.email) == ["caio@example.net"])
    }

    /// Someone seated who thanks us under the schedule is not asked "yes or no" again; a note that
    /// says more goes to the coordinators.
    @Test func thanksUnderTheScheduleIsNotAskedForAnAnswer() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program, capacity: 3, tables: 2, rotations: 2)
        let uid = try uid(program, event.id)
        _ = try run(program)
        for address in ["ana@example.net", "ben@example.net", "maria@example.org", "li@example.org"] {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: Self.mentees[address] ?? Self.mentors[address] ?? "",
                                                     to: "mentoring@example.org", partstat: "ACCEPTED"))
        }
        _ = try run(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let schedules = try run(program).filter { $0.subject?.contains("your schedule") == true }
        func schedule(_ address: String) throws -> Message { try #require(schedules.first(to: address)) }
        for (address, text) in [("ben@example.net", "Thanks! See you Sunday."), ("maria@example.org", "Danke, passt!"),
                                ("li@example.org", "Great, thank you so much!")] {
            let sent = try answer(program, text, from: address, under: try schedule(address))
            // Not answered, or at most confirmed: never asked again.
            #expect(!sent.contains { $0.textBody?.contains("We could not tell") == true }, "\(text): \(sent.map { $0.textBody ?? "" })")
            #expect(sent.allSatisfy { $0.textBody?.contains("Thank you: you are coming") == true }, "\(text)")
            #expect(try program.database.inboundMessages().last?.disposition != .held)
            #expect(try rsvp(program, address) == .accepted)
        }
        // A plain thank-you is not answered at all.
        #expect(try program.database.inboundMessages().last?.disposition == .ignored)
        let sent = try answer(program, "Thanks, I'll be ten minutes late for the first rotation.", from: "ana@example.net",
                              under: try schedule("ana@example.net"))
        #expect(!sent.contains { $0.textBody?.contains("reply \"yes\" if you are coming") == true })
        #expect(try program.database.inboundMessages().last?.disposition == .held)
        #expect(try rsvp(program, "ana@example.net") == .accepted)
    }

    /// Ana declines, the place changes, she says yes again: her answer carries the calendar as it
    /// is now. Caio, waiting while the place changed, gets it with the schedule that seats him.
    @Test func aSeatRegainedComesWithTheCurrentCalendar() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitations = try run(program)
        for address in ["ana@example.net", "ben@example.net", "caio@example.net", "maria@example.org", "li@example.org"] {
            _ = try answer(program, "Yes, I'll be there.", from: address, under: try invitation(to: address, in: invitations))
        }
        let anaInvitation = try invitation(to: "ana@example.net", in: invitations)
        _ = try answer(program, "Sorry, I can't make it.", from: "ana@example.net", under: anaInvitation)
        #expect(try program.database.event(id: event.id).accepted?.map(\.email).contains("caio@example.net") == true)
        _ = try program.app.updateEvent(id: event.id, startsAt: nil, timeZone: nil, durationMinutes: nil, location: "Room 3.4", now: program.now)
        #expect(!(try run(program)).contains { $0.to.map(\.address) == ["ana@example.net"] }, "no update to someone not coming")
        // Caio has her seat now: Ana waits, then Ben says no and Ana gets his seat.
        let sent = try answer(program, "Good news, I can come after all!", from: "ana@example.net", under: anaInvitation)
        #expect(try program.database.event(id: event.id).waitlist?.map(\.email) == ["ana@example.net"])
        #expect(calendar(in: sent.first) == nil, "a waitlist place comes without the calendar")
        let promoted = try answer(program, "Sorry, I can't make it.", from: "ben@example.net",
                                  under: try invitation(to: "ben@example.net", in: invitations))
        let toAna = try #require(promoted.first(to: "ana@example.net"))
        let ics = try #require(calendar(in: toAna))
        #expect(ics.method == "REQUEST")
        #expect(ics.events.first?.sequence == 1 && ics.events.first?.location == "Room 3.4", "\(ics.events)")
        #expect(ics.events.first?.attendees.first?.partstat == .accepted)

        // After the tables are set: Caio says no, the place changes, he says yes and is back in his seats.
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let schedules = try run(program).filter { $0.subject?.contains("your schedule") == true }
        let caioSchedule = try #require(schedules.first(to: "caio@example.net"))
        _ = try answer(program, "So sorry, I can't make it after all.", from: "caio@example.net", under: caioSchedule)
        _ = try program.app.updateEvent(id: event.id, startsAt: nil, timeZone: nil, durationMinutes: nil, location: "Hall B", now: program.now)
        #expect(!(try run(program)).contains { $0.to.map(\.address) == ["caio@example.net"] })
        let back = try answer(program, "Good news, I can come after all!", from: "caio@example.net", under: caioSchedule)
        let toCaio = try #require(back.first(to: "caio@example.net"))
        #expect(toCaio.textBody?.contains("Thank you: you are coming") == true, "\(toCaio.textBody ?? "")")
        let current = try #require(calendar(in: toCaio))
        #expect(current.events.first?.sequence == 2 && current.events.first?.location == "Hall B", "\(current.events)")
    }

    /// The tables formed anew seat someone who waited while the place changed: their schedule
    /// carries the calendar as it is now.
    @Test func tablesFormedAnewSendTheCurrentCalendarToThoseSeatedNow() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitations = try run(program)
        for address in ["ana@example.net", "ben@example.net", "caio@example.net", "maria@example.org", "li@example.org"] {
            _ = try answer(program, "Yes, I'll be there.", from: address, under: try invitation(to: address, in: invitations))
        }
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let schedules = try run(program).filter { $0.subject?.contains("your schedule") == true }
        let anaSchedule = try #require(schedules.first(to: "ana@example.net"))
        _ = try answer(program, "I need to cancel, sorry.", from: "ana@example.net", under: anaSchedule)
        _ = try program.app.updateEvent(id: event.id, startsAt: nil, timeZone: nil, durationMinutes: nil, location: "Room 3.4", now: program.now)
        #expect(!(try run(program)).contains { $0.to.map(\.address) == ["caio@example.net"] }, "Caio is waiting: no update")
        _ = try program.app.formEventGroups(id: event.id, now: program.now, again: true)
        let anew = try run(program)
        let caio = try #require(anew.first { $0.to.map(\.address) == ["caio@example.net"] && $0.subject?.contains("schedule") == true })
        let ics = try #require(calendar(in: caio))
        #expect(ics.events.first?.sequence == 1 && ics.events.first?.location == "Room 3.4", "\(ics.events)")
        let ben = anew.first(to: "ben@example.net")
        #expect(ben == nil || calendar(in: ben) == nil, "Ben's calendar is current")
    }

    /// Outlook: text, HTML and the REPLY side by side, the question in the text and in COMMENT.
    @Test func aQuestionTypedIntoACalendarAnswerGoesToTheCoordinators() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        let uid = try uid(program, event.id)
        let invite = try invitation(to: "ana@example.net", in: invitations)
        let question = "Looking forward to it. Will the video link be sent beforehand?"
        let ics = """
            BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n\
            ATTENDEE;PARTSTAT=ACCEPTED;CN=Ana Souza:mailto:ana@example.net\r\nCOMMENT;LANGUAGE=en-US:\(question)\r\n\
            UID:\(uid)\r\nSEQUENCE:0\r\nDTSTAMP:20261104T101500Z\r\nSUMMARY;LANGUAGE=en-US:Accepted: Speed Mentoring\r\n\
            END:VEVENT\r\nEND:VCALENDAR\r\n
            """
        try program.arrive("""
            From: Ana Souza <ana@example.net>
            To: mentoring@example.org
            Subject: Accepted: Speed Mentoring at the Summit
            Date: Wed, 04 Nov 2026 10:15:00 +0000
            Message-ID: <outlook-accept-1@example.net>
            In-Reply-To: <\(invite.messageID ?? "")>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="_000_"

            --_000_
            Content-Type: text/plain; charset="us-ascii"

            \(question)

            --_000_
            Content-Type: text/html; charset="us-ascii"

            <html><body><p>\(question)</p></body></html>

            --_000_
            Content-Type: text/calendar; charset="utf-8"; method=REPLY

            \(ics)
            --_000_--

            """)
        let sent = try run(program)
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ana@example.net"])
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.disposition == .held)
        #expect(record.note?.contains("Will the video link be sent beforehand?") == true, "\(record.note ?? "")")
        let toAna = try #require(sent.first(to: "ana@example.net")?.textBody)
        #expect(toAna.contains("Your question has been passed to the coordinators"), "\(toAna)")
        let digest = try #require(sent.first(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("Will the video link be sent beforehand?"), "\(digest)")
    }

    /// A yes with a condition is recorded and confirmed, and the condition reaches the coordinators.
    @Test func aConditionBesideAYesGoesToTheCoordinators() throws {
        let program = try ProcessorTests.Program()
        let (sent, toBen) = try benSaysYes(program, "Yes, but I can only stay for the first rotation.")
        #expect(toBen.contains("What you added about coming has been passed to the coordinators"), "\(toBen)")
        #expect(try program.database.inboundMessages().last?.disposition == .held)
        let digest = try #require(sent.first(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("I can only stay for the first rotation"), "\(digest)")
    }

    /// Finding F18: a late yes with an apology was held "for its condition", and the answer said
    /// what was added had gone to the coordinators.
    @Test func aYesWithAnApologyIsAnsweredAndNotHeld() throws {
        let program = try ProcessorTests.Program()
        let toBen = try benSaysYes(program, "Sorry for the late answer, yes I'd love to come!").toBen
        #expect(!toBen.contains("passed to the coordinators"), "\(toBen)")
        #expect(try program.database.inboundMessages().last?.disposition == .answered)
    }

    /// Ben, invited, answers `text` under his invitation: his seat is taken and he is thanked.
    /// Returns what the run sent and his answer's text.
    func benSaysYes(_ program: ProcessorTests.Program, _ text: String) throws -> (sent: [Message], toBen: String) {
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        let sent = try answer(program, text, from: "ben@example.net", under: try invitation(to: "ben@example.net", in: invitations))
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ben@example.net"])
        let toBen = try #require(sent.first(to: "ben@example.net")?.textBody)
        #expect(toBen.contains("Thank you: you are coming"), "\(toBen)")
        return (sent, toBen)
    }
}
