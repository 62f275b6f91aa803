import Foundation
import Mail
@testable import MentorMail
import Testing

/// Smaller things seen at a Speed Mentoring event: the coordinators' tables name who waits and
/// mark who said maybe; calendars name the zone's times as the zone data does (CET, CEST); an
/// event named "Speed Mentoring, …" is not called "…: Speed Mentoring" again.
@Suite struct EventSheetAndWordingTests {
    let events = EventWorkflowTests()

    /// Two seats and two tables: Caio and Dee wait for a seat, Tom for a table; Ben, seated, said maybe.
    func groupedWithWaitlistAndAMaybe(_ program: ProcessorTests.Program) throws -> EventView {
        try events.seed(program)
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitations = try events.run(program)
        for (index, address) in ["ana@example.net", "ben@example.net", "caio@example.net", "dee@example.net", "maria@example.org",
                                 "li@example.org", "tom@example.org"].enumerated() {
            let name = EventWorkflowTests.mentees[address] ?? EventWorkflowTests.mentors[address] ?? ""
            try program.arrive(CalendarReplies.words("Yes, count me in.", from: address, name: name, to: "mentoring@example.org",
                                                     under: try events.invitation(to: address, in: invitations)), name: "\(index)")
        }
        _ = try events.run(program)
        try program.arrive(CalendarReplies.words("Not sure any more, maybe.", from: "ben@example.net", name: "Ben Okafor",
                                                 to: "mentoring@example.org", under: try events.invitation(to: "ben@example.net", in: invitations)))
        _ = try events.run(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        return event
    }

    /// The event of `groupedWithWaitlistAndAMaybe`, the sheet mailed to the coordinators, and its HTML.
    func sheets(_ program: ProcessorTests.Program) throws -> (event: EventView, text: String, html: String) {
        let event = try groupedWithWaitlistAndAMaybe(program)
        let sheet = try #require(try events.run(program).first(to: "coordinator@example.org")?.textBody)
        return (event, sheet, try program.app.eventSheet(id: event.id, now: program.now))
    }

    /// Finding (D-16): cron was off until two months after the event; the first run then formed
    /// its tables and mailed schedules and "no seat" to the guests of an event long over. Such a
    /// run forms nothing and mails no guest; the coordinators read why in the digest.
    @Test func aRunAfterTheEventEndedMailsNoScheduleNorNoSeat() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program, capacity: 1, tables: 1, rotations: 1)
        let invitations = try events.run(program)
        for address in ["ana@example.net", "ben@example.net", "maria@example.org"] {
            let name = EventWorkflowTests.mentees[address] ?? EventWorkflowTests.mentors[address] ?? ""
            try program.arrive(CalendarReplies.words("Yes, count me in.", from: address, name: name, to: "mentoring@example.org",
                                                     under: try events.invitation(to: address, in: invitations)), name: address)
        }
        _ = try events.run(program)

