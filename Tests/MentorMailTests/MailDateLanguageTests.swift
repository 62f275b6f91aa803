import Foundation
import Mail
@testable import MentorMail
import Testing

/// Dates in mail are written in the mail's language: an answer that goes out in Spanish
/// because its writer wrote in Spanish says its days in Spanish too, whatever language the
/// earlier mail to that address was in.
@Suite struct MailDateLanguageTests {
    let events = EventWorkflowTests()

    func text(_ mail: Message?) -> String { (mail?.textBody ?? "").replacingOccurrences(of: "\n", with: " ") }

    func html(_ mail: Message?) -> String {
        (mail?.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? "").replacingOccurrences(of: "\n", with: " ")
    }

    static let englishWords = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                               "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"]

    /// Finding F-a: Gus, invited in English, answered "Sí, allí estaré" and read "Vienes a Speed
    /// Mentoring Berlin el Sunday, December 20, 2026".
    @Test(arguments: ["Sí, allí estaré. ¡Gracias por la invitación!", "¡Sí! Cuenta conmigo, nos vemos allí."])
    func aSpanishAnswerToAnEnglishInvitationSaysTheDayInSpanish(_ words: String) throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        _ = try events.createEvent(program)
        let invitations = try events.run(program)
        let invitation = try events.invitation(to: "ana@example.net", in: invitations)
        #expect(text(invitation).contains("Wednesday, November 25, 2026"), "\(text(invitation))")
        try program.arrive(CalendarReplies.words(words, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", under: invitation))
        let answer = try #require(try events.run(program).last(to: "ana@example.net"))
        for body in [text(answer), html(answer)] {
            #expect(body.contains("miércoles, 25 de noviembre de 2026"), "\(body)")
            for english in Self.englishWords { #expect(!body.contains(english), "\(english) in: \(body)") }
        }
    }

    /// A coordinator's form export forwarded with a note in Spanish.
    static func arriveSpanishImport(_ program: ProcessorTests.Program, authenticationResults: String? = nil) throws {
        let csv = """
            "Timestamp","Email Address","Name","Are you signing up as a mentor or mentee?","Type of mentoring","Areas","Time zone","Languages","How would you like to meet?","How many mentees can you take?"
            "2026/11/01 10:00","ana@example.net","Ana Souza","Mentee","Technical","Nova","Lisbon","English","IRC",""
            """
        try program.arrive(EnrollmentEndToEndTests.csvForward(csv, from: "Coordinadora <coordinator@example.org>", to: "mentoring@example.org",
                                                              subject: "Fwd: Inscripciones de mentoría (respuestas)",
                                                              note: "Hola, aquí tenéis las nuevas inscripciones del formulario, por favor importadlas. Gracias.",
                                                              file: "inscripciones.csv", authenticationResults: authenticationResults)
                            .replacingOccurrences(of: "\n", with: "\r\n"))
    }

    /// A coordinator's unverified command written in Spanish is answered in Spanish: the day its
    /// confirmation code stops working is Spanish too.
    @Test func aSpanishCoordinatorIsToldTheCodesLastDayInSpanish() throws {
        let program = try ProcessorTests.Program()
        try Self.arriveSpanishImport(program)
        let answer = try #require(try events.run(program).last(to: "coordinator@example.org"))
        let expires = try #require(Calendar(identifier: .gregorian).date(byAdding: .day, value: 3, to: program.now))
        let day = expires.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: "es"), timeZone: .gmt))
        for body in [text(answer), html(answer)] {
            #expect(body.contains(day), "\(day) not in: \(body)")
            for english in Self.englishWords { #expect(!body.contains(english), "\(english) in: \(body)") }
        }
    }

    /// Why a coordinator's command could not be verified, in each way it can fail: the Spanish
    /// answer says it in Spanish, while the record and the audit log keep the English words.
    @Test(arguments: [
        (nil, nil, "no hay ningún servidor de correo de confianza configurado ([enrollment] trusted_authserv_id)",
         "no trusted mail server is configured"),
        ("mx.example.org", nil, "el mensaje no lleva ninguna cabecera Authentication-Results", "the message carries no Authentication-Results"),
        ("mx.example.org", "relay.example.net; dkim=pass header.d=example.org",
         "la primera cabecera Authentication-Results no es de mx.example.org", "the topmost Authentication-Results is not from mx.example.org"),
        ("mx.example.org", "mx.example.org; dkim=fail header.d=example.org; dmarc=fail header.from=example.org",
         "ni DKIM ni DMARC dieron pass para example.org", "neither DKIM nor DMARC passed for example.org"),
    ] as [(String?, String?, String, String)])
    func aSpanishCoordinatorIsToldWhyTheCommandWasNotVerifiedInSpanish(trusted: String?, results: String?, spanish: String, english: String) throws {
        var program = try ProcessorTests.Program()
        if let trusted { program = try program.with(trustedServer: trusted) }
        try Self.arriveSpanishImport(program, authenticationResults: results)
        let answer = try #require(try events.run(program).last(to: "coordinator@example.org"))
        for body in [text(answer), html(answer)] {
            #expect(body.contains("no hemos podido verificar que de verdad lo hayas enviado tú: " + spanish), "\(body)")
            #expect(!body.contains(english), "\(body)")
        }
        let record = try #require(try program.database.read { db in try InboundMessage.fetchOne(db) })
        #expect(record.disposition == .waiting && record.note?.contains(english) == true, "\(record.note ?? "")")
        let audit = try program.database.read { db in try String.fetchAll(db, sql: "SELECT detail FROM auditEntry WHERE action = 'coordinator-unverified'") }
        #expect(audit.count == 1 && audit.allSatisfy { $0.contains(english) }, "\(audit)")
    }
}

