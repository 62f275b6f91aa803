import Foundation
@testable import MentorMail
import Testing

/// Where the writer lives and the kind of mentoring they want, said in sentences in several languages.
@Suite struct ProsePlacesAndKindsTests {
    let vocabulary = Config.Enrollment.default.vocabulary

    func read(_ text: String) -> ProseSignup { ProseSignup.read(OwnText(text), vocabulary: vocabulary) }

    /// Finding: "J'habite à Paris" and "soy de Ciudad de México" gave no time zone.
    @Test(arguments: [("J'habite à Paris.", "Paris"), ("Je vis à Lyon et je parle français.", "Lyon"),
                      ("Hola, soy de Ciudad de México.", "Ciudad de México"), ("Moro no Rio de Janeiro.", "Rio de Janeiro"),
                      ("Ich lebe in München.", "München"), ("I live in Buenos Aires.", "Buenos Aires"), ("I'm in Munich. Languages: German.", "Munich"),
                      ("Je suis basée à Montréal.", "Montréal")])
    func aPlaceInSentences(text: String, place: String) {
        #expect(read(text).timeZone == place, "\(read(text))")
    }

    /// Finding: "je cherche du mentorat de carrière" and "Technisches Mentoring" gave no kind.
    @Test(arguments: [("Je cherche du mentorat de carrière.", "career"), ("Technisches Mentoring, bitte.", "technical"),
                      ("Busco mentoría técnica y de carrera.", "technical, career"), ("Quero mentoria de carreira.", "career"),
                      ("J'aimerais un mentorat technique.", "technical"), ("Ich suche Karriere-Mentoring.", "career")])
    func aKindInSentences(text: String, kind: String) {
        #expect(read(text).mentoringType == kind, "\(read(text))")
    }

    /// A place in passing or a word inside another is none.
    @Test func notEveryCapitalOrKindIsOne() {
        #expect(read("J'ai rencontré Ana à Paris.").timeZone == nil)
        #expect(read("Je suis de Garde ce soir.").timeZone == nil)
        #expect(read("I am technically new here.").mentoringType == nil)
    }
}
