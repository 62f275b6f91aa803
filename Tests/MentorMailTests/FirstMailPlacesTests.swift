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
}
