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
