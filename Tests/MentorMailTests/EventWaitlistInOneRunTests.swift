import Foundation
import Mail
@testable import MentorMail
import Testing

/// Everyone whose last word from us promised something hears how it ended when the tables are
/// formed anew.
@Suite struct EventWaitlistInOneRunTests {
    let events = EventWorkflowTests()

    func words(_ text: String, _ address: String, _ invitations: [Message]) throws -> String {
        CalendarReplies.words(text, from: address, name: EventWorkflowTests.mentees[address] ?? EventWorkflowTests.mentors[address] ?? "",
                              to: "mentoring@example.org", under: try events.invitation(to: address, in: invitations))
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
