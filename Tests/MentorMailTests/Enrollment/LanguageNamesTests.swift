import Testing
#if canImport(Enrollment)
@testable import Enrollment
#else
@testable import MentorMail
#endif

@Suite struct LanguageNamesTests {
    @Test(arguments: [
        ("en", "English"), ("English", "English"), ("ENGLISH", "English"), ("Español", "Spanish"),
        ("espanol", "Spanish"), ("Spanish", "Spanish"), ("es", "Spanish"), ("Deutsch", "German"),
        ("Português", "Portuguese"), ("中文", "Chinese"), ("Chinese", "Chinese"), ("Mandarin", "Mandarin"), ("Cantonese", "Cantonese"),
        ("Français", "French"), ("日本語", "Japanese"), ("한국어", "Korean"), ("Русский", "Russian"),
        ("हिन्दी", "Hindi"), ("Farsi", "Persian"), ("Castellano", "Spanish"), ("Bengali", "Bengali"),
        ("Norsk bokmål", "Norwegian"), ("Euskara", "Basque"), ("Català", "Catalan"), ("ENG", "English"),
    ])
    func oneLanguage(text: String, name: String) {
        #expect(LanguageNames.englishName(for: text) == name)
    }

    @Test func listsWithQualifiers() {
        let read = LanguageNames.read("English (fluent), native Spanish; some Deutsch and pt")
        #expect(read.languages == ["English", "Spanish", "German", "Portuguese"])
        #expect(read.unknown.isEmpty)
    }

    @Test func codesCountOnlyAsWholeItems() {
        #expect(LanguageNames.read("it is fine").languages.isEmpty)
        #expect(LanguageNames.read("español por favor").languages == ["Spanish"])
        #expect(LanguageNames.read("it, de").languages == ["Italian", "German"])
    }

    @Test func unknownLanguagesAreReported() {
        let read = LanguageNames.read("English, Klingon")
        #expect(read.languages == ["English"])
        #expect(read.unknown == ["Klingon"])
        let form = SignupFormParser(vocabulary: .openStackDefault).parse("Languages: Klingon")
        #expect(form.problems.contains { $0.field == .languages && $0.message.contains("Klingon") })
    }

    /// Finding: "Idiomas: português, espanhol, inglês" gave "Not read as languages: espanhol".
    @Test func languageNamesInPortugueseItalianFrenchAndGerman() {
        let read = LanguageNames.read("português, espanhol, inglês")
        #expect(read.languages == ["Portuguese", "Spanish", "English"] && read.unknown.isEmpty, "\(read)")
        for (text, name) in [("alemão", "German"), ("francês", "French"), ("italiano", "Italian"), ("chinês", "Chinese"),
                             ("japonês", "Japanese"), ("russo", "Russian"), ("coreano", "Korean"), ("holandês", "Dutch"),
                             ("portoghese", "Portuguese"), ("coréen", "Korean"), ("néerlandais", "Dutch"), ("koreanisch", "Korean"),
                             ("niederländisch", "Dutch"), ("polonês", "Polish"), ("árabe", "Arabic"), ("castelhano", "Spanish")] {
            #expect(LanguageNames.englishName(for: text) == name, "\(text)")
        }
        #expect(ProseSignup.read(text: "Falo português, espanhol e inglês.", vocabulary: .openStackDefault).languages == "Portuguese, Spanish, English")
    }
}
