import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// `mentormail outbox cancel` run as coordinators run it, between real runs through the test
/// IMAP and SMTP servers: the cancelled answer never reaches its reader, the rest of the run's
/// mail does, and `outbox resend` sends it after all.
@Suite struct OutboxCancelEndToEndTests {
    static let start = Date(timeIntervalSince1970: 1_799_658_000)

    func mentormail(_ arguments: [String], _ scenario: ServerScenario, minutes: Double = 0) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments + ["--config", scenario.configPath, "--now", Self.start.addingTimeInterval(minutes * 60).formatted(.iso8601)])
    }

    func json<T>(_ result: CommandRunner.Result, as type: T.Type = [String: Any].self) throws -> T {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? T, "\(result.stdout)\(result.stderr)")
    }

    @Test func aCancelledAnswerNeverReachesItsReaderWhileTheRunSendsTheRest() throws {
        let scenario = try ServerScenario()
        let bob = TestServers.uniqueUser("bob")
        let bobAddress = "\(bob)@example.org"
        // Sending is down for the first run: both answers wait in the outbox.
        let config = try String(contentsOfFile: scenario.configPath, encoding: .utf8)
        try scenario.editConfig(replacing: "url = \"\(scenario.servers.smtpURL)\"", with: "url = \"smtp://127.0.0.1:1\"")
        try scenario.participantWrites()
        try scenario.servers.deliver(from: bobAddress, to: [scenario.programAddress], subject: "Joining", text: "Hello, how do I join?\n")
        let first = try mentormail(["process", "--json"], scenario)
        #expect(first.status == 1, "\(first.stderr)")
        let rows = try scenario.database().outbox()
        let toAlice = try #require(rows.first { $0.recipients == scenario.participantAddress })
        let toBob = try #require(rows.first { $0.recipients == bobAddress })
        #expect(toAlice.status == .queued && toBob.status == .queued)
        let alice = String(try #require(toAlice.id)), bobs = String(try #require(toBob.id))
        try config.write(toFile: scenario.configPath, atomically: true, encoding: .utf8)

        let help = try mentormail(["outbox", "cancel", "--help"], scenario)
        #expect(help.status == 0 && help.stdout.contains("--reason") && help.stdout.contains("mentormail outbox cancel")
                && help.stdout.contains("outbox resend"), "\(help.stdout)")

        // A dry run says what would be cancelled and changes nothing.
        let dry = try mentormail(["outbox", "cancel", alice, "--dry-run", "--json"], scenario)
        #expect(dry.status == 0, "\(dry.stderr)")
        let plan = try json(dry)
        #expect(plan["dryRun"] as? Bool == true)
        #expect((plan["cancelled"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [Int(toAlice.id ?? 0)], "\(dry.stdout)")
        #expect(try scenario.database().outbox(status: .queued).count == 2)

        // One unknown id: nothing is cancelled, and the id is named.
        let refused = try mentormail(["outbox", "cancel", alice, "99999"], scenario)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("#99999") && refused.stderr.contains("nothing was cancelled"), "\(refused.stderr)")
        #expect(try scenario.database().outbox(status: .queued).count == 2)

        let cancelled = try mentormail(["outbox", "cancel", alice, "--reason", "wrong person", "--json"], scenario)
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(try json(cancelled)["reason"] as? String == "wrong person")
        let listed = try json(try mentormail(["outbox", "list", "--status", "cancelled", "--json"], scenario), as: [[String: Any]].self)
        #expect(listed.map { $0["to"] as? String } == [scenario.participantAddress] && listed.first?["status"] as? String == "cancelled", "\(listed)")
        let table = try mentormail(["outbox", "list", "--status", "cancelled"], scenario).stdout
        #expect(table.contains("wrong person"), "the list says why: \(table)")
        #expect(try json(try mentormail(["status", "--json"], scenario))["cancelled"] as? Int == 1)

        // The next runs send Bob's answer and never Alice's.
        let second = try mentormail(["process", "--json"], scenario, minutes: 1)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try scenario.report(second)["sent"] as? Int == 1)
        #expect(try scenario.servers.messages(of: bob).count == 1)
        _ = try mentormail(["process", "--json"], scenario, minutes: 600)
        #expect(try scenario.participantInbox().isEmpty, "the cancelled answer never went out")

        // Sent mail cannot be taken back.
        let late = try mentormail(["outbox", "cancel", bobs], scenario, minutes: 601)
        #expect(late.status == 65 && late.stderr.contains("#\(bobs)") && late.stderr.contains("was sent"), "\(late.stderr)")

        // Resend queues the cancelled answer again: the same message goes out.
        let resent = try mentormail(["outbox", "resend", alice], scenario, minutes: 602)
        #expect(resent.status == 0, "\(resent.stderr)")
        _ = try mentormail(["process", "--json"], scenario, minutes: 603)
        let answers = try scenario.participantInbox()
        #expect(answers.count == 1 && answers.first?.messageID == toAlice.messageID)
    }
}
