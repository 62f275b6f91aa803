import Foundation
import GRDB
import Logging
import Mail
import MailTransport
@testable import MentorMail
import Testing

/// Every error the program can meet ends in a documented exit code and a line that says what to do.
@Suite struct ErrorTests {
    @Test func everyKindOfErrorMapsToAnExitCodeAndAnAction() {
        let cases: [(any Error, Int32, String)] = [
            (DatabaseError(resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database"), 69, "permissions"),
            (DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"), 69, "free disk space"),
            (DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked"), 75, "try again"),
            (DatabaseError(resultCode: .SQLITE_CORRUPT, message: "malformed"), 69, "restore it from a backup"),
            (DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "UNIQUE constraint failed"), 70, "please report it"),
            (TransportError("IMAP imap://x: login denied"), 69, "check the server settings"),
            (MailError("a header holds a line break"), 65, "line break"),
            (CocoaError(.fileReadUnknown), 70, "please report it"),
        ]
        for (error, code, advice) in cases {
            let mapped = MentorMailError.from(error)
            #expect(mapped.exitCode == code, "\(error)")
            #expect(mapped.message.contains(advice), "\(mapped.message)")
        }
        let own = MentorMailError(.config, "x")
        #expect(MentorMailError.from(own).exitCode == 78)
    }

    /// An error that points to doctor carries that hint, and its fix, apart from its detail: a run
    /// says all three, and doctor says the detail as it was made and the fix on its own line.
    @Test func theHintToRunDoctorIsKeptApartFromTheDetail() throws {
        let server = Config.Server(url: "imap://127.0.0.1:1/INBOX", user: "ana", passwordEnv: "MENTORMAIL_NEVER_SET", caFile: nil,
                                   startTLS: .never, moveTo: nil)
        let error = try #require(throws: MentorMailError.self) { try Transports.credentials(server, "mailbox", [:]) }
        #expect(error.detail.contains("MENTORMAIL_NEVER_SET") && !error.detail.contains("doctor"), "\(error.detail)")
        let fix = try #require(error.fix)
        #expect(error.message == error.detail + ": " + fix + "; `mentormail doctor` checks the whole setup", "\(error.message)")
        // Doctor says the error's own fix, not a guess from its words.
        let check = Doctor.Check.failed("mailbox", error) { _ in "a guess" }
        #expect(check.detail == error.detail && check.fix == fix && check.isConfiguration)
    }

    @Test func aDamagedDatabaseEndsWith69AndSaysWhatToDo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-err-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: folder.appendingPathComponent("p.sqlite"))
        try """
        [program]
        name = "P"
        address = "p@example.org"
        database = "p.sqlite"
        templates = "\(CommandRunner.repository.appendingPathComponent("templates").path)"
        [mailbox]
        url = "maildir:mailbox"
        [smtp]
        url = "dir:outbox"
        """.write(to: folder.appendingPathComponent("mentormail.toml"), atomically: true, encoding: .utf8)
        for command in [["round", "list"], ["process"], ["held", "list"]] {
            let result = try CommandRunner.run(command + ["--config", folder.appendingPathComponent("mentormail.toml").path])
            #expect(result.status == 69, "\(command): \(result.stderr)")
            let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
            #expect(last.hasPrefix("mentormail: cannot open the database"), "\(last)")
            #expect(last.contains("restore it from a backup"), "\(last)")
        }
    }
}

/// Finding: a read-only database was reported as "could not be handled … kept for a
/// coordinator", though nothing could be kept.
@Suite struct UnwritableDatabaseTests {
    @Test func aReadOnlyDatabaseStopsTheRunSaysSoOnceAndLeavesTheMailUnflagged() throws {
        let harness = try ProcessorTests.Program()
        try harness.arriveFixture("signup-request-plain.eml")
        try harness.arriveFixture("signup-request-outlook.eml")
        var configuration = Configuration()
        configuration.readonly = true
        let readOnly = try AppDatabase(DatabaseQueue(path: harness.config.program.database, configuration: configuration))
        let program = MentorMail.Program(config: harness.config, database: readOnly, templates: harness.templates)
        let report = Processor(program: program, mailbox: harness.mailbox, sender: harness.outbox, now: harness.now,
                               logger: Logger(label: "test")).run()
        let stopped = try #require(report.stopped)
        #expect(stopped.contains("cannot be written"), "\(stopped)")
        #expect(stopped.contains("stay unflagged"))
        #expect(!stopped.contains("kept for a coordinator"))
        #expect(report.examined == 1, "it stops at the first message")
        #expect(report.sent == 0)
        #expect(try harness.mailbox.unprocessedUIDs().count == 2, "both stay for the next run")
        // With the database writable again, the next run handles both.
        #expect(try harness.run().answered == 2)
    }
}
