import Foundation
import Mail
@testable import MentorMail
import Testing

/// Form exports are read only from the coordinators' addresses; anyone else who attaches one
/// is told so in the answer to the rest of their mail.
@Suite struct UnreadExportTests {
    static let csv = "Timestamp,Email Address,Full name,Role,Mentoring type,Areas,Time zone,Languages,Interaction\r\n"
        + "2026/10/30 9:14:02 AM GMT+1,ben.carter@example.net,Ben Carter,Mentee,Technical,Nova,Europe/London,English,Email\r\n"

    func mail(from: String, subject: String, text: String, file: String = "Mentoring sign-ups (responses).csv") -> String {
        let encoded = Data(Self.csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
        return """
            Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r
            From: \(from)\r
            To: mentoring@example.org\r
            Subject: \(subject)\r
            Message-ID: <\(UUID().uuidString)@example.net>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(text)\r
            --b1\r
            Content-Type: text/csv; name="\(file)"\r
            Content-Disposition: attachment; filename="\(file)"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(encoded)\r
            --b1--\r
            """
    }

    /// Finding: a stranger's CSV was silently ignored; they got the sign-up form only.
    @Test func aStrangerIsToldTheExportWasNotRead() throws {
        let program = try ProcessorTests.Program()
        try program.arrive(mail(from: "Dana Ruiz <dana@example.net>", subject: "Our sign-ups", text: "Hi! Here are the people from our meetup."))
        let report = try program.run()
        #expect(report.problems.isEmpty)
        #expect(try program.database.participant(email: "ben.carter@example.net") == nil, "nothing imported")
        let answer = try #require(try program.sent().last)
        #expect(answer.to.map(\.normalized) == ["dana@example.net"])
        let text = try #require(answer.textBody)
        #expect(text.contains("To sign up, reply to this message"), "the rest of the mail is handled as usual")
        #expect(text.contains("You attached Mentoring sign-ups (responses).csv. Form exports are read only when a coordinator"), "\(text)")
        #expect(text.contains("(coordinator@example.org)"))
        let html = try #require(answer.leafParts.first { $0.contentType == "text/html" }?.decodedText())
        #expect(html.contains("Form exports are read only when a coordinator"))
    }

    /// A participant's export is not read either; their message is answered as usual.
    @Test func aParticipantIsToldTooAndTheirFormIsStillRead() throws {
        let program = try ProcessorTests.Program()
        try program.arrive(mail(from: "Ana Souza <ana@example.net>", subject: "Sign up", text: EnrollmentWorkflowTests.form))
        _ = try program.run()
        #expect(try program.database.participant(email: "ana@example.net")?.profile.name == "Ana Souza")
        #expect(try program.database.participant(email: "ben.carter@example.net") == nil)
        let answer = try #require(try program.sent().last)
        let text = try #require(answer.textBody)
        #expect(text.contains("You are signed up."))
        #expect(text.contains("Form exports are read only when a coordinator"), "\(text)")

        try program.arrive(mail(from: "Ana Souza <ana@example.net>", subject: "list", text: "", file: "friends.csv"))
        _ = try program.run()
        let second = try #require(try program.sent().last { $0.to.map(\.normalized) == ["ana@example.net"] }?.textBody)
        #expect(second.contains("You attached friends.csv."), "\(second)")
    }

    /// A coordinator's export is still imported, and their report says nothing of the kind.
    @Test func aCoordinatorsExportIsImported() throws {
        let program = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        try program.arrive(mail(from: "Coordinator <coordinator@example.org>", subject: "Sign-ups export", text: "This week's export."))
        _ = try program.run()
        #expect(try program.database.participant(email: "ben.carter@example.net")?.profile.name == "Ben Carter")
        let report = try #require(try program.sent().first { $0.to.map(\.normalized) == ["coordinator@example.org"] })
        #expect(report.textBody?.contains("Form exports are read only") == false)
    }
}
