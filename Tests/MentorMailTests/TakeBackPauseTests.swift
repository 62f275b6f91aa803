import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding: a pause carried out at once, then "I don't want to pause": the answer said nothing
/// changed, and the person stayed paused.
@Suite struct TakeBackPauseTests {
    @Test func refusingAPauseAlreadyCarriedOutResumes() throws {
        let program = try ProcessorTests.Program()
        let tests = MailLanguageTests()
        _ = try tests.exchange(program, tests.mail(from: "Diego Ruiz <diego@example.net>", subject: "Sign-up", body: """
            Role: mentee
            Name: Diego Ruiz
            Mentoring type: technical
            Areas: Nova
            Time zone: Europe/Madrid
            Languages: English
            Interaction: email
            """))
        _ = try tests.exchange(program, tests.mail(from: "Diego Ruiz <diego@example.net>", subject: "Question", body: "pause please"))
        #expect(try program.database.participant(email: "diego@example.net")?.status == .paused)
        let answer = try tests.exchange(program, tests.mail(from: "Diego Ruiz <diego@example.net>", subject: "Re: pause",
                                                            body: "Sorry, ignore that, I don't want to pause!\n\nDiego"))
        #expect(try program.database.participant(email: "diego@example.net")?.status == .active)
        #expect(answer.textBody?.contains("Nothing has changed") == false, "\(answer.textBody ?? "")")
    }

    /// Finding: "I don't want to resume yet" under our answer to the pause was read from its
    /// Subject. The person stays paused, and the answer says nothing changed and how to resume.
    @Test(arguments: [
        ("I don't want to resume yet", EnrollmentWorkflowTests.form, "Nothing has changed: your participation stays paused", "write \"resume\""),
        ("Not yet, I'll write when I'm back.", EnrollmentWorkflowTests.form, "Nothing has changed: your participation stays paused", "write \"resume\""),
        ("No quiero reanudar todavía.", MailLanguageTests.spanishForm, "No ha cambiado nada: tu participación sigue en pausa",
         "escribe \"reanudar\""),
    ])
    func puttingOffResumingUnderThePauseAnswerStaysPaused(body: String, form: String, unchanged: String, howToResume: String) throws {
        let program = try ProcessorTests.Program()
        let tests = MailLanguageTests()
        _ = try tests.exchange(program, tests.mail(from: "Diego Ruiz <diego@example.net>", subject: "Sign-up", body: form))
        let paused = try tests.exchange(program, tests.mail(from: "Diego Ruiz <diego@example.net>", subject: "pause", body: "pause"))
        #expect(try program.database.participant(email: "diego@example.net")?.status == .paused)
        let answer = try tests.exchange(program, tests.mail(from: "Diego Ruiz <diego@example.net>", subject: "Re: \(paused.subject ?? "")",
                                                            body: "\(body)\n\nDiego"))
        #expect(try program.database.participant(email: "diego@example.net")?.status == .paused)
        let text = EnrollmentText.collapse(answer.textBody ?? "")
        #expect(text.contains(unchanged) && text.contains(howToResume), "\(answer.textBody ?? "")")
    }
}
