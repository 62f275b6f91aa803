import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding: "BOB MARTIN" on the form, "ivy nguyen" in a From header or a coordinator's export
/// was kept as written, and every mail said "Hello BOB MARTIN". A name in one case is stored
/// tidied, so the record, the reports and every greeting say "Bob Martin".
@Suite struct NamesInOneCaseTests {
    let workflow = EnrollmentWorkflowTests()

    static let formWithoutName = EnrollmentWorkflowTests.form
        .split(separator: "\n").filter { !$0.hasPrefix("Name:") }.joined(separator: "\n")

    @Test func aNameInCapitalsOnTheFormIsStoredAndGreetedTidied() throws {
        let program = try ProcessorTests.Program()
        let form = EnrollmentWorkflowTests.form.replacingOccurrences(of: "Name: Ana Souza", with: "Name: BOB MARTIN")
        let answer = try #require(try workflow.exchange(program, workflow.mail(from: "bob@example.net", body: form)).first?.textBody)
        #expect(try program.database.participant(email: "bob@example.net")?.profile.name == "Bob Martin")
        #expect(answer.contains("Hello Bob Martin,"), "\(answer)")
        #expect(answer.contains("You are signed up."), "\(answer)")
        #expect(!answer.contains("BOB"), "\(answer)")
    }

    @Test func aFromNameInSmallLettersIsGreetedAndStoredTidied() throws {
        let program = try ProcessorTests.Program()
        let ivy = "ivy nguyen <ivy@example.net>"
        let signupForm = try #require(try workflow.exchange(program, workflow.mail(from: ivy, subject: "Mentoring",
                                                                                  body: "Hi, I'd like to join as a mentee.")).first)
        let text = try #require(signupForm.textBody)
        #expect(text.contains("Hello Ivy Nguyen,"), "\(text)")
        #expect(text.contains("Name: Ivy Nguyen"), "the form is filled in with the tidied name: \(text)")
        #expect(signupForm.to.map(\.name) == ["Ivy Nguyen"])

        let confirmation = try #require(try workflow.exchange(program, workflow.mail(from: ivy, body: Self.formWithoutName)).first?.textBody)
        #expect(try program.database.participant(email: "ivy@example.net")?.profile.name == "Ivy Nguyen")
        #expect(confirmation.contains("Hello Ivy Nguyen,"), "\(confirmation)")
        #expect(!confirmation.contains("ivy nguyen"), "\(confirmation)")
    }

    @Test func anImportedRowInSmallLettersIsWelcomedTidiedAndMixedCaseIsKept() throws {
        let program = try ProcessorTests.Program()
        let export = try FormExport.csv("""
            "Email Address","Your name","Are you signing up as a mentor or mentee?","What type of mentoring are you interested in?","Time zone or city","Languages you speak"
            "ivy@example.net","ivy nguyen","Mentee","Technical","Europe/Madrid","English"
            "mia@example.net","Mia van Dijk","Mentee","Technical","Europe/Amsterdam","Dutch"
            """, headerMap: [:])
        let report = try program.app.importFormExport(export, source: "signups.csv", now: program.now, dryRun: false)
        #expect(report.added == ["ivy@example.net", "mia@example.net"])
        #expect(try program.database.participant(email: "ivy@example.net")?.profile.name == "Ivy Nguyen")
        #expect(try program.database.participant(email: "mia@example.net")?.profile.name == "Mia van Dijk")
        _ = try program.run()
        let welcome = try #require(try program.sent().first(to: "ivy@example.net"))
        #expect(welcome.textBody?.contains("Hello Ivy Nguyen,") == true, "\(welcome.textBody ?? "")")
        #expect(welcome.to.map(\.name) == ["Ivy Nguyen"])
        let mia = try #require(try program.sent().first(to: "mia@example.net")?.textBody)
        #expect(mia.contains("Hello Mia van Dijk,"), "\(mia)")
    }
}
