import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Outbox failures by kind, through the real SMTP server: a 550 is final at once, a 451 is
/// retried with back-off and parked after the last attempt; the coordinators get the server's
/// words in the digest, and only the run that met the failure exits with 1.
@Suite struct OutboxFailureTests {
    static let start = Date(timeIntervalSince1970: 1_799_658_000)

    func process(_ scenario: ServerScenario, minutes: Double) throws -> (status: Int32, report: [String: Any]) {
        let result = try CommandRunner.run(["process", "--config", scenario.configPath, "--json",
                                            "--now", Self.start.addingTimeInterval(minutes * 60).formatted(.iso8601)])
        return (result.status, try scenario.report(result))
    }

    @Test func aPermanentRefusalIsFinalAtOnceAndATemporaryOneIsRetriedThenParked() throws {
        let scenario = try ServerScenario()
        let rejected = "reject-\(TestServers.uniqueUser("gone"))@example.org"
        let later = "tempfail-\(TestServers.uniqueUser("busy"))@example.org"
        let fine = TestServers.uniqueUser("fine")
        for address in [rejected, later, "\(fine)@example.org"] {
            try scenario.servers.deliver(from: address, to: [scenario.programAddress], subject: "Joining", text: "Hello, how do I join?\n")
        }
        let first = try process(scenario, minutes: 0)
        #expect(first.status == 1, "the run that met the failures says so")
        #expect(first.report["sent"] as? Int == 2, "the answer that went, and the digest naming the refusal")
        #expect(first.report["sendFailures"] as? Int == 2)
        #expect(try scenario.servers.messages(of: fine).count == 1)
        // The digest of the same run names the refusal.
        let digest = try #require(try scenario.coordinatorInbox().last)
        #expect(digest.subject == "Test Mentoring: mail that could not be delivered", "\(digest.subject ?? "")")
        #expect(digest.textBody?.contains("signup-form to \(rejected)") == true)
        #expect(digest.textBody?.contains("User unknown in local recipient table") == true)

        let rows = try scenario.database().outbox()
        let refused = try #require(rows.first { $0.recipients == rejected })
        #expect(refused.status == .failed, "a 550 is not retried")
        #expect(refused.attempts == 1)
        #expect(refused.lastError?.contains("550 5.1.1") == true, "the server's own words: \(refused.lastError ?? "")")
        let deferred = try #require(rows.first { $0.recipients == later })
        #expect(deferred.status == .queued, "a 451 is tried again")
        #expect(deferred.lastError?.contains("451 4.3.0") == true)

        // The next run, before the retry is due: nothing fails, exit 0, and no second digest.
        let second = try process(scenario, minutes: 0.5)
        #expect(second.status == 0)
        #expect(try scenario.coordinatorInbox().count == 1)

        // The temporary failure: retried with back-off, then parked after the 8th attempt.
        var minutes = 0.5
        for _ in 0..<12 {
            minutes += 400
            _ = try process(scenario, minutes: minutes)
        }
        let parked = try #require(try scenario.database().outbox().first { $0.recipients == later })
        #expect(parked.status == .failed)
        #expect(parked.attempts == 8)
        _ = try process(scenario, minutes: minutes + 1)
        #expect(try scenario.coordinatorInbox().last?.textBody?.contains("signup-form to \(later)") == true)

        // outbox list shows them; resend queues one again.
        let listed = try CommandRunner.run(["outbox", "list", "--status", "failed", "--json", "--config", scenario.configPath])
        let failed = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(Set(failed.compactMap { $0["to"] as? String }) == [rejected, later])
        // The text table calls the one that used up its retries parked, as `--status parked` does.
        let table = try CommandRunner.run(["outbox", "list", "--status", "parked", "--config", scenario.configPath]).stdout
        #expect(table.contains(later) && table.contains("parked") && !table.contains(rejected), "\(table)")
        let resent = try CommandRunner.run(["outbox", "resend", String(refused.id ?? 0), "--config", scenario.configPath])
        #expect(resent.status == 0, "\(resent.stderr)")
        #expect(try scenario.database().outbox().first { $0.id == refused.id }?.status == .queued)
    }

