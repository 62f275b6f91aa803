import Foundation
import Mail
@testable import MentorMail
import Testing

/// Mail we send of our own accord (check-ins, reminders, event mail) follows the language the
/// person last wrote to us in, as answers already do; a `Mail language:` line still wins.
@Suite struct WrittenLanguageTests {
    let events = EventWorkflowTests()

    func mail(from: String, subject: String, body: String, date: String = "Tue, 03 Nov 2026 10:00:00 +0000") -> String {
        "From: \(from)\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n"
            + "Date: \(date)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// Ana (Languages "English, Spanish") and Maria, introduced as a pair.
    func introducedPair(_ program: ProcessorTests.Program, anaLanguages: [String]) throws {
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net",
                                              profile: MatchingWorkflowTests.profile("mentee", "Ana Ruiz", languages: anaLanguages),
                                              status: .active, source: "test", origin: "email", roundID: round.id, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.org",
                                              profile: MatchingWorkflowTests.profile("mentor", "Maria", languages: ["English", "Spanish"], capacity: 1),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        _ = try program.run()
    }

    /// Finding: someone whose profile lists "English, Spanish" wrote to us in Spanish, and the
    /// next check-in survey came in English, the first language of the profile.
    @Test func theCheckinAndItsReminderFollowTheLanguageThePersonLastWroteIn() throws {
        let program = try ProcessorTests.Program()
        try introducedPair(program, anaLanguages: ["English", "Spanish"])
        let introduction = try #require(try program.sent().first { $0.to.map(\.address).contains("ana@example.net") })
        #expect(introduction.subject?.contains("meet your mentoring match") == true, "English first: \(introduction.subject ?? "")")

        let before = try program.sent().count
        try program.arrive(mail(from: "Ana Ruiz <ana@example.net>", subject: "Una pregunta",
                                body: "Hola, una pregunta: ¿hay algún taller de documentación este mes? Gracias y saludos"))
        _ = try events.run(program, at: program.now.addingTimeInterval(3_600))
        let answer = try #require(try program.sent().suffix(from: before).first(to: "ana@example.net"))
        #expect(answer.subject?.contains("Una pregunta") == true && answer.textBody?.contains("coordinación") == true,
                "the answer follows the message: \(answer.textBody ?? "")")

        let surveys = try events.run(program, at: program.now.addingTimeInterval(86_400 * 91))
        let toAna = try #require(surveys.first(to: "ana@example.net"))
        #expect(toAna.subject?.contains("¿qué tal va tu mentoría con Maria?") == true, "\(toAna.subject ?? "")")
        let toMaria = try #require(surveys.first(to: "maria@example.org"))
        #expect(toMaria.subject?.contains("how is your mentoring with Ana") == true, "Maria wrote nothing: \(toMaria.subject ?? "")")
        let reminders = try events.run(program, at: program.now.addingTimeInterval(86_400 * 99))
        let reminder = try #require(reminders.first(to: "ana@example.net"))
        #expect(reminder.subject?.hasPrefix("Recordatorio") == true, "\(reminder.subject ?? "")")
    }

