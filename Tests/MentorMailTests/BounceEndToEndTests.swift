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

        // A new address: the mark comes off; the kept check-in goes there as a fresh copy, and the
        // bounced introduction with it.
        let moved = try checkin.run(scenario, ["participants", "change-address", mia, "mia.new@example.org"], day: 92).stdout
        #expect(moved.contains("checkin-survey \"") && moved.contains("introduction \""), "\(moved)")
        #expect(moved.split(separator: "\n").filter { $0.contains(": sent again as #") }.count == 2, "\(moved)")
        let after = try #require(try json(checkin.run(scenario, ["status", "--json"], day: 92)) as? [String: Any])
        #expect((after["bounced"] as? [Any])?.isEmpty == true && after["withheld"] as? Int == 0)
    }
}

/// After a bounce, a new address through the real servers: the person's event invitations
/// move with them, and the bounced introduction and a kept event update go again to the new
/// address as fresh copies, listed in the command's output and in their mail about the move.
@Suite struct AddressMoveEndToEndTests {
    let checkin = CheckinEndToEndTests()

    /// Finding: after a bounced introduction and an address change, only the mentee got the
    /// fresh introduction: her mentor, whom it asks to write first, still had only the dead
    /// address; and `pairs list` showed the bounced pair as introduced. Meanwhile the pair is
    /// "introduction held"; the fresh copy goes to both, once; the check-in counts from it (the
    /// pair could not start before), and each side's survey names their own introduction's day.
    @Test func aFreshIntroductionAfterAMoveReachesThePartnerToo() throws {
        let people = try checkin.introduced(mentees: ["Mia"], mentors: ["Max"])
        let scenario = people.scenario
        let mia = people.address("Mia")
        let introduction = try #require(try people.inbox("Mia").first { $0.to.count == 2 })
        try scenario.deliverRaw(BounceTests.dsn(about: introduction.messageID ?? "", recipient: mia), from: "mailer-daemon@example.org")
        try checkin.process(scenario, day: 2)
        let held = try #require(try checkin.run(scenario, ["pairs", "list"], day: 2).stdout.split(separator: "\n").first { $0.contains(mia) })
        #expect(held.contains("introduction held") && !held.contains("2027-01-11"), "\(held)")
        let shown = try checkin.run(scenario, ["pairs", "show", String(try checkin.pair(of: "Mia", people).id)], day: 2).stdout
        #expect(shown.contains("introduction held: ") && shown.contains("\(mia) bounced"), "\(shown)")

        let newUser = TestServers.uniqueUser("mia-new")
        let new = "\(newUser)@example.org"
        _ = try checkin.run(scenario, ["participants", "change-address", mia, new], day: 30)
        let maxHad = try people.inbox("Max").count
        try checkin.process(scenario, day: 30)
        try checkin.process(scenario, day: 31)
        let copies = try people.inbox("Max").dropFirst(maxHad).filter { $0.subject == introduction.subject }
        #expect(copies.count == 1, "Max gets the fresh introduction once")
        let copy = try #require(copies.first)
        #expect(copy.messageID != introduction.messageID && Set(copy.to.map(\.normalized)) == [new, people.address("Max")])
        #expect(copy.textBody?.contains(new) == true && copy.textBody?.contains(mia) == false, "\(copy.textBody ?? "")")
        // Finding: Max got the whole introduction again with no word why. One line at the top says it.
        let top = (copy.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: true).prefix(3).joined(separator: " ")
        #expect(top.contains("this introduction again because Mia's address changed"), "\(copy.textBody ?? "")")
        let html = copy.htmlAlternative?.decodedText() ?? ""
        #expect(html.contains("this introduction again because Mia&#39;s address changed") || html.contains("this introduction again because Mia's address changed"), "\(html)")
        #expect(try scenario.servers.messages(of: newUser).filter { $0.subject == introduction.subject }.count == 1)
        let listed = try #require(try checkin.run(scenario, ["pairs", "list"], day: 31).stdout.split(separator: "\n").first { $0.contains(new) })
        #expect(listed.contains("introduced") && listed.contains("2027-02-10"), "\(listed)")

        // Day 91: 90 days after Max's introduction, 61 after the pair could start: no check-in yet.
        try checkin.process(scenario, day: 91)
        #expect(try !people.inbox("Max").contains { $0.subject?.contains("how is your mentoring with") == true })
        try checkin.process(scenario, day: 121)
        let maxSurvey = try #require(try checkin.survey(of: "Max", people).textBody)
        #expect(maxSurvey.contains("On January 11, 2027 we introduced you to Mia"), "\(maxSurvey)")
        let miaSurvey = try #require(try scenario.servers.messages(of: newUser).last { $0.subject?.contains("how is your mentoring with") == true }?.textBody)
        #expect(miaSurvey.contains("On February 10, 2027 we introduced you to Max"), "\(miaSurvey)")
    }

