import Foundation
import Mail
@testable import MentorMail
import Testing

/// What a guest on the waitlist is told when a later message changes their place: one answer
/// per run that says where they stand at its end; and everyone whose last word from us promised
/// something hears how it ended when the tables are formed anew.
@Suite struct EventWaitlistInOneRunTests {
    let events = EventWorkflowTests()

    /// Two seats, taken by Ana and Ben; Caio waits in place 1. The invitations are returned.
    func seatsTakenAndCaioWaiting(_ program: ProcessorTests.Program) throws -> (event: EventView, invitations: [Message]) {
        try events.seed(program)
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitations = try events.run(program)
        for (index, address) in ["ana@example.net", "ben@example.net", "caio@example.net"].enumerated() {
            try program.arrive(try words("Yes, count me in.", address, invitations), name: "\(index)")
        }
        _ = try events.run(program)
        #expect(try program.database.event(id: event.id).waitlist?.map(\.email) == ["caio@example.net"])
        return (event, invitations)
    }

    func words(_ text: String, _ address: String, _ invitations: [Message]) throws -> String {
        CalendarReplies.words(text, from: address, name: EventWorkflowTests.mentees[address] ?? EventWorkflowTests.mentors[address] ?? "",
                              to: "mentoring@example.org", under: try events.invitation(to: address, in: invitations))
    }

    /// Finding F16: Dee's yes put her second on the waitlist; Ana's no, later in the same run,
    /// gave Caio the seat and made Dee first, but she was told "in place 2".
    @Test func aPlaceThatMovesLaterInTheRunIsToldAsItEnds() throws {
        let program = try ProcessorTests.Program()
        let (event, invitations) = try seatsTakenAndCaioWaiting(program)
        try program.arrive(try words("Actually I can come after all!", "dee@example.net", invitations), name: "1-dee")
        try program.arrive(try words("Sorry, change of plans, I won't be able to come after all.", "ana@example.net", invitations), name: "2-ana")
        let sent = try events.run(program)
        let shown = try program.database.event(id: event.id)
        #expect(shown.waitlist?.map(\.email) == ["dee@example.net"] && shown.waitlist?.first?.position == 1)
        let toDee = sent.mail(to: "dee@example.net")
        #expect(toDee.count == 1, "one answer: \(toDee.map { $0.textBody ?? "" })")
        let text = try #require(toDee.first?.textBody).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("waitlist, in place 1"), "\(text)")
        #expect(!text.contains("in place 2"), "\(text)")
        #expect(toDee.first?.inReplyTo != nil, "still the answer to her message")
        #expect(sent.contains { $0.to.map(\.address) == ["caio@example.net"] && $0.subject?.contains("a seat for you") == true })
        // What the answers were made of is kept only while they may be worded again.
        #expect(try program.database.outbox().filter { $0.content != nil }.isEmpty)
    }

    /// Someone who joins the waitlist and gets the seat a later message frees, in the same run,
    /// hears once that they have a seat, with the calendar, in answer to their yes.
    @Test func aWaitlistAnswerOvertakenByASeatInTheSameRunSaysTheSeat() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitations = try events.run(program)
        for (index, address) in ["ana@example.net", "ben@example.net"].enumerated() {
            try program.arrive(try words("Yes, count me in.", address, invitations), name: "\(index)")
        }
        _ = try events.run(program)
        try program.arrive(try words("Yes, I'd love to come.", "dee@example.net", invitations), name: "1-dee")
        try program.arrive(try words("Sorry, I can't make it after all.", "ana@example.net", invitations), name: "2-ana")
        let sent = try events.run(program)
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ben@example.net", "dee@example.net"])
        let toDee = sent.mail(to: "dee@example.net")
        #expect(toDee.count == 1, "one mail: \(toDee.map { $0.textBody ?? "" })")
        let mail = try #require(toDee.first)
        let text = try #require(mail.textBody).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Thank you: you are coming"), "\(text)")
        #expect(!text.contains("waitlist"), "\(text)")
        #expect(mail.inReplyTo != nil)
        #expect(mail.leafParts.contains { $0.contentType == "text/calendar" }, "the seat comes with the calendar")
    }

    /// Finding F19: Ivy said maybe and was told, when the tables were set, that if they can fit
    /// her in she gets her schedule; her "yes" then put her on the waitlist. Formed anew with no
    /// seat free, the first one waiting heard "no seat opened up", and she heard nothing.
    @Test func aLateYesAfterAMaybeHearsHowItEndedWhenTheTablesAreFormedAnew() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitations = try events.run(program)
        for (index, address) in ["ana@example.net", "ben@example.net", "maria@example.org", "li@example.org"].enumerated() {
            try program.arrive(try words("Yes, count me in.", address, invitations), name: "\(index)")
        }
        try program.arrive(try words("Maybe, I will confirm next week.", "dee@example.net", invitations), name: "9-dee")
        _ = try events.run(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let toDee = try #require(try events.run(program).first(to: "dee@example.net"))

        // Their yeses come an hour later, and the tables are formed anew an hour after that.
        let later = program.now.addingTimeInterval(3_600), last = later.addingTimeInterval(3_600)
        try program.arrive(try words("Yes, I'd love to come.", "caio@example.net", invitations), name: "1-caio")
        try program.arrive(CalendarReplies.words("yes!", from: "dee@example.net", name: "Dee Kim", to: "mentoring@example.org", under: toDee),
                           name: "2-dee")
        _ = try events.run(program, at: later)
        #expect(try program.database.event(id: event.id).waitlist?.map(\.email) == ["caio@example.net", "dee@example.net"])

        let again = try program.app.formEventGroups(id: event.id, now: last, again: true)
        #expect(again.noSeat.sorted() == ["Caio Lima", "Dee Kim"], "\(again)")
        let sent = try events.run(program, at: last)
        let told = try #require(sent.first(to: "dee@example.net")?.textBody).replacingOccurrences(of: "\n", with: " ")
        #expect(told.contains("seat opened up for you this time"), "\(told)")
        #expect(!told.contains("You told us \"maybe\""), "\(told)")
        // Formed anew once more, nobody hears it twice.
        let third = try program.app.formEventGroups(id: event.id, now: last.addingTimeInterval(60), again: true)
        #expect(third.noSeat.isEmpty, "\(third)")
    }
}
