import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// A guest's last answer is kept apart from their seat: someone seated who says maybe keeps the
/// seat, and `event show`, its JSON, the digest, the update and the schedule all say she said
/// maybe; her calendar says TENTATIVE. Someone waiting said yes: their calendar says ACCEPTED.
@Suite struct EventMaybeWithSeatTests {
    let events = EventWorkflowTests()
    static let people = [("ana@example.net", "Ana Souza", "mentee", "English"), ("lucia@example.net", "Lucía Pérez", "mentee", "Spanish"),
                         ("caio@example.net", "Caio Lima", "mentee", "English"), ("maria@example.org", "Maria Garcia", "mentor", "English"),
                         ("li@example.org", "Li Wei", "mentor", "English")]

    func seed(_ program: ProcessorTests.Program) throws {
        try program.database.write { db in
            for (email, name, role, language) in Self.people {
                let profile = MatchingWorkflowTests.profile(role, name, areas: ["nova"], languages: [language], capacity: role == "mentor" ? 2 : 0)
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
    }

    func partstat(_ mail: Message?) -> ICalendar.PartStat? {
        mail?.leafParts.first { $0.contentType == "text/calendar" }
            .flatMap { ICalendar.parse($0.decodedText()).events.first?.attendees.first?.partstat }
    }

    func to(_ address: String, in sent: [Message]) -> Message? { sent.last(to: address) }

    func text(_ mail: Message?) -> String { (mail?.textBody ?? "").replacingOccurrences(of: "\n", with: " ") }

    func html(_ mail: Message?) -> String {
        (mail?.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? "").replacingOccurrences(of: "\n", with: " ")
    }

    /// Findings: Eva (seated) wrote "Ahora no estoy segura…": `event show` still listed her as
    /// accepted and nothing reached the digest; the update then told her "Dijiste que vienes"
    /// with PARTSTAT=ACCEPTED, while Chloé, waiting after her "oui", got PARTSTAT=TENTATIVE.
    @Test func aSeatedMaybeIsShownToCoordinatorsAndToldAsMaybe() throws {
        let program = try ProcessorTests.Program()
        try seed(program)
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitations = try events.run(program)
        func say(_ text: String, _ address: String, order: String = UUID().uuidString) throws {
            let name = Self.people.first { $0.0 == address }?.1 ?? ""
            try program.arrive(CalendarReplies.words(text, from: address, name: name, to: "mentoring@example.org",
                                                     under: try events.invitation(to: address, in: invitations)), name: order)
        }
        try say("Yes, I'll be there.", "ana@example.net", order: "1")
        try say("¡Sí, allí estaré!", "lucia@example.net", order: "2")
        try say("Yes please, count me in.", "caio@example.net", order: "3")
        try say("Yes, happy to host a table.", "maria@example.org", order: "4")
        try say("Yes, I'll host one.", "li@example.org", order: "5")
        _ = try events.run(program)
        #expect(try events.rsvp(program, "caio@example.net") == .waitlisted)

        try say("Not sure any more, maybe. I will know next week.", "ana@example.net", order: "6")
        try say("Ahora no estoy segura, puede que no llegue a tiempo. Os confirmo la semana que viene.", "lucia@example.net", order: "7")
        let afterMaybe = try events.run(program)
        #expect(text(to("ana@example.net", in: afterMaybe)).contains("stays yours for now"), "\(text(to("ana@example.net", in: afterMaybe)))")
        let day = EventService.localDate(program.now, try #require(TimeZone(identifier: "Europe/Madrid")))

        // Coordinators see who is unsure: the digest, `event show` and its JSON.
        let digest = text(to("coordinator@example.org", in: afterMaybe)).replacingOccurrences(of: "  ", with: " ")
        for who in ["Ana Souza <ana@example.net> (mentee)", "Lucía Pérez <lucia@example.net> (mentee)"] {
            #expect(digest.contains("\(who) said maybe on \(day) and keeps their seat"), "\(digest)")
        }
        #expect(digest.contains("1 waiting"), "\(digest)")
        let shown = try program.database.event(id: event.id)
        let seated = (shown.accepted ?? []).filter { $0.role == "mentee" }
        #expect(seated.map(\.email) == ["ana@example.net", "lucia@example.net"], "a maybe keeps the seat")
        #expect(seated.map(\.lastAnswer) == ["tentative", "tentative"])
        #expect(seated.map(\.answeredOn) == [day, day])
        #expect(shown.accepted?.first { $0.email == "maria@example.org" }?.lastAnswer == "accepted")
        #expect(shown.waitlist?.first?.lastAnswer == "accepted")
        let config = try program.writeConfigFile()
        let show = try CommandRunner.run(["event", "show", String(event.id), "--config", config.path, "--now", "2026-11-03T12:00:00Z"])
        #expect(show.status == 0, "\(show.stderr)")
        let anaLine = try #require(show.stdout.split(separator: "\n").first { $0.contains("ana@example.net") })
        #expect(anaLine.contains("said maybe on \(day), keeps the seat"), "\(show.stdout)")
        #expect(!(show.stdout.split(separator: "\n").first { $0.contains("maria@example.org") } ?? "").contains("maybe"), "\(show.stdout)")
        let json = try CommandRunner.run(["event", "show", String(event.id), "--json", "--config", config.path, "--now", "2026-11-03T12:00:00Z"])
        #expect(json.stdout.contains("\"lastAnswer\" : \"tentative\"") || json.stdout.contains("\"lastAnswer\":\"tentative\""), "\(json.stdout)")

        // The update tells each what they said, and their calendar keeps it.
        _ = try program.app.updateEvent(id: event.id, startsAt: nil, timeZone: nil, durationMinutes: nil, location: "Hall B", now: program.now)
        let updates = try events.run(program)
        let toAna = to("ana@example.net", in: updates), toLucia = to("lucia@example.net", in: updates), toCaio = to("caio@example.net", in: updates)
        for said in [text(toAna), html(toAna)] {
            #expect(said.contains("You said \"maybe\"; your seat is kept"), "\(said)")
            #expect(!said.contains("You said you are coming") && !said.contains("Seats are limited"), "\(said)")
        }
        for said in [text(toLucia), html(toLucia)] {
            #expect(said.contains("Dijiste \"quizás\"; tu plaza se mantiene"), "\(said)")
            #expect(!said.contains("Dijiste que vienes") && !said.contains("Las plazas son limitadas"), "\(said)")
        }
        #expect(partstat(toAna) == .tentative && partstat(toLucia) == .tentative)
        #expect(partstat(to("maria@example.org", in: updates)) == .accepted)
        #expect(partstat(toCaio) == .accepted, "a yes on the waitlist")
        #expect(text(toCaio).contains("still on the waitlist"), "\(text(toCaio))")

        // The schedules too.
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let schedules = try events.run(program)
        for said in [text(to("ana@example.net", in: schedules)), html(to("ana@example.net", in: schedules))] {
            #expect(said.contains("You said \"maybe\"; your seat is kept"), "\(said)")
        }
        #expect(text(to("lucia@example.net", in: schedules)).contains("Dijiste \"quizás\"; tu plaza se mantiene"),
                "\(text(to("lucia@example.net", in: schedules)))")
        #expect(!text(to("maria@example.org", in: schedules)).contains("maybe"))

        // Her yes later: she is no longer shown as unsure.
        try say("Yes, I can come after all.", "ana@example.net")
        _ = try events.run(program)
        let again = try program.database.event(id: event.id).accepted?.first { $0.email == "ana@example.net" }
        #expect(again?.lastAnswer == "accepted")
    }
}
