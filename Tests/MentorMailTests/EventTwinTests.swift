import Foundation
import Mail
@testable import MentorMail
import Testing

/// `event create` run again with the name and start of an event still to come (as people do
/// instead of `event update`) makes no second event: it is refused, naming the event there is
/// and the update that changes it, unless `--force` says a second one is wanted.
@Suite struct EventTwinTests {
    /// Finding: the same create run twice (the second without --audience) made a twin event;
    /// every mentee got two identical invitations, and cancelling the twin told those who had
    /// said yes that the event was off.
    @Test func aSecondCreateWithTheSameNameAndStartIsRefusedUnlessForced() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-twin", subfolders: CommandRunner.maildirFolders)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "p.sqlite")
        let now = "2026-11-01T09:00:00Z"
        func mentormail(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(arguments + ["--config", config.path, "--now", now])
        }
        func create(_ name: String, at: String = "2027-05-10T14:00", tz: String = "America/Vancouver", _ extra: [String] = []) throws -> CommandRunner.Result {
            try mentormail(["event", "create", name, "--at", at, "--tz", tz, "--duration", "90m", "--capacity", "4", "--tables", "2",
                            "--rotations", "2", "--location", "Hall B"] + extra)
        }
        let database = try AppDatabase(path: folder.appendingPathComponent("p.sqlite").path)
        try database.write { db in
            for (email, name, role) in [("ana@example.net", "Ana Souza", "mentee"), ("maria@example.org", "Maria Garcia", "mentor")] {
                let profile = MatchingWorkflowTests.profile(role, name, areas: ["nova"], capacity: role == "mentor" ? 2 : 0)
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: nil, now: Date())
            }
        }
        let first = try create("Speed Mentoring, Vancouver", ["--audience", "mentees"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try mentormail(["process"]).status == 0)

        // The same create again, without --audience: refused, and nothing is stored or sent.
        let again = try create("Speed Mentoring, Vancouver")
        #expect(again.status == 65, "\(again.stdout)\(again.stderr)")
        let said = again.stderr.replacingOccurrences(of: "\n", with: " ")
        #expect(said.contains("event 1 (Speed Mentoring, Vancouver)") && said.contains("2027-05-10 14:00"), "\(said)")
        #expect(said.contains("mentormail event update 1 --audience all"), "the update that changes what differs: \(said)")
        #expect(said.contains("--force"), "\(said)")
        // A create that leaves the place out suggests no update that would clear it.
        let placeless = try mentormail(["event", "create", "Speed Mentoring, Vancouver", "--at", "2027-05-10T14:00", "--tz", "America/Vancouver",
                                        "--duration", "90m", "--capacity", "4", "--tables", "2", "--rotations", "2"])
        #expect(placeless.status == 65 && !placeless.stderr.contains("--location \"\""), "\(placeless.stderr)")
        // Another spelling of the same name is the same event; so is the same instant given in another zone.
        #expect(try create("speed mentoring - Vancouver").status == 65)
        #expect(try create("Speed Mentoring, Vancouver", at: "2027-05-10T23:00", tz: "Europe/Berlin").status == 65)
        #expect(try database.events().count == 1)
        #expect(try mentormail(["process"]).status == 0)
        let outbox = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("outbox").path)
        let toAna = try outbox.filter { file in
            try String(contentsOf: folder.appendingPathComponent("outbox").appendingPathComponent(file), encoding: .utf8).contains("To: Ana Souza <ana@example.net>")
        }
        #expect(toAna.count == 1, "one invitation: \(outbox)")

        // Another start, or --force, makes a second event; a cancelled one is no twin.
        #expect(try create("Speed Mentoring, Vancouver", at: "2027-05-11T14:00").status == 0)
        let forced = try create("Speed Mentoring, Vancouver", ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try mentormail(["event", "cancel", "1"]).status == 0)
        #expect(try mentormail(["event", "cancel", "3"]).status == 0)
        #expect(try create("Speed Mentoring, Vancouver").status == 0, "events 1 and 3 are cancelled")
        let help = try CommandRunner.run(["event", "create", "--help"])
        #expect(help.stdout.contains("--force"), "\(help.stdout)")
    }
}