        let late = try events.run(program, at: event.startsAt.addingTimeInterval(60 * 86_400))
        let kinds = late.compactMap { $0.header("X-MentorMail-Kind") ?? $0.subject }
        #expect(!late.contains { $0.to.map(\.address).contains { ["ana@example.net", "ben@example.net", "maria@example.org"].contains($0) } },
                "no guest hears of an event that is over: \(kinds)")
        let digest = try #require(late.first(to: "coordinator@example.org")?.textBody, "\(kinds)")
        #expect(digest.contains("was over") && digest.contains("no schedule"), "\(digest)")
        #expect(try program.database.event(id: event.id).status == "scheduled", "no rotations formed")
    }

    /// Finding: the tables mail and the sheet said "Waitlisted: 3" and nothing else; at the door
    /// the coordinators need who waits, and which seated guest is unsure.
    @Test func theSheetNamesWhoWaitsAndMarksASeatedMaybe() throws {
        let program = try ProcessorTests.Program()
        let (_, sheet, html) = try sheets(program)
        for output in [sheet, html] {
            let caio = try #require(output.range(of: "Caio Lima")), dee = try #require(output.range(of: "Dee Kim"))
            #expect(caio.lowerBound < dee.lowerBound, "in their order: \(output)")
            #expect(output.contains("Tom Berg"), "\(output)")
            #expect(output.components(separatedBy: "Ben Okafor (said maybe)").count - 1 == 2, "on both rotations: \(output)")
            #expect(!output.contains("Ana Souza (said maybe)"), "\(output)")
        }
        #expect(sheet.contains("1. Caio Lima") && sheet.contains("2. Dee Kim") && sheet.contains("1. Tom Berg"), "\(sheet)")
    }

    /// Finding F17: the sheet and `event show` numbered the mentees and mentors waiting as one
    /// list ("1. Caio / 2. Dee / 1. Tom (mentor)"): each waitlist is numbered under its own heading.
    @Test func theMenteeAndMentorWaitlistsAreNumberedApart() throws {
        let program = try ProcessorTests.Program()
        let (event, sheet, html) = try sheets(program)
        for output in [sheet, html] {
            let mentees = try #require(output.range(of: "Mentees waiting for a seat, in order"), "\(output)")
            let mentors = try #require(output.range(of: "Mentors waiting for a table, in order"), "\(output)")
            let caio = try #require(output.range(of: "Caio Lima")), tom = try #require(output.range(of: "Tom Berg"))
            #expect(mentees.upperBound < caio.lowerBound && caio.lowerBound < mentors.lowerBound && mentors.upperBound < tom.lowerBound, "\(output)")
            #expect(!output.contains("Waiting, in order"), "\(output)")
        }
        let config = try program.writeConfigFile()
        let show = try CommandRunner.run(["event", "show", String(event.id), "--config", config.path, "--now", "2026-11-10T09:00:00Z"])
        #expect(show.status == 0, "\(show.stderr)")
        let out = show.stdout
        let mentees = try #require(out.range(of: "Waitlisted mentees (2), in order:"), "\(out)")
        let mentors = try #require(out.range(of: "Waitlisted mentors (1), in order:"), "\(out)")
        let dee = try #require(out.range(of: "#2 dee@example.net")), tom = try #require(out.range(of: "#1 tom@example.org"))
        #expect(mentees.upperBound < dee.lowerBound && dee.lowerBound < mentors.lowerBound && mentors.upperBound < tom.lowerBound, "\(out)")
    }

    @Test func theSpanishSheetNamesWhoWaitsAndMarksASeatedMaybeInSpanish() throws {
        var program = try ProcessorTests.Program()
        program.templates = try TemplateLibrary(directory: CommandRunner.repository.appendingPathComponent("templates/es").path)
        let event = try groupedWithWaitlistAndAMaybe(program)
        let sheet = try #require(try events.run(program).first(to: "coordinator@example.org")?.textBody)
        let html = try program.app.eventSheet(id: event.id, now: program.now)
        for output in [sheet, html] {
            #expect(output.contains("Caio Lima") && output.contains("Dee Kim") && output.contains("Tom Berg"), "\(output)")
            #expect(output.components(separatedBy: "Ben Okafor (dijo quizás)").count - 1 == 2, "\(output)")
            #expect(!output.contains("said maybe"), "\(output)")
        }
    }

    /// Finding: "You are invited to Speed Mentoring, Summit Berlin: Speed Mentoring, where …".
    @Test func anEventNamedSpeedMentoringIsNotCalledSoAgain() throws {
        let program = try ProcessorTests.Program()
        try program.database.write { db in
            for (email, name, role, language) in [("ana@example.net", "Ana Souza", "mentee", "English"), ("lucia@example.net", "Lucía Pérez", "mentee", "Spanish"),
                                                  ("maria@example.org", "Maria Garcia", "mentor", "English"), ("paz@example.org", "Paz Rey", "mentor", "Spanish")] {
                let profile = MatchingWorkflowTests.profile(role, name, languages: [language], capacity: role == "mentor" ? 2 : 0)
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let start = program.now.addingTimeInterval(20 * 86_400)
        _ = try program.app.createEvent(EventPlan(name: "Speed-Mentoring, Summit Berlin", startsAt: start, timeZone: zone, durationMinutes: 90,
                                                  capacity: 4, tables: 2, rotations: 2), now: program.now)
        _ = try program.app.createEvent(EventPlan(name: "Summit Berlin", startsAt: start.addingTimeInterval(86_400), timeZone: zone,
                                                  durationMinutes: 90, capacity: 4, tables: 2, rotations: 2), now: program.now)
        let sent = try events.run(program)
        func mail(_ address: String, _ event: String) throws -> (text: String, html: String) {
            let found = try #require(sent.first { $0.to.map(\.address) == [address] && $0.subject?.contains(": " + event + ",") == true })
            return ((found.textBody ?? "").replacingOccurrences(of: "\n", with: " "),
                    (found.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? "").replacingOccurrences(of: "\n", with: " "))
        }
        for address in ["ana@example.net", "lucia@example.net", "maria@example.org", "paz@example.org"] {
            let named = try mail(address, "Speed-Mentoring, Summit Berlin")
            for output in [named.text, named.html] {
                #expect(!output.contains(": Speed Mentoring"), "\(address): \(output)")
                #expect(output.contains("Speed-Mentoring, Summit Berlin"), "\(output)")
            }
            let other = try mail(address, "Summit Berlin")
            #expect(other.text.contains("Summit Berlin: Speed Mentoring"), "the name alone says not what it is: \(other.text)")
        }
    }

    /// Finding: VTIMEZONE said TZNAME:GMT+1 / GMT+2, which some calendars show, instead of CET / CEST.
    @Test func theCalendarNamesTheZonesTimesAsTheZoneDataDoes() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        _ = try events.createEvent(program)
        let invitation = try events.invitation(to: "ana@example.net", in: try events.run(program))
        let calendar = try #require(invitation.leafParts.first { $0.contentType == "text/calendar" }?.decodedText())
        #expect(calendar.contains("TZNAME:CET\r\n") || calendar.contains("TZNAME:CET\n"), "\(calendar)")
        #expect(calendar.contains("TZNAME:CEST"), "\(calendar)")
        #expect(!calendar.contains("TZNAME:GMT"), "\(calendar)")
    }
}
