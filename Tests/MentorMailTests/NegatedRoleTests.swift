import Foundation
import Mail
@testable import MentorMail
import Testing

/// A role the writer says they do not want ("a mentor, not a mentee") never counts.
@Suite struct NegatedRoleTests {
    let workflow = EnrollmentWorkflowTests()

    /// Finding: "I'd like to be a mentor, not a mentee" got the form back as "both".
    @Test func aNegatedRoleIsNotAskedFor() throws {
        let program = try ProcessorTests.Program()
        for (index, (body, role)) in [
            ("Hi! I'd like to be a mentor, not a mentee.", "mentor"),
            ("Hello, I'd like to join as a mentor rather than a mentee.", "mentor"),
            ("Please sign me up as mentor instead of mentee.", "mentor"),
            ("I'd like to join, not as a mentee but as a mentor.", "mentor"),
            ("I don't want a mentor, I want to be one.", "mentor"),
            ("I'd like to join as a mentee, not as a mentor.", "mentee"),
            ("Quiero participar como mentora, no como mentee.", "mentor"),
        ].enumerated() {
            let form = try #require(try workflow.exchange(program, workflow.mail(from: "p\(index)@example.net", subject: "Mentoring", body: body))
                .first?.textBody)
            #expect(form.contains("\nRole: \(role)\n") || form.contains("\nRol: \(ProfileWording(language: "es").role(role))\n"), "\(body): \(form)")
            #expect(!form.contains("\nRole: both\n") && !form.contains("\nRol: ambos\n"), "\(body): \(form)")
        }
    }

    @Test func theRoleReadersLeaveANegatedRoleOut() {
        #expect(JoinWords.role(in: "I'd like to be a mentor, not a mentee") == .mentor)
        #expect(JoinWords.role(in: "I'd like to join as a mentor rather than a mentee") == .mentor)
        #expect(JoinWords.role(in: "I'd like to join as mentor instead of mentee") == .mentor)
        #expect(JoinWords.role(in: "I want to join not as a mentee but as a mentor") == .mentor)
        #expect(JoinWords.role(in: "I don't want a mentor, I want to be one") == .mentor)
        #expect(JoinWords.role(in: "I'd like to join as a mentor and a mentee") == .both, "both, when both are asked for")
        #expect(JoinWords.role(in: "I'd like to help with mentoring rather than being a mentee") == nil)
        #expect(JoinWords.role(in: "No quiero una mentora, quiero ser una") == .mentor)
        #expect(ParticipantRole(answer: "mentor, not mentee") == .mentor)
        #expect(ParticipantRole(answer: "mentee rather than mentor") == .mentee)
        #expect(ParticipantRole(answer: "mentor and mentee") == .both)
    }
}
