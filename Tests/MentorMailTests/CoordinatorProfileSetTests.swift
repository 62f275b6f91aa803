import Foundation
import Testing
@testable import MentorMail
import Mail

/// A coordinator changes profile lines a participant asked for by phone or in a held mail
/// (`mentormail participants set`), as the person's own lines would; the person is told.
@Suite struct CoordinatorProfileSetTests {
    let pairs = CoordinatorParticipationTests()

    /// Ana (mentee: technical, Nova, IRC and email) waits in the pool.
    func program() throws -> (ProcessorTests.Program, String) {
        let program = try ProcessorTests.Program()
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ana Ruiz"),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        return (program, try program.writeConfigFile().path)
    }

    /// Finding: a change asked in a mail held for the coordinators ("pourriez-vous me passer au
    /// mentorat de carrière ?") had no command to carry it out.
    @Test func aCoordinatorSetsLinesAndThePersonIsTold() throws {
        let (program, config) = try program()
        let dry = try pairs.mentormail(["participants", "set", "ANA@example.net", "Mentoring type: career", "--dry-run", "--json"],
                                       config: config, at: program)
        #expect(dry.status == 0, "\(dry.stdout)\(dry.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any], "\(dry.stdout)")
        let changes = try #require(plan["changes"] as? [[String: String]])
        #expect(changes == [["field": "Mentoring type", "before": "technical", "after": "career"]], "\(changes)")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.mentoringTypes == ["technical"], "a dry run changes nothing")

        let done = try pairs.mentormail(["participants", "set", "ana@example.net", "Mentoring type: career", "Interaction: email, video",
                                         "--reason", "asked by phone"], config: config, at: program)
        #expect(done.status == 0, "\(done.stdout)\(done.stderr)")
        #expect(done.stdout.contains("Mentoring type: technical → career") && done.stdout.contains("Interaction: IRC, email → email, video"), "\(done.stdout)")
        let profile = try #require(try program.database.participant(email: "ana@example.net")?.profile)
        #expect(profile.mentoringTypes == ["career"] && profile.interactions == ["email", "video"] && profile.areas == ["nova"])
        #expect(try program.database.profileHistory(email: "ana@example.net").count == 2, "the version before is kept")

        let before = try program.sent().count
        _ = try program.run(at: program.now.addingTimeInterval(7_200))
        let told = try #require(try program.sent().dropFirst(before).first { $0.to.map(\.normalized) == ["ana@example.net"] })
        #expect(told.subject == "Test Mentoring: your profile is updated", "\(told.subject ?? "")")
        let text = told.textBody ?? ""
        #expect(text.contains("As you asked, a coordinator changed your profile") && text.contains("Mentoring type: career")
                && text.contains("Interaction: email, video"), "\(text)")
        #expect(!text.contains("This is what we understood"), "\(text)")
    }

    @Test func aLineThatCannotBeReadChangesNothingAndSaysWhatToWrite() throws {
        let (program, config) = try program()
        let unknown = try pairs.mentormail(["participants", "set", "ana@example.net", "Favourite colour: blue"], config: config, at: program)
        #expect(unknown.status == 65 && unknown.stderr.contains("\"Favourite colour\" is not a profile field")
                && unknown.stderr.contains("Mentoring type"), "\(unknown.status) \(unknown.stderr)")
        let wrong = try pairs.mentormail(["participants", "set", "ana@example.net", "Capacity: lots"], config: config, at: program)
        #expect(wrong.status != 0 && wrong.stderr.contains("Capacity") && wrong.stderr.contains("e.g.") && !wrong.stderr.contains(".;"), "\(wrong.stderr)")
        let empty = try pairs.mentormail(["participants", "set", "ana@example.net", "Mentoring type:"], config: config, at: program)
        #expect(empty.status == 65 && empty.stderr.contains("Mentoring type: no value given") && !empty.stderr.contains("not a profile field"),
                "\(empty.stderr)")
        let same = try pairs.mentormail(["participants", "set", "ana@example.net", "Mentoring type: technical"], config: config, at: program)
        #expect(same.status != 0 && same.stderr.contains("nothing to change"), "\(same.stderr)")
        let nobody = try pairs.mentormail(["participants", "set", "nobody@example.net", "Capacity: 2"], config: config, at: program)
        #expect(nobody.status != 0 && nobody.stderr.contains("no participant has the address nobody@example.net"), "\(nobody.stderr)")
        #expect(try program.database.participant(email: "ana@example.net")?.profile == MatchingWorkflowTests.profile("mentee", "Ana Ruiz"))
        #expect(try program.database.profileHistory(email: "ana@example.net").count == 1)
    }

    @Test func noTellSendsNothing() throws {
        let (program, config) = try program()
        let done = try pairs.mentormail(["participants", "set", "ana@example.net", "Time zone: Asia/Tokyo", "--no-tell"], config: config, at: program)
        #expect(done.status == 0 && done.stdout.contains("not told"), "\(done.stdout)\(done.stderr)")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.timeZone == "Asia/Tokyo")
        let before = try program.sent().count
        _ = try program.run(at: program.now.addingTimeInterval(7_200))
        #expect(try !program.sent().dropFirst(before).contains { $0.to.map(\.normalized) == ["ana@example.net"] })
    }
}