    /// Finding: Eva chose English with "Mail language: English"; Lucía writes Spanish and lists
    /// English too; their one introduction went out in Spanish. A language one side chose, that
    /// both speak, wins over one guessed from writing; when both chose, the mentee's stays first.
    @Test func theIntroductionIsInTheLanguageOneSideChoseWhenBothSpeakIt() throws {
        for (luciaChooses, english) in [(false, true), (true, false)] {
            let program = try ProcessorTests.Program()
            _ = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now)
            let spanish = MailLanguageTests.spanishForm
            try program.arrive(mail(from: "Lucía Pérez <lucia@example.net>", subject: "Hola",
                                    body: spanish.replacingOccurrences(of: "Ana García", with: "Lucía Pérez")
                                        + (luciaChooses ? "\nIdioma del correo: español" : "")))
            try program.arrive(mail(from: "Eva Ruiz <eva@example.org>", subject: "Hola",
                                    body: spanish.replacingOccurrences(of: "Ana García", with: "Eva Ruiz")
                                        .replacingOccurrences(of: "Rol: mentee", with: "Rol: mentor") + "\nMail language: English"))
            _ = try program.run()
            #expect(try program.database.participant(email: "eva@example.org")?.profile.mailLanguageChosen == true)
            _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
            _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
            _ = try program.run()
            let introduction = try #require(try program.sent().first { $0.to.count == 2 })
            let text = introduction.textBody ?? ""
            #expect(text.hasPrefix("Hello") == english && text.hasPrefix("Hola") == !english, "Lucía chose too: \(luciaChooses): \(text)")
        }
    }

    /// The other way round: someone who signed up in Spanish and now writes in English gets
    /// the next invitation in English; someone who chose Spanish with "Mail language:" keeps it.
    @Test func laterMailFollowsAChangeToEnglishButNotOverAChosenLanguage() throws {
        let program = try ProcessorTests.Program()
        let spanish = MailLanguageTests.spanishForm
        try program.arrive(mail(from: "Ana García <ana@example.net>", subject: "Hola", body: spanish))
        try program.arrive(mail(from: "Eva Ruiz <eva@example.net>", subject: "Hola",
                                body: spanish.replacingOccurrences(of: "Ana García", with: "Eva Ruiz") + "\nIdioma del correo: español"))
        _ = try events.run(program)
        for from in ["Ana García <ana@example.net>", "Eva Ruiz <eva@example.net>"] {
            try program.arrive(mail(from: from, subject: "Question",
                                    body: "Hello, is there a documentation workshop this month? Thanks, and have a nice day"))
        }
        _ = try events.run(program, at: program.now.addingTimeInterval(3_600))
        _ = try events.createEvent(program)
        let invitations = try events.run(program, at: program.now.addingTimeInterval(7_200))
        let ana = try events.invitation(to: "ana@example.net", in: invitations)
        #expect(ana.subject?.contains("November 25, 2026") == true, "written in English last: \(ana.subject ?? "")")
        let eva = try events.invitation(to: "eva@example.net", in: invitations)
        #expect(try program.database.participant(email: "eva@example.net")?.profile.mailLanguage == "es")
        #expect(eva.subject?.contains("de noviembre de 2026") == true, "chosen Spanish stays: \(eva.subject ?? "")")
    }

    /// An invitation went out in English; the guest's Spanish answer makes the later event mail
    /// (here: no table could be formed) Spanish.
    @Test func eventMailAfterASpanishAnswerIsSpanish() throws {
        let program = try ProcessorTests.Program()
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "lucia@example.net",
                                              profile: MatchingWorkflowTests.profile("mentee", "Lucía Pérez", languages: ["English", "Spanish"]),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.org", profile: MatchingWorkflowTests.profile("mentor", "Maria Garcia", capacity: 2),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        let invitation = try events.invitation(to: "lucia@example.net", in: try events.run(program))
        #expect(invitation.subject?.contains("November 25, 2026") == true, "English first: \(invitation.subject ?? "")")
        try program.arrive(CalendarReplies.words("¡Sí, allí estaré! Muchas gracias por la invitación.", from: "lucia@example.net", name: "Lucía Pérez",
                                                 to: "mentoring@example.org", under: invitation))
        let confirmed = try #require(try events.run(program).first(to: "lucia@example.net"))
        #expect(confirmed.textBody?.contains("Gracias") == true, "the answer follows the message: \(confirmed.textBody ?? "")")
        let due = try events.run(program, at: event.startsAt.addingTimeInterval(-23 * 3_600))
        let told = try #require(due.first(to: "lucia@example.net"))
        #expect(told.subject == "Test Mentoring: no hay mesas para Speed Mentoring at the Summit", "\(told.subject ?? "")")
    }
}
