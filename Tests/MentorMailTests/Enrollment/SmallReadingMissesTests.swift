@testable import MentorMail
import Testing

/// Small reading misses a tester found: ways to meet in Portuguese sentences, and a complaint
/// that the form already said it taken for profile words.
@Suite struct SmallReadingMissesTests {
    let vocabulary = Config.Enrollment.default.vocabulary

    /// Finding F-c: João's "Posso fazer chamadas de vídeo à noite" was not read as video.
    @Test func callsOneCanDoAreAWayToMeet() {
        func interaction(_ text: String) -> String? { ProseSignup.read(OwnText(text), vocabulary: vocabulary).interaction }
        #expect(interaction("Posso fazer chamadas de vídeo à noite.") == "video")
        #expect(interaction("I can do video calls at night.") == "video")
        #expect(interaction("Puedo hacer videollamadas por la noche.") == "video")
        #expect(interaction("I do most of my work at summits.") == nil, "doing is a way to meet only for calls")
        #expect(interaction("Não posso fazer chamadas de vídeo.") == nil)
    }

    /// Finding F-e: Dieter's "Das stand doch schon alles im Formular!" was listed as words we
    /// could not place.
    @Test func sayingTheFormAlreadySaidItIsNoProfileWords() {
        let profile = ParticipantProfile(role: "mentor", name: "Dieter", mentoringTypes: ["technical"], areas: ["Nova"],
                                         timeZone: "Europe/Berlin", languages: ["German"], interactions: ["email"], capacity: 2)
        for text in ["Hä? Das stand doch schon alles im Formular!", "But that was all in the form already!",
                     "¡Pero eso ya estaba todo en el formulario!"] {
            #expect(UnplacedSentences.read(newText: text, profile: profile, vocabulary: vocabulary).isEmpty, "\(text)")
        }
        let own = "My manager wants me to present at the next summit."
        #expect(UnplacedSentences.read(newText: own, profile: profile, vocabulary: vocabulary) == [String(own.dropLast())])
    }
}

