@testable import MentorMail
import Testing

/// Findings F4, F7, F8: ways to meet said without "prefer", and an apology listed as words we
/// could not place.
@Suite struct WaysAndCourtesyInWordsTests {
    let vocabulary = Config.Enrollment.default.vocabulary

    func interaction(_ text: String) -> String? { ProseSignup.read(text: text, vocabulary: vocabulary).interaction }

    @Test func waysSaidPlainlyAreRead() {
        #expect(interaction("Hi, I'm Jonas, I'd like to mentor in Swift. IRC or email.") == "irc, email")
        #expect(interaction("I can take 2 mentees. Email or video is fine.") == "email, video")
        #expect(interaction("Video works for me.") == "video")
        #expect(interaction("Passt so, danke! Am liebsten per Video.") == "video")
        // Not a way to meet: mail talked about, or a way in a longer sentence.
        #expect(interaction("I'll email you the details later.") == nil)
        #expect(interaction("Sending an email is fine too.") == nil)
        #expect(interaction("My email is fine, thanks.") == nil)
    }

    @Test func anApologyIsNoProfileWords() {
        let profile = ParticipantProfile(role: "mentee", name: "Kim Park", mentoringTypes: ["technical"], areas: ["horizon"],
                                         timeZone: "Asia/Seoul", languages: ["Korean"], interactions: ["email"], capacity: 0)
        for text in ["I'm a mentee, sorry if that wasn't clear.", "Sorry for the back and forth!", "Apologies for the confusion earlier."] {
            #expect(UnplacedSentences.read(newText: text, profile: profile, vocabulary: vocabulary).isEmpty, "\(text)")
        }
        #expect(UnplacedSentences.read(newText: "Sorry, I moved to Tokyo last week.", profile: profile, vocabulary: vocabulary)
            == ["I moved to Tokyo last week"], "an apology beside news is still the news")
    }
}
