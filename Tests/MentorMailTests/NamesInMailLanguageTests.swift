import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// Findings of a tester who used the program by mail: lists of names read "Pat, María, Ben"
/// with no "and", areas were named in English in Spanish mail, and the calendar's description
/// was English for every guest. Each list reads with "and" ("y", "et") in the reader's language,
/// areas are named in it, and so is the calendar.
@Suite struct NamesInMailLanguageTests {
    let events = EventWorkflowTests()
    let profile = MatchingWorkflowTests.profile

    /// `people` active in the program and in a round of it: the mentees in the round.
    func enroll(_ program: ProcessorTests.Program, _ people: [(String, ParticipantProfile)]) throws {
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            for (email, person) in people {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: person, status: .active, source: "test", origin: "email",
                                                  roundID: person.role == "mentee" ? round.id : nil, now: program.now)
            }
        }
    }

    func message(from address: String, name: String, subject: String, body: String) -> String {
        "From: \(name) <\(address)>\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n"
            + "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n"
    }

    /// The two tables of an event of two rotations, four mentees and two mentors all coming:
    /// the schedules sent, by address.
    func schedules(_ program: ProcessorTests.Program, _ people: [(String, ParticipantProfile)]) throws -> [String: String] {
        try program.database.write { db in
            for (email, person) in people {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: person, status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
        let event = try events.createEvent(program, capacity: 4, tables: 2, rotations: 2)
        _ = try events.run(program)
        let uid = try events.uid(program, event.id)
        for (index, (address, person)) in people.enumerated() {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: person.name, to: "mentoring@example.org", partstat: "ACCEPTED"),
                               name: "\(index)-\(address)")
        }
        _ = try events.run(program)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        let sent = try events.run(program)
        return Dictionary(sent.map { ($0.to.map(\.address).joined(), $0.textBody ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// Each mentee's schedule names the mentor's areas in the mentee's language, the last after
    /// "and"/"y"; each mentor's names the mentees at the table the same way.
    @Test func schedulesListNamesAndAreasInTheReadersLanguage() throws {
        let program = try ProcessorTests.Program()
        let sent = try schedules(program, [
            ("lucia@example.net", profile("mentee", "Lucía Pérez", ["technical"], ["nova"], "Europe/Madrid", ["Spanish", "English"], ["email"], 0)),
            ("ines@example.net", profile("mentee", "Inés Ibáñez", ["technical"], ["nova"], "Europe/Madrid", ["Spanish", "English"], ["email"], 0)),
            ("ana@example.net", profile("mentee", "Ana Souza", ["technical"], ["nova"], "Europe/Madrid", ["English"], ["email"], 0)),
            ("ben@example.net", profile("mentee", "Ben Okafor", ["technical"], ["nova"], "Europe/Madrid", ["English"], ["email"], 0)),
            ("mia@example.org", profile("mentor", "Mia Brown", ["technical"], ["nova", "documentation", "community"], "Europe/Madrid",
                                        ["English", "Spanish"], ["email"], 2)),
            ("sofia@example.org", profile("mentor", "Sofía Ruiz", ["technical"], ["documentation", "i18n"], "Europe/Madrid",
                                          ["Spanish", "English"], ["email"], 2)),
        ])
        let lucia = try #require(sent["lucia@example.net"])
        #expect(lucia.contains("con Mia (Nova, documentación y comunidad)") && lucia.contains("con Sofía (documentación y traducción)"), "\(lucia)")
        let ana = try #require(sent["ana@example.net"])
        #expect(ana.contains("with Mia (Nova, documentation and community)") && ana.contains("with Sofía (documentation and i18n)"), "\(ana)")
        let table = try Regex(#"Ronda \d, [0-9:–]+: \w+ (y|e) \w+\n"#), tableInEnglish = try Regex(#"Rotation \d, [0-9:–]+: \w+ and \w+\n"#)
        let sofia = try #require(sent["sofia@example.org"]), mia = try #require(sent["mia@example.org"])
        #expect(sofia.matches(of: table).count == 2, "\(sofia)")
        #expect(mia.matches(of: tableInEnglish).count == 2, "\(mia)")
    }

    /// A Spanish introduction lists each side's languages and ways to meet with "y" ("e" before
    /// "inglés", "IRC") and names the areas they share in Spanish.
    @Test func aSpanishIntroductionListsWithYAndNamesTheSharedAreasInSpanish() throws {
        let program = try ProcessorTests.Program()
        try enroll(program, [
            ("maria@example.net", profile("mentee", "María García", ["career"], ["documentation", "community"], "Europe/Madrid",
                                          ["Spanish", "English"], ["email", "video"], 0)),
            ("carlos@example.org", profile("mentor", "Carlos Ruiz", ["career"], ["documentation", "community"], "Europe/Madrid",
                                           ["Spanish", "English"], ["video", "email", "irc"], 1)),
        ])
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        _ = try program.run()
        let text = try #require(try program.sent().first { $0.to.count == 2 }?.textBody)
        #expect(text.contains("en común: comunidad y documentación"), "\(text)")
        #expect(text.contains("Idiomas:            español e inglés\n"), "\(text)")
        #expect(text.contains("Forma de contacto:  email y vídeo\n") && text.contains("vídeo, email e IRC\n"), "\(text)")
        #expect(!text.contains("documentation") && !text.contains("community"), "\(text)")
    }

    /// Asked to confirm a pause, a mentor of two reads that it ends the mentoring with both,
    /// "A and B".
    @Test func thePartnersAPauseWouldPartFromAreListedWithAnd() throws {
        let program = try ProcessorTests.Program()
        try enroll(program, [
            ("ana@example.net", profile("mentee", "Ana Souza", ["technical"], ["nova"], "Europe/Madrid", ["English"], ["email"], 0)),
            ("ben@example.net", profile("mentee", "Ben Okafor", ["technical"], ["nova"], "Europe/Madrid", ["English"], ["email"], 0)),
            ("pat@example.org", profile("mentor", "Pat Jones", ["technical"], ["nova"], "Europe/Madrid", ["English"], ["email"], 2)),
        ])
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        _ = try program.run()
        let before = program.outbox.sentFiles().count
        try program.arrive(message(from: "pat@example.org", name: "Pat Jones", subject: "Pause", body: "pause"))
        _ = try program.run()
        let answer = try #require(try program.sent().suffix(from: before).first?.textBody)
        #expect(answer.contains("Ana Souza and Ben Okafor") || answer.contains("Ben Okafor and Ana Souza"), "\(answer)")
    }

    /// A Spanish form's confirmation names the areas in Spanish, and each such name reads back
    /// as the same area (in French too), so a line of the summary can be sent back as it stands.
    @Test func areasAreNamedInTheMailLanguageAndReadBack() throws {
        let program = try ProcessorTests.Program()
        try program.arrive(MailLanguageTests().mail(subject: "Re: Hola", body: MailLanguageTests.spanishForm
            .replacingOccurrences(of: "Áreas: Nova, documentación", with: "Áreas: Nova, docs, community management, QA")))
        _ = try program.run()
        let text = try #require(try program.sent().last?.textBody)
        #expect(text.contains("  Áreas: Nova, documentación, comunidad, pruebas\n"), "\(text)")
        let builder = ProfileBuilder(vocabulary: .openStackDefault), parser = SignupFormParser(vocabulary: .openStackDefault)
        let every = EnrollmentVocabulary.openStackDefault.areas.map(\.name)
        let original = builder.build(from: parser.parse("Role: mentee\nName: Jo\nMentoring type: career\nAreas: \(every.joined(separator: ", "))\n"
                                                        + "Time zone: UTC\nLanguages: English\nInteraction: email"), over: nil)
        #expect(original.profile.areas == every)
        for language in ["es", "fr"] {
            let lines = builder.summary(of: original.profile, at: program.now, wording: ProfileWording(language: language))
            let areas = try #require(lines.first { ["Áreas", "Areas"].contains($0.label) }?.value)
            #expect(areas.contains(language == "es" ? "comunidad" : "communauté"), "\(areas)")
            #expect(builder.build(from: parser.parse("Areas: " + areas), over: original.profile).profile.areas == every, "\(areas)")
        }
    }

    /// The calendar of an invitation describes the event in the guest's language, and so does
    /// an update's "was …, now …".
    @Test func theCalendarDescriptionIsInTheGuestsLanguage() throws {
        let program = try ProcessorTests.Program()
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "paz@example.org", profile: profile("mentor", "Paz Rey", ["technical"], ["nova"], "Europe/Madrid",
                                                                                          ["Spanish"], ["email"], 2),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net", profile: profile("mentee", "Ana Souza", ["technical"], ["nova"], "Europe/Madrid",
                                                                                          ["English"], ["email"], 0),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        func description(_ address: String, in sent: [Message]) throws -> String {
            let mail = try #require(sent.last(to: address))
            let part = try #require(mail.leafParts.first { $0.contentType == "text/calendar" })
            return try #require(ICalendar.parse(part.decodedText()).events.first?.description)
        }
        let invitations = try events.run(program)
        #expect(try description("paz@example.org", in: invitations) == "Test Mentoring: Speed Mentoring, 2 rondas de 45 minutos.")
        #expect(try description("ana@example.net", in: invitations) == "Test Mentoring: Speed Mentoring, 2 rotation(s) of 45 minutes.")
        _ = try program.app.updateEvent(id: event.id, startsAt: nil, timeZone: nil, durationMinutes: nil, location: "Auditorium", now: program.now)
        let updates = try events.run(program)
        let spanish = try description("paz@example.org", in: updates)
        #expect(spanish.hasSuffix(" Cambios: lugar antes Room 2.1, ahora Auditorium."), "\(spanish)")
        #expect(try description("ana@example.net", in: updates).hasSuffix(" Changed: place was Room 2.1, now Auditorium."))
    }
}