/// Dates are worded where the mail is rendered, in the language of the template used: Lucía
/// reads Spanish, and every mail of hers that carries a date says it in Spanish; a mail whose
/// Spanish template is missing goes out in English, and says its date in English too.
@Suite struct TemplateLanguageDateTests {
    let events = EventWorkflowTests()
    static let lucia = "lucia@example.net"

    /// Each mail of Lucía's with a date, by template, with the date it says in Spanish and in English.
    static let dates: [String: [(spanish: String, english: String)]] = [
        "event-invitation": [("miércoles, 25 de noviembre de 2026", "Wednesday, November 25, 2026")],
        "event-update": [("miércoles, 25 de noviembre de 2026, 09:30", "Wednesday, November 25, 2026, 09:30"),
                         ("jueves, 26 de noviembre de 2026, 09:30", "Thursday, November 26, 2026, 09:30")],
        "event-answer": [("jueves, 26 de noviembre de 2026", "Thursday, November 26, 2026")],
        "event-schedule": [("jueves, 26 de noviembre de 2026", "Thursday, November 26, 2026")],
        "checkin-survey": [("3 de noviembre de 2026", "November 3, 2026")],
        "command-confirm": [("18 de febrero de 2027", "February 18, 2027")],
    ]

    static let spanishWords = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "enero", "febrero", "marzo",
                               "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]

