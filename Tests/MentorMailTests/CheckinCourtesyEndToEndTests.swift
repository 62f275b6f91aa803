import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Mail around a check-in that asks for nothing, through the real servers: thanks under the
/// survey, and news of being away for a while.
@Suite struct CheckinCourtesyEndToEndTests {
    let helpers = CheckinEndToEndTests()

    /// Finding: "Thanks!" under the survey reached the coordinators' digest as a note and was
    /// answered with "we could not read". Thanks is not answered, counts as no answer, and the
    /// reminder still comes.
    @Test func thanksUnderTheSurveyIsNoAnswerAndNoNote() throws {
        let people = try helpers.introduced(mentees: ["Mia", "Noa"], mentors: ["Olek", "Pia"])
        let scenario = people.scenario
        let (_, noaMentor) = try helpers.pair(of: "Noa", people)
        try helpers.process(scenario, day: 90)
        let thanks = [("Mia", "Thanks!"), ("Noa", "Thank you, will do"), (noaMentor, "Got it, thanks\n\n-- \n\(noaMentor)")]
        var before: [String: Int] = [:]
        for (who, text) in thanks {
            before[who] = try people.inbox(who).count
            try helpers.reply(people, from: who, to: try helpers.survey(of: who, people), raw: text)
        }
        let digestsBefore = try scenario.coordinatorInbox().count
        try helpers.process(scenario, day: 91)

        for (who, _) in thanks {
            #expect(try people.inbox(who).count == before[who], "\(who) gets no answer to a thank-you")
        }
        let digests = try scenario.coordinatorInbox().dropFirst(digestsBefore).compactMap(\.textBody).joined(separator: "\n")
        #expect(!digests.contains("Thank") && !digests.contains("thanks") && !digests.contains("left a note"), "\(digests)")
        #expect(!(try helpers.run(scenario, ["held", "list"], day: 91).stdout.contains(people.address("Mia"))))

        // Day 97: they have not answered, so the reminder comes.
        try helpers.process(scenario, day: 97)
        for (who, _) in thanks {
            #expect(try people.inbox(who).contains { $0.subject?.hasPrefix("Reminder") == true }, "\(who)")
        }
    }

    /// Finding: "I'm on parental leave until March, back after" was held for the coordinators as a
    /// wish to leave. Being away is answered: nothing changes, and "pause" is there if wanted.
    @Test func beingAwayIsAnsweredNotHeldAsLeaving() throws {
        let people = try helpers.introduced(mentees: ["Rut"], mentors: ["Sven"])
        let scenario = people.scenario
        let (id, sven) = try helpers.pair(of: "Rut", people)
        try helpers.process(scenario, day: 30)
        try scenario.servers.deliver(from: people.address(sven), to: [scenario.programAddress], subject: "Away",
                                     text: "Hi, I'm on parental leave until March, back after.\n\nSven")
        try scenario.servers.deliver(from: people.address("Rut"), to: [scenario.programAddress], subject: "FYI",
                                     text: "I'll be on leave next week.")
        try helpers.process(scenario, day: 31)

        let held = try helpers.run(scenario, ["held", "list"], day: 31).stdout
        for who in [sven, "Rut"] {
            #expect(!held.contains(people.address(who)), "\(held)")
            let text = try #require(try people.inbox(who).last?.textBody)
            #expect(text.contains("you will be away for a while") && text.contains("write \"pause\""), "\(text)")
            #expect(text.contains("would end\nyour mentoring with") || text.contains("would end your\nmentoring with")
                    || text.contains("would end your mentoring"), "\(text)")
            #expect(!text.contains("could not tell what you would like") && !text.contains("it is with the\ncoordinators now"), "\(text)")
        }
        let pairs = try helpers.run(scenario, ["pairs", "list", "--json"], day: 31).stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(pairs.utf8)) as? [[String: Any]])
        #expect(list.first { $0["id"] as? Int == id }?["status"] as? String == "introduced")
    }

    /// Finding: "I can't continue our sessions until March, I'm on parental leave" was asked to
    /// confirm leaving the program. It is asked to confirm a pause, and "yes" pauses.
    @Test func notGoingOnUntilADateIsAskedAsAPause() throws {
        let people = try helpers.introduced(mentees: ["Ines"], mentors: ["Olaf"])
        let scenario = people.scenario
        let (id, olaf) = try helpers.pair(of: "Ines", people)
        try helpers.process(scenario, day: 30)
        try scenario.servers.deliver(from: people.address(olaf), to: [scenario.programAddress], subject: "Sessions",
                                     text: "Hi, I can't continue our sessions until March, I'm on parental leave.\n\nOlaf")
        try helpers.process(scenario, day: 31)

        let question = try #require(try people.inbox(olaf).last)
        let text = try #require(question.textBody)
        #expect(text.contains("want to pause your participation") && !text.contains("want to leave the program"), "\(text)")
        try helpers.reply(people, from: olaf, to: question, raw: "yes")
        try helpers.process(scenario, day: 32)
        let paused = try helpers.run(scenario, ["participants", "list", "--status", "paused"], day: 32).stdout
        #expect(paused.contains(people.address(olaf)), "\(paused)")
        let pairs = try helpers.run(scenario, ["pairs", "list", "--json"], day: 32).stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(pairs.utf8)) as? [[String: Any]])
        #expect(list.first { $0["id"] as? Int == id }?["status"] as? String != "introduced", "the pause ends the pair: \(pairs)")
    }
}
