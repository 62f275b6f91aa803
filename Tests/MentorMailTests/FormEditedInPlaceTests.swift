import Foundation
import Mail
@testable import MentorMail
import Testing

/// A reply that fills in our form in place, without quoting it, carries our own sentences: they
/// are ours (the mail it answers has them), never "words of yours we could not place"; neither
/// is a line that only says the form is filled in.
@Suite struct FormEditedInPlaceTests {
    let pairLife = PairLifeTests()

    /// Finding F-c: Mei's answer listed "Thank you for writing to …", "Keep one answer per
    /// line" and "Write to the coordinators: …" as her words; Chloé's "Voilà, j'ai rempli le
    /// formulaire" too.
    @Test func ourFormTextAndCourtesyAreNoUnplacedWords() throws {
        let program = try ProcessorTests.Program()
        let form = try pairLife.signupForm(program, from: "Mei Chen <mei@example.net>", address: "mei@example.net")
        let answers = ["Role:": "Role: mentee", "Mentoring type:": "Mentoring type: technical", "Areas:": "Areas: Nova",
                       "Time zone:": "Time zone: Asia/Shanghai", "Languages:": "Languages: Chinese, English", "Interaction:": "Interaction: email"]
        let edited = (form.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            answers.first { line.hasPrefix($0.key) }?.value ?? String(line)
        }
        let body = (["Voilà, j'ai rempli le formulaire.", "Here is my form.", ""] + edited).joined(separator: "\r\n")
        try pairLife.reply(program, from: "Mei Chen <mei@example.net>", to: form, body)
        _ = try program.run()
        let person = try #require(try program.database.participant(email: "mei@example.net"))
        #expect(person.status == .active && person.profile.languages == ["Chinese", "English"], "\(person.profile)")
        let answer = try #require(try pairLife.last(to: "mei@example.net", program).textBody)
        #expect(!answer.contains("could not place"), "\(answer)")
    }

    /// The person's own sentence beside our text is still said back.
    @Test func theirOwnSentenceIsStillSaidBack() throws {
        let program = try ProcessorTests.Program()
        let form = try pairLife.signupForm(program, from: "Mei Chen <mei@example.net>", address: "mei@example.net")
        let edited = (form.textBody ?? "").replacingOccurrences(of: "Role: (mentor, mentee, or both)", with: "Role: mentee")
        try pairLife.reply(program, from: "Mei Chen <mei@example.net>", to: form,
                           "My manager wants me to present at the next summit in Vancouver.\r\n\r\n" + edited)
        _ = try program.run()
        let answer = try #require(try pairLife.last(to: "mei@example.net", program).textBody)
        #expect(answer.contains("My manager wants me to present at the next summit"), "\(answer)")
        #expect(!answer.contains("Keep one answer per line"), "\(answer)")
    }
}
