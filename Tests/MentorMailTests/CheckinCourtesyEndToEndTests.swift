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

    /// Finding: "I'm on parental leave until March" written under the introduction (its text
    /// quoted below) was held for a coordinator, and under the check-in survey it was answered
    /// "we could not read any answers" and sent to the digest. Being away is answered the same
    /// under our mail as in a fresh message; a question, or words to the partner, are still held.
    @Test func beingAwayUnderTheIntroductionOrTheSurveyIsAnswered() throws {
        let people = try helpers.introduced(mentees: ["Rut", "Ida"], mentors: ["Sven", "Jo"])
        let scenario = people.scenario
        let (_, sven) = try helpers.pair(of: "Rut", people)
        let (idaPair, jo) = try helpers.pair(of: "Ida", people)
        func introduction(of who: String) throws -> Message {
            try #require(try people.inbox(who).first { $0.subject?.contains("meet your mentoring match") == true })
        }
        func under(_ message: Message) -> String { "\n\nOn Mon, Jan 11, 2027 at 10:00, Mentoring wrote:\n" + helpers.quoted(message) }
        try helpers.process(scenario, day: 30)
        let away = [
            (sven, "Hi, I'm on parental leave until March, back after.\n\nSven"),
            ("Ida", "I'll be away for two months, out on medical leave."),
        ]
        for (who, text) in away { try helpers.reply(people, from: who, to: try introduction(of: who), raw: text + under(try introduction(of: who))) }
        // Still held: a question, and words to the partner.
        try helpers.reply(people, from: "Rut", to: try introduction(of: "Rut"),
                          raw: "I'm away next week, could you tell me who to ask about the onboarding notes?" + under(try introduction(of: "Rut")))
        try helpers.reply(people, from: jo, to: try introduction(of: jo),
                          raw: "Hi Ida, great to meet you! I'll be away next week, so let's have our first call after that." + under(try introduction(of: jo)))
        try helpers.process(scenario, day: 31)

        let held = try helpers.run(scenario, ["held", "list"], day: 31).stdout
        for (who, _) in away {
            #expect(!held.contains(people.address(who)), "\(who): \(held)")
            let text = try #require(try people.inbox(who).last?.textBody)
            #expect(text.contains("you will be away for a while") && text.contains("write \"pause\""), "\(text)")
            #expect(!text.contains("could not tell what you would like") && !text.contains("Your profile is updated"), "\(text)")
        }
        for who in ["Rut", jo] { #expect(held.contains(people.address(who)), "\(who): \(held)") }

        // Under the check-in survey: the same answer, no digest line, and the survey stays open.
        try helpers.process(scenario, day: 90)
        let digestsBefore = try scenario.coordinatorInbox().count
        try helpers.reply(people, from: jo, to: try helpers.survey(of: jo, people),
                          raw: "Estoy de baja hasta marzo.\n\nJo\n\n" + helpers.quoted(try helpers.survey(of: jo, people)))
        try helpers.process(scenario, day: 91)
        let joText = try #require(try people.inbox(jo).last?.textBody)
        #expect(joText.contains("estarás fuera un tiempo") && joText.contains("escribe \"pausa\""), "\(joText)")
        #expect(!joText.contains("No hemos podido leer"), "\(joText)")
        let digests = try scenario.coordinatorInbox().dropFirst(digestsBefore).compactMap(\.textBody).joined(separator: "\n")
        #expect(!digests.contains("baja"), "\(digests)")
        let pairs = try helpers.run(scenario, ["pairs", "list", "--json"], day: 91).stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(pairs.utf8)) as? [[String: Any]])
        #expect(list.first { $0["id"] as? Int == idaPair }?["status"] as? String == "introduced")
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
