import Foundation
import Mail
@testable import MentorMail
import Testing

/// A first mail in sentences comes back as a form filled in with what it said: the place the
/// writer is in is their time zone, never a community area, and every language they speak is kept.
@Suite struct FirstMailPlacesTests {
    let workflow = EnrollmentWorkflowTests()

    /// Finding F-d: "im in Manila, I speak English and Tagalog, interested in Horizon" came back
    /// with "Areas: Manila, Horizon" and "Languages: English".
    @Test func theCityTheWriterIsInIsNoAreaAndEveryLanguageIsKept() throws {
        let program = try ProcessorTests.Program()
        let body = "hi i want to join as a mentee. im in Manila, I speak English and Tagalog, interested in Horizon, prefer chat"
        let form = try #require(try workflow.exchange(program, workflow.mail(from: "ivy nguyen <ivy@example.net>", subject: "join", body: body))
            .first?.textBody)
        #expect(form.contains("Areas: Horizon\n") || form.contains("Areas: Horizon\r\n"), "\(form)")
        #expect(form.contains("Languages: English, Tagalog"), "\(form)")
        #expect(form.contains("Time zone: Manila"), "\(form)")
    }

    /// Finding: "I speek Englsh and Hindi" came back as "Languages: Hindi", and "I speak Swahili,
    /// Kiswahili, Portugese and Frensh" lost all but Swahili, without a word.
    @Test func misspeltLanguagesInAFirstMailAreReadAsTheOnesTheyNearlySpell() throws {
        let program = try ProcessorTests.Program()
        let first = try #require(try workflow.exchange(program, workflow.mail(from: "Priya Raman <priya@example.in>", subject: "join",
                                                                              body: "Hi, I'd like a mentor. I speek Englsh and Hindi.")).first?.textBody)
        #expect(first.contains("Languages: English, Hindi"), "\(first)")
        let second = try #require(try workflow.exchange(program, workflow.mail(from: "Amani Otieno <amani@example.ke>", subject: "join",
                                                                               body: "Hello, I want to be a mentee. I speak Swahili, Kiswahili, Portugese and Frensh.")).first?.textBody)
        #expect(second.contains("Languages: Swahili, Portuguese, French"), "\(second)")
    }
}
