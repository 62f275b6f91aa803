import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Finding: with its database moved away (or on a disk not mounted), `process` made a new
/// empty one without a word, though the mailbox held mail earlier runs had handled: every
/// participant's next mail would have been a newcomer's, answered with the sign-up form.
@Suite struct MissingDatabaseTests {
    /// Through the real Dovecot: the refusal names the database, the mailbox and the way out,
    /// reads and sends nothing, and `--new-database` is the way to start afresh.
    @Test func aRunRefusesANewDatabaseBesideAMailboxItHasHandled() throws {
        let scenario = try ServerScenario()
        defer { try? FileManager.default.removeItem(at: scenario.folder) }
        try scenario.participantWrites()
        try scenario.processOK()
        #expect(try scenario.participantInbox().count == 1, "the sign-up form")

        let database = scenario.folder.appendingPathComponent("state/mentormail.sqlite")
        let moved = scenario.folder.appendingPathComponent("moved.sqlite")
        try FileManager.default.moveItem(at: database, to: moved)
        try scenario.participantWrites(subject: "Re: the form", text: "Role: mentee\nTime zone: Europe/Lisbon\n")

        let refused = try scenario.process()
        #expect(refused.status == 78, "\(refused.stderr)")
        #expect(refused.stderr.contains("no database at \(database.path)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("already holds mail an earlier run handled"), "\(refused.stderr)")
        #expect(refused.stderr.contains("restore the database") && refused.stderr.contains("--new-database"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database.path), "no new database was made")
        #expect(try scenario.participantInbox().count == 1, "nothing was sent")

        let doctor = try CommandRunner.run(["doctor", "--json", "--config", scenario.configPath])
        #expect(doctor.status != 0, "\(doctor.stdout)")
        #expect(doctor.stdout.contains("the mailbox holds mail an earlier run handled") && doctor.stdout.contains("--new-database"), "\(doctor.stdout)")

        let look = try CommandRunner.run(["process", "--dry-run", "--config", scenario.configPath])
        #expect(look.status == 0, "\(look.stderr)")
        #expect(look.stderr.contains("a real run would refuse"), "\(look.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database.path))

        // The database back where it belongs: the waiting mail is read as the participant's.
        try FileManager.default.moveItem(at: moved, to: database)
        let report = try scenario.processOK()
        #expect(report["examined"] as? Int == 1)
        #expect(try scenario.database().participant(email: scenario.participantAddress)?.profile.timeZone == "Europe/Lisbon")
    }

    @Test func newDatabaseStartsAfreshOnAMailboxInUse() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-missing-db", subfolders: CommandRunner.maildirFolders)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "state.sqlite")
        func arrive(_ name: String, _ text: String) throws {
            try Data("From: Ana <ana@example.net>\nTo: p@example.org\nSubject: Hello\nMessage-ID: <\(name)@example.net>\n\n\(text)\n".utf8)
                .write(to: folder.appendingPathComponent("mailbox/new/\(name).eml"))
        }
        try arrive("first", "I would like to become a mentee.")
        #expect(try CommandRunner.run(["process", "--quiet", "--config", config.path]).status == 0, "a first run creates the database")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("state.sqlite"))
        try arrive("second", "Role: mentee")

        let refused = try CommandRunner.run(["process", "--config", config.path])
        #expect(refused.status == 78, "\(refused.stderr)")
        #expect(refused.stderr.contains("Maildir") && refused.stderr.contains("--new-database"), "\(refused.stderr)")
        let doctor = try CommandRunner.run(["doctor", "--config", config.path])
        #expect(doctor.stdout.contains("does not exist, but the mailbox holds mail an earlier run handled"), "\(doctor.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("mailbox/new").path).count == 1,
                "the new message stays unread")

        let afresh = try CommandRunner.run(["process", "--new-database", "--quiet", "--config", config.path])
        #expect(afresh.status == 0, "\(afresh.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("state.sqlite").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("mailbox/new").path).isEmpty)
    }

    /// A first run on a mailbox no run has flagged creates the database as always.
    @Test func aFirstRunOnAnUnhandledMailboxCreatesTheDatabase() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-first-db", subfolders: CommandRunner.maildirFolders)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "state.sqlite")
        try Data("From: Ana <ana@example.net>\nTo: p@example.org\nSubject: Hello\nMessage-ID: <a@example.net>\n\nHello\n".utf8)
            .write(to: folder.appendingPathComponent("mailbox/cur/old.eml:2,S"))
        let first = try CommandRunner.run(["process", "--quiet", "--config", config.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("state.sqlite").path))
    }
}
