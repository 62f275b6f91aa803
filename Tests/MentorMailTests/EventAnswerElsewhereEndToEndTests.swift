import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Answers to a Speed Mentoring event written under other mail of ours (the pair's introduction),
/// and answers a coordinator records for a guest, through the real servers.
@Suite struct EventAnswerElsewhereEndToEndTests {
    let checkin = CheckinEndToEndTests()

    func guest(_ people: CheckinEndToEndTests.People, _ who: String, day: Int) throws -> [String: Any]? {
        let shown = try checkin.run(people.scenario, ["event", "show", "1", "--json"], day: day)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        for list in ["accepted", "declined", "tentative", "waitlist", "noAnswer"] {
            if let found = (event[list] as? [[String: Any]])?.first(where: { $0["email"] as? String == people.address(who) }) { return found }
        }
        return nil
    }

    func answer(_ people: CheckinEndToEndTests.People, _ who: String, day: Int) throws -> String? {
        try guest(people, who, day: day)?["answer"] as? String
    }

    @Test func anRSVPUnderTheIntroductionAnswersTheOneOpenInvitation() throws {
        let people = try checkin.introduced(mentees: ["Ana", "Bea"], mentors: ["Max", "Bo"])
        let scenario = people.scenario
        _ = try checkin.run(scenario, ["event", "create", "Speed Mentoring", "--at", "2027-01-31T10:00", "--tz", "Europe/Madrid",
                                       "--duration", "90m", "--capacity", "4", "--tables", "2", "--rotations", "2"], day: 1)
        try checkin.process(scenario, day: 1)
        func introduction(of who: String) throws -> Message {
            try #require(try people.inbox(who).first { $0.subject?.contains("meet your mentoring match") == true })
        }
        try checkin.reply(people, from: "Ana", to: try introduction(of: "Ana"), raw: "Yes, count me in!\n\nAna")
        try checkin.reply(people, from: "Max", to: try introduction(of: "Max"), raw: "Maybe, I will confirm next week.")
        // Words that answer anything stay with the coordinators, as before.
        try checkin.reply(people, from: "Bea", to: try introduction(of: "Bea"), raw: "Yes!")
        try checkin.process(scenario, day: 2)
        #expect(try answer(people, "Ana", day: 2) == "accepted")
        #expect(try answer(people, "Max", day: 2) == "tentative")
        #expect(try answer(people, "Bea", day: 2) == "invited")
        let toAna = try #require(try people.inbox("Ana").last?.textBody)
        #expect(toAna.contains("Thank you: you are coming to Speed Mentoring"), "\(toAna)")
        let toMax = try #require(try people.inbox("Max").last?.textBody)
        #expect(toMax.contains("We noted \"maybe\" for Speed Mentoring"), "\(toMax)")
        let held = try scenario.database().inboundMessages().filter { $0.sender == people.address("Bea") && $0.disposition == .held }
        #expect(held.count == 1)

        // A coordinator records Bea's answer, given in person: she gets the usual confirmation.
        let recorded = try checkin.run(scenario, ["event", "answer", "1", people.address("Bea"), "yes"], day: 3)
        #expect(recorded.stdout.contains("is now accepted for event 1"), "\(recorded.stdout)")
        #expect(try answer(people, "Bea", day: 3) == "accepted")
        #expect(try guest(people, "Bea", day: 3)?["answeredBy"] as? String == "coordinator")
        // Bo's no, quietly: nothing goes to him.
        let beforeBo = try people.inbox("Bo").count
        _ = try checkin.run(scenario, ["event", "answer", "1", people.address("Bo"), "no", "--no-mail"], day: 3)
        try checkin.process(scenario, day: 3)
        let toBea = try #require(try people.inbox("Bea").last)
        #expect(toBea.subject?.contains("Speed Mentoring") == true, "\(toBea.subject ?? "")")
        #expect(toBea.textBody?.contains("Our coordinators have recorded your answer for you.") == true, "\(toBea.textBody ?? "")")
        #expect(toBea.textBody?.contains("Thank you: you are coming to Speed Mentoring") == true, "\(toBea.textBody ?? "")")
        #expect(try answer(people, "Bo", day: 3) == "declined")
        #expect(try people.inbox("Bo").count == beforeBo)
        // Nobody else's address, nor an answer that is none.
        #expect(try CommandRunner.run(["event", "answer", "1", "nobody@example.org", "yes", "--config", scenario.configPath]).status != 0)
        #expect(try CommandRunner.run(["event", "answer", "1", people.address("Bo"), "perhaps", "--config", scenario.configPath]).status != 0)
    }
}
