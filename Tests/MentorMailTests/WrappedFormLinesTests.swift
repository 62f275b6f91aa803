import Foundation
import Mail
@testable import MentorMail
import Testing

/// Form lines as mail clients send them: a value wrapped onto the next line, a sign-off and a
/// signature after "About me". Through whole runs on a Maildir with a folder outbox.
@Suite struct WrappedFormLinesTests {
    let workflow = EnrollmentWorkflowTests()

    /// Finding: "Languages: English," with "Portuguese and German" on the next line was stored
    /// as English alone, and an indented continuation was dropped too, without a word.
    @Test(arguments: [
        "Languages: English,\nPortuguese and German",
        "Languages: English, Portuguese and\nGerman",
        "Languages: English, Portuguese\n   and German",
    ])
    func aListValueWrappedOntoTheNextLineIsReadWhole(languages: String) throws {
        let program = try ProcessorTests.Program()
        let form = """
            Role: mentee
            Name: Ana Souza
            Mentoring type: technical and
            career
            Areas: Nova, docs, bare metal
              provisioning
            Time zone: São Paulo
            \(languages)
            Interaction: IRC,
            video
            Availability: weekday evenings,
            Saturday mornings
            About me: I fixed a few doc bugs.
            """
        let answers = try workflow.exchange(program, workflow.mail(body: form))
        let person = try #require(try program.database.participant(email: "ana@example.net"))
        #expect(person.profile.languages == ["English", "Portuguese", "German"])
        #expect(person.profile.mentoringTypes == ["technical", "career"])
        #expect(person.profile.areas == ["nova", "documentation"])
        #expect(person.profile.freeTextAreas == ["bare metal provisioning"])
        #expect(person.profile.interactions == ["irc", "video"])
        #expect(person.profile.availability == "weekday evenings, Saturday mornings")
        #expect(person.profile.aboutMe == "I fixed a few doc bugs.")
        let text = try #require(answers.first?.textBody)
        #expect(text.contains("Languages: English, Portuguese, German"), "\(text)")
        #expect(!text.contains("did not recognise"), "\(text)")
    }

    /// A line after a value that does not go on (no comma or joining word, not indented) is
    /// not part of it, and neither is a form line after a comma.
    @Test func aLineAfterAClosedValueOrAFormLineAfterACommaStaysApart() {
        let parser = SignupFormParser(vocabulary: .openStackDefault)
        let form = parser.parse("Languages: English,\nInteraction: video\nTime zone: Madrid\nI hope this is fine.")
        #expect(form.languages == ["English"])
        #expect(form.interaction == [.video])
        #expect(form.timeZone != nil)
    }

    /// Finding: a Spanish form ending "Muchas gracias," and the name stored them in "About me",
    /// shown to the match. A closing and the lines after it, or a "-- " signature, are not.
    @Test(arguments: [
        ("Sobre mí: Contribuyo a la documentación.\n\nMuchas gracias,\nLucía", "Contribuyo a la documentación."),
        ("Sobre mí: Contribuyo a la documentación.\nMil gracias!\nLucía Gómez", "Contribuyo a la documentación."),
        ("About me: I contribute to docs.\n\nMany thanks,\nLucía", "I contribute to docs."),
        ("About me: I contribute to docs.\nThanks so much!\nLucía", "I contribute to docs."),
        ("About me: I contribute to docs.\n\n-- \nLucía Gómez\nDocs team", "I contribute to docs."),
    ])
    func aSignOffAndSignatureAfterAboutMeAreNotPartOfIt(aboutMe: String, expected: String) throws {
        let program = try ProcessorTests.Program()
        let form = """
            Rol: mentee
            Nombre: Lucía Gómez
            Tipo de mentoría: técnica
            Áreas: documentación
            Zona horaria: Madrid
            Idiomas: español, inglés
            Forma de contacto: email
            \(aboutMe)
            """
        let answers = try workflow.exchange(program, workflow.mail(from: "Lucía Gómez <lucia@example.net>", body: form))
        let person = try #require(try program.database.participant(email: "lucia@example.net"))
        #expect(person.profile.aboutMe == expected)
        let text = try #require(answers.first?.textBody)
        #expect(!text.contains("gracias,"), "\(text)")
        #expect(!text.contains("thanks") && !text.contains("Thanks"), "\(text)")
    }
}
