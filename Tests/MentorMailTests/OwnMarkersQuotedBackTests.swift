import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding D-17: our own "(missing)" and "email (not given: assumed)", quoted back under a
/// reply, were read as the person's answers: "“missing” is not a role we know", and an
/// interaction they never gave.
@Suite struct OwnMarkersQuotedBackTests {
    static func quoted(_ message: Message) -> String {
        (message.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
    }

    /// A form without a role gets our answer with "(missing)" lines; a reply above it (Gmail
    /// quoting) is answered without reading our words as theirs.
    @Test(arguments: [("en", "Name: Pete Brown\nMentoring type: technical\nTime zone: Europe/London\n"),
                      ("es", "Nombre: Pete Brown\nTipo de mentoría: técnica\nZona horaria: Europe/London\n")])
    func ourPlaceholdersQuotedBackAreNoAnswers(language: String, form: String) throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive("From: Pete <pete@example.net>\r\nTo: mentoring@example.org\r\nSubject: sign up\r\n"
                           + "Message-ID: <p1@example.net>\r\n\r\n\(form.replacingOccurrences(of: "\n", with: "\r\n"))")
        _ = try harness.run()
        let first = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["pete@example.net"] })
        let marker = language == "es" ? "(falta)" : "(missing)"
        #expect(first.textBody?.contains(marker) == true, "\(first.textBody ?? "")")
        let reply = "Thanks, I will look at it.\n\nOn Mon, 11 Jan 2027 at 09:00, Mentoring wrote:\n" + Self.quoted(first)
        try harness.arrive("From: Pete <pete@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: \(first.subject ?? "")\r\n"
                           + "Message-ID: <p2@example.net>\r\nIn-Reply-To: <\(first.messageID ?? "")>\r\n\r\n"
                           + reply.replacingOccurrences(of: "\n", with: "\r\n"))
        _ = try harness.run(at: harness.now.addingTimeInterval(600))
        let answer = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["pete@example.net"] }?.textBody)
        #expect(!answer.contains("“missing”") && !answer.contains("\"missing\"") && !answer.contains("“falta”"), "\(answer)")
        #expect(!answer.lowercased().contains("not a role"), "\(answer)")
        let stored = try #require(try harness.database.participant(email: "pete@example.net"))
        #expect(stored.profile.role.isEmpty, "\(stored.profile.role)")
    }

    @Test(arguments: ["email (not given: assumed)", "correo electrónico (no indicada: supuesta)", "(missing)", "(falta)", "(e.g. Nova, Swift)"])
    func ourMarkersAreNeverAValue(value: String) {
        #expect(SignupFormParser.stripHint(value, hint: nil, choices: true) == "")
        #expect(SignupFormParser.stripHint(value, hint: nil) == "")
    }

    @Test func aValueBesideOurMissingMarkerIsKept() {
        #expect(SignupFormParser.stripHint("mentor (missing)", hint: nil, choices: true) == "mentor")
    }
}
