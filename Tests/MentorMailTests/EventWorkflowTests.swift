import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// A Speed Mentoring event through whole runs on a Maildir with a folder outbox: invitations,
/// answers in every shape, the waitlist, the rotations and the schedules.
@Suite struct EventWorkflowTests {
    static let mentees = ["ana@example.net": "Ana Souza", "ben@example.net": "Ben Okafor", "caio@example.net": "Caio Lima",
                          "dee@example.net": "Dee Kim"]
    static let mentors = ["maria@example.org": "Maria Garcia", "li@example.org": "Li Wei", "tom@example.org": "Tom Berg"]

    func seed(_ program: ProcessorTests.Program) throws {
        try program.database.write { db in
            for (email, name) in Self.mentees.sorted(by: { $0.key < $1.key }) {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: MatchingWorkflowTests.profile("mentee", name, areas: ["nova"]),
                                                  status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
            for (email, name) in Self.mentors.sorted(by: { $0.key < $1.key }) {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: MatchingWorkflowTests.profile("mentor", name, areas: ["nova", "documentation"], capacity: 2),
                                                  status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
    }

    /// Two mentee seats and two tables, ten days ahead, in Madrid.
    func createEvent(_ program: ProcessorTests.Program, capacity: Int = 2, tables: Int = 2, rotations: Int = 2) throws -> EventView {
        let zone = try #require(TimeZone(identifier: "Europe/Madrid"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = try #require(calendar.date(from: DateComponents(year: 2026, month: 11, day: 25, hour: 9, minute: 30)))
        return try program.app.createEvent(EventPlan(name: "Speed Mentoring at the Summit", startsAt: start, timeZone: zone, durationMinutes: 90,
                                                     capacity: capacity, tables: tables, rotations: rotations, location: "Room 2.1"),
                                           now: program.now)
    }

    func uid(_ program: ProcessorTests.Program, _ id: Int64) throws -> String { try program.database.event(id: id).uid }

    /// Runs the program once and returns what it sent in that run.
    func run(_ program: ProcessorTests.Program, at date: Date? = nil) throws -> [Message] {
        let before = program.outbox.sentFiles().count
        let report = try program.run(at: date)
        #expect(report.problems.isEmpty, "\(report.problems)")
        return Array(try program.sent().suffix(from: before))
    }

    func invitation(to address: String, in sent: [Message]) throws -> Message {
        try #require(sent.first { $0.to.map(\.address) == [address] && $0.header("Subject")?.contains("Speed Mentoring") == true })
    }

    @Test func invitationsCarryACalendarRequestForTheirReaderOnly() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let sent = try run(program)
        #expect(sent.count == 7, "every active participant is invited once")
        #expect(try run(program).isEmpty, "a second run invites nobody again")

        for address in Self.mentees.keys.sorted() + Self.mentors.keys.sorted() {
            let mail = try invitation(to: address, in: sent)
            let parts = mail.leafParts.map(\.contentType)
            #expect(parts == ["text/plain", "text/html", "text/calendar", "application/ics"], "\(parts)")
            let calendarPart = try #require(mail.leafParts.first { $0.contentType == "text/calendar" })
            #expect(calendarPart.parameters["method"] == "REQUEST")
            let ics = ICalendar.parse(calendarPart.decodedText())
            #expect(ics.method == "REQUEST")
            let vevent = try #require(ics.events.first)
            #expect(vevent.uid == event.uid)
            #expect(vevent.sequence == 0)
            #expect(vevent.organizer?.address == "mentoring@example.org")
            #expect(vevent.attendees.map(\.address) == [address], "the reader is the only attendee")
            #expect(vevent.attendees.first?.rsvp == true)
            #expect(vevent.start?.timeZoneID == "Europe/Madrid")
            #expect(vevent.start?.raw == "20261125T093000")
            #expect(calendarPart.decodedText().contains("BEGIN:VTIMEZONE\nTZID:Europe/Madrid\n"))
            #expect(Array(calendarPart.decodedBytes()).count > 0 && String(decoding: calendarPart.decodedBytes(), as: UTF8.self).contains("\r\n"),
                    "iCalendar lines end with CRLF")
            for other in Self.mentees.keys.sorted() + Self.mentors.keys.sorted() where other != address {
                #expect(!calendarPart.decodedText().contains(other) && !(mail.textBody ?? "").contains(other), "\(other) in \(address)'s mail")
            }
            let text = try #require(mail.textBody)
            #expect(text.contains("Wednesday, November 25, 2026, 09:30–11:00 (Europe/Madrid)"), "\(text)")
            #expect(text.contains(Self.mentors[address] != nil ? "host a table" : "You meet 2 different mentors"))
            // Mentors host tables: what is limited for them is the tables, not seats.
            #expect(text.contains(Self.mentors[address] != nil ? "Tables are limited" : "Seats are limited"), "\(text)")
            #expect(!text.contains(Self.mentors[address] != nil ? "Seats are limited" : "Tables are limited"), "\(text)")
        }
    }

    @Test func answersByCalendarAndInWordsFillSeatsThenTheWaitlistAndADeclinePromotes() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        let uid = try uid(program, event.id)
        func words(_ text: String, _ address: String) throws -> String {
            let invite = try invitation(to: address, in: invitations)
            return CalendarReplies.words(text, from: address, name: Self.mentees[address] ?? Self.mentors[address] ?? "",
                                         to: "mentoring@example.org", under: invite)
        }

        // Ana accepts in Google Calendar, Ben in words: both seats taken.
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", partstat: "ACCEPTED"))
        try program.arrive(try words("Count me in! See you in Madrid.", "ben@example.net"))
        var sent = try run(program)
        #expect(sent.count == 2)
        #expect(sent.allSatisfy { $0.textBody?.contains("Thank you: you are coming to Speed Mentoring at the Summit") == true })
        // Caio and Dee say yes too: the waitlist, in order.
        try program.arrive(try words("Yes, I'd love to come.", "caio@example.net"), name: "1-caio")
        sent = try run(program)
        try program.arrive(CalendarReplies.reply(.apple, uid: uid, from: "dee@example.net", name: "Dee Kim", to: "mentoring@example.org", partstat: "ACCEPTED"))
        sent += try run(program)
        #expect(sent.map { $0.textBody?.contains("you are on the\nwaitlist, in place 1") == true } == [true, false])
        #expect(sent.last?.textBody?.contains("in place 2") == true)
        var shown = try program.database.event(id: event.id)
        #expect(shown.accepted?.map(\.email) == ["ana@example.net", "ben@example.net"])
        #expect(shown.waitlist?.map(\.email) == ["caio@example.net", "dee@example.net"])
        #expect(shown.waitlist?.map(\.position) == [1, 2])

        // Ana declines in Outlook (a bare text/calendar, the method only on its Content-Type):
        // her seat goes to Caio in the same run, and he is told.
        try program.arrive(CalendarReplies.reply(.outlook, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", partstat: "DECLINED"))
        sent = try run(program)
        #expect(sent.count == 2)
        #expect(sent.contains { $0.to.map(\.address) == ["ana@example.net"] && $0.textBody?.contains("you cannot come") == true })
        #expect(sent.contains { $0.to.map(\.address) == ["caio@example.net"] && $0.subject?.contains("a seat for you") == true })
        shown = try program.database.event(id: event.id)
        #expect(shown.accepted?.map(\.email) == ["ben@example.net", "caio@example.net"])
        #expect(shown.waitlist?.map(\.email) == ["dee@example.net"])
        #expect(shown.waitlist?.first?.position == 1)
        #expect(shown.declined?.map(\.email) == ["ana@example.net"])

        // Ben says maybe in words: an unsure answer gives no seat away. He keeps it, and is told
        // that a "no" would pass it on; Dee still waits.
        try program.arrive(try words("Not sure yet, maybe.", "ben@example.net"))
        sent = try run(program)
        #expect(sent.map { $0.to.map(\.address) } == [["ben@example.net"], ["coordinator@example.org"]],
                "nobody else is told anything but the coordinators, in their digest")
        let toBen = sent.first?.textBody ?? ""
        #expect(toBen.contains("We noted \"maybe\""), "\(toBen)")
        #expect(toBen.contains("Your seat stays yours for now"), "\(toBen)")
        #expect(toBen.contains("reply \"no\", so that it goes to the next person waiting"), "\(toBen)")
        shown = try program.database.event(id: event.id)
        #expect(shown.accepted?.map(\.email) == ["ben@example.net", "caio@example.net"])
        #expect(shown.waitlist?.map(\.email) == ["dee@example.net"])

        // The latest answer wins: Ana changes her mind; every seat is taken, so she waits.
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", partstat: "ACCEPTED", sequence: 0))
        sent = try run(program)
        #expect(sent.first?.textBody?.contains("in place 2") == true)
        #expect(try program.database.event(id: event.id).waitlist?.map(\.email) == ["dee@example.net", "ana@example.net"])
        // A maybe from the waitlist gives up the place in line, and says so.
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", partstat: "TENTATIVE", sequence: 0))
        sent = try run(program)
        #expect(sent.first?.textBody?.contains("you have left the waitlist for now") == true, "\(sent.first?.textBody ?? "")")
        #expect(try program.database.event(id: event.id).waitlist?.map(\.email) == ["dee@example.net"])
    }

    @Test func answersInOneRunQueueInTheOrderTheyCame() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        let uid = try uid(program, event.id)
        func words(_ text: String, _ address: String) throws -> String {
            let invite = try invitation(to: address, in: invitations)
            return CalendarReplies.words(text, from: address, name: Self.mentees[address] ?? "", to: "mentoring@example.org",
                                         under: invite)
        }
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", partstat: "ACCEPTED"), name: "1-ana")
        try program.arrive(try words("Count me in!", "ben@example.net"), name: "2-ben")
        // Dee (invited after Caio) answers first, both in the same run, after the seats are gone.
        try program.arrive(try words("Yes, I'd love to come.", "dee@example.net"), name: "3-dee")
        try program.arrive(try words("Yes, see you there.", "caio@example.net"), name: "4-caio")
        let sent = try run(program)
        func told(_ address: String) -> String { sent.first(to: address)?.textBody ?? "" }
        #expect(told("dee@example.net").contains("waitlist, in place 1"), "\(told("dee@example.net"))")
        #expect(told("caio@example.net").contains("waitlist, in place 2"), "\(told("caio@example.net"))")
        #expect(try program.database.event(id: event.id).waitlist?.map(\.email) == ["dee@example.net", "caio@example.net"])

        // A seat frees: the first one waiting is Dee.
        try program.arrive(try words("Sorry, I can't make it.", "ben@example.net"))
        let freed = try run(program)
        #expect(freed.contains { $0.to.map(\.address) == ["dee@example.net"] && $0.subject?.contains("a seat for you") == true })
        let shown = try program.database.event(id: event.id)
        #expect(shown.waitlist?.map(\.email) == ["caio@example.net"])
        #expect(shown.waitlist?.first?.position == 1)
    }

