import Foundation
@testable import MentorMail
import Testing

/// Finding F-1: "I had a mentor once and it changed my career" pre-filled "Mentoring type:
/// career". A kind of mentoring is read where the writer asks for or offers it, not from a
/// story of their past.
@Suite struct FirstMailStoryOfThePastTests {
    let workflow = EnrollmentWorkflowTests()
    let vocabulary = Config.Enrollment.default.vocabulary

    @Test func aStoryAboutACareerFillsInNoKindOfMentoring() throws {
        let program = try ProcessorTests.Program()
        let answers = try workflow.exchange(program, workflow.mail(from: "Omar Haddad <omar@example.net>", subject: "question",
            body: "Hi, I had a mentor once and it changed my career. How long does the program last?"))
        for answer in answers {
            #expect(!(answer.textBody ?? "").contains("Mentoring type: career"), "\(answer.textBody ?? "")")
        }
    }

    @Test(arguments: ["I had a mentor once and it changed my career.", "My mentor helped my career a lot years ago.",
                      "Tuve una mentora hace años y cambió mi carrera.", "J'ai eu un mentor qui a changé ma carrière.",
                      "Ich hatte einmal eine Mentorin, das hat meine Karriere verändert."])
    func theKindIsNotReadFromThePast(text: String) {
        #expect(ProseSignup.read(text: text, vocabulary: vocabulary).mentoringType == nil, "\(text)")
    }

    @Test(arguments: ["I'd like career mentoring.", "I had a mentor once; now I'd like career mentoring.",
                      "Me gustaría mentoría de carrera.", "Looking for help with my career."])
    func theKindAskedForIsStillRead(text: String) {
        #expect(ProseSignup.read(text: text, vocabulary: vocabulary).mentoringType == "career", "\(text)")
    }
}
