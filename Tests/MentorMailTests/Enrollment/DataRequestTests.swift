import Foundation
import Mail
@testable import MentorMail
import Testing

/// A participant who asks to see the data we hold about them is answered at once with it:
/// their profile, how many of their messages we keep, their pairs, and how to change or delete it.
@Suite struct DataRequestTests {
    let workflow = EnrollmentWorkflowTests()

    func ask(_ text: String) throws -> (answer: String, record: InboundMessage) {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let answers = try workflow.exchange(program, workflow.mail(subject: "My data", body: text))
        let answer = try #require(answers.first { $0.to.map(\.normalized) == ["ana@example.net"] }?.textBody, "\(text)")
        return (answer, try #require(try program.database.inboundMessages().last { $0.sender == "ana@example.net" }))
    }

    /// Finding F-j: "what data do you hold about me?" from Bob only got "a person will answer".
    @Test(arguments: [("Hi, what data do you hold about me?", "delete my data", "2 message(s)"),
                      ("Can I get a copy of my data, please", "delete my data", "2 message(s)"),
                      ("Hola, ¿qué datos tenéis de mí?", "borrar mis datos", "2 mensaje(s)")])
    func aParticipantAskingWhatIsHeldIsAnsweredWithIt(_ text: String, _ delete: String, _ kept: String) throws {
        let (answer, record) = try ask(text)
        #expect(answer.contains("Nova") && answer.contains("weekday evenings") && answer.contains("America/Sao_Paulo"), "\(answer)")
        #expect(answer.contains(kept) && answer.contains(delete), "\(answer)")
        #expect(record.disposition == .answered, "\(record.rule ?? "") \(record.reason ?? "")")
    }

    /// A question beside it still reaches a coordinator, and the answer says so.
    @Test func aQuestionBesideItIsStillHeld() throws {
        let (answer, record) = try ask("What data do you hold about me? And when does the next round open?")
        #expect(answer.contains("Nova") && answer.contains("with the coordinators"), "\(answer)")
        #expect(record.disposition == .held, "\(record.rule ?? "") \(record.reason ?? "")")
    }

    /// Other talk of privacy is held as before.
    @Test func otherPrivacyTalkIsStillHeld() throws {
        let (_, record) = try ask("What do you do with my data under GDPR?")
        #expect(record.disposition == .held)
    }
}
