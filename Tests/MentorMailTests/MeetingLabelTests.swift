import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding D-7: "Via: video" was kept "as written" while the answer said "Interaction: email
/// (not given: assumed)". A line of the person's own whose label is no form label but whose
/// value names ways to meet gives them; short labels are still never read as another label.
@Suite struct MeetingLabelTests {
    let workflow = EnrollmentWorkflowTests()

    @Test(arguments: [("Via: video", ["video"]), ("Meet: IRC, email", ["irc", "email"]), ("Contact: chat", ["chat"]),
                      ("Channel: video calls", ["video"])])
    func aShortLabelNamingWaysToMeetGivesThem(line: String, ways: [String]) throws {
        let program = try ProcessorTests.Program()
        let body = "Role: mentee\nName: Tomasz Nowak\nType: career\nTZ: Europe/Warsaw\nLang: PL, EN\n\(line)\nTime: evenings CET\n"
            + "Note: I am J. R. R. Tolkien fan, lol"
        let answer = try #require(try workflow.exchange(program, workflow.mail(from: "Tomasz Nowak <tomasz@example.pl>", subject: "form", body: body))
            .first?.textBody)
        let tomasz = try #require(try program.database.participant(email: "tomasz@example.pl"))
        #expect(tomasz.profile.interactions == ways, "\(answer)")
        #expect(!answer.contains("assume"), "\(answer)")
        #expect(tomasz.profile.mentoringTypes == ["career"] && tomasz.profile.timeZone == "Europe/Warsaw", "\(answer)")
        #expect((tomasz.profile.availability ?? "").isEmpty, "Time: is not read as another label: \(answer)")
    }

    @Test func aShortLabelWhoseValueNamesNoWayIsKeptAsWritten() throws {
        let form = SignupFormParser(vocabulary: .openStackDefault).parse("Role: mentee\nVia: my manager\nTime: evenings")
        #expect(form.interaction == [.email] && form.notes.contains(.assumedEmail))
        #expect(form.unknownFields.map(\.key) == ["Via", "Time"])
    }
}
