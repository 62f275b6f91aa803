@testable import MentorMail
import Testing

/// Finding F2: Outlook's "Clarke, Emily" display name was used as written ("Hello Clarke, Emily,").
@Suite struct DisplayNameOrderTests {
    @Test func lastCommaFirstIsFirstLast() {
        #expect(NameCase.fromDisplay("Clarke, Emily", signedIn: "") == "Emily Clarke")
        #expect(NameCase.fromDisplay("van Dijk, Mia", signedIn: "") == "Mia van Dijk")
        #expect(NameCase.fromDisplay("Emily Clarke", signedIn: "") == "Emily Clarke")
        // Not a name in two parts: left as written.
        #expect(NameCase.fromDisplay("Clarke, Emily, PhD", signedIn: "") == "Clarke, Emily, PhD")
        #expect(NameCase.fromDisplay("Emily Clarke, PhD", signedIn: "") == "Emily Clarke, PhD")
        #expect(NameCase.fromDisplay("Smith, Jr.", signedIn: "") == "Smith, Jr.")
        #expect(NameCase.fromDisplay("Accounts, Dept 4", signedIn: "") == "Accounts, Dept 4")
    }

    @Test func theSignatureSaysTheOrder() {
        #expect(NameCase.fromDisplay("Nguyen, Van An", signedIn: "Hi,\nplease sign me up.\n\nNguyen Van An\n") == "Nguyen Van An")
        #expect(NameCase.fromDisplay("Clarke, Emily", signedIn: "Hello!\n\nBest,\nEmily Clarke\nACME Corp") == "Emily Clarke")
    }

    /// Through the program: the form greets "Emily Clarke" and fills in her name so.
    @Test func theFormGreetsTheNameInItsOrder() throws {
        let workflow = EnrollmentWorkflowTests()
        let program = try ProcessorTests.Program()
        let form = try #require(try workflow.exchange(program, workflow.mail(from: "\"Clarke, Emily\" <emily@example.net>", subject: "Mentoring",
                                                                             body: "Hi, I'd like a mentor please.\n\nEmily Clarke")).first)
        let text = try #require(form.textBody)
        #expect(text.hasPrefix("Hello Emily Clarke,"), "\(text)")
        #expect(text.contains("\nName: Emily Clarke\n"), "\(text)")
        #expect(form.to.first?.name == "Emily Clarke")
    }
}
