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

    /// Finding F5: Carmen's Spanish form showed "Áreas: documentation" although she wrote
    /// "documentación", as her later confirmation showed it.
    @Test func areaNamesAreInTheFormsLanguage() throws {
        let program = try ProcessorTests.Program()
        let carmen = "Carmen Ruiz <carmen@example.co>"
        let body = "Hola, soy Carmen y me gustaría ser mentora. Me interesa la documentación y la traducción."
        let form = try #require(try workflow.exchange(program, workflow.mail(from: carmen, subject: "Mentoría", body: body)).first?.textBody)
        #expect(form.contains("\nÁreas: documentación, traducción\n"), "\(form)")
        let quoted = form.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        _ = try workflow.exchange(program, workflow.mail(from: carmen, subject: "Re: Mentoría", body: "Perfecto.\n\n" + quoted))
        #expect(try program.database.participant(email: "carmen@example.co")?.profile.areas == ["documentation", "i18n"])
    }
}
