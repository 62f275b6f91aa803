import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// The coordinators' digest shows a pair's note once.
@Suite struct DigestNoteEndToEndTests {
    let helpers = CheckinEndToEndTests()

    /// Finding: Lucía's note came back in the digest after she left, with "read the note and
    /// answer it". A note is shown once; a later digest refers to it and suggests nothing to answer.
    @Test func aNoteIsShownOnceAndALeavingSuggestsNothingToAnswer() throws {
        let people = try helpers.introduced(mentees: ["Lucia"], mentors: ["Ana"])
        let scenario = people.scenario
        let (id, _) = try helpers.pair(of: "Lucia", people)
        try helpers.process(scenario, day: 90)
        try helpers.reply(people, from: "Lucia", to: try helpers.survey(of: "Lucia", people), raw: "5, yes, good fit, continue - Ana is a wonderful mentor")
        try helpers.process(scenario, day: 91)
        let first = try #require(try scenario.coordinatorInbox().last?.textBody)
        #expect(first.contains("note: Lucia: Ana is a wonderful mentor") && first.contains("Suggested: read the note"), "\(first)")

        try scenario.servers.deliver(from: people.address("Lucia"), to: [scenario.programAddress], subject: "withdraw", text: "withdraw")
        try helpers.process(scenario, day: 100)
        // Leaving ends her pair, so she is asked first.
        let question = try #require(try people.inbox("Lucia").last { $0.textBody?.contains("To confirm, reply") == true })
        try helpers.reply(people, from: "Lucia", to: question, raw: "yes")
        try helpers.process(scenario, day: 100)
        let second = try #require(try scenario.coordinatorInbox().last?.textBody)
        #expect(second.contains("Pair \(id)") && second != first, "\(second)")
        #expect(!second.contains("note: Lucia: Ana is a wonderful mentor"), "\(second)")
        #expect(second.contains("1 note(s) shown in an earlier digest (mentormail pairs show \(id))"), "\(second)")
        #expect(second.contains("Suggested: nothing"), "\(second)")
    }
}
