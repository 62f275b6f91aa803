import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Mail that passes on a mail of ours, through the real servers: the answer is in the
/// language of the writer's own words, not in that of the mail they forward.
@Suite struct ForwardLanguageEndToEndTests {
    let helpers = CheckinEndToEndTests()

    /// Finding: an assistant's English note above Ana's forwarded Spanish check-in was rightly
    /// held, but the note back to the assistant was in Spanish. It is in the writer's language.
    @Test func theNoteToWhoeverForwardsOurMailIsInTheirOwnLanguage() throws {
        let people = try helpers.introduced(mentees: ["Ana", "Noe"], mentors: ["Pau", "Kit"], mailLanguage: ["Ana": "Spanish"])
        let scenario = people.scenario
        try helpers.process(scenario, day: 90)
        let survey = try #require(try people.inbox("Ana").last { $0.subject?.contains("tu mentoría con") == true })
        let assistant = "tom-\(UUID().uuidString.prefix(8).lowercased())"
        try scenario.servers.deliver(from: "\(assistant)@example.org", to: [scenario.programAddress], subject: "Fwd: \(survey.subject ?? "")", text: """
            Hi, forwarding this for my manager Ana, she asked me to send it to you.

            Best,
            Tom

            ---------- Forwarded message ---------
            From: \(scenario.programAddress)
            Date: Mon, 12 Apr 2027 at 09:00
            Subject: \(survey.subject ?? "")
            To: Ana <\(people.address("Ana"))>

            \(survey.textBody ?? "")
            """)
        try helpers.process(scenario, day: 91)

        #expect(try helpers.run(scenario, ["held", "list"], day: 91).stdout.contains("\(assistant)@example.org"))
        let note = try #require(try scenario.servers.messages(of: assistant).last?.textBody)
        #expect(note.hasPrefix("Hello") && note.contains("it is with the\ncoordinators now"), "\(note)")
        #expect(note.contains("speaks\nfor another person") || note.contains("speaks for another person"), "\(note)")
        #expect(!note.contains("Hola"), "\(note)")
    }
}
