import Foundation
@testable import MentorMail
import Testing

/// A first message in sentences: what it says fills in the sign-up form, and only what the
/// form reader would understand as an answer.
@Suite struct ProseSignupTests {
    let vocabulary = Config.Enrollment.default.vocabulary

    func read(_ text: String) -> ProseSignup { ProseSignup.read(OwnText(text), vocabulary: vocabulary) }

    /// Finding: "Volunteering as a mentor … I can take two mentees … Berlin … English and
    /// German" got the empty form back.
    @Test func aMentorsIntroductionFillsTheForm() {
        let found = read("""
            Hello,

            I have been a Nova core for 5 years and would love to mentor people. I can take two mentees. \
            I am in Berlin, speak English and German, and prefer video calls or email.

            Alice Schmidt
            """)
        #expect(found == ProseSignup(areas: "Nova", timeZone: "Berlin", languages: "English, German", interaction: "video, email",
                                     capacity: "2", mentoringType: nil, role: "mentor"), "\(found)")
        #expect(JoinWords.role(in: "I have been a Nova core for 5 years and would love to mentor people.") == .mentor)
        #expect(JoinWords.role(in: "I have been a Nova core for years and my colleague would love to mentor people.") == nil)
        #expect(JoinWords.role(in: "Volunteering as a mentor") == .mentor)
    }

    /// Finding G1: "video calls preferred" names the way to meet before the word of preferring.
    @Test(arguments: [("Technical mentoring please, video calls preferred.", "video"), ("Email preferably.", "email"),
                      ("Videollamadas preferiblemente.", "video"), ("IRC not preferred.", nil)])
    func waysBeforeAWordOfPreferring(text: String, ways: String?) {
        #expect(read(text).interaction == ways, "\(read(text))")
    }

    @Test func aMenteesIntroductionFillsTheForm() {
        let found = read("Hi! I'm new to OpenStack and looking for technical help with Neutron and upstream training. "
                         + "I live in São Paulo and speak Portuguese and a little English. IRC is best for me, I prefer IRC or chat.")
        #expect(found.areas == "Neutron, upstream training", "\(found)")
        #expect(found.timeZone == "São Paulo")
        #expect(found.languages == "Portuguese, English")
        #expect(found.interaction == "irc, chat")
        #expect(found.mentoringType == "technical")
        #expect(found.capacity == nil)
    }

    /// Words that only look like answers fill in nothing.
    @Test func nothingIsGuessed() {
        #expect(read("Hello, how do I join? I read about it in English on the blog.").isEmpty)
        #expect(read("I'm from the Nova team, can you send me the form?").timeZone == nil)
        #expect(read("We need to improve our design and testing.").areas == nil, "plain lower-case words name no area")
        #expect(read("I spoke to Maria about it in Vancouver.").isEmpty, "where something happened is not where they live")
        #expect(read("Soy de Bogotá y hablo español.") == ProseSignup(timeZone: "Bogotá", languages: "Spanish"))
        #expect(read("I sent an email yesterday.").interaction == nil)
        // Negations and comparisons (found by a tester).
        #expect(read("I don't speak German.").languages == nil)
        #expect(read("I can't speak German yet, only English.").languages == nil)
        #expect(read("I don't prefer IRC, email is fine.").interaction == nil)
        #expect(read("I prefer email over IRC.").interaction == "email")
        #expect(read("I'd prefer video rather than IRC.").interaction == "video")
        #expect(read("I prefer to meet by video, not IRC.").interaction == "video")
        #expect(read("I would like help with documentation and translation.").areas == "documentation, i18n")
        #expect(read("Me interesa la documentación y prefiero videollamadas.") == ProseSignup(areas: "documentation", interaction: "video"))
        #expect(read("Ich bevorzuge Videoanrufe.").interaction == "video")
        #expect(read("I deploy with OpenStack-Ansible and Kolla.").areas == "OpenStack-Ansible, Kolla")
    }
}