    /// Lucía (a mentee who speaks Spanish) is introduced to Pablo on November 3, 2026, invited to an
    /// event on November 25 that moves to the 26th, says yes in Spanish, gets her schedule, her
    /// check-in 90 days later, and asks to delete her data on February 11, 2027 (the code lasts a
    /// week). Returns her mail by template ("event-update" for the invitation's update).
    func luciasMail(templates: URL? = nil) throws -> [String: Message] {
        var program = try ProcessorTests.Program()
        if let templates { program.templates = try TemplateLibrary(directory: templates.path) }
        let round = try program.app.openRound(name: "R", closesAt: program.now.addingTimeInterval(20 * 86_400), now: program.now).round
        try program.database.write { db in
            for (email, profile, roundID) in [
                (Self.lucia, MatchingWorkflowTests.profile("mentee", "Lucía Pérez", languages: ["Spanish"]), round.id),
                ("pablo@example.org", MatchingWorkflowTests.profile("mentor", "Pablo Ruiz", languages: ["Spanish", "English"], capacity: 1), nil),
                ("ana@example.net", MatchingWorkflowTests.profile("mentee", "Ana Souza"), nil),
                ("maria@example.org", MatchingWorkflowTests.profile("mentor", "Maria Garcia", capacity: 2), nil),
            ] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email",
                                                  roundID: roundID, now: program.now)
            }
        }
        _ = try program.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "R", approve: true, now: program.now)
        _ = try events.run(program)

        var mail: [String: Message] = [:]
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        mail["event-invitation"] = try events.invitation(to: Self.lucia, in: try events.run(program))
        _ = try program.app.updateEvent(id: event.id, startsAt: event.startsAt.addingTimeInterval(86_400), timeZone: nil, durationMinutes: nil,
                                        location: nil, now: program.now)
        let update = try #require(try events.run(program).first(to: Self.lucia))
        mail["event-update"] = update
        try program.arrive(CalendarReplies.words("Sí, allí estaré.", from: Self.lucia, name: "Lucía Pérez", to: "mentoring@example.org", under: update))
        let uid = try events.uid(program, event.id)
        for (address, name) in [("ana@example.net", "Ana Souza"), ("pablo@example.org", "Pablo Ruiz"), ("maria@example.org", "Maria Garcia")] {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: name, to: "mentoring@example.org", partstat: "ACCEPTED"))
        }
        mail["event-answer"] = try events.run(program).last(to: Self.lucia)
        _ = try program.app.formEventGroups(id: event.id, now: program.now)
        mail["event-schedule"] = try events.run(program).first(to: Self.lucia)
        mail["checkin-survey"] = try events.run(program, at: program.now.addingTimeInterval(90 * 86_400)).first(to: Self.lucia)
        try program.arrive("From: Lucía Pérez <\(Self.lucia)>\r\nTo: mentoring@example.org\r\nSubject: Mis datos\r\n"
                           + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\nPor favor, borrad mis datos.\r\n")
        // The answer to her message, not the check-in's reminder due by then.
        mail["command-confirm"] = try events.run(program, at: program.now.addingTimeInterval(100 * 86_400))
            .mail(to: Self.lucia).last { $0.header("In-Reply-To") != nil }
        return mail
    }

    func bodies(_ message: Message) -> [String] {
        [message.textBody ?? "", message.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? ""].map {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// Invitation, its update, the answer to her "yes", her schedule, the check-in and the day
    /// her request's code stops working: each in Spanish, with nothing of English dates in it.
    @Test func everyDateInLuciasSpanishMailIsSpanish() throws {
        let mail = try luciasMail()
        for (template, dates) in Self.dates {
            let message = try #require(mail[template], "\(template)")
            for body in bodies(message) {
                for date in dates { #expect(body.contains(date.spanish), "\(template): \(date.spanish) not in \(body)") }
                for english in MailDateLanguageTests.englishWords { #expect(!body.contains(english), "\(template): \(english) in \(body)") }
            }
        }
    }

    /// Finding: a Spanish folder that lacks one template sent that mail with the English template
    /// but with its dates in Spanish ("on miércoles, 25 de noviembre de 2026"). The mail is English,
    /// and so are its dates.
    @Test(arguments: ["event-invitation", "event-answer", "event-schedule", "checkin-survey", "command-confirm"])
    func aMailWithoutItsSpanishTemplateSaysItsDatesInEnglish(_ template: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-no-es-\(template)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("templates"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["\(template).txt.mustache", "\(template).html.mustache"] {
            try FileManager.default.removeItem(at: folder.appendingPathComponent("es").appendingPathComponent(file))
        }
        let mail = try luciasMail(templates: folder)
        for kind in template == "event-invitation" ? [template, "event-update"] : [template] {
            let message = try #require(mail[kind], "\(kind)")
            for body in bodies(message) {
                for date in Self.dates[kind] ?? [] { #expect(body.contains(date.english), "\(kind): \(date.english) not in \(body)") }
                for spanish in Self.spanishWords { #expect(!body.lowercased().contains(spanish), "\(kind): \(spanish) in \(body)") }
            }
        }
        // Her other mail is still Spanish.
        let other = try #require(mail[template == "event-answer" ? "event-schedule" : "event-answer"])
        #expect(bodies(other)[0].contains("de noviembre de 2026"), "\(bodies(other)[0])")
    }
}
