import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Mail around a check-in that asks for nothing, through the real servers: thanks under the
/// survey, and news of being away for a while.
@Suite struct CheckinCourtesyEndToEndTests {
    let helpers = CheckinEndToEndTests()

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
}
