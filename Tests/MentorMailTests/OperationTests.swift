import Foundation
import Mail
@testable import MentorMail
import TestSupport
import Testing

/// What an operator runs: `doctor`, `status` and `outbox`, against the real servers.
@Suite struct OperationTests {
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, environment: environment)
    }

    func checks(_ result: CommandRunner.Result) throws -> [String: [String: Any]] {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stderr)")
        return Dictionary(uniqueKeysWithValues: array.compactMap { check in (check["name"] as? String).map { ($0, check) } })
    }

    @Test func doctorPassesAWorkingSetupAndChangesNothing() throws {
        let scenario = try ServerScenario()
        let result = try run(["doctor", "--config", scenario.configPath, "--json"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        let found = try checks(result)
        #expect(Set(found.keys) == ["config", "templates", "database", "mailbox", "smtp"])
        #expect(found.values.allSatisfy { $0["outcome"] as? String == "ok" }, "\(found)")
        #expect((found["mailbox"]?["detail"] as? String)?.contains("logged in, folder open") == true)
        #expect((found["smtp"]?["detail"] as? String)?.hasSuffix("connected without TLS as configured, no login configured (nothing sent)") == true)
        #expect(!FileManager.default.fileExists(atPath: scenario.folder.appendingPathComponent("state/mentormail.sqlite").path),
                "doctor creates no database")
    }

    @Test func doctorNamesABrokenPasswordAndHowToFixIt() throws {
        let scenario = try ServerScenario()
        let result = try run(["doctor", "--config", scenario.configPath, "--json"], environment: ["MENTORMAIL_TEST_PASSWORD": "wrong"])
        #expect(result.status == 69)
        let mailbox = try #require(try checks(result)["mailbox"])
        #expect(mailbox["outcome"] as? String == "failed")
        #expect((mailbox["fix"] as? String)?.contains("[mailbox] user and the password") == true, "\(mailbox)")
        // The detail says what happened as the run does, with no other advice beside the fix.
        let detail = try #require(mailbox["detail"] as? String)
        #expect(detail.contains("the server refused our login") && detail.contains("AUTHENTICATIONFAILED"), "\(detail)")
        #expect(!detail.contains("check the server settings"), "\(detail)")
        let text = try run(["doctor", "--config", scenario.configPath], environment: ["MENTORMAIL_TEST_PASSWORD": "wrong"])
        #expect(text.stdout.contains("FAIL  mailbox"))
        #expect(!text.stdout.contains("wrong") && !text.stderr.contains("wrong"), "the password never appears")
    }

    /// Finding: with a wrong IMAP password, `process` ended on a line about `held list` and
    /// `outbox list`; the last line (what cron mails) now names the problem itself.
    @Test func aRunThatCannotLogInEndsOnTheLoginProblem() throws {
        let scenario = try ServerScenario()
        let result = try run(["process", "--config", scenario.configPath], environment: ["MENTORMAIL_TEST_PASSWORD": "wrong"])
        #expect(result.status == 1)
        let last = try #require(result.stderr.split(separator: "\n").last.map(String.init))
        #expect(last.hasPrefix("mentormail: the run finished with a problem: "), "\(last)")
        #expect(last.contains("the IMAP server refused our login"), "\(last)")
        #expect(last.contains("check [mailbox] user and the password"), "the words doctor uses: \(last)")
        #expect(!last.contains("held list") && !last.contains("retried by the next run"), "nothing is listed, nothing retries itself: \(last)")
        #expect(!result.stderr.contains("wrong"), "the password never appears")
    }

    /// Finding: a folder that does not exist was diagnosed as a login failure ("Login denied:
    /// Select failed"), with the fix to check the user and password.
    @Test func doctorNamesAMissingFolderAsSuchNotAsALoginFailure() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: "\(scenario.servers.imapURL)/INBOX", with: "\(scenario.servers.imapURL)/NoSuchFolder")
        let result = try run(["doctor", "--config", scenario.configPath, "--json"])
        #expect(result.status == 69)
        let mailbox = try #require(try checks(result)["mailbox"])
        let detail = try #require(mailbox["detail"] as? String)
        #expect(detail.contains("the folder NoSuchFolder does not exist on the server"), "\(detail)")
        #expect(!detail.contains("Login denied"), "\(detail)")
        #expect((mailbox["fix"] as? String)?.hasPrefix("check the folder at the end of [mailbox] url") == true, "\(mailbox)")

        let run = try scenario.process()
        #expect(run.status == 1)
        #expect(run.stderr.contains("does not exist on the server (the server said: "), "\(run.stderr)")
        #expect(run.stderr.contains("check the folder in [mailbox] url (INBOX by default)\n"), "\(run.stderr)")
    }

    @Test func doctorNamesAClosedSMTPPort() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: scenario.servers.smtpURL, with: "smtp://127.0.0.1:1")
        let result = try run(["doctor", "--config", scenario.configPath, "--json"])
        #expect(result.status == 69)
        let found = try checks(result)
        #expect(found["mailbox"]?["outcome"] as? String == "ok")
        #expect(found["smtp"]?["outcome"] as? String == "failed")
        #expect((found["smtp"]?["fix"] as? String)?.contains("host and port") == true, "\(found["smtp"] ?? [:])")
    }

    /// Finding F-g: with starttls = "never" and no user, a closed port read "could not connect,
    /// start TLS and log in": only the steps that were to be taken are named.
    @Test func doctorNamesOnlyTheStepsItWasToTakeOnAClosedSMTPPort() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: scenario.servers.smtpURL, with: "smtp://127.0.0.1:1")
        let detail = try #require(try checks(run(["doctor", "--config", scenario.configPath, "--json"]))["smtp"]?["detail"] as? String)
        #expect(detail.contains("could not connect"), "\(detail)")
        #expect(!detail.contains("TLS") && !detail.contains("log in"), "\(detail)")

        try scenario.editConfig(replacing: "url = \"smtp://127.0.0.1:1\"\nstarttls = \"never\"",
                                with: "url = \"smtp://127.0.0.1:1\"\nstarttls = \"required\"\nuser = \"me\"\npassword_env = \"MM_DOCTOR_SMTP\"")
        let secured = try #require(try checks(run(["doctor", "--config", scenario.configPath, "--json"],
                                                   environment: ["MM_DOCTOR_SMTP": "secret"]))["smtp"]?["detail"] as? String)
        #expect(secured.contains("could not connect, start TLS and log in"), "\(secured)")
    }

    /// Finding F-g: with the variable password_env names unset, doctor exited 69 (a server
    /// unavailable) for what is a setting to fix (78), and its detail sent the reader to
    /// "`mentormail doctor`", the command they ran.
    @Test func doctorCallsAnUnsetPasswordVariableAConfigurationProblem() throws {
        let scenario = try ServerScenario()
        let result = try run(["doctor", "--config", scenario.configPath, "--json"], environment: ["MENTORMAIL_TEST_PASSWORD": ""])
        #expect(result.status == 78, "\(result.stdout)")
        let mailbox = try #require(try checks(result)["mailbox"])
        #expect(mailbox["outcome"] as? String == "failed")
        let detail = try #require(mailbox["detail"] as? String)
        #expect(detail.contains("MENTORMAIL_TEST_PASSWORD") && detail.contains("not set"), "\(detail)")
        #expect(!detail.contains("mentormail doctor"), "\(detail)")
        #expect((mailbox["fix"] as? String)?.contains("export it before running") == true, "\(mailbox)")
        // Finding F21: the detail and its fix said the same advice twice.
        #expect(!detail.contains("export") && !detail.contains("crontab"), "what is wrong, the fix says what to do: \(detail)")
        let text = try run(["doctor", "--config", scenario.configPath], environment: ["MENTORMAIL_TEST_PASSWORD": ""])
        #expect(text.status == 78)
        #expect(!text.stdout.contains("mentormail doctor"), "\(text.stdout)")
        let mailboxLines = text.stdout.split(separator: "\n").drop { !$0.contains("mailbox") }.prefix(2).joined(separator: "\n")
        #expect(mailboxLines.components(separatedBy: "before running").count - 1 == 1, "\(text.stdout)")
        // A run still points to doctor.
        let process = try run(["process", "--config", scenario.configPath], environment: ["MENTORMAIL_TEST_PASSWORD": ""])
        #expect(process.status == 78 && process.stderr.contains("mentormail doctor"), "\(process.stderr)")
    }

    /// Finding F-g: with the templates folder gone, doctor only said to point the config at
    /// the folder `mentormail init` wrote; `init --missing-templates` writes them back.
    @Test func doctorOffersToWriteTheShippedTemplatesIntoAMissingFolder() throws {
        let scenario = try ServerScenario()
        let gone = scenario.folder.appendingPathComponent("templates").path
        try scenario.editConfig(replacing: "templates = \"\(CommandRunner.repository.appendingPathComponent("templates").path)\"",
                                with: "templates = \"\(gone)\"")
        let result = try run(["doctor", "--config", scenario.configPath, "--json"])
        #expect(result.status == 78)
        let templates = try #require(try checks(result)["templates"])
        #expect(templates["outcome"] as? String == "failed")
        let command = "mentormail init --config \(scenario.configPath) --missing-templates"
        let fix = try #require(templates["fix"] as? String)
        #expect(fix.contains(command) && fix.contains("[program] templates"), "\(fix)")

        let written = try run(Array(command.split(separator: " ").dropFirst().map(String.init)))
        #expect(written.status == 0, "\(written.stderr)")
        let again = try checks(run(["doctor", "--config", scenario.configPath, "--json"]))
        #expect(again["templates"]?["outcome"] as? String == "ok", "\(again["templates"] ?? [:])")
    }

    /// Finding: for a password written into the url, the fix said "export the variable".
    @Test func doctorSaysHowToTakeAPasswordOutOfTheURL() throws {
        let scenario = try ServerScenario()
        let url = scenario.servers.imapURL
        try scenario.editConfig(replacing: "url = \"\(url)/INBOX\"", with: "url = \"\(url.replacingOccurrences(of: "imap://", with: "imap://me:hunter2@"))/INBOX\"")
        let result = try run(["doctor", "--config", scenario.configPath, "--json"])
        #expect(result.status == 78, "a configuration error, as `process` says: \(result.stdout)")
        let config = try #require(try checks(result)["config"])
        #expect((config["detail"] as? String)?.contains("[mailbox] url must not hold a user or password: take them out of it") == true, "\(config)")
        #expect(!result.stdout.contains("hunter2") && !result.stderr.contains("hunter2"), "no password shown")
        let process = try run(["process", "--config", scenario.configPath])
        #expect(process.status == 78 && !process.stderr.contains("hunter2"), "\(process.stderr)")
    }

    /// Finding: with starttls = "if-available" and a server without STARTTLS, doctor said
    /// "TLS as configured" while the password went over the wire in clear text.
    @Test func doctorWarnsWhenTheServerOffersNoTLSAndNamesARequiredTLSThatFails() throws {
        let scenario = try ServerScenario()
        let config = try String(contentsOfFile: scenario.configPath, encoding: .utf8)
        let clear = config
            .replacingOccurrences(of: "password_env = \"MENTORMAIL_TEST_PASSWORD\"\nstarttls = \"never\"",
                                  with: "password_env = \"MENTORMAIL_TEST_PASSWORD\"\nstarttls = \"if-available\"\nca_file = \"\(scenario.servers.caFile)\"")
            .replacingOccurrences(of: "url = \"\(scenario.servers.smtpURL)\"\nstarttls = \"never\"",
                                  with: "url = \"\(scenario.servers.smtpURL)\"\nuser = \"\(scenario.programUser)\"\npassword_env = \"MENTORMAIL_TEST_PASSWORD\"")
        try #require(clear.contains("starttls = \"if-available\"") && clear.contains("user = \"\(scenario.programUser)\"\npassword_env"))
        try clear.write(toFile: scenario.configPath, atomically: true, encoding: .utf8)
        let result = try run(["doctor", "--config", scenario.configPath, "--json"])
        #expect(result.status == 0, "a warning, not a failure: \(result.stdout)")
        let found = try checks(result)
        #expect(found["mailbox"]?["outcome"] as? String == "ok", "Dovecot offers STARTTLS: \(found["mailbox"] ?? [:])")
        let smtp = try #require(found["smtp"])
        #expect(smtp["outcome"] as? String == "warning", "\(smtp)")
        #expect((smtp["detail"] as? String)?.hasSuffix("the server offers no TLS: the password is sent unencrypted") == true, "\(smtp)")
        // The fix never advises what would fail here (requiring TLS the server lacks).
        let fix = try #require(smtp["fix"] as? String)
        #expect(fix.hasPrefix("use smtps:// or a server with STARTTLS (then starttls = \"required\" in [smtp] refuses clear text)"), "\(fix)")
        #expect(fix.contains("starttls = \"never\" says so and ends this warning"), "\(fix)")
        let text = try run(["doctor", "--config", scenario.configPath])
        #expect(text.stdout.contains("warn  smtp"), "\(text.stdout)")

        try clear.replacingOccurrences(of: "password_env = \"MENTORMAIL_TEST_PASSWORD\"\n\n", with: "password_env = \"MENTORMAIL_TEST_PASSWORD\"\nstarttls = \"required\"\n\n")
            .write(toFile: scenario.configPath, atomically: true, encoding: .utf8)
        let required = try run(["doctor", "--config", scenario.configPath, "--json"])
        #expect(required.status == 69)
        let refused = try #require(try checks(required)["smtp"])
        #expect(refused["outcome"] as? String == "failed", "\(refused)")
        #expect((refused["fix"] as? String)?.hasPrefix("the server offers no STARTTLS, and [smtp] starttls = \"required\"") == true, "\(refused)")
    }

    /// A run whose password variable is not set says how to set it, and where to look next.
    @Test func aRunWithoutItsPasswordVariableSaysWhatToDo() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: "password_env = \"MENTORMAIL_TEST_PASSWORD\"", with: "password_env = \"MENTORMAIL_UNSET_PASSWORD\"")
        let result = try scenario.process()
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("password_env names MENTORMAIL_UNSET_PASSWORD, but that environment variable is not set: export it before running"),
                "\(result.stderr)")
        #expect(result.stderr.contains("mentormail doctor"), "\(result.stderr)")
    }

    @Test func doctorNamesAnUnknownConfigKey() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: "[smtp]\n", with: "[smtp]\nstarttl = \"never\"\n")
        let result = try run(["doctor", "--config", scenario.configPath])
        #expect(result.status == 78)
        #expect(result.stdout.contains("FAIL  config"))
        #expect(result.stdout.contains("starttl"), "\(result.stdout)")
        #expect(result.stdout.contains("starttls"), "the nearest known name")
    }

    /// Finding: a move_to folder that does not exist passed doctor; the run quoted the logout
    /// as the server's words, and later runs left the handled message where it was, silently.
    @Test func aMissingMoveToFolderIsNamedByDoctorAndEveryRunUntilItExists() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: "[mailbox]\n", with: "[mailbox]\nmove_to = \"Handled\"\n")
        let doctor = try run(["doctor", "--config", scenario.configPath, "--json"])
        #expect(doctor.status == 69)
        let mailbox = try #require(try checks(doctor)["mailbox"])
        #expect(mailbox["outcome"] as? String == "failed")
        #expect((mailbox["detail"] as? String)?.contains("the folder Handled that [mailbox] move_to names does not exist") == true, "\(mailbox)")
        #expect(mailbox["fix"] as? String == "create the folder Handled on the server or fix [mailbox] move_to")

        try scenario.participantWrites(subject: "Hello", text: "Hi, I'd like to join as a mentee.\n")
        let first = try scenario.process()
        #expect(first.status == 1)
        let problems = try #require(try scenario.report(first)["problems"] as? [String])
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.contains("not moved to Handled") == true, "\(problems)")
        #expect(problems.first?.contains("NO") == true && problems.first?.contains("Logout") == false, "the refusal, not the goodbye: \(problems)")
        #expect(problems.first?.hasSuffix("create the folder Handled on the server or fix [mailbox] move_to: every run moves the mail left behind") == true)

        let second = try scenario.process()
        #expect(second.status == 1, "the message left behind is reported again")
        #expect((try scenario.report(second)["problems"] as? [String])?.first?.contains("not moved to Handled") == true)

        try scenario.servers.mailbox(user: scenario.programUser).createFolder("Handled")
        let third = try scenario.process()
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try scenario.servers.messages(of: scenario.programUser, folder: "Handled").count == 1)
        #expect(try scenario.servers.mailbox(user: scenario.programUser).search("ALL").isEmpty)
    }

    @Test func statusShowsTheLastRunHeldMailAndTheOutbox() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Hello", text: "Hi, I'd like to join as a mentee.\n")
        try scenario.processOK()
        let result = try run(["status", "--config", scenario.configPath, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let status = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let lastRun = try #require(status["lastRun"] as? [String: Any])
        let report = try #require(lastRun["report"] as? [String: Any])
        #expect(report["examined"] as? Int == 1)
        #expect(report["sent"] as? Int == 1)
        #expect(status["queued"] as? Int == 0)
        #expect(status["held"] as? Int == 0)
        let text = try run(["status", "--config", scenario.configPath])
        #expect(text.stdout.contains("Last run"))
        #expect(text.stdout.contains("examined 1, answered 1"))
    }

    /// Finding: status said "1 problem(s)" without saying which; only --json had it.
    @Test func statusListsTheLastRunsProblems() throws {
        let scenario = try ServerScenario()
        try scenario.editConfig(replacing: "\(scenario.servers.imapURL)/INBOX", with: "\(scenario.servers.imapURL)/NoSuchFolder")
        #expect(try scenario.process().status == 1)
        let status = try run(["status", "--config", scenario.configPath])
        let lines = status.stdout.split(separator: "\n")
        let last = try #require(lines.firstIndex { $0.hasPrefix("Last run") }, "\(status.stdout)")
        #expect(lines[last].hasSuffix("; 1 problem(s)"), "\(status.stdout)")
        let problem = lines[last + 1]
        #expect(problem.hasPrefix("              IMAP imap://"), "\(status.stdout)")
        #expect(problem.contains("the folder NoSuchFolder does not exist on the server"), "\(status.stdout)")
        #expect(problem.count <= 14 + 300)
    }

    @Test func aRunThatCannotSendSaysSoAndExitsWithOne() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Hello", text: "Hi, I'd like to join as a mentee.\n")
        try scenario.editConfig(replacing: scenario.servers.smtpURL, with: "smtp://127.0.0.1:1")
        let result = try scenario.process()
        #expect(result.status == 1)
        #expect(result.stderr.contains("still queued") || result.stderr.contains("the run finished with a problem: sending stopped"), "\(result.stderr)")
        let report = try scenario.report(result)
        #expect(report["stillQueued"] as? Int == 1)
        let outbox = try run(["outbox", "list", "--status", "queued", "--config", scenario.configPath, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(outbox.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect((rows.first?["lastError"] as? String)?.isEmpty == false)
        let status = try run(["status", "--config", scenario.configPath])
        #expect(status.stdout.contains("1 queued"), "\(status.stdout)")
        #expect(status.stdout.contains("queued, goes with the next run: ") && status.stdout.contains("127.0.0.1:1"), "\(status.stdout)")
    }

    /// Finding F-g: with 4 answers queued and the SMTP port closed, `process` printed "sent 0,
    /// send failures 1" beside "4 message(s) not sent yet": the one failure was the connection,
    /// not a message. The summary says what it counts, and `status` says it the same way.
    @Test func aRunThatCannotConnectSaysItsOneFailureWasNoMessages() throws {
        let scenario = try ServerScenario()
        for person in (0..<4).map({ TestServers.uniqueUser("queued\($0)") }) {
            try scenario.servers.deliver(from: "\(person)@example.org", to: [scenario.programAddress], subject: "Joining", text: "Hello, how do I join?\n")
        }
        try scenario.editConfig(replacing: scenario.servers.smtpURL, with: "smtp://127.0.0.1:1")
        let result = try run(["process", "--config", scenario.configPath])
        #expect(result.status == 1)
        let summary = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("examined ") }.map(String.init), "\(result.stdout)")
        #expect(summary.contains("sent 0, send failures 1 (sending stopped once because the connection, TLS or login failed: "
                                 + "the mail stays queued, no attempt counted)"), "\(summary)")
        #expect(result.stdout.contains("4 message(s) not sent yet"), "\(result.stdout)")
        let status = try run(["status", "--config", scenario.configPath])
        #expect(status.stdout.contains("send failures 1 (sending stopped once because"), "\(status.stdout)")
    }

    /// Messages the server refused beside a send that stopped before any message are counted
    /// apart, in words an operator reads without knowing how sends are counted.
    @Test func theSendingSummarySaysHowManyMessagesWereRefusedAndThatSendingStopped() {
        var report = ProcessReport()
        report.sendFailures = 3
        report.stoppedSends = 1
        #expect(report.sendingWords == "sent 0, send failures 3 (the server refused 2 messages; sending stopped once because the connection, "
                + "TLS or login failed: the mail stays queued, no attempt counted)")
        report.sent = 5
        report.sendFailures = 3
        report.stoppedSends = 2
        #expect(report.sendingWords == "sent 5, send failures 3 (the server refused 1 message; sending stopped twice because the connection, "
                + "TLS or login failed: the mail stays queued, no attempt counted)")
        report.stoppedSends = nil
        #expect(report.sendingWords == "sent 5, send failures 3")
    }
}

