import Foundation
import Mail
import MentorMail
import Testing

/// People writing as they would, through the real Dovecot and SMTP servers: in Spanish from the
/// first word, and asking for things in sentences.
@Suite struct UnderstandingEndToEndTests {
    /// A reply from the participant to `message`, as a mail client threads it.
    func reply(_ scenario: ServerScenario, to message: Message, name: String, body: String) throws {
        let raw = """
            From: \(name) <\(scenario.participantAddress)>
            To: \(scenario.programAddress)
            Subject: Re: \(message.subject ?? "")
            Date: Tue, 3 Nov 2026 10:00:00 +0100
            Message-ID: <\(UUID().uuidString)@example.org>
            In-Reply-To: <\(message.messageID ?? "")>
            References: <\(message.messageID ?? "")>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            \(body)
            """
        try scenario.deliverRaw(raw, from: scenario.participantAddress)
    }

    /// The one new mail in the participant's inbox after a run.
    func nextAnswer(_ scenario: ServerScenario, after count: Int) throws -> Message {
        try scenario.processOK()
        let inbox = try scenario.participantInbox()
        try #require(inbox.count == count + 1, "one answer, got \(inbox.count - count)")
        return try #require(inbox.last)
    }

    static let englishWords = ["Hello", "Thank you", "Time zone", "Languages", "Role:", "What happens next", "Coordinators:"]

    func expectSpanish(_ message: Message, _ what: String) {
        let text = (message.textBody ?? "") + (message.subject ?? "")
        for word in Self.englishWords {
            #expect(!text.contains(word), "\(what) has “\(word)”: \(text)")
        }
        let html = message.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? ""
        #expect(html.contains("lang=\"es\""), "\(what): the HTML says its language")
    }

    @Test func aSpanishSpeakingNewcomerSignsUpEntirelyInSpanish() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Programa de mentoría",
                                       text: "Hola, me gustaría participar en el programa como mentee. ¡Muchas gracias!\n\nLucía\n")
        let form = try nextAnswer(scenario, after: 0)
        let formText = try #require(form.textBody)
        #expect(form.subject == "Re: Programa de mentoría")
        #expect(formText.contains("Nos pediste unirte como mentee: ya lo hemos rellenado abajo."))
        #expect(formText.contains("\nRol: mentee\n"))
        #expect(formText.contains("\nZona horaria: (p. ej. Europe/Madrid"))
        expectSpanish(form, "the form")

        // She answers under the Spanish labels, as her client quotes them.
        try reply(scenario, to: form, name: "Lucía Moreno", body: """
            Aquí está mi formulario.

            Rol: mentee
            Nombre: Lucía Moreno
            Tipo de mentoría: técnica
            Áreas: Nova, documentación
            Zona horaria: Sevilla
            Idiomas: español, inglés
            Forma de contacto: email, vídeo
            Disponibilidad: tardes entre semana

            Un saludo,
            Lucía
            """)
        let confirmation = try nextAnswer(scenario, after: 1)
        let text = try #require(confirmation.textBody)
        #expect(text.contains("¡Ya formas parte del programa!"), "\(text)")
        #expect(text.contains("  Rol: mentee\n"))
        #expect(text.contains("  Áreas: Nova, documentación\n"))
        #expect(text.contains("  Zona horaria: Europe/Madrid (ahora UTC+0"))
        #expect(text.contains("  Idiomas: español, inglés\n"))
        #expect(text.contains("  Forma de contacto: email, vídeo\n"))
        #expect(text.contains("te emparejaremos en la próxima ronda"))
        expectSpanish(confirmation, "the confirmation")

        let person = try #require(try scenario.database().participant(email: scenario.participantAddress))
        #expect(person.status == .active)
        #expect(person.profile.name == "Lucía Moreno")
        #expect(person.profile.timeZone == "Europe/Madrid")
        #expect(person.profile.languages == ["Spanish", "English"])
        #expect(person.profile.areas == ["nova", "documentation"])
    }

    @Test func pleaseRemoveMeFromTheProgramWithdrawsAndSaysSo() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Sign up", text: EnrollmentEndToEndTests.filledForm + "\n")
        _ = try nextAnswer(scenario, after: 0)
        #expect(try scenario.database().participant(email: scenario.participantAddress)?.status == .active)

        try scenario.participantWrites(subject: "Mentoring", text: "Hi, please remove me from the program. I no longer have time.\n\nAlice\n")
        let answer = try nextAnswer(scenario, after: 1)
        let text = try #require(answer.textBody)
        #expect(text.contains("You have left"), "\(text)")
        #expect(try scenario.database().participant(email: scenario.participantAddress)?.status == .withdrawn)
    }

    @Test func aSentenceAskingToDeleteDataIsConfirmedFirstAndTheYesErases() throws {
        let scenario = try ServerScenario()
        let spanishForm = EnrollmentEndToEndTests.filledForm.replacingOccurrences(of: "Languages: English, Spanish", with: "Idiomas: español")
        try scenario.participantWrites(subject: "Inscripción", text: "Hola, aquí va mi formulario.\n\n" + spanishForm + "\n")
        _ = try nextAnswer(scenario, after: 0)

        try scenario.participantWrites(subject: "Mis datos", text: "Hola. Por favor, borrad mis datos y dadme de baja del programa.\n\nAlice\n")
        let question = try nextAnswer(scenario, after: 1)
        let questionText = try #require(question.textBody)
        #expect(questionText.contains("Entendimos que quieres que borremos tus datos"), "\(questionText)")
        #expect(questionText.contains("responde a este mensaje con una sola palabra: sí"))
        expectSpanish(question, "the question")
        #expect(try scenario.database().participant(email: scenario.participantAddress)?.status == .active, "nothing changes yet")

        try reply(scenario, to: question, name: "Alice Example", body: "Sí\n\nEl mar., 3 nov. 2026, OpenStack Mentoring escribió:\n> \(questionText.split(separator: "\n").first ?? "")")
        let done = try nextAnswer(scenario, after: 2)
        let doneText = try #require(done.textBody)
        #expect(doneText.contains("Tus datos se han borrado"), "\(doneText)")
        expectSpanish(done, "the erasure notice")
        #expect(!doneText.contains("Alice Example"))
        let person = try #require(try scenario.database().participant(email: scenario.participantAddress))
        #expect(person.status == .erased)
        #expect(person.profile == .erased)
    }
}
