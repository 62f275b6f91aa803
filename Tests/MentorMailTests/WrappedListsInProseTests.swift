import Foundation
import Mail
@testable import MentorMail
import Testing

/// A list in a first message's sentences that a mail client wrapped onto the next line is
/// read whole into the sign-up form sent back.
@Suite struct WrappedListsInProseTests {
    let workflow = EnrollmentWorkflowTests()
    let vocabulary = Config.Enrollment.default.vocabulary

    func line(_ label: String, in form: String) -> String? {
        form.split(separator: "\n").first { $0.hasPrefix(label + ":") }.map(String.init)
    }

    /// Finding: "I speak English,⏎Portuguese and German" came back as "Languages: English", and
    /// "my areas are Nova, Swift,⏎and documentation" without documentation.
    @Test func aListWrappedOntoTheNextLineIsReadWhole() throws {
        let program = try ProcessorTests.Program()
        let first = try #require(try workflow.exchange(program, workflow.mail(from: "lea@example.net", subject: "Mentoring", body: """
            Hi, I'd like to be a mentee. I speak English,
            Portuguese and German.
            """)).first?.textBody)
        #expect(line("Languages", in: first) == "Languages: English, Portuguese, German", "\(first)")

        let second = try #require(try workflow.exchange(program, workflow.mail(from: "max@example.net", subject: "Mentoring", body: """
            Hello! I'd love to mentor. My areas are Nova, Swift,
            and documentation. I speak English
            and Spanish, and I prefer video calls or
            email.
            """)).first?.textBody)
        let areas = try #require(line("Areas", in: second), "\(second)")
        #expect(["Nova", "Swift", "ocumentation"].allSatisfy(areas.contains), "\(areas)")
        #expect(line("Languages", in: second) == "Languages: English, Spanish", "\(second)")
        #expect(line("Interaction", in: second) == "Interaction: video, email", "\(second)")
    }

    /// A line that ends its sentence, or a next line that starts one, is not joined.
    @Test func linesThatEndTheirSentenceStayApart() {
        let found = ProseSignup.read(text: "I speak English.\nGerman colleagues helped me with Nova.", vocabulary: vocabulary)
        #expect(found.languages == "English", "\(found)")
        let wrapped = ProseSignup.read(text: "Ich spreche Deutsch,\nEnglisch und Französisch.", vocabulary: vocabulary)
        #expect(wrapped.languages == "German, English, French", "\(wrapped)")
    }
}