    /// Finding G8: the introduction's bounce came late, after the pair's check-in went out; the
    /// introduction sent again after the move still promised "in about three months we will ask
    /// you both", and `pairs list` showed the pair introduced after its check-in. The fresh copy
    /// says when the check-in went, and the pair keeps its first introduction's day.
    @Test func anIntroductionSentAgainAfterTheCheckinSaysSoAndKeepsItsDay() throws {
        let people = try checkin.introduced(mentees: ["Mia"], mentors: ["Max"])
        let scenario = people.scenario
        let mia = people.address("Mia")
        let introduction = try #require(try people.inbox("Mia").first { $0.to.count == 2 })
        try checkin.process(scenario, day: 90)
        #expect(try people.inbox("Max").contains { $0.subject?.contains("how is your mentoring with") == true })
        try scenario.deliverRaw(BounceTests.dsn(about: introduction.messageID ?? "", recipient: mia), from: "mailer-daemon@example.org")
        try checkin.process(scenario, day: 92)
        let newUser = TestServers.uniqueUser("mia-late")
        let new = "\(newUser)@example.org"
        _ = try checkin.run(scenario, ["participants", "change-address", mia, new], day: 93)
        let maxHad = try people.inbox("Max").count
        try checkin.process(scenario, day: 93)
        let copy = try #require(try people.inbox("Max").dropFirst(maxHad).first { $0.subject == introduction.subject })
        let text = (copy.textBody ?? "").replacingOccurrences(of: "\n", with: " ")
        #expect(!text.contains("in about three months"), "\(text)")
        #expect(text.contains("went to you both on April 11, 2027"), "\(text)")
        let html = copy.htmlAlternative?.decodedText() ?? ""
        #expect(!html.contains("in about three months") && html.contains("went to you both on April 11, 2027"), "\(html)")
        let listed = try #require(try checkin.run(scenario, ["pairs", "list"], day: 93).stdout.split(separator: "\n").first { $0.contains(new) })
        #expect(listed.contains("2027-01-11"), "\(listed)")
    }

