import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// A sign-up after a round's introductions went out, through the real servers: its answer
/// says it waits for the next round, and that is where it is: in the pool, not in the
/// approved round, and matched and introduced in the next one.
@Suite struct LateSignupEndToEndTests {
    let checkin = CheckinEndToEndTests()

    @Test func aSignUpAfterTheApprovalIsMatchedInTheNextRound() throws {
        // R1 opened on day -3, closes on day 30; Mia and Max were introduced on day 0.
        let people = try checkin.introduced(mentees: ["Mia"], mentors: ["Max"])
        let scenario = people.scenario
        let lu = TestServers.uniqueUser("lu"), kim = TestServers.uniqueUser("kim")
        try scenario.servers.deliver(from: "\(lu)@example.org", to: [scenario.programAddress], subject: "Sign up",
                                     text: checkin.form("mentee", "Lu"))
        try checkin.process(scenario, day: 5)
        let answer = try #require(try scenario.servers.messages(of: lu).last?.textBody)
        #expect(answer.contains("you wait in the pool") && !answer.contains("R1"), "\(answer)")

        let shown = try checkin.run(scenario, ["round", "show", "R1"], day: 5).stdout
        #expect(!shown.contains(lu), "Lu is not in R1: \(shown)")
        #expect(shown.contains("sign-ups ended with its approval"), "\(shown)")
        let status = try checkin.run(scenario, ["status"], day: 5).stdout
        #expect(status.contains("1 waiting in the pool"), "\(status)")

        // Matching R1 again is refused; nothing is proposed to the coordinators.
        let again = try CommandRunner.run(["match", "--round", "R1", "--config", scenario.configPath, "--now", CheckinEndToEndTests.day(6)])
        #expect(again.status == 65, "\(again.stdout) \(again.stderr)")
        #expect(again.stderr.contains("already approved"), "\(again.stderr)")

        // R2 opens before R1's closing day and takes Lu in; a new mentor joins it; Lu is introduced.
        _ = try checkin.run(scenario, ["round", "open", "R2", "--closes", CheckinEndToEndTests.day(40)], day: 10)
        #expect(try checkin.run(scenario, ["round", "show", "R2"], day: 10).stdout.contains(lu))
        try scenario.servers.deliver(from: "\(kim)@example.org", to: [scenario.programAddress], subject: "Sign up",
                                     text: checkin.form("mentor", "Kim"))
        try checkin.process(scenario, day: 11)
        let joined = try #require(try scenario.servers.messages(of: kim).last?.textBody)
        #expect(joined.contains("you are in the R2 round"), "\(joined)")
        _ = try checkin.run(scenario, ["match", "--round", "R2"], day: 41)
        _ = try checkin.run(scenario, ["round", "approve", "R2"], day: 41)
        try checkin.process(scenario, day: 41)
        let introduction = try #require(try scenario.servers.messages(of: lu).last)
        #expect(introduction.subject?.contains("meet your mentoring match") == true, "\(introduction.subject ?? "")")
        #expect(Set(introduction.to.map(\.normalized)) == ["\(lu)@example.org", "\(kim)@example.org"])
    }
}
