import Foundation
import Testing
@testable import MentorMail
import Mail

/// A coordinator takes someone out, pauses or brings back a participant from the command line,
/// as the person's own confirmed request does.
@Suite struct CoordinatorParticipationTests {
    /// Ana (mentee) and Maria (mentor) matched in round 2027-Q1 and approved: their
    /// introduction is queued.
    static func approvePair(in program: ProcessorTests.Program) throws {
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ana Ruiz"),
                                              status: .active, source: "test", origin: "email", roundID: round.id, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.org", profile: MatchingWorkflowTests.profile("mentor", "Maria", capacity: 1),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
    }

    /// Ana (mentee) and Maria (mentor) introduced as a pair; Ben waits in the pool.
    func pairedProgram() throws -> (ProcessorTests.Program, String) {
        let program = try ProcessorTests.Program()
        try Self.approvePair(in: program)
        _ = try program.run()
        #expect(try program.database.pairs().first?.status == "introduced")
        return (program, try program.writeConfigFile().path)
    }

    func mentormail(_ arguments: [String], config: String, at program: ProcessorTests.Program) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments + ["--config", config, "--now", program.now.addingTimeInterval(3_600).formatted(.iso8601)])
    }

    @Test func aCoordinatorWithdrawsAParticipantAsTheirOwnWithdrawDoes() throws {
        let (program, config) = try pairedProgram()
        let before = try program.sent().count

        // A dry run shows what would happen and changes nothing.
        let dry = try mentormail(["participants", "withdraw", "ANA@example.net", "--reason", "asked by phone", "--dry-run", "--json"],
                                 config: config, at: program)
        #expect(dry.status == 0, "\(dry.stdout)\(dry.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any], "\(dry.stdout)")
        #expect(plan["after"] as? String == "withdrawn" && plan["pairsEndedWith"] as? [String] == ["Maria"] && plan["dryRun"] as? Bool == true)
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active)
        #expect(try program.database.pairs().first?.status == "introduced")

        let done = try mentormail(["participants", "withdraw", "ana@example.net", "--reason", "asked by phone"], config: config, at: program)
        #expect(done.status == 0, "\(done.stdout)\(done.stderr)")
        #expect(done.stdout.contains("withdrawn") && done.stdout.contains("Maria"), "\(done.stdout)")
        #expect(try program.database.participant(email: "ana@example.net")?.status == .withdrawn)
        #expect(try program.database.pairs().first?.status == "ended")
        _ = try program.run(at: program.now.addingTimeInterval(7_200))
        let mail = try program.sent().dropFirst(before)
        let toAna = try #require(mail.first { $0.to.map(\.normalized) == ["ana@example.net"] })
        #expect(toAna.subject?.isEmpty == false && toAna.subject != "Test Mentoring", "\(toAna.subject ?? "")")
        let text = toAna.textBody ?? ""
        #expect(text.contains("You have left the program") && text.contains("A coordinator") && text.contains("Maria"), "\(text)")
        let toMaria = try #require(mail.first { $0.to.map(\.normalized) == ["maria@example.org"] })
        #expect(toMaria.subject?.contains("Ana Ruiz can no longer continue") == true, "\(toMaria.subject ?? "")")

        // Again: nothing to do, said plainly.
        let again = try mentormail(["participants", "withdraw", "ana@example.net"], config: config, at: program)
        #expect(again.status != 0 && again.stderr.contains("already withdrawn"), "\(again.stderr)")
    }

    @Test func aPauseWithNoTellTellsOnlyThePartnerAndResumeBringsThemBack() throws {
        let (program, config) = try pairedProgram()
        let before = try program.sent().count
        let paused = try mentormail(["participants", "pause", "maria@example.org", "--no-tell"], config: config, at: program)
        #expect(paused.status == 0, "\(paused.stdout)\(paused.stderr)")
        #expect(try program.database.participant(email: "maria@example.org")?.status == .paused)
        #expect(try program.database.pairs().first?.status == "ended")
        _ = try program.run(at: program.now.addingTimeInterval(7_200))
        let mail = try program.sent().dropFirst(before)
        #expect(!mail.contains { $0.to.map(\.normalized).contains("maria@example.org") }, "--no-tell: the person is not told")
        #expect(mail.contains { $0.to.map(\.normalized) == ["ana@example.net"] && $0.subject?.contains("Maria can no longer continue") == true })

        let resumed = try mentormail(["participants", "resume", "maria@example.org", "--json"], config: config, at: program)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(try program.database.participant(email: "maria@example.org")?.status == .active)
        let count = try program.sent().count
        _ = try program.run(at: program.now.addingTimeInterval(10_800))
        let back = try #require(try program.sent().dropFirst(count).first { $0.to.map(\.normalized) == ["maria@example.org"] })
        #expect(back.textBody?.contains("Welcome back") == true && back.textBody?.contains("A coordinator") == true, "\(back.textBody ?? "")")
    }

    @Test func anUnknownAddressIsNamed() throws {
        let (program, config) = try pairedProgram()
        let result = try mentormail(["participants", "pause", "nobody@example.net"], config: config, at: program)
        #expect(result.status != 0 && result.stderr.contains("no participant has the address nobody@example.net"), "\(result.stderr)")
    }
}