    @Test func aMoveTakesInvitationsAlongAndSendsWhatDidNotArriveAgain() throws {
        let people = try checkin.introduced(mentees: ["Mia"], mentors: ["Max"])
        let scenario = people.scenario
        let mia = people.address("Mia")
        let (pairID, _) = try checkin.pair(of: "Mia", people)
        _ = try checkin.run(scenario, ["event", "create", "Speed Mentoring", "--at", "2027-03-20T10:00", "--tz", "Europe/Madrid",
                                       "--duration", "90m", "--capacity", "10", "--tables", "2", "--rotations", "2"], day: 1)
        try checkin.process(scenario, day: 1)
        let introduction = try #require(try people.inbox("Mia").first { $0.to.count == 2 })
        try scenario.deliverRaw(BounceTests.dsn(about: introduction.messageID ?? "", recipient: mia), from: "mailer-daemon@example.org")
        try checkin.process(scenario, day: 2)

        let timeline = try checkin.run(scenario, ["pairs", "show", String(pairID)], day: 2).stdout
        #expect(timeline.contains("introduction to \(mia) bounced (the address does not work): 5.1.1 550 5.1.1 <\(mia)>"), "\(timeline)")
        let shown = try checkin.run(scenario, ["event", "show", "1"], day: 2).stdout
        #expect(shown.contains("\(mia)  Mia  mentee  BOUNCED") && shown.contains("1 guest address(es) bounced for good"), "\(shown)")
        let bounced = try checkin.run(scenario, ["participants", "list", "--status", "bounced"], day: 2).stdout
        #expect(bounced.contains(mia) && !bounced.contains(people.address("Max")), "\(bounced)")

        // The event moves: Mia's update is kept; status cuts the server's words at a word.
        _ = try checkin.run(scenario, ["event", "update", "1", "--location", "Room 4"], day: 3)
        try checkin.process(scenario, day: 3)
        let status = try checkin.run(scenario, ["status"], day: 3).stdout
        let kept = try #require(status.split(separator: "\n").first { $0.contains("event-invitation to \(mia): withheld") })
        #expect(kept.hasSuffix("…") && !kept.hasSuffix(" …"), "\(kept)")

        let newUser = TestServers.uniqueUser("mia-new")
        let new = "\(newUser)@example.org"
        let moved = try checkin.run(scenario, ["participants", "change-address", mia, new], day: 4).stdout
        #expect(moved.contains("introduction \"") && moved.contains("event-invitation \""), "\(moved)")
        #expect(moved.split(separator: "\n").filter { $0.contains(": sent again as #") }.count == 2, "\(moved)")
        let event = try checkin.run(scenario, ["event", "show", "1"], day: 4).stdout
        #expect(event.contains(new) && !event.contains(mia) && !event.contains("BOUNCED"), "\(event)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(checkin.run(scenario, ["status", "--json"], day: 4).stdout.utf8)) as? [String: Any])
        #expect(figures["withheld"] as? Int == 0, "the kept update was sent again, not left waiting")

        let oldCount = try people.inbox("Mia").count
        try checkin.process(scenario, day: 4)
        let inbox = try scenario.servers.messages(of: newUser)
        let told = try #require(inbox.first { $0.textBody?.contains("your profile now uses this address instead of \(mia)") == true }?.textBody)
        #expect(told.contains("Some of our mail did not reach you") && told.contains(introduction.subject ?? "?"), "\(told)")
        let copy = try #require(inbox.first { $0.subject == introduction.subject })
        #expect(copy.messageID != introduction.messageID && Set(copy.to.map(\.normalized)) == [new, people.address("Max")], "Max gets the new address too")
        #expect(copy.textBody?.contains("<\(new)>") == true && copy.textBody?.contains(mia) == false, "\(copy.textBody ?? "")")
        let update = try #require(inbox.first { $0.leafParts.contains { $0.contentType == "text/calendar" } })
        let ics = try #require(update.leafParts.first { $0.contentType == "text/calendar" }?.decodedText())
        #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("mailto:\(new)") && ics.contains("Room 4"), "\(ics)")
        let bytes = try #require(update.leafParts.first { $0.contentType == "text/calendar" }?.decodedBytes())
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $1 != 10 || $0 == 13 }, "the copy's lines end in CRLF: \(ics)")
        let copied = try #require(ICalendar.parse(ics).events.first, "the copy's calendar reads: \(ics)")
        #expect(copied.attendees.map(\.address) == [new] && copied.location == "Room 4" && copied.sequence == 1, "\(ics)")

        // A later update goes to the new address only.
        _ = try checkin.run(scenario, ["event", "update", "1", "--location", "Room 5"], day: 5)
        try checkin.process(scenario, day: 5)
        #expect(try scenario.servers.messages(of: newUser).contains { $0.textBody?.contains("Room 5") == true })
        #expect(try people.inbox("Mia").count == oldCount, "nothing more to the dead address")
        let after = try checkin.run(scenario, ["pairs", "show", String(pairID)], day: 5).stdout
        #expect(after.contains("introduction to \(new),\(people.address("Max")) (a fresh copy of #"), "\(after)")
    }
}
