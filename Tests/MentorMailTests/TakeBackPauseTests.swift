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
}
