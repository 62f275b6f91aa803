import Foundation
import Mail
@testable import MentorMail
import TestSupport
import Testing

/// People who join the program after a Speed Mentoring event's invitations went out, through
/// the real Dovecot and SMTP servers: the next run invites them, `event invite` does it at once,
/// and a mail of their own asking for a place ("count me in") is a yes to the one upcoming event.
@Suite struct EventLateJoinersEndToEndTests {
    let scenario: ServerScenario
    let ana = TestServers.uniqueUser("ana"), maria = TestServers.uniqueUser("maria")
    let newcomers = [TestServers.uniqueUser("nia"), TestServers.uniqueUser("omar")]
    let late = TestServers.uniqueUser("paz")

    init() throws {
        scenario = try ServerScenario()
        let database = try scenario.database()
        try database.write { db in
            for (user, role) in [(ana, "mentee"), (maria, "mentor")] {
                _ = try AppDatabase.upsertProfile(db, email: "\(user)@example.org",
                                                  profile: MatchingWorkflowTests.profile(role, user.capitalized, areas: ["nova"], capacity: role == "mentor" ? 2 : 0),
                                                  status: .active, source: "test", origin: "email", roundID: nil, now: Date())
            }
        }
    }

    func mentormail(_ arguments: [String]) throws -> String {
        let result = try CommandRunner.run(arguments + ["--config", scenario.configPath])
        #expect(result.status == 0, "mentormail \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func importCSV(_ users: [String], role: String = "mentee") throws {
        let file = scenario.folder.appendingPathComponent("import-\(UUID().uuidString).csv")
        try (FormImportTests.header + users.map { "\($0)@example.org,\($0.capitalized) Late,\(role),technical,Europe/Madrid,English\n" }.joined())
            .write(to: file, atomically: true, encoding: .utf8)
        _ = try mentormail(["import", file.path])
    }

    func inbox(_ user: String) throws -> [Message] { try scenario.servers.messages(of: user) }

    func invitation(_ user: String) throws -> Message? {
        try inbox(user).first { $0.subject?.contains("Speed Mentoring at the Summit") == true
                                && $0.leafParts.contains { $0.contentType == "text/calendar" && $0.parameters["method"] == "REQUEST" } }
    }

    @Test func lateJoinersAreInvitedOnceAndAMailOfTheirOwnAskingForAPlaceIsAYes() throws {
        let created = try mentormail(["event", "create", "Speed Mentoring at the Summit", "--at", "2027-10-25T07:30", "--tz", "Europe/Madrid",
                                      "--duration", "90m", "--capacity", "10", "--tables", "4", "--rotations", "2", "--json"])
        let eventID = try #require((try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: Any])?["id"] as? Int)
        try scenario.processOK()
        // The event changed once: late invitations carry the current SEQUENCE.
        _ = try mentormail(["event", "update", String(eventID), "--location", "Room 2.1"])
        try scenario.processOK()
        #expect(try mentormail(["event", "show", String(eventID)]).contains("2 invited"))

        // Two people are imported: `event invite --dry-run` names them and changes nothing; the next run invites them.
        try importCSV(newcomers)
        let planned = try mentormail(["event", "invite", String(eventID), "--dry-run"])
        for user in newcomers { #expect(planned.contains("\(user)@example.org"), "\(planned)") }
        #expect(planned.contains("Would invite 2"), "\(planned)")
        #expect(try mentormail(["event", "show", String(eventID)]).contains("2 invited"), "a dry run invites nobody")
        try scenario.processOK()
        for user in newcomers {
            let mail = try #require(try invitation(user), "\(user) is invited by the run after the import")
            #expect(mail.subject?.hasPrefix("Updated:") == false, "a first invitation, not an update")
            let part = try #require(mail.leafParts.first { $0.contentType == "text/calendar" })
            #expect(ICalendar.parse(part.decodedText()).events.first?.sequence == 1)
        }
        #expect(try mentormail(["event", "show", String(eventID)]).contains("4 invited"))
        try scenario.processOK()
        for user in newcomers { #expect(try inbox(user).count(where: { $0.subject?.contains("Speed Mentoring") == true }) == 1, "invited once") }
        let again = try mentormail(["event", "invite", String(eventID), "--json"])
        #expect(((try JSONSerialization.jsonObject(with: Data(again.utf8)) as? [String: Any])?["invited"] as? [Any])?.isEmpty == true,
                "nobody left to invite: \(again)")

        // Someone imported writes a mail of their own before any run invites them: a yes.
        try importCSV([late])
        try scenario.servers.deliver(from: "\(late)@example.org", to: [scenario.programAddress], subject: "Barcelona",
                                     text: "Hi,\n\nA friend told me about the Speed Mentoring at the summit in Barcelona. Count me in!\n\nPaz\n")
        let report = try scenario.processOK()
        #expect(report["answered"] as? Int == 1, "\(report)")
        let answer = try #require(try inbox(late).last { $0.subject?.contains("Barcelona") == true })
        #expect(answer.textBody?.contains("Thank you: you are coming to Speed Mentoring at the Summit") == true, "\(answer.textBody ?? "")")
        let calendar = try #require(answer.leafParts.first { $0.contentType == "text/calendar" }, "the answer carries the calendar")
        #expect(ICalendar.parse(calendar.decodedText()).events.first?.sequence == 1)
        #expect(try inbox(late).count(where: { $0.subject?.contains("Speed Mentoring") == true && $0.subject?.contains("Barcelona") != true }) == 0,
                "no separate invitation asking for the answer they gave")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(try mentormail(["event", "show", String(eventID), "--json"]).utf8)) as? [String: Any])
        #expect((shown["accepted"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["\(late)@example.org"])
        #expect(shown["invited"] as? Int == 5)
    }

    @Test func aRequestThatCannotBePlacedGoesToTheCoordinators() throws {
        // No event upcoming: the mail is held for the coordinators, not answered with the general help.
        try importCSV([late])
        try scenario.processOK()
        try scenario.servers.deliver(from: "\(late)@example.org", to: [scenario.programAddress], subject: "Speed mentoring",
                                     text: "Can I come to the speed mentoring?\n")
        let report = try scenario.processOK()
        #expect(report["held"] as? Int == 1, "\(report)")
        #expect(report["helped"] as? Int == 0, "\(report)")
        let held = try mentormail(["held", "list"])
        #expect(held.contains("no event is upcoming"), "\(held)")
        let told = try #require(try inbox(late).last)
        #expect(told.textBody?.contains("We got your message, but could not tell") != true, "\(told.textBody ?? "")")
    }
}
