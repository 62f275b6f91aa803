import Foundation
import Mail
@testable import MentorMail
import Testing

/// The sign-up form sent back is filled in in its own language.
@Suite struct PrefillInTheFormsLanguageTests {
    let workflow = EnrollmentWorkflowTests()

    /// Finding: the Spanish form said "Tipo de mentoría: technical" and "Idiomas: Spanish", the
    /// confirmation later "técnica" and "español".
    @Test func theSpanishFormIsFilledInInSpanishAndReadBack() throws {
        let program = try ProcessorTests.Program()
        let diego = "Diego Ruiz <diego@example.mx>"
        let form = try #require(try workflow.exchange(program, workflow.mail(from: diego, subject: "Mentoría", body: """
            Hola, me gustaría ser mentee. Busco mentoría técnica en Nova. Hablo español e inglés y prefiero videollamadas.
            """)).first?.textBody)
        for line in ["Tipo de mentoría: técnica", "Idiomas: español, inglés", "Forma de contacto: vídeo"] {
            #expect(form.contains("\n\(line)\n"), "\(line) in \(form)")
        }
        #expect(!form.contains("technical") && !form.contains("Spanish"), "\(form)")
        let quoted = form.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        _ = try workflow.exchange(program, workflow.mail(from: diego, subject: "Re: Mentoría", body: "Zona horaria: America/Mexico_City\n\n" + quoted))
        let person = try #require(try program.database.participant(email: "diego@example.mx"))
        #expect(person.profile.mentoringTypes == ["technical"] && person.profile.languages == ["Spanish", "English"])
        #expect(person.profile.interactions == ["video"] && person.status == .active)
    }
}
