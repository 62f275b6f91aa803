import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// A calendar answer for a guest that comes from another address, not under our mail to them,
/// is held (anyone can write a calendar answer in a guest's name): the digest gives the command
/// that records it, and the invited address hears, in its language, where the answer came from
/// and how to make it count.
@Suite struct EventCalendarFromOtherAddressTests {
    let events = EventWorkflowTests()

    /// Finding: Dieter accepted in Apple Calendar from his private account. Held as documented,
    /// but nobody heard anything: his calendar said "Accepted", the program "no answer", and the
    /// digest named no command.
    @Test func theGuestIsToldAndTheDigestGivesTheCommand() throws {
        let program = try ProcessorTests.Program()
        try program.database.write { db in
            for (email, name, role, language) in [("dieter@example.org", "Dieter Weber", "mentee", "English"),
                                                  ("lucia@example.net", "Lucía Pérez", "mentee", "Spanish"),
                                                  ("maria@example.org", "Maria Garcia", "mentor", "English")] {
                let profile = MatchingWorkflowTests.profile(role, name, areas: ["nova"], languages: [language], capacity: role == "mentor" ? 2 : 0)
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
        let event = try events.createEvent(program)
        _ = try events.run(program)
        let uid = try events.uid(program, event.id)
        try program.arrive(CalendarReplies.reply(.apple, uid: uid, from: "dieter.weber@example.com", name: "Dieter Weber", to: "mentoring@example.org",
                                                 partstat: "ACCEPTED", attendee: "dieter@example.org"), name: "1")
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "lucia.home@example.com", name: "Lucía", to: "mentoring@example.org",
                                                 partstat: "TENTATIVE", attendee: "lucia@example.net"), name: "2")
        let sent = try events.run(program)

        // Nothing is recorded, and nothing goes to the other addresses.
        let shown = try program.database.event(id: event.id)
        #expect((shown.accepted ?? []).isEmpty && (shown.tentative ?? []).isEmpty, "\(shown)")
        #expect(!sent.contains { $0.to.map(\.address).contains { $0.hasSuffix("@example.com") } })

        // The invited addresses hear where the answer came from and how to make it count.
        let toDieter = try #require(sent.first(to: "dieter@example.org"))
        let dieter = (toDieter.textBody ?? "").replacingOccurrences(of: "\n", with: " ")
        #expect(dieter.contains("calendar answer for you") && dieter.contains("from dieter.weber@example.com"), "\(dieter)")
        #expect(dieter.contains("An invitation is personal") && dieter.contains("from this address"), "\(dieter)")
        #expect(dieter.contains("\"yes\", \"no\" or \"maybe\""), "\(dieter)")
        #expect(!dieter.contains("Thank you: you are coming"), "\(dieter)")
        let dieterHTML = toDieter.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? ""
        #expect(dieterHTML.contains("dieter.weber@example.com") && dieterHTML.contains("An invitation is personal"), "\(dieterHTML)")
        let toLucia = try #require(sent.first(to: "lucia@example.net"))
        let lucia = (toLucia.textBody ?? "").replacingOccurrences(of: "\n", with: " ")
        #expect(lucia.contains("respuesta de calendario para ti") && lucia.contains("desde lucia.home@example.com"), "\(lucia)")
        #expect(lucia.contains("Una invitación es personal") && lucia.contains("desde esta dirección"), "\(lucia)")

        // The digest gives the way out, with the answer each gave.
        let digest = try #require(sent.first(to: "coordinator@example.org")?.textBody)
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(digest.contains("mentormail event answer \(event.id) dieter@example.org yes"), "\(digest)")
        #expect(digest.contains("mentormail event answer \(event.id) lucia@example.net maybe"), "\(digest)")
        _ = try program.app.answerForGuest(eventID: event.id, address: "dieter@example.org", answer: "yes", quiet: true, now: program.now)
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["dieter@example.org"])
    }
}