    @Test func aCalendarAnswerForAGuestFromSomeoneElseIsHeldAndNamesNoOne() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        _ = try run(program)
        let uid = try uid(program, event.id)
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", partstat: "ACCEPTED"))
        _ = try run(program)
        // A stranger declines in Ana's name, not under any mail of ours.
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "eve@example.com", name: "Eve", to: "mentoring@example.org",
                                                 partstat: "DECLINED", attendee: "ana@example.net"))
        let sent = try run(program)
        #expect(!sent.contains { $0.to.map(\.address) == ["eve@example.com"] }, "no answer to the stranger")
        // Ana hears that an answer for her came from elsewhere, and that it did not count.
        let toAna = sent.mail(to: "ana@example.net")
        #expect(toAna.count == 1 && toAna.first?.textBody?.contains("eve@example.com") == true, "\(toAna.map(\.textBody))")
        #expect(toAna.first?.textBody?.contains("not counted") == true, "\(toAna.map(\.textBody))")
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ana@example.net"], "Ana keeps her seat")
        let held = try #require(try program.database.inboundMessages().last)
        #expect(held.disposition == .held)
        #expect(held.note?.contains("ana@example.net") == true && held.note?.contains("eve@example.com") == true, "\(held.note ?? "")")

        // Her own answer, and her "yes" under our answer to it (a mail of ours, but not to a guest): not invited.
        try program.arrive(CalendarReplies.reply(.apple, uid: uid, from: "eve@example.com", name: "Eve", to: "mentoring@example.org", partstat: "ACCEPTED"))
        let told = try #require(try run(program).first(to: "eve@example.com"))
        #expect(told.textBody?.contains("We could not find an invitation of yours") == true)
        try program.arrive(CalendarReplies.words("Yes, I'll be there.", from: "eve@example.com", name: "Eve", to: "mentoring@example.org",
                                                 under: told))
        let again = try run(program)
        #expect(again.map { $0.to.map(\.address) } == [["eve@example.com"]])
        #expect(again.first?.textBody?.contains("We could not find an invitation of yours") == true)
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ana@example.net"])
    }

    @Test func anAnswerFromAnotherAddressUnderTheGuestsInvitationCountsAndIsConfirmedToTheGuest() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        let uid = try uid(program, event.id)
        // Ana answers her invitation from her personal account: by calendar, then in words.
        let anaInvitation = try invitation(to: "ana@example.net", in: invitations)
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana.home@example.com", name: "Ana", to: "mentoring@example.org",
                                                 partstat: "ACCEPTED", attendee: "ana@example.net", inReplyTo: anaInvitation.messageID))
        var sent = try run(program)
        #expect(sent.map { $0.to.map(\.address) } == [["ana@example.net"]], "confirmed at the invited address")
        #expect(sent.first?.textBody?.contains("Thank you: you are coming") == true)
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ana@example.net"])
        try program.arrive(CalendarReplies.words("Sorry, I can't make it.", from: "ana.home@example.com", name: "Ana", to: "mentoring@example.org",
                                                 under: anaInvitation))
        sent = try run(program)
        #expect(sent.map { $0.to.map(\.address) } == [["ana@example.net"]])
        #expect(sent.first?.textBody?.contains("you cannot come") == true)
        #expect(try program.database.event(id: event.id).declined?.map(\.email) == ["ana@example.net"])
    }

    /// Finding: a colleague answered under Omar's invitation "Omar asked me to tell you he will
    /// come"; she was asked whether she was coming, then, saying yes, told she had no
    /// invitation. Neither Omar nor the coordinators learnt anything.
    @Test func someoneElsesUnclearReplyUnderAnInvitationIsHeldAndTheyAreToldItIsPersonal() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invite = try invitation(to: "ben@example.net", in: try run(program))
        try program.arrive(CalendarReplies.words("Ben asked me to tell you he will come.", from: "laila@example.com",
                                                 name: "Laila Haddad", to: "mentoring@example.org", under: invite))
        let sent = try run(program)
        let notice = try #require(sent.first(to: "laila@example.com"))
        #expect(notice.textBody?.contains("An invitation is personal") == true, "\(notice.textBody ?? "")")
        #expect(notice.textBody?.contains("whether you are coming") == false)
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.disposition == .held, "\(record.intent)")
        #expect(try program.database.event(id: event.id).accepted == nil || program.database.event(id: event.id).accepted?.isEmpty == true)
    }

    @Test func aReplyThatSaysNeitherYesNorNoIsAskedForOneNamingTheEvent() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        let invite = try invitation(to: "ana@example.net", in: invitations)
        try program.arrive(CalendarReplies.words("Thanks for organising this, it sounds like a lovely idea.", from: "ana@example.net",
                                                 name: "Ana Souza", to: "mentoring@example.org", under: invite))
        let asked = try #require(try run(program).first(to: "ana@example.net"))
        let text = try #require(asked.textBody)
        #expect(text.contains("whether you are coming to Speed Mentoring at the Summit"), "\(text)")
        #expect(text.contains("Please reply \"yes\" if you are coming,\nor \"no\" if you cannot come."), "\(text)")
        #expect(try program.database.inboundMessages().last?.intent == "event-unclear")
        // A common way of declining, under that answer: understood.
        try program.arrive(CalendarReplies.words("Unfortunately I need to cancel, something came up at work.", from: "ana@example.net",
                                                 name: "Ana Souza", to: "mentoring@example.org", under: asked))
        #expect(try run(program).first?.textBody?.contains("you cannot come to Speed Mentoring at the Summit") == true)
        #expect(try program.database.event(id: event.id).declined?.map(\.email) == ["ana@example.net"])
    }

    @Test func aQuestionBesideAYesIsRecordedAnsweredAndHeldForTheCoordinators() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        func words(_ text: String, _ address: String) throws -> String {
            let invite = try invitation(to: address, in: invitations)
            return CalendarReplies.words(text, from: address, name: Self.mentees[address] ?? "", to: "mentoring@example.org",
                                         under: invite)
        }
        try program.arrive(try words("Actually my flight got moved back, so yes, I can come after all! Is there a cloakroom for luggage?",
                                     "ana@example.net"))
        var sent = try run(program)
        let answer = try #require(sent.first(to: "ana@example.net")?.textBody)
        #expect(answer.contains("Thank you: you are coming"), "\(answer)")
        #expect(answer.contains("Your question has been passed to the coordinators"), "\(answer)")
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ana@example.net"])
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.disposition == .held)
        #expect(record.note?.contains("Is there a cloakroom for luggage?") == true, "\(record.note ?? "")")
        let digest = try #require(sent.first(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("Is there a cloakroom for luggage?"), "\(digest)")

        // A plain yes is only confirmed.
        try program.arrive(try words("Yes! See you there.", "ben@example.net"))
        sent = try run(program)
        #expect(sent.map { $0.to.map(\.address) } == [["ben@example.net"]])
        #expect(sent.first?.textBody?.contains("Your question") == false)
        #expect(try program.database.inboundMessages().last?.disposition == .answered)
    }

    /// Finding: "Could Ana join the mentoring session at the Summit?", in a mail of Ben's own
    /// while the event was open, was recorded as Ben's yes. A question about someone else
    /// coming answers nothing for the writer: it is held as a question about the event.
    @Test func aQuestionAboutSomeoneElseComingIsHeldAsAQuestionNotTheWritersYes() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        // Under the invitation too: asking whether someone else is coming is no yes.
        try program.arrive(CalendarReplies.words("Is Tom attending? He is my mentor.", from: "ana@example.net", name: "Ana Souza",
                                                 to: "mentoring@example.org", under: try invitation(to: "ana@example.net", in: invitations)))
        _ = try run(program)
        let asked = try #require(try program.database.inboundMessages().last)
        #expect(asked.disposition == .held && asked.reason?.hasPrefix("a question from a participant about ") == true,
                "\(asked.intent): \(asked.reason ?? "")")
        #expect(try program.database.event(id: event.id).accepted?.isEmpty != false, "Ana said no yes")
        // One question each (a sender gets at most five answers a day).
        for (text, sender) in zip(["Could Ana join the mentoring session at the Summit?", "Can my colleague come to the speed mentoring?",
                                   "Is there still room at the session for a friend?", "Is there a spot at the speed mentoring for my colleague?",
                                   "¿Hay sitio en la sesión para una amiga?", "¿Puede venir mi compañera a la sesión de speed mentoring?"],
                                  ["ben@example.net", "caio@example.net", "dee@example.net", "li@example.org", "maria@example.org", "tom@example.org"]) {
            try program.arrive("From: <\(sender)>\r\nTo: mentoring@example.org\r\nSubject: Summit\r\n"
                               + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(text)\r\n")
            _ = try run(program)
            let record = try #require(try program.database.inboundMessages().last)
            #expect(record.disposition == .held, "\(text): \(record.intent)")
            #expect(record.reason?.hasPrefix("a question from a participant about ") == true, "\(text): \(record.reason ?? "")")
            #expect(record.reason?.contains("accepted") == false, "\(text): \(record.reason ?? "")")
            #expect(try program.database.event(id: event.id).accepted?.isEmpty != false, "\(text): nobody said yes")
        }
        // The writer's own request is still a yes.
        try program.arrive("From: Ben Okafor <ben@example.net>\r\nTo: mentoring@example.org\r\nSubject: Summit\r\n"
                           + "Message-ID: <own-ask@example.net>\r\n\r\nCould I still join the speed mentoring?\r\n")
        _ = try run(program)
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ben@example.net"])
    }

    @Test func quotedTextIsNeverReadAsAnAnswer() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        let invite = try invitation(to: "ana@example.net", in: invitations)
        // Only the quote says yes; the new text asks a question.
        try program.arrive(CalendarReplies.words("Is there coffee at the event?", from: "ana@example.net", name: "Ana Souza",
                                                 to: "mentoring@example.org", under: invite,
                                                 quoted: "> yes\n> count me in"))
        _ = try run(program)
        #expect(try program.database.event(id: event.id).noAnswer?.map(\.email).contains("ana@example.net") == true)
        #expect(try program.database.inboundMessages().last?.intent == "hold")
    }

    @Test func answersAfterTheEventAreRefusedPolitely() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        _ = try run(program)
        try program.arrive(CalendarReplies.reply(.google, uid: try uid(program, event.id), from: "ana@example.net", name: "Ana Souza",
                                                 to: "mentoring@example.org", partstat: "ACCEPTED"))
        let later = event.startsAt.addingTimeInterval(3 * 3_600)
        let sent = try run(program, at: later).mail(to: "ana@example.net")
        #expect(sent.count == 1)
        #expect(sent.first?.textBody?.contains("has already taken place") == true)
        #expect(try program.database.event(id: event.id).accepted?.isEmpty == true)
    }

    @Test func rotationsAndSchedulesGoToExactlyThoseComing() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program, capacity: 3, tables: 2, rotations: 2)
        let invitations = try run(program)
        let uid = try uid(program, event.id)
        for address in ["ana@example.net", "ben@example.net", "caio@example.net", "maria@example.org", "li@example.org"] {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: Self.mentees[address] ?? Self.mentors[address] ?? "",
                                                     to: "mentoring@example.org", partstat: "ACCEPTED"))
        }
        try program.arrive(CalendarReplies.words("Sorry, I can't make it.", from: "tom@example.org", name: "Tom Berg", to: "mentoring@example.org",
                                                 under: try invitation(to: "tom@example.org", in: invitations)))
        _ = try run(program)

        let grouping = try program.app.formEventGroups(id: event.id, now: program.now)
        #expect(grouping.mentees == 3 && grouping.mentors == 2 && grouping.rotations == 2)
        #expect(grouping.schedulesQueued == 5)
        #expect(throws: MentorMailError.self) { try program.app.formEventGroups(id: event.id, now: program.now) }
        let sent = try run(program)
        let schedules = sent.filter { $0.subject?.contains("your schedule") == true }
        #expect(Set(schedules.flatMap { $0.to.map(\.address) }) == ["ana@example.net", "ben@example.net", "caio@example.net", "maria@example.org", "li@example.org"])
        let sheet = try #require(sent.first(to: "coordinator@example.org"))
        #expect(sheet.subject?.contains("tables for Speed Mentoring at the Summit") == true)
        let html = try #require(sheet.leafParts.first { $0.contentType == "text/html" }?.decodedText())
        #expect(html.components(separatedBy: "<section class=\"rotation\">").count - 1 == 2, "one page per rotation")
        for schedule in schedules {
            let text = try #require(schedule.textBody)
            let reader = schedule.to.first?.address ?? ""
            for address in Self.mentees.keys.sorted() + Self.mentors.keys.sorted() where address != reader {
                #expect(!text.contains(address), "no one else's address in \(reader)'s schedule")
            }
            if Self.mentees[reader] != nil {
                #expect(text.contains("Rotation 1, 09:30–10:15: table"))
                #expect(text.contains("Rotation 2, 10:15–11:00: table"))
                // A different mentor in each rotation, by first name.
                let met = ["Maria", "Li"].filter { text.contains("with \($0)") }
                #expect(met.count == 2, "\(text)")
            } else {
                #expect(text.contains("You host table"))
            }
        }
        // Every mentee at one table per rotation, sizes within one.
        let seats = try program.database.read { db in try EventSeat.fetchAll(db) }
        for rotation in 1...2 {
            let inRotation = seats.filter { $0.rotation == rotation }
            #expect(inRotation.count == 3)
            let sizes = Dictionary(grouping: inRotation, by: \.table).values.map(\.count).sorted()
            #expect(sizes == [1, 2])
        }
        // "I can't come after all" under the schedule: the tables are set, so the coordinators hear of it.
        let anaSchedule = try #require(schedules.first(to: "ana@example.net"))
        try program.arrive(CalendarReplies.words("So sorry, I can't make it after all.", from: "ana@example.net", name: "Ana Souza",
                                                 to: "mentoring@example.org", under: anaSchedule))
        let afterDecline = try run(program)
        let answer = try #require(afterDecline.first(to: "ana@example.net"))
        #expect(answer.textBody?.contains("The tables for the event are already set") == true, "\(answer.textBody ?? "")")
        let digest = try #require(afterDecline.first(to: "coordinator@example.org"))
        // The coordinators are told what they can do about it.
        let digestText = (digest.textBody ?? "").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(digestText.contains("Ana Souza <ana@example.net> (mentee) said no after the tables were set; their place stays empty unless you form the tables anew: mentormail event groups \(event.id) --again"),
                "\(digest.textBody ?? "")")
        // The sheet printed now still shows her seats, marked, so the room is not set for her.
        let rebuilt = try program.app.eventSheet(id: event.id, now: program.now)
        #expect(rebuilt.contains("Ana Souza (no longer coming)"), "\(rebuilt)")
        // Her "yes" again: her seats in the rotations are still hers, so she is simply back.
        try program.arrive(CalendarReplies.words("Good news, I can come after all!", from: "ana@example.net", name: "Ana Souza",
                                                 to: "mentoring@example.org", under: anaSchedule))
        let afterYes = try run(program)
        let back = try #require(afterYes.first(to: "ana@example.net")?.textBody)
        #expect(back.contains("Thank you: you are coming") && back.contains("as in the schedule we sent you"), "\(back)")
        #expect(!back.contains("About a day before"), "\(back)")
        #expect(try rsvp(program, "ana@example.net") == .accepted)
        // A "yes" from someone without a seat: no waitlist place is promised; the coordinators
        // hear of it and may fit them in.
        let deeInvitation = try invitation(to: "dee@example.net", in: invitations)
        try program.arrive(CalendarReplies.words("Yes, I'll be there.", from: "dee@example.net", name: "Dee Kim", to: "mentoring@example.org",
                                                 under: deeInvitation))
        let late = try #require(try run(program).first(to: "dee@example.net")?.textBody)
        #expect(late.contains("The tables are already set, so we cannot\ngive you a seat by mail any more"), "\(late)")
        #expect(!late.contains("waitlist"), "\(late)")
        // The due job sees the rotations formed and sends nothing more.
        #expect(try run(program, at: event.startsAt.addingTimeInterval(-3_600)).isEmpty)
    }

    func rsvp(_ program: ProcessorTests.Program, _ address: String) throws -> EventGuest.Answer? {
        try program.database.read { db in try EventGuest.filter(Column("email") == address).fetchOne(db)?.answer }
    }

    /// A "maybe" from someone with a seat after the tables are set keeps the seat (the schedules
    /// count on it): the answer says so, and the coordinators hear of it; a later "yes" confirms.
    @Test func aMaybeAfterTheTablesAreSetKeepsTheSeat() throws {
        let program = try ProcessorTests.Program()
        let (event, _) = try fourAccept(program)
        _ = try run(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let schedules = try run(program).filter { $0.subject?.contains("your schedule") == true }
        let benSchedule = try #require(schedules.first(to: "ben@example.net"))
        func say(_ text: String) throws -> [Message] {
            try program.arrive(CalendarReplies.words(text, from: "ben@example.net", name: "Ben Okafor", to: "mentoring@example.org",
                                                     under: benSchedule))
            return try run(program)
        }
        let afterMaybe = try say("Maybe, my train may be late.")
        let kept = try #require(afterMaybe.first(to: "ben@example.net")?.textBody)
        #expect(kept.contains("so you keep your seat") && kept.contains("reply \"no\""), "\(kept)")
        #expect(kept.components(separatedBy: "already set").count == 2, "said once: \(kept)")
        #expect(!kept.contains("reply \"yes\" as soon as you know"), "\(kept)")
        #expect(try rsvp(program, "ben@example.net") == .accepted)
        let digest = try #require(afterMaybe.first(to: "coordinator@example.org"))
        #expect(digest.textBody?.contains("Ben Okafor <ben@example.net> (mentee) said maybe on 2026-11-03, after the tables were set; their seat is kept") == true,
                "\(digest.textBody ?? "")")
        let afterYes = try say("Yes, I'll be there after all.")
        let confirmed = try #require(afterYes.first(to: "ben@example.net")?.textBody)
        #expect(confirmed.contains("Thank you: you are coming"), "\(confirmed)")
        #expect(!confirmed.contains("cannot\ngive you a seat"), "\(confirmed)")
        #expect(try rsvp(program, "ben@example.net") == .accepted)
    }

    /// A "maybe" after the tables are set from someone without a seat holds nothing: the answer
    /// must not urge a quick "yes" as if seats were still given by mail.
    @Test func aMaybeWithoutASeatAfterTheTablesAreSetPromisesNothing() throws {
        let program = try ProcessorTests.Program()
        let (event, invitations) = try fourAccept(program)
        _ = try run(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        _ = try run(program)
        let deeInvitation = try invitation(to: "dee@example.net", in: invitations)
        try program.arrive(CalendarReplies.words("Maybe, I will know next week.", from: "dee@example.net", name: "Dee Kim",
                                                 to: "mentoring@example.org", under: deeInvitation))
        let answer = try #require(try run(program).first(to: "dee@example.net")?.textBody)
        #expect(answer.contains("We noted \"maybe\""), "\(answer)")
        #expect(!answer.contains("Places go to those who say yes first"), "\(answer)")
        #expect(answer.contains("The tables are already set") && answer.contains("fit you in"), "\(answer)")
        #expect(answer.components(separatedBy: "already set").count == 2, "said once: \(answer)")
        #expect(try rsvp(program, "dee@example.net") == .tentative)
    }

    /// Tables formed anew before the start: whoever said no since loses the place, the first one
    /// waiting gets it, everyone seated gets the new schedule, and only those not told before hear
    /// that there was no seat.
    @Test func theTablesCanBeFormedAnewBeforeTheStart() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitations = try run(program)
        let uid = try uid(program, event.id)
        for (index, address) in ["ana@example.net", "ben@example.net", "caio@example.net", "maria@example.org", "li@example.org"].enumerated() {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: Self.mentees[address] ?? Self.mentors[address] ?? "",
                                                     to: "mentoring@example.org", partstat: "ACCEPTED"), name: "\(index)-\(address)")
        }
        _ = try run(program)
        #expect(try rsvp(program, "caio@example.net") == .waitlisted)
        #expect(throws: MentorMailError.self) { try program.app.formEventGroups(id: event.id, now: program.now, again: true) }
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let first = try run(program)
        #expect(first.contains { $0.to.map(\.address) == ["caio@example.net"] && $0.subject?.contains("are set") == true })
        let benSchedule = try #require(first.first { $0.to.map(\.address) == ["ben@example.net"] && $0.subject?.contains("your schedule") == true })
        // Ben cannot come after all; Dee says yes late.
        try program.arrive(CalendarReplies.words("Sorry, I can't come after all.", from: "ben@example.net", name: "Ben Okafor",
                                                 to: "mentoring@example.org", under: benSchedule))
        try program.arrive(CalendarReplies.words("Yes, I'll be there!", from: "dee@example.net", name: "Dee Kim",
                                                 to: "mentoring@example.org", under: try invitation(to: "dee@example.net", in: invitations)))
        let changes = try run(program)
        let news = (changes.first(to: "coordinator@example.org")?.textBody ?? "")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(news.contains("Dee Kim <dee@example.net> (mentee) said yes after the tables were set and has no place in them; "
                              + "to fit them in, form the tables anew before the start: mentormail event groups \(event.id) --again"), "\(news)")

        let again: () throws -> EventGrouping = { try program.app.formEventGroups(id: event.id, now: program.now, again: true) }
        do {
            _ = try program.app.formEventGroups(id: event.id, now: program.now)
            Issue.record("forming twice without --again must fail")
        } catch let error as MentorMailError {
            #expect(error.message.contains("--again"), "\(error.message)")
        }
        func seats(_ address: String) throws -> [String] {
            try program.database.read { db in
                try String.fetchAll(db, sql: """
                    SELECT s.rotation || ' ' || s."table" || ' ' || s.mentorGuestID FROM eventSeat s JOIN eventGuest g ON g.id = s.menteeGuestID
                    WHERE g.email = ? ORDER BY s.rotation
                    """, arguments: [address])
            }
        }
        let anaBefore = try seats("ana@example.net")
        let grouping = try again()
        #expect(grouping.formedAgain && grouping.mentees == 2 && grouping.promoted == ["Caio Lima"] && grouping.waitlistTold == 1)
        #expect(grouping.leaving == ["Ben Okafor"] && grouping.noSeat == ["Dee Kim"], "\(grouping)")
        #expect(Set(grouping.tables.flatMap(\.mentees)) == ["Ana Souza", "Caio Lima"])
        let sent = try run(program)
        func to(_ address: String) -> [Message] { sent.mail(to: address) }
        // Whose seats changed gets the new schedule; whose did not hears nothing.
        let anaChanged = try seats("ana@example.net") != anaBefore
        #expect(to("ana@example.net").isEmpty == !anaChanged)
        let renewed = sent.filter { $0.subject?.contains("your new schedule") == true }
        #expect(renewed.count + grouping.schedulesUnchanged == 3, "Ana, Maria and Li had places before")
        let update = try #require(renewed.first)
        #expect(update.textBody?.contains("replaces the one we sent you before") == true, "\(update.textBody ?? "")")
        let caio = try #require(to("caio@example.net").first)
        #expect(caio.textBody?.contains("A seat opened up for you after all") == true, "\(caio.textBody ?? "")")
        #expect(to("ben@example.net").isEmpty)
        let dee = try #require(to("dee@example.net").first)
        #expect(dee.subject?.contains("are set") == true, "\(dee.subject ?? "")")
        let sheetMail = try #require(to("coordinator@example.org").first)
        #expect(sheetMail.subject?.contains("new tables for") == true, "\(sheetMail.subject ?? "")")
        let sheet = try #require(sheetMail.textBody)
        #expect(sheet.contains("Caio Lima") && !sheet.contains("Ben Okafor"), "\(sheet)")
        #expect(try rsvp(program, "caio@example.net") == .accepted)
        // Ben's "yes" now finds no seat of his: it goes to the coordinators.
        try program.arrive(CalendarReplies.words("Good news, I can come!", from: "ben@example.net", name: "Ben Okafor",
                                                 to: "mentoring@example.org", under: benSchedule))
        let late = try #require(try run(program).first(to: "ben@example.net")?.textBody)
        #expect(late.contains("cannot\ngive you a seat by mail"), "\(late)")
        // Once the event has started, the tables stay.
        #expect(throws: MentorMailError.self) {
            try program.app.formEventGroups(id: event.id, now: event.startsAt.addingTimeInterval(60), again: true)
        }
    }

    @Test func everyoneStillWaitingWhenTheTablesAreSetIsToldOnce() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program, capacity: 2, tables: 2, rotations: 2)
        _ = try run(program)
        let uid = try uid(program, event.id)
        for (index, address) in ["ana@example.net", "ben@example.net", "caio@example.net", "dee@example.net",
                                 "maria@example.org", "li@example.org", "tom@example.org"].enumerated() {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: Self.mentees[address] ?? Self.mentors[address] ?? "",
                                                     to: "mentoring@example.org", partstat: "ACCEPTED"), name: "\(index)-\(address)")
        }
        _ = try run(program)
        let waiting = try #require(try program.database.event(id: event.id).waitlist?.map(\.email))
        #expect(Set(waiting) == ["caio@example.net", "dee@example.net", "tom@example.org"])

        let grouping = try program.app.formEventGroups(id: event.id, now: program.now)
        #expect(grouping.waitlistTold == 3)
        let sent = try run(program)
        let noSeat = sent.filter { $0.subject?.contains("the tables for Speed Mentoring at the Summit are set") == true }
        #expect(noSeat.map { $0.to.map(\.address) }.sorted { $0[0] < $1[0] } == waiting.sorted().map { [$0] })
        let toTom = try #require(noSeat.first(to: "tom@example.org")?.textBody)
        #expect(toTom.contains("no\ntable opened up for you this time"), "\(toTom)")
        let toCaio = try #require(noSeat.first(to: "caio@example.net")?.textBody)
        #expect(toCaio.contains("no\nseat opened up for you this time") && toCaio.contains("Thank you for wanting to take part"), "\(toCaio)")
        // The due job finds the tables set: nobody hears twice.
        #expect(try run(program, at: event.startsAt.addingTimeInterval(-3_600)).isEmpty)
    }

    /// Someone who said maybe has no seat when the tables are set: they hear so, once, with how
    /// to ask for one; their "yes" under that mail is an answer (the coordinators may fit them in).
    @Test func aMaybeGuestIsToldWhenTheTablesAreSetAndMayStillSayYes() throws {
        let program = try ProcessorTests.Program()
        let (event, invitations) = try fourAccept(program)
        try program.arrive(CalendarReplies.words("Maybe, I will confirm next week.", from: "dee@example.net", name: "Dee Kim",
                                                 to: "mentoring@example.org", under: try invitation(to: "dee@example.net", in: invitations)))
        try program.arrive(CalendarReplies.words("Not sure yet, my flight may be late.", from: "tom@example.org", name: "Tom Berg",
                                                 to: "mentoring@example.org", under: try invitation(to: "tom@example.org", in: invitations)))
        _ = try run(program)
        #expect(try rsvp(program, "dee@example.net") == .tentative)

        let grouping = try program.app.formEventGroups(id: event.id, now: program.now)
        #expect(Set(grouping.maybeTold) == ["Dee Kim", "Tom Berg"], "\(grouping)")
        let sent = try run(program)
        let toDee = try #require(sent.first(to: "dee@example.net"))
        let text = try #require(toDee.textBody)
        #expect(toDee.subject?.contains("the tables for Speed Mentoring at the Summit are set") == true)
        #expect(text.contains("You told us \"maybe\", so\nno seat was kept for you"), "\(text)")
        #expect(text.contains("reply \"yes\""), "\(text)")
        #expect(!text.contains("patience on the waitlist"), "\(text)")
        let toTom = try #require(sent.first(to: "tom@example.org")?.textBody)
        #expect(toTom.contains("no table was kept for you"), "\(toTom)")
        #expect(!sent.contains { $0.to.map(\.address) == ["caio@example.net"] }, "no answer, no such mail")

        // Her "yes" under it is her answer: recorded, answered, and the coordinators hear of it.
        try program.arrive(CalendarReplies.words("Yes, I can come after all!", from: "dee@example.net", name: "Dee Kim",
                                                 to: "mentoring@example.org", under: toDee))
        let afterYes = try run(program)
        let answer = try #require(afterYes.first(to: "dee@example.net")?.textBody)
        #expect(answer.contains("The tables are already set"), "\(answer)")
        #expect(try rsvp(program, "dee@example.net") == .waitlisted)
        let digest = try #require(afterYes.first(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("Dee Kim <dee@example.net> (mentee) said yes after the tables were set"), "\(digest)")
        // Formed anew, she gets her place and nobody is told twice.
        let again = try program.app.formEventGroups(id: event.id, now: program.now, again: true)
        #expect(again.promoted == ["Dee Kim"] && again.maybeTold.isEmpty && again.noSeat.isEmpty, "\(again)")
    }

    /// A mentee sits at a table where someone speaks their language, even when another table
    /// shares more areas with them; a table without one is left for when nothing else fits.
    @Test func aSharedLanguageOutweighsSharedAreasAtTheTables() throws {
        let program = try ProcessorTests.Program()
        let people = [
            ("lucia@example.net", MatchingWorkflowTests.profile("mentee", "Lucía Pérez", areas: ["nova", "documentation"], languages: ["Spanish"])),
            ("ana@example.net", MatchingWorkflowTests.profile("mentee", "Ana Souza", areas: ["nova"], languages: ["English"])),
            ("mia@example.org", MatchingWorkflowTests.profile("mentor", "Mia Schulz", areas: ["nova", "documentation"], languages: ["English", "German"], capacity: 2)),
            ("sofia@example.org", MatchingWorkflowTests.profile("mentor", "Sofía Ruiz", areas: ["community"], languages: ["Spanish", "English"], capacity: 2)),
        ]
        let event = try everyoneAccepts(program, people, rotations: 1)
        let grouping = try program.app.formEventGroups(id: event.id, now: program.now)
        let seated = Dictionary(uniqueKeysWithValues: grouping.tables.map { ($0.mentor, $0.mentees) })
        #expect(seated["Sofía Ruiz"] == ["Lucía Pérez"] && seated["Mia Schulz"] == ["Ana Souza"], "\(grouping.tables)")
        #expect(grouping.totalInterest == grouping.upperBound)
    }

    /// `people` in the program, invited to an event of two tables for two, and all accepting by
    /// calendar reply; the run that reads their answers is done.
    /// The seeded program invited to an event of 3 seats a table, 2 tables and 2 rotations, which
    /// Ana, Ben, Maria and Li accept by calendar reply (not yet read); the invitations sent.
    func fourAccept(_ program: ProcessorTests.Program) throws -> (event: EventView, invitations: [Message]) {
        try seed(program)
        let event = try createEvent(program, capacity: 3, tables: 2, rotations: 2)
        let invitations = try run(program)
        let uid = try uid(program, event.id)
        for address in ["ana@example.net", "ben@example.net", "maria@example.org", "li@example.org"] {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: Self.mentees[address] ?? Self.mentors[address] ?? "",
                                                     to: "mentoring@example.org", partstat: "ACCEPTED"))
        }
        return (event, invitations)
    }

    func everyoneAccepts(_ program: ProcessorTests.Program, _ people: [(String, ParticipantProfile)], rotations: Int) throws -> EventView {
        try program.database.write { db in
            for (email, profile) in people {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
        let event = try createEvent(program, capacity: 2, tables: 2, rotations: rotations)
        _ = try run(program)
        let uid = try uid(program, event.id)
        for (index, (address, profile)) in people.enumerated() {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: profile.name, to: "mentoring@example.org", partstat: "ACCEPTED"),
                               name: "\(index)-\(address)")
        }
        _ = try run(program)
        return event
    }

    /// Two mentors who speak English, Ana who does and Lena who speaks only German, all accepting
    /// an event of two rotations.
    func everyoneAcceptsWithLenaApart(_ program: ProcessorTests.Program) throws -> EventView {
        try everyoneAccepts(program, [
            ("lena@example.net", MatchingWorkflowTests.profile("mentee", "Lena Vogel", areas: ["nova"], languages: ["German"])),
            ("ana@example.net", MatchingWorkflowTests.profile("mentee", "Ana Souza", areas: ["nova"], languages: ["English"])),
            ("mia@example.org", MatchingWorkflowTests.profile("mentor", "Mia Brown", areas: ["nova"], languages: ["English"], capacity: 2)),
            ("sam@example.org", MatchingWorkflowTests.profile("mentor", "Sam Hill", areas: ["nova"], languages: ["English"], capacity: 2)),
        ], rotations: 2)
    }

    /// When nothing else fits, a mentee sits with mentors who share no language with them:
    /// `event groups` and the coordinators' sheet say so at each such seat.
    @Test func seatsWithoutASharedLanguageAreFlaggedInTheGroupsAndTheSheet() throws {
        let program = try ProcessorTests.Program()
        let event = try everyoneAcceptsWithLenaApart(program)
        let grouping = try program.app.formEventGroups(id: event.id, now: program.now)
        let flagged = grouping.tables.flatMap(\.noSharedLanguage)
        #expect(flagged == ["Lena Vogel", "Lena Vogel"], "in both rotations, and only she: \(grouping.tables)")
        let sent = try run(program)
        let sheet = try #require(sent.first(to: "coordinator@example.org"))
        let text = try #require(sheet.textBody)
        #expect(text.contains("Lena Vogel (no shared language)") && !text.contains("Ana Souza (no shared language)"), "\(text)")
        #expect(text.contains("2 seat(s) put a mentee with a mentor who shares no language"), "\(text)")
        let html = try program.app.eventSheet(id: event.id, now: program.now)
        #expect(html.components(separatedBy: "Lena Vogel (no shared language)").count - 1 == 2, "\(html)")
        // Mentors' schedules name the mentees by first name only, unmarked.
        let schedule = try #require(sent.first(to: "mia@example.org")?.textBody)
        #expect(schedule.contains("Lena") && !schedule.contains("no shared language"), "\(schedule)")
    }

    /// A program whose templates are the Spanish ones marks those seats in Spanish, in the
    /// sheet mailed to the coordinators and in the printable one.
    @Test func theSpanishSheetMarksSeatsWithoutASharedLanguageInSpanish() throws {
        var program = try ProcessorTests.Program()
        program.templates = try TemplateLibrary(directory: CommandRunner.repository.appendingPathComponent("templates/es").path)
        let event = try everyoneAcceptsWithLenaApart(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let sheet = try #require(try run(program).first(to: "coordinator@example.org")?.textBody)
        #expect(sheet.contains("Mesa 1, Mia Brown:") || sheet.contains("Mesa 1, Sam Hill:"), "the Spanish sheet: \(sheet)")
        #expect(sheet.components(separatedBy: "Lena Vogel (sin idioma común)").count - 1 == 2, "\(sheet)")
        #expect(!sheet.contains("Ana Souza (sin idioma común)") && !sheet.contains("no shared language"), "\(sheet)")
        let html = try program.app.eventSheet(id: event.id, now: program.now)
        #expect(html.components(separatedBy: "Lena Vogel (sin idioma común)").count - 1 == 2, "\(html)")
        #expect(!html.contains("no shared language"), "\(html)")
    }

    /// Finding: on the Spanish sheet a guest who cancelled after the tables were set was marked
    /// "(no longer coming)" in English. Every mark and figure of the sheet is worded by its
    /// template: a mentee and a mentor who said no are marked in Spanish, and so is the plan's
    /// quality line.
    @Test func theSpanishSheetWordsEveryMarkInSpanish() throws {
        var program = try ProcessorTests.Program()
        program.templates = try TemplateLibrary(directory: CommandRunner.repository.appendingPathComponent("templates/es").path)
        let event = try everyoneAcceptsWithLenaApart(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let sent = try run(program)
        let sheet = try #require(sent.first(to: "coordinator@example.org")?.textBody)
        #expect(sheet.contains("Plan:            interés ") && sheet.contains(" de un máximo de "), "\(sheet)")
        #expect(!sheet.contains("interest") && !sheet.contains("repeated"), "\(sheet)")
        for (address, name) in [("ana@example.net", "Ana Souza"), ("sam@example.org", "Sam Hill")] {
            let schedule = try #require(sent.first(to: address))
            try program.arrive(CalendarReplies.words("Lo siento, al final no puedo ir.", from: address, name: name,
                                                     to: "mentoring@example.org", under: schedule))
        }
        _ = try run(program)
        let text = try program.database.write { db in
            let service = EventService(work: Work(db: db, now: program.now, config: program.config, templates: program.templates))
            let values = try service.sheet(of: try service.find(event.id)).templateValues(program: ProgramInfo(program.config.program), replySubject: nil)
            return try program.templates.render(MailKind.eventSheet.template, values).text
        }
        for output in [try program.app.eventSheet(id: event.id, now: program.now), text] {
            #expect(output.contains("Ana Souza (ya no viene)") && output.contains("Sam Hill (ya no viene)"), "\(output)")
            #expect(!output.contains("no longer coming") && !output.contains("interest"), "\(output)")
        }
    }

    /// The invitations and the calendar promise only the rotations three tables allow.
    @Test func anEventWithMoreRotationsThanTablesPromisesOnlyWhatCanHappen() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program, capacity: 4, tables: 3, rotations: 4)
        #expect(event.rotations == 3)
        let invitation = try invitation(to: "ana@example.net", in: try run(program))
        let text = try #require(invitation.textBody)
        #expect(text.contains("You meet 3 different mentors,\n30 minutes each"), "\(text)")
        let calendar = try #require(invitation.leafParts.first { $0.contentType == "text/calendar" }?.decodedText())
        #expect(calendar.replacingOccurrences(of: "\r\n ", with: "").contains("3 rotation(s) of 30 minutes"), "\(calendar)")
    }

    /// More rotations than tables cannot all be formed: `event create` warns; `event groups`
    /// says plainly when fewer rotations were formed than planned, and so does the sheet.
    @Test func fewerRotationsThanPlannedAreNamedWhenCreatingAndGrouping() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-rot", subfolders: CommandRunner.maildirFolders)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "p.sqlite")
        let now = "2026-11-01T09:00:00Z"
        func create(_ tables: String, _ rotations: String, name: String = "Speed Mentoring") throws -> CommandRunner.Result {
            try CommandRunner.run(["event", "create", name, "--at", "2026-11-25T09:30", "--tz", "Europe/Madrid", "--duration", "90m",
                                   "--capacity", "4", "--tables", tables, "--rotations", rotations, "--config", config.path, "--now", now])
        }
        let tooMany = try create("2", "5")
        #expect(tooMany.status == 0, "\(tooMany.stderr)")
        #expect(tooMany.stderr.contains("with 2 table(s) a mentee can meet at most 2 different mentor(s)"), "\(tooMany.stderr)")
        #expect(tooMany.stderr.contains("the event has 2 rotation(s)"), "\(tooMany.stderr)")
        #expect(tooMany.stdout.contains("2 tables, 2 rotations"), "stored as it can happen: \(tooMany.stdout)")
        let fine = try create("3", "3", name: "Speed Mentoring, Room 2")
        #expect(fine.status == 0 && !fine.stderr.contains("warning"), "\(fine.stderr)")

        // Event 2 plans 3 rotations; only 2 mentors accept.
        let database = try AppDatabase(path: folder.appendingPathComponent("p.sqlite").path)
        try database.write { db in
            for (email, name, role) in [("ana@example.net", "Ana Souza", "mentee"), ("ben@example.net", "Ben Okafor", "mentee"),
                                        ("maria@example.org", "Maria Garcia", "mentor"), ("li@example.org", "Li Wei", "mentor")] {
                let profile = MatchingWorkflowTests.profile(role, name, areas: ["nova"], capacity: role == "mentor" ? 2 : 0)
                let (participant, _) = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test",
                                                                origin: "email", roundID: nil, now: Date())
                var guest = EventGuest(eventID: 2, participantID: participant.id, email: email, name: name,
                                       role: role == "mentor" ? .mentor : .mentee, language: nil)
                guest.answer = .accepted
                try guest.insert(db)
            }
        }
        // A dry run shows who would sit where, and stores nothing.
        let preview = try CommandRunner.run(["event", "groups", "2", "--dry-run", "--config", config.path, "--now", now])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("  Rotation 1:") && preview.stdout.contains("  Rotation 2:"), "\(preview.stdout)")
        #expect(preview.stdout.contains("table 1, Maria Garcia: ") || preview.stdout.contains("table 1, Li Wei: "), "\(preview.stdout)")
        #expect(try database.read { db in try EventSeat.fetchCount(db) } == 0)
        let grouped = try CommandRunner.run(["event", "groups", "2", "--config", config.path, "--now", now])
        #expect(grouped.status == 0, "\(grouped.stderr)")
        #expect(grouped.stdout.contains("Formed 2 rotation(s)"), "\(grouped.stdout)")
        #expect(grouped.stdout.contains("Planned 3 rotations; formed 2 because only 2 mentor(s) accepted."), "\(grouped.stdout)")
        let sheetFile = folder.appendingPathComponent("sheet.html").path
        let sheet = try CommandRunner.run(["event", "sheet", "2", "--output", sheetFile, "--config", config.path, "--now", now])
        #expect(sheet.status == 0, "\(sheet.stderr)")
        let html = try String(contentsOfFile: sheetFile, encoding: .utf8)
        #expect(html.contains("Planned 3 rotations; formed 2 because only 2 mentor(s) accepted."), "\(html)")
        // Finding F-7: the guests' schedules said "45 minutes" where the invitation said three
        // rotations of 30, without a word why.
        let schedules = try database.outbox().filter { $0.purpose == MailKind.eventSchedule.rawValue }
        #expect(schedules.count == 4)
        for row in schedules {
            let text = try #require(Message(bytes: Array(row.raw)).textBody).replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains("Fewer mentors can host a table than we planned, so there are 2 rotation(s)"), "\(text)")
            #expect(text.contains("45 minutes each, not 3 as the invitation said."), "\(text)")
        }
    }

    /// An event for mentees only can never have tables: `event create`, `event show`, `status`
    /// and `event groups` say so and why, with what to do; `event update --audience` widens it.
    @Test func anAudienceWithoutMentorsIsNamedAsTheReasonThereAreNoTables() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-aud", subfolders: CommandRunner.maildirFolders)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "p.sqlite")
        let now = "2026-11-01T09:00:00Z"
        func mentormail(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(arguments + ["--config", config.path, "--now", now])
        }
        let database = try AppDatabase(path: folder.appendingPathComponent("p.sqlite").path)
        try database.write { db in
            for (email, name, role) in [("ana@example.net", "Ana Souza", "mentee"), ("maria@example.org", "Maria Garcia", "mentor")] {
                let profile = MatchingWorkflowTests.profile(role, name, areas: ["nova"], capacity: role == "mentor" ? 2 : 0)
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: nil, now: Date())
            }
        }
        let created = try mentormail(["event", "create", "Speed Mentoring", "--at", "2026-11-25T09:30", "--tz", "Europe/Madrid", "--duration", "90m",
                                      "--capacity", "4", "--tables", "2", "--rotations", "2", "--audience", "mentees"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("warning: event 1 cannot have tables: its audience is mentees only: no mentor is invited to host a table"),
                "\(created.stderr)")
        #expect(created.stderr.contains("mentormail event update 1 --audience all, then mentormail event invite 1"), "\(created.stderr)")
        #expect(created.stderr.contains("mentormail event cancel 1"), "\(created.stderr)")
        let show = try mentormail(["event", "show", "1"])
        #expect(show.stdout.contains("no tables can be set: its audience is mentees only"), "\(show.stdout)")
        let status = try mentormail(["status"])
        #expect(status.stdout.contains("no tables can be set: its audience is mentees only"), "\(status.stdout)")
        // Ana is invited and says yes: the rotations cannot be formed, for the true reason.
        #expect(try mentormail(["event", "invite", "1"]).stdout.contains("ana@example.net"))
        try database.write { db in
            try db.execute(sql: "UPDATE eventGuest SET answer = 'accepted' WHERE email = 'ana@example.net'")
        }
        let groups = try mentormail(["event", "groups", "1", "--dry-run"])
        #expect(groups.status != 0)
        #expect(groups.stderr.contains("event 1 cannot have tables: its audience is mentees only"), "\(groups.stderr)")
        #expect(!groups.stderr.contains("no mentor has accepted"), "\(groups.stderr)")

        // Widened: no warning, and the mentor is invited next.
        let updated = try mentormail(["event", "update", "1", "--audience", "all"])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains("now invites all") && !updated.stderr.contains("warning"), "\(updated.stdout)\(updated.stderr)")
        #expect(try database.event(id: 1).sequence == 0, "whom it invites is nothing for calendars")
        let invited = try mentormail(["event", "invite", "1"])
        #expect(invited.stdout.contains("maria@example.org") && !invited.stdout.contains("ana@example.net"), "\(invited.stdout)")
        #expect(!(try mentormail(["event", "show", "1"]).stdout.contains("no tables can be set")))
        #expect(try mentormail(["event", "update", "1", "--audience", "friends"]).status != 0)
    }

    /// A day before the start, the rotations of an event that invited only mentees are not
    /// formed: the digest says why, what to do, and who said yes and has heard nothing.
    @Test func theDigestSaysWhatToDoWhenTheAudienceBringsNoMentor() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let zone = try #require(TimeZone(identifier: "Europe/Madrid"))
        let start = program.now.addingTimeInterval(10 * 86_400)
        let event = try program.app.createEvent(EventPlan(name: "Speed Mentoring at the Summit", startsAt: start, timeZone: zone, durationMinutes: 90,
                                                          capacity: 4, tables: 2, rotations: 2, audience: "mentees"), now: program.now)
        #expect(event.warning?.contains("its audience is mentees only") == true, "\(event.warning ?? "")")
        let invitations = try run(program)
        #expect(invitations.count == 4, "the mentees only")
        try program.arrive(CalendarReplies.words("Count me in!", from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org",
                                                 under: try invitation(to: "ana@example.net", in: invitations)))
        _ = try run(program)
        let due = try run(program, at: start.addingTimeInterval(-23 * 3_600))
        let digest = try #require(due.first(to: "coordinator@example.org")?.textBody)
        let flat = digest.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(flat.contains("the rotations were not formed: event \(event.id) cannot have tables: its audience is mentees only"), "\(digest)")
        #expect(flat.contains("mentormail event update \(event.id) --audience all, then mentormail event invite \(event.id)"), "\(digest)")
        #expect(flat.contains("mentormail event cancel \(event.id)") && flat.contains("mentormail event groups \(event.id)"), "\(digest)")
        #expect(flat.contains("Ana Souza <ana@example.net>"), "who said yes: \(digest)")
        #expect(!flat.contains("no mentor has accepted") && !flat.contains("mentormail held list"), "\(digest)")
    }

    @Test func anEventCreatedLateIsGroupedHalfwayToItsStart() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let zone = try #require(TimeZone(identifier: "UTC"))
        let start = program.now.addingTimeInterval(12 * 3_600)
        let event = try program.app.createEvent(EventPlan(name: "Lunch Speed Mentoring", startsAt: start, timeZone: zone, durationMinutes: 60,
                                                          capacity: 4, tables: 3, rotations: 2), now: program.now)
        let job = try #require(try program.database.jobs().first { $0.kind == "event-groups" && $0.subjectID == event.id })
        #expect(job.dueAt == program.now.addingTimeInterval(6 * 3_600), "not at once: people answer first")
    }

    /// Finding: a cancelled event's tables were still to be formed (status listed event-groups).
    @Test func aCancelledEventHasNoJobLeftButItsCancellation() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        _ = try program.app.updateEvent(id: event.id, startsAt: nil, timeZone: nil, durationMinutes: nil, location: "Hall B", now: program.now)
        _ = try program.app.cancelEvent(id: event.id, now: program.now)
        let pending = try program.database.jobs().filter { $0.subjectID == event.id && $0.kind.hasPrefix("event") && $0.status == .pending }
        #expect(pending.map(\.kind) == ["event-cancel"])
        #expect(try !program.database.status(now: program.now).nextJobs.contains { $0.kind == "event-groups" })
    }

    /// Once the tables are set, the place can still change (only those with a seat or table
    /// hear of it); the time cannot, as the schedules carry it, and the refusal says what to do.
    @Test func afterTheTablesAreSetOnlyThePlaceCanChange() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        // Named in order: the mailbox reads by name, and the first two mentees get the seats.
        for (index, (address, name)) in [("ana@example.net", "Ana Souza"), ("ben@example.net", "Ben Okafor"), ("caio@example.net", "Caio Lima"),
                                         ("maria@example.org", "Maria Garcia"), ("li@example.org", "Li Wei")].enumerated() {
            let invitation = try invitation(to: address, in: invitations)
            try program.arrive(CalendarReplies.words("Yes, I'll be there.", from: address, name: name, to: "mentoring@example.org",
                                                     under: invitation),
                               name: "answer-\(index)")
        }
        _ = try run(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        _ = try run(program)
        let refused = try #require(throws: MentorMailError.self) {
            try program.app.updateEvent(id: event.id, startsAt: event.startsAt.addingTimeInterval(3_600), timeZone: nil, durationMinutes: nil,
                                        location: nil, now: program.now)
        }
        #expect(refused.message.contains("only its place can change now"), "\(refused.message)")
        _ = try program.app.updateEvent(id: event.id, startsAt: nil, timeZone: nil, durationMinutes: nil, location: "Room 3.4", now: program.now)
        let updates = try run(program)
        let told = Set(updates.flatMap { $0.to.map(\.address) })
        #expect(told == ["ana@example.net", "ben@example.net", "maria@example.org", "li@example.org"], "those with a seat or table: \(told)")
        #expect(updates.allSatisfy { $0.textBody?.contains("Room 3.4") == true })
        // Only the place changed: the update says so, and neither the time nor the invitation again.
        for update in updates {
            let text = try #require(update.textBody)
            let html = try #require(update.leafParts.first { $0.contentType == "text/html" }?.decodedText())
            #expect(text.contains("has a new place") && text.contains("stay as in your schedule"), "\(text)")
            #expect(html.contains("has a new place") && html.contains("stay as in your schedule"), "\(html)")
            for stale in ["new time", "You are invited", "About a day before", "Will you come?"] {
                #expect(!text.contains(stale) && !html.contains(stale), "\(stale): \(text)")
            }
            #expect(update.leafParts.contains { $0.contentType == "text/calendar" }, "the calendar follows")
        }
    }

    @Test func anUpdateRaisesTheSequenceAndACancellationRemovesTheEvent() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        let invitations = try run(program)
        try program.arrive(CalendarReplies.words("No, sorry.", from: "tom@example.org", name: "Tom Berg", to: "mentoring@example.org",
                                                 under: try invitation(to: "tom@example.org", in: invitations)))
        try program.arrive(CalendarReplies.words("Yes, I'll be there!", from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org",
                                                 under: try invitation(to: "ana@example.net", in: invitations)))
        _ = try run(program)

        let updated = try program.app.updateEvent(id: event.id, startsAt: event.startsAt.addingTimeInterval(1_800), timeZone: nil,
                                                  durationMinutes: nil, location: "Hall B", now: program.now)
        #expect(updated.sequence == 1)
        let updates = try run(program)
        #expect(updates.count == 6, "everyone but the one who declined")
        #expect(!updates.contains { $0.to.map(\.address) == ["tom@example.org"] })
        for mail in updates {
            #expect(mail.subject?.hasPrefix("Updated: ") == true)
            let part = try #require(mail.leafParts.first { $0.contentType == "text/calendar" })
            let vevent = try #require(ICalendar.parse(part.decodedText()).events.first)
            #expect(vevent.sequence == 1)
            #expect(vevent.uid == event.uid)
            #expect(vevent.start?.raw == "20261125T100000")
            #expect(vevent.location == "Hall B")
            // Ana's yes stands: her calendar is not asked again, and her mail does not ask "Will you come?".
            let ana = mail.to.map(\.address) == ["ana@example.net"]
            #expect(vevent.attendees.first?.partstat == (ana ? .accepted : .needsAction), "\(mail.to)")
            #expect(mail.textBody?.contains("Will you come?") == !ana, "\(mail.textBody ?? "")")
            #expect(mail.textBody?.contains("You said you are coming, and your seat is kept") == ana)
        }

        _ = try program.app.cancelEvent(id: event.id, now: program.now)
        let cancellations = try run(program)
        #expect(cancellations.count == 7, "everyone invited")
        for mail in cancellations {
            let part = try #require(mail.leafParts.first { $0.contentType == "text/calendar" })
            #expect(part.parameters["method"] == "CANCEL")
            let ics = ICalendar.parse(part.decodedText())
            #expect(ics.method == "CANCEL")
            #expect(ics.events.first?.sequence == 2)
            #expect(ics.events.first?.status == "CANCELLED")
        }
    }

    /// Late joiners are invited only while the event still invites: once its tables are due (or
    /// set) nobody new is invited, and `event invite` says why.
    @Test func lateJoinersAreNotInvitedOnceTheTablesAreDue() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try createEvent(program)
        #expect(try run(program).count == 7)
        func join(_ email: String) throws {
            try program.database.write { db in
                _ = try AppDatabase.upsertProfile(db, email: email, profile: MatchingWorkflowTests.profile("mentee", "Late Comer", areas: ["nova"]),
                                                  status: .active, source: "test", origin: "import", roundID: nil, now: program.now)
            }
        }
        try join("early@example.net")
        let sent = try run(program)
        #expect(sent.map { $0.to.map(\.address) } == [["early@example.net"]])
        // Ana and Maria said yes; within [events] groups_before_hours of the start the tables are set.
        try program.database.write { db in
            try EventGuest.filter(["ana@example.net", "maria@example.org"].contains(EventGuest.Columns.email))
                .updateAll(db, EventGuest.Columns.answer.set(to: EventGuest.Answer.accepted.rawValue))
        }
        try join("late@example.net")
        // In the run the tables are due in, someone asks for a place in words before the tables
        // are formed: held by the rule late joiners are invited by, not seated at the last minute.
        try join("asker@example.net")
        try program.arrive("From: Asker <asker@example.net>\r\nTo: mentoring@example.org\r\nSubject: Speed Mentoring\r\n"
                           + "Message-ID: <late-ask@example.net>\r\n\r\nCan I come to the speed mentoring? Count me in!\r\n")
        let due = event.startsAt.addingTimeInterval(-Double(program.config.events.groupsBeforeHours) * 3_600 + 60)
        let afterDue = try run(program, at: due)
        let asked = try #require(try program.database.inboundMessages().last)
        #expect(asked.disposition == .held && asked.note?.contains("has its tables set: invitations are closed") == true, "\(asked.note ?? "")")
        #expect(try program.database.write { db in try EventGuest.filter(EventGuest.Columns.email == "asker@example.net").fetchCount(db) } == 0)
        #expect(!afterDue.contains { $0.to.map(\.address) == ["late@example.net"] }, "no invitation once the tables are due")
        #expect(try program.database.event(id: event.id).status == "grouped")
        let refused = try #require(throws: MentorMailError.self) { try program.app.inviteToEvent(id: event.id, now: due) }
        #expect(refused.message.contains("tables are set"), "\(refused.message)")
    }
}
