import Foundation
import Mail
@testable import MentorMail
import Testing

/// Answers to the sign-up form written as a sentence under it ("Role mentee, technical, areas
/// Nova, time zone Lagos, English.") are read for every field the form has: a label followed by
/// its value, and a clause that only names languages.
@Suite struct FormAnswersInProseTests {
    let pairLife = PairLifeTests()

    /// Finding F-e: Sam's answer kept role, kind and areas but asked again for the time zone and
    /// the languages he had written.
    @Test func labelThenValueInASentenceIsRead() throws {
        let program = try ProcessorTests.Program()
        let form = try pairLife.signupForm(program, from: "Sam Okafor <sam@example.net>", address: "sam@example.net")
        let quoted = (form.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\r\n")
        try pairLife.reply(program, from: "Sam Okafor <sam@example.net>", to: form,
                           "ok thanks. Role mentee, technical, areas Nova, time zone Lagos, English.\r\n\r\n" + quoted)
        _ = try program.run()
        let person = try #require(try program.database.participant(email: "sam@example.net"))
        #expect(person.profile.role == "mentee" && person.profile.areas == ["nova"], "\(person.profile)")
        #expect(person.profile.timeZone == "Africa/Lagos" && person.profile.languages == ["English"], "\(person.profile)")
        #expect(person.status == .active)
        let answer = try #require(try pairLife.last(to: "sam@example.net", program).textBody)
        #expect(!answer.contains("To fix") && !answer.contains("could not place"), "\(answer)")
    }

    /// The same in Spanish labels ("zona horaria Lima, idiomas español").
    @Test func spanishLabelsInASentenceAreRead() {
        let read = ProseSignup.read(text: "Vale. Rol mentee, zona horaria Lima, idiomas español y portugués, capacidad 2.",
                                    vocabulary: Config.Enrollment.default.vocabulary)
        #expect(read.timeZone == "Lima" && read.languages == "Spanish, Portuguese" && read.capacity == "2", "\(read)")
    }

    /// A sentence about a field is no answer to it.
    @Test func aSentenceAboutAFieldIsNoValue() {
        let read = ProseSignup.read(text: "Availability is tight in December. Role models matter to me.",
                                    vocabulary: Config.Enrollment.default.vocabulary)
        #expect(read.availability == nil && read.role == nil, "\(read)")
    }
}
