import Foundation
import Mail
@testable import MentorMail
import Testing

/// A participant's wishes in sentences in any of the community's languages: the mail language,
/// a capacity, a role; courtesy beside them is no unplaced words, and the answer is in the
/// mail's language throughout.
@Suite struct MailLanguageInWordsTests {
    let workflow = EnrollmentWorkflowTests()

    func signedUp(_ body: String = EnrollmentWorkflowTests.form) throws -> ProcessorTests.Program {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: body))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active)
        return program
    }

    func answer(_ program: ProcessorTests.Program, subject: String = "Hola", _ body: String) throws -> String {
        let answers = try workflow.exchange(program, workflow.mail(subject: subject, body: body))
        try #require(answers.count == 1, "one answer, got \(answers.count)")
        return try #require(answers[0].textBody)
    }

    /// Finding (demo): "Gracias por la respuesta." beside a change was listed as unplaced words.
    @Test func thanksBesideAChangeAreNoUnplacedWords() throws {
        for thanks in ["Thanks for your reply.", "Gracias por la respuesta.", "Merci pour votre réponse.", "Danke für die Antwort."] {
            let program = try signedUp()
            let text = try answer(program, "\(thanks)\n\nInteraction: email")
            #expect(!text.contains("could not place") && !text.contains("No hemos podido situar"), "\(thanks): \(text)")
        }
    }

    static let mentorForm = EnrollmentWorkflowTests.form.replacingOccurrences(of: "Role: mentee", with: "Role: mentor") + "\nCapacity: 2"

    /// Findings F-g, F-q: a capacity in a Spanish or Portuguese sentence was not read.
    @Test func aCapacityInSentencesInOtherLanguages() throws {
        let sentences: [(String, Int)] = [
            ("Hola, en realidad solo puedo tomar una mentorada este trimestre.", 1),
            ("Olá! Posso ter 3 mentorados.", 3),
            ("Bonjour, je peux prendre une personne ce trimestre.", 1),
            ("Hallo, ich kann dieses Mal nur eine Person betreuen.", 1),
        ]
        for (sentence, capacity) in sentences {
            let program = try signedUp(Self.mentorForm)
            let text = try answer(program, sentence)
            #expect(try program.database.participant(email: "ana@example.net")?.profile.capacity == capacity, "\(sentence): \(text)")
        }
    }

    /// Finding F-g: "Estado de tu participación: active." The status is in the mail's language.
    @Test func theStatusWordIsInTheMailsLanguage() throws {
        let program = try signedUp(MailLanguageTests.spanishForm)
        let answers = try workflow.exchange(program, workflow.mail(subject: "Hola", body: "Hola, buenos días, saludos a todo el equipo de mentoría."))
        let text = try #require(answers.first?.textBody)
        #expect(text.contains("Estado de tu participación: activa"), "\(text)")
    }

    /// Finding (demo): "Prefiero recibir vuestros correos en español a partir de ahora" was
    /// listed as words we could not place; a wish in a sentence is a choice, as the line is.
    @Test func aMailLanguageWishInASentenceIsAChoice() throws {
        let wishes: [(String, String, String)] = [
            ("Hola:\n\nPrefiero recibir vuestros correos en español a partir de ahora.\n\nLucía", "es", "Idioma del correo: español"),
            ("Hi, please write to me in Spanish.", "es", "Idioma del correo: español"),
            ("Could you send me the emails in French?", "fr", "Mail language: French"),
            ("Bonjour, je préfère recevoir les mails en français.", "fr", "Mail language: French"),
        ]
        for (body, code, line) in wishes {
            let program = try signedUp()
            let text = try answer(program, body)
            let profile = try #require(try program.database.participant(email: "ana@example.net")?.profile)
            #expect(profile.mailLanguage == code && profile.mailLanguageChosen == true, "\(body)")
            #expect(text.contains(line), "\(body): \(text)")
            #expect(!text.contains("could not place") && !text.contains("No hemos podido situar"), "\(text)")
        }
    }

    /// Speaking a language, or writing about mail, is no wish for our mail in it.
    @Test func speakingALanguageIsNoMailLanguage() throws {
        let program = try signedUp()
        _ = try answer(program, "I can take two mentees, and I speak Spanish too.")
        _ = try answer(program, "I got your mail in my spam folder, sorry for the delay!")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.mailLanguageChosen != true)
    }

    /// The demo's mail: the sentence and the line both, and thanks.
    @Test func theDemoMailLanguageMail() throws {
        let program = try signedUp()
        let text = try answer(program, "Hola:\n\nGracias por la respuesta. Prefiero recibir vuestros correos en español a partir de ahora.\n\n"
                                       + "Idioma del correo: español\n\nLucía")
        #expect(text.contains("Idioma del correo: español"), "\(text)")
        #expect(!text.contains("No hemos podido situar"), "\(text)")
    }

    /// The summary's "Mail language:" line is read back as the same choice.
    @Test func theSummaryLineReadsBackTheSame() throws {
        let program = try signedUp()
        let text = try answer(program, "Hi, please write to me in Spanish from now on.")
        let line = try #require(text.split(separator: "\n").first { $0.contains("Idioma del correo:") })
        let again = try answer(program, String(line).trimmingCharacters(in: .whitespaces))
        #expect(again.contains("No ha cambiado nada") || again.contains("Nothing changed"), "\(again)")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.mailLanguage == "es")
    }

    /// Finding F-i: a mentee becoming a mentor in French words, with a capacity.
    @Test func aRoleChangeInFrenchSentences() throws {
        let program = try signedUp()
        let text = try answer(program, subject: "Changement",
                              "Bonjour, finalement je préfère être mentor plutôt que mentorée. Je peux prendre une personne.")
        let profile = try #require(try program.database.participant(email: "ana@example.net")?.profile)
        #expect(profile.role == "mentor" && profile.capacity == 1, "\(text)")
        // A role beside the one held is both.
        _ = try answer(program, subject: "Encore", "Je voudrais aussi être mentorée, s'il vous plaît.")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.role == "both")
    }
}