/// The cron and systemd examples in scripts/ parse, and the commands in them run.
@Suite struct SchedulingExampleTests {
    static let scripts = CommandRunner.repository.appendingPathComponent("scripts")

    /// A folder with a working local config (Maildir, file outbox) to run the examples' commands in.
    func program() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-sched-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try CommandRunner.run(["init", "--config", folder.appendingPathComponent("mentormail.toml").path])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    @Test func theCrontabLinesAreValidAndTheirCommandsRun() throws {
        let folder = try program()
        let lines = try String(contentsOf: Self.scripts.appendingPathComponent("mentormail.crontab"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        // Lines whose first word is not NAME=value (the environment) are jobs.
        let jobs = lines.filter { !($0.split(separator: " ").first?.contains("=") ?? true) }
        #expect(jobs.count == 2)
        let ranges = [0...59, 0...23, 1...31, 1...12, 0...7]
        for job in jobs {
            let fields = job.split(separator: " ", maxSplits: 5).map(String.init)
            try #require(fields.count == 6, "\(job)")
            for (field, range) in zip(fields.prefix(5), ranges) {
                for part in field.split(separator: ",") {
                    let spec = part.split(separator: "/")[0]
                    let bounds = spec == "*" ? [] : spec.split(separator: "-").map { Int($0) }
                    #expect(bounds.allSatisfy { $0.map(range.contains) == true }, "\(field) in \(job)")
                    if part.contains("/") { #expect(Int(part.split(separator: "/")[1]) != nil, "\(part)") }
                }
            }
            // The mentormail command of the line, run against a real (local) program.
            let command = try #require(fields[5].components(separatedBy: "/usr/local/bin/mentormail ").last)
            var arguments = command.split(separator: " ").map(String.init)
            if let index = arguments.firstIndex(of: "--config") { arguments[index + 1] = folder.appendingPathComponent("mentormail.toml").path }
            let result = try CommandRunner.run(arguments, in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test func theSystemdUnitsVerify() throws {
        let folder = try program()
        let units = folder.appendingPathComponent("units")
        try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
        let secrets = folder.appendingPathComponent("secrets")
        try "MENTORMAIL_IMAP_PASSWORD=x\n".write(to: secrets, atomically: true, encoding: .utf8)
        let service = try String(contentsOf: Self.scripts.appendingPathComponent("systemd/mentormail.service"), encoding: .utf8)
        let timer = try String(contentsOf: Self.scripts.appendingPathComponent("systemd/mentormail.timer"), encoding: .utf8)
        #expect(service.contains("ExecStart=/usr/local/bin/mentormail process --config"))
        #expect(timer.contains("OnUnitActiveSec=5min"))
        // The same units, pointing at this machine's binary and folders.
        let local = service.replacingOccurrences(of: "/usr/local/bin/mentormail", with: try CommandRunner.binary().path)
            .replacingOccurrences(of: "/srv/mentoring", with: folder.path)
            .replacingOccurrences(of: "/etc/mentormail/secrets", with: secrets.path)
            .replacingOccurrences(of: "User=mentoring", with: "User=root")
        try local.write(to: units.appendingPathComponent("mentormail.service"), atomically: true, encoding: .utf8)
        try timer.write(to: units.appendingPathComponent("mentormail.timer"), atomically: true, encoding: .utf8)
        let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if let analyze {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: analyze)
            process.arguments = ["verify", "--man=no", units.appendingPathComponent("mentormail.timer").path,
                                 units.appendingPathComponent("mentormail.service").path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let complaints = output.split(separator: "\n").filter { $0.contains("mentormail.") }
            #expect(process.terminationStatus == 0 && complaints.isEmpty, "systemd-analyze: \(output)")
        }
        // Every line is a section, a comment, or Key=Value of a known key (also where systemd-analyze is missing).
        let known: Set = ["Description", "Wants", "After", "Type", "User", "WorkingDirectory", "EnvironmentFile", "ExecStart",
                          "SuccessExitStatus", "NoNewPrivileges", "PrivateTmp", "ProtectSystem", "ReadWritePaths", "OnBootSec",
                          "OnUnitActiveSec", "AccuracySec", "Persistent", "WantedBy"]
        for line in (service + timer).split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("[") {
            let key = String(line.split(separator: "=", maxSplits: 1)[0])
            #expect(known.contains(key), "\(line)")
        }
        // And its command runs.
        let exec = try #require(local.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let arguments = exec.dropFirst("ExecStart=".count).split(separator: " ").dropFirst().map(String.init)
        let result = try CommandRunner.run(arguments, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
    }
}
