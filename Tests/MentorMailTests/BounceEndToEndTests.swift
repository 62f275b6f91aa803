import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// A hard bounce through the real servers: the introduction to a mentee bounces, coordinators
/// see it in `pairs show`, `participants`, `status` and the digest, and her check-in on day
/// 90 is kept, not sent, until she has an address that works.
@Suite struct BounceEndToEndTests {
    let checkin = CheckinEndToEndTests()

    func json(_ result: CommandRunner.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func aHardBounceIsShownToCoordinatorsAndLaterMailToTheAddressIsKept() throws {
        let people = try checkin.introduced(mentees: ["Mia"], mentors: ["Max"])
        let scenario = people.scenario
        let mia = people.address("Mia")
        let (pairID, _) = try checkin.pair(of: "Mia", people)
        let introduction = try #require(try people.inbox("Mia").last { $0.to.count == 2 })
        try scenario.deliverRaw(BounceTests.dsn(about: introduction.messageID ?? "", recipient: mia), from: "mailer-daemon@example.org")
        #expect(try checkin.process(scenario, day: 1)["ignored"] as? Int == 1)

        let pair = try checkin.run(scenario, ["pairs", "show", String(pairID)], day: 1).stdout
        #expect(pair.contains("address bounced ") && pair.contains("(introduction, outbox "), "\(pair)")
        #expect(pair.contains("5.1.1 550 5.1.1 <\(mia)>: Recipient address rejected"), "\(pair)")
        #expect(pair.contains("mentormail participants change-address \(mia) NEW"), "\(pair)")
        let shown = try checkin.run(scenario, ["participants", "show", mia], day: 1).stdout
        #expect(shown.contains("Address          bounced "), "\(shown)")
        let listed = try checkin.run(scenario, ["participants", "list"], day: 1).stdout
        #expect(listed.contains("active, bounced") && listed.contains("1 address(es) bounced for good"), "\(listed)")

        // Day 90: Max's check-in goes out; Mia's is kept.
        let before = try people.inbox("Mia").count
        #expect(try checkin.process(scenario, day: 90)["sent"] as? Int == 2, "Max's survey and the digest")
        #expect(try people.inbox("Mia").count == before)
        #expect(try people.inbox("Max").contains { $0.subject?.contains("how is your mentoring with") == true })
        let kept = try #require(try json(checkin.run(scenario, ["outbox", "list", "--status", "withheld", "--json"], day: 90)) as? [[String: Any]])
        #expect(kept.count == 1 && kept.first?["kind"] as? String == "checkin-survey" && kept.first?["to"] as? String == mia, "\(kept)")
        let outbox = try checkin.run(scenario, ["outbox", "list"], day: 90).stdout
        #expect(outbox.contains("withheld") && outbox.contains("not sent: \(mia) bounced for good"), "\(outbox)")

        let status = try checkin.run(scenario, ["status"], day: 90).stdout
        #expect(status.contains("0 failed, 1 withheld (to an address that bounced; mentormail outbox list --status withheld)"), "\(status)")
        #expect(status.contains("Bounced       1 address(es) bounced for good; mail to them is kept, not sent"), "\(status)")
        #expect(status.contains("once they give a working address: mentormail participants change-address OLD NEW"), "\(status)")
        let figures = try #require(try json(checkin.run(scenario, ["status", "--json"], day: 90)) as? [String: Any])
        #expect(figures["withheld"] as? Int == 1)
        #expect((figures["bounced"] as? [[String: Any]])?.first?["email"] as? String == mia)

        // The coordinators read of it once, however many runs follow.
        try checkin.process(scenario, day: 91)
        let digests = try scenario.coordinatorInbox().compactMap(\.textBody)
        #expect(digests.filter { $0.contains("checkin-survey to \(mia) (outbox") && $0.contains("kept, not sent") }.count == 1, "\(digests)")

        // A new address: the mark comes off; the kept check-in stays for `outbox resend`.
        let moved = try checkin.run(scenario, ["participants", "change-address", mia, "mia.new@example.org"], day: 92).stdout
        #expect(moved.contains("1 message(s) kept while \(mia) bounced stay in the outbox"), "\(moved)")
        let after = try #require(try json(checkin.run(scenario, ["status", "--json"], day: 92)) as? [String: Any])
        #expect((after["bounced"] as? [Any])?.isEmpty == true && after["withheld"] as? Int == 1)
    }
}
