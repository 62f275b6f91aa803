import Foundation
@testable import MentorMail
import Testing

/// Finding F-6: "My languages: Englsh, Japanse." inside a first mail left Languages empty, while
/// "I speak Englsh" is read: misspelt languages after a label in a sentence are the languages
/// they nearly spell.
@Suite struct FirstMailMisspeltLanguagesTests {
    let workflow = EnrollmentWorkflowTests()

    @Test(arguments: [
        ("MENTOR\nKeystone.\nTokyo.\nMy languages: Englsh, Japanse. I like IRC.", "English, Japanese"),
        ("Hi, I'd like to be a mentee. Languages: Germn and Englsh. Berlin.", "German, English"),
        ("Hello! Mentor here, Nova. My languages are: Frnch, Englsh.", "French, English"),
    ])
    func misspeltLanguagesAfterALabelAreRead(body: String, languages: String) throws {
        let program = try ProcessorTests.Program()
        let form = try #require(try workflow.exchange(program, workflow.mail(from: "Naoko Sato <n5@example.jp>", subject: "join", body: body)).first?.textBody)
        #expect(form.contains("Languages: \(languages)\n") || form.contains("Languages: \(languages)\r\n"), "\(form)")
    }
}
