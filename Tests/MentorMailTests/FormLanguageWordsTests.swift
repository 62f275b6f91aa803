import Foundation
import Mail
@testable import MentorMail
import Testing

/// Every word of a languages line is read or named: a misspelt language is read as the one it
/// nearly spells and said so, a real language outside the usual list is kept as written, and a
/// word that names none is listed under what to fix, never dropped with a soft note.
@Suite struct FormLanguageWordsTests {
    let workflow = EnrollmentWorkflowTests()

    func signUp(languages: String, mailLanguage: String? = nil) throws -> (answer: String, person: Participant?) {
        let program = try ProcessorTests.Program()
        var form = EnrollmentWorkflowTests.form.replacingOccurrences(of: "Languages: Português, English", with: "Languages: \(languages)")
        if let mailLanguage { form += "\nMail language: \(mailLanguage)" }
        let answer = try #require(try workflow.exchange(program, workflow.mail(body: form)).first?.textBody)
        return (answer, try program.database.participant(email: "ana@example.net"))
    }

    /// Finding F-b: "Languages: Englsh, Hindi" was stored as Hindi only.
    @Test func aMisspeltLanguageIsReadAsTheOneItNearlySpells() throws {
        let (answer, person) = try signUp(languages: "Englsh, Hindi, Spansh, Portugese")
        #expect(person?.profile.languages == ["English", "Hindi", "Spanish", "Portuguese"], "\(String(describing: person?.profile))")
        #expect(person?.status == .active)
        #expect(answer.contains("We read “Englsh” as English.") && answer.contains("We read “Portugese” as Portuguese."), "\(answer)")
        #expect(!answer.contains("Not read as languages"), "\(answer)")
    }

    /// The same note in Spanish names the language in Spanish.
    @Test func theMisspellingIsNamedInSpanish() throws {
        let (answer, person) = try signUp(languages: "Englsh, español", mailLanguage: "español")
        #expect(person?.profile.languages == ["English", "Spanish"])
        #expect(answer.contains("Hemos leído «Englsh» como inglés."), "\(answer)")
    }

    /// Finding F-f: "English, Tagalog, Filipino" kept Tagalog, said it was not read, and dropped
    /// Filipino. Real languages outside the usual list are kept as written, and the two names of
    /// one language are matched with each other.
    @Test func realLanguagesOutsideTheUsualListAreKeptAsWritten() throws {
        let (answer, person) = try signUp(languages: "English, Tagalog, Filipino, Swahili, Yoruba, Cebuano")
        #expect(person?.profile.languages == ["English", "Tagalog", "Filipino", "Swahili", "Yoruba", "Cebuano"], "\(String(describing: person?.profile))")
        #expect(!answer.contains("Not read as languages") && !answer.contains("To fix"), "\(answer)")
        #expect(LanguageNames.matchable(["Filipino"]).contains("Tagalog") && LanguageNames.matchable(["Tagalog"]).contains("Filipino"))
        #expect(LanguageNames.englishName(for: "Alabama") == nil && LanguageNames.englishName(for: "Klingon") == nil, "a place, an invented language")
    }

    /// Finding (D-18): "Languages: Dutch, Klingon, Frisian" said Frisian was not understood.
    @Test func frisianIsALanguage() throws {
        let (answer, person) = try signUp(languages: "Dutch, Frisian")
        #expect(person?.profile.languages == ["Dutch", "Frisian"], "\(String(describing: person?.profile))")
        #expect(!answer.contains("To fix"), "\(answer)")
        #expect(LanguageNames.englishName(for: "Frysk") == "Frisian")
    }
}

extension FormLanguageWordsTests {
    /// Everyday answers are no misspelt language.
    @Test(arguments: ["none", "same", "both", "nothing", "Englishh Spanish", "fluent", "native", "basic", "whatever"])
    func anEverydayWordIsNoMisspelling(word: String) {
        #expect(LanguageNames.nearest(to: word) == nil, "\(word) → \(String(describing: LanguageNames.nearest(to: word)))")
    }
}