    /// Finding: a wrong SMTP password failed every answer "for good" (535 is a 5xx), one login
    /// per message, and nothing was sent after the password was fixed. A refused login stops
    /// the run's sending after one try, says to check the password, and parks nothing.
    @Test func aRefusedLoginStopsSendingAndTheFirstRunWithTheRightPasswordSendsAll() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: "url = \"\(scenario.servers.smtpURL)\"\nstarttls = \"never\"",
                                with: "url = \"\(scenario.servers.smtpURL)\"\nstarttls = \"never\"\nuser = \"\(scenario.programUser)\"\npassword_env = \"MM_SMTP_PASSWORD\"")
        let people = (0..<3).map { TestServers.uniqueUser("auth\($0)") }
        for person in people {
            try scenario.servers.deliver(from: "\(person)@example.org", to: [scenario.programAddress], subject: "Joining", text: "Hello, how do I join?\n")
        }
        func process(password: String, minutes: Double) throws -> CommandRunner.Result {
            try CommandRunner.run(["process", "--config", scenario.configPath, "--json", "--now", Self.start.addingTimeInterval(minutes * 60).formatted(.iso8601)],
                                  environment: ["MM_SMTP_PASSWORD": password])
        }
        let wrong = try process(password: "rotated-old", minutes: 0)
        #expect(wrong.status == 1)
        let report = try scenario.report(wrong)
        #expect(report["sent"] as? Int == 0 && report["sendFailures"] as? Int == 1, "one login tried, not one per answer: \(report)")
        let problems = (report["problems"] as? [String] ?? []).joined(separator: "\n")
        #expect(problems.contains("refused our login") && problems.contains("password_env"), "\(problems)")
        #expect(!wrong.stderr.contains("rotated-old"), "no password in the logs")
        let rows = try scenario.database().outbox()
        #expect(rows.count == 3 && rows.allSatisfy { $0.status == .queued && $0.attempts == 0 }, "\(rows.map { ($0.status, $0.attempts) })")
        #expect(rows.filter { $0.lastError?.contains("535") == true }.count == 1, "the one tried keeps the words: \(rows.map(\.lastError))")

        let right = try process(password: scenario.servers.password, minutes: 10)
        #expect(right.status == 0, "\(right.stderr)")
        #expect(try scenario.report(right)["sent"] as? Int == 3)
        for person in people { #expect(try scenario.servers.messages(of: person).count == 1) }
    }

    /// The operator fixes the SMTP server and need not wait out the back-off: `resend` makes a
    /// queued message due now; a sent one is refused, as it would arrive twice.
    @Test func resendSendsAWaitingMessageNowAndRefusesASentOne() throws {
        let scenario = try ServerScenario()
        let config = try String(contentsOfFile: scenario.configPath, encoding: .utf8)
        let closed = config.replacingOccurrences(of: "url = \"\(scenario.servers.smtpURL)\"", with: "url = \"smtp://127.0.0.1:1\"")
        #expect(closed != config)
        try closed.write(toFile: scenario.configPath, atomically: true, encoding: .utf8)
        try scenario.participantWrites()
        let first = try process(scenario, minutes: 0)
        #expect(first.status == 1)
        #expect(first.report["sendFailures"] as? Int == 1)
        let waiting = try #require(try scenario.database().outbox().first)
        #expect(waiting.status == .queued)
        #expect(waiting.attempts == 0 && waiting.nextAttemptAt <= Self.start, "a failed connection is not held against the message")

        try config.write(toFile: scenario.configPath, atomically: true, encoding: .utf8)
        let at = Self.start.addingTimeInterval(10).formatted(.iso8601)
        let resent = try CommandRunner.run(["outbox", "resend", String(waiting.id ?? 0), "--config", scenario.configPath, "--now", at])
        #expect(resent.status == 0, "\(resent.stderr)")
        #expect(resent.stdout.contains("goes out with the next `mentormail process`"), "\(resent.stdout)")
        // Before the back-off would have let it go.
        let second = try process(scenario, minutes: 0.25)
        #expect(second.status == 0)
        #expect(second.report["sent"] as? Int == 1)
        let answers = try scenario.servers.messages(of: scenario.participantUser)
        #expect(answers.count == 1)
        #expect(answers.first?.messageID == waiting.messageID, "the same message, the same Message-ID")

        let again = try CommandRunner.run(["outbox", "resend", String(waiting.id ?? 0), "--config", scenario.configPath])
        #expect(again.status == 65)
        #expect(again.stderr.contains("was sent"), "\(again.stderr)")
        #expect(again.stderr.contains("twice"), "\(again.stderr)")
        _ = try process(scenario, minutes: 1)
        #expect(try scenario.servers.messages(of: scenario.participantUser).count == 1)
    }

    /// Finding F-f: `outbox --help` said a temporary failure "(4xx, no connection) is retried with
    /// back-off and marked failed after 8 attempts", but with no connection the mail stays queued
    /// with no attempt counted, however many runs meet it. The help says what the runs do.
    @Test func theHelpSaysThatMailStaysQueuedWhileTheServerCannotBeReached() throws {
        let scenario = try ServerScenario()
        let config = try String(contentsOfFile: scenario.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "url = \"\(scenario.servers.smtpURL)\"", with: "url = \"smtp://127.0.0.1:1\"")
            .write(toFile: scenario.configPath, atomically: true, encoding: .utf8)
        try scenario.participantWrites()
        for run in 0..<10 { _ = try process(scenario, minutes: Double(run) * 400) }
        let waiting = try #require(try scenario.database().outbox().first)
        #expect(waiting.status == .queued && waiting.attempts == 0, "\(waiting.status) after \(waiting.attempts) attempts")

        let help = try CommandRunner.run(["outbox", "--help"], environment: ["COLUMNS": "400"])
        #expect(help.status == 0)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!words.contains("no connection) is retried"), "\(words)")
        for said in ["no connection", "stays queued", "no attempt counted", "after 8 attempts"] {
            #expect(words.contains(said), "\(said) not in: \(words)")
        }
    }
}
