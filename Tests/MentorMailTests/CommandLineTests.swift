import Foundation
import Mail
import MentorMail
import Testing

/// The built binary, run as users run it: help that teaches, JSON for scripts, exit codes.
@Suite struct CommandLineTests {
    @Test(arguments: [[String](), ["init"], ["process"], ["round"], ["round", "open"], ["round", "approve"], ["participants"],
                      ["participants", "list"], ["import"], ["match"], ["check-templates"], ["parse-mail"], ["demo"],
                      ["round", "show"], ["held"], ["held", "list"], ["held", "show"], ["held", "release"], ["held", "retry"],
                      ["jobs"], ["jobs", "list"], ["pairs"], ["pairs", "list"], ["pairs", "show"], ["pairs", "graduate"],
                      ["pairs", "end"]])
    func everyHelpSaysWhatItDoesAndShowsAnExample(command: [String]) throws {
        let result = try CommandRunner.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("OVERVIEW:"), "\(result.stdout)")
        #expect(result.stdout.contains("mentormail "), "help shows a command line")
        #expect(result.stdout.lowercased().contains("example") || command.isEmpty, "help shows an example")
    }

    /// Finding: `mentormail report --config X` said "Unknown option '--config'": the real
    /// problem is that there is no such command.
    @Test func anUnknownCommandIsNamedWithWhereItsWordLives() throws {
        let report = try CommandRunner.run(["report", "--config", "mentormail.toml"])
        #expect(report.status == 64)
        #expect(report.stderr.contains("there is no command \"report\""), "\(report.stderr)")
        #expect(report.stderr.contains("mentormail round show --report") && report.stderr.contains("mentormail match --report"), "\(report.stderr)")
        #expect(!report.stderr.contains("Unknown option"), "\(report.stderr)")
        let typo = try CommandRunner.run(["stauts"])
        #expect(typo.status == 64 && typo.stderr.contains("Did you mean: mentormail status?"), "\(typo.stderr)")
        let nested = try CommandRunner.run(["approve"])
        #expect(nested.stderr.contains("mentormail round approve"), "\(nested.stderr)")
        #expect(try CommandRunner.run(["status", "--help"]).status == 0, "commands still run")
    }

    @Test func versionNamesTheProgramAndItsRelease() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.range(of: #"^mentormail \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    /// The subcommands a help text lists under SUBCOMMANDS.
    static func subcommands(inHelp help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        // The list ends at the first blank line; "  name    abstract" has the name at two
        // spaces, and a wrapped abstract is indented further.
        return help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .compactMap { line in
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                return line.split(separator: " ").first.map(String.init)
            }
            .filter { $0 != "help" }
    }

    /// Every command's help, found by walking SUBCOMMANDS: it shows an example, its prose reads
    /// as paragraphs (no line ends with a stray backslash) and each example line stays whole
    /// (none wraps to column 0).
    @Test func everyHelpReadsAsParagraphsWithWholeExamples() throws {
        var queue: [[String]] = [[]]
        var seen = 0
        while let command = queue.popLast() {
            // The layout follows the terminal's width: read it at the common 80 columns.
            let help = try CommandRunner.run(command + ["--help"], environment: ["COLUMNS": "80"])
            try #require(help.status == 0, "\(command): \(help.stderr)")
            seen += 1
            try #require(seen < 200, "the walk over the subcommands does not end")
            #expect(command.isEmpty || help.stdout.contains("Example"), "`mentormail \(command.joined(separator: " ")) --help` shows an example")
            let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            var inExamples = false
            for (index, line) in lines.enumerated() {
                if line.hasSuffix("\\") {
                    let next = index + 1 < lines.count ? lines[index + 1] : ""
                    #expect(next.hasPrefix("  "), "`mentormail \(command.joined(separator: " ")) --help`: a line ends with a backslash that continues nothing: \(line)")
                }
                if line.hasPrefix("Example") { inExamples = true; continue }
                if line.isEmpty || line.hasPrefix("USAGE:") { inExamples = false; continue }
                if inExamples {
                    #expect(line.hasPrefix("  "), "`mentormail \(command.joined(separator: " ")) --help`: an example line wrapped: \(line)")
                }
            }
            queue += Self.subcommands(inHelp: help.stdout).map { command + [$0] }
        }
        #expect(seen > 40, "every command and subcommand was read (\(seen))")
    }

    @Test func parseMailPrintsOneJSONObjectPerFile() throws {
        let fixtures = CommandRunner.repository.appendingPathComponent("mailbox-fixtures")
        // A calendar reply that is the whole message, its method only in the Content-Type.
        let folder = try CommandRunner.temporaryFolder("mentormail-parse")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bareCalendar = folder.appendingPathComponent("bare-calendar-reply.eml")
        try Data("""
        From: Ana Lima <ana.lima@example.com>\r
        To: mentoring@example.org\r
        Subject: Tentative: Speed Mentoring\r
        Content-Type: text/calendar; charset=utf-8; method=REPLY\r
        \r
        BEGIN:VCALENDAR\r
        BEGIN:VEVENT\r
        UID:speed-mentoring-2026-11-19@example.org\r
        ATTENDEE;PARTSTAT=TENTATIVE:mailto:ana.lima@example.com\r
        END:VEVENT\r
        END:VCALENDAR\r

        """.utf8).write(to: bareCalendar)
        // HTML only: the reply is read with the quoted HTML removed before converting.
        let htmlOnly = folder.appendingPathComponent("html-only-reply.eml")
        try Data("""
        From: Wei Chen <wei.chen@example.com>
        To: mentoring@example.org
        Subject: Re: Speed Mentoring
        Content-Type: text/html; charset=utf-8

        <div dir="ltr">Thursday works.<br>Wei</div><div class="gmail_quote"><div class="gmail_attr">On Mon, \
        Nov 2, 2026 at 9:14 AM OpenStack Mentoring wrote:</div><blockquote class="gmail_quote">Which slot?</blockquote></div>

        """.utf8).write(to: htmlOnly)
        let result = try CommandRunner.run(["parse-mail", "--json",
                                            fixtures.appendingPathComponent("signup-request-plain.eml").path,
                                            fixtures.appendingPathComponent("signup-request-outlook.eml").path,
                                            fixtures.appendingPathComponent("rsvp-outlook-accepted.eml").path,
                                            fixtures.appendingPathComponent("calendar-request-thunderbird.eml").path,
                                            bareCalendar.path, htmlOnly.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 6)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let keys: Set = ["subject", "from", "to", "messageId", "inReplyTo", "references", "date", "text", "reply",
                         "parts", "autoSubmitted", "autoReason", "rsvp", "intake"]
        for object in objects {
            #expect(Set(object.keys) == keys, "exactly the documented keys")
        }

        let first = objects[0]
        #expect(first["subject"] as? String == "Joining the mentoring program")
        let from = try #require(first["from"] as? [String: Any])
        #expect(from["address"] as? String == "maria.garcia@example.net")
        #expect(from["name"] as? String == "María García")
        let to = try #require(first["to"] as? [[String: Any]])
        #expect(to.count == 1)
        #expect(to.first?["address"] as? String == "mentoring@example.org")
        #expect(to.first?["name"] is NSNull)
        #expect(first["messageId"] as? String == "0f7c2a1e-5b1d-4c0b-9d7e-3a2f1c9e8b41@example.net")
        #expect(first["inReplyTo"] is NSNull)
        #expect((first["references"] as? [Any])?.isEmpty == true)
        #expect(first["date"] as? String == "2026-11-02T08:13:58Z")
        #expect((first["text"] as? String)?.contains("I live in Barcelona.") == true)
        #expect((first["reply"] as? String)?.hasSuffix("Thanks,\nMaría") == true)
        let parts = try #require(first["parts"] as? [[String: Any]])
        #expect(parts.count == 1)
        #expect(parts.first?["contentType"] as? String == "text/plain")
        #expect(parts.first?["filename"] is NSNull)
        #expect(parts.first?["size"] as? Int == 270)
        #expect(first["autoSubmitted"] as? Bool == false)
        #expect(first["autoReason"] is NSNull)
        #expect(first["rsvp"] is NSNull)

        let second = objects[1]
        #expect(second["subject"] as? String == "Anmeldung für das Mentoring")
        #expect((second["from"] as? [String: Any])?["name"] as? String == "Schmidt, Jonas")
        #expect((second["text"] as? String)?.contains("ich würde gern als Mentee") == true)
        #expect((second["parts"] as? [[String: Any]])?.map { $0["contentType"] as? String } == ["text/plain", "text/html"])

        let third = objects[2]
        let rsvp = try #require(third["rsvp"] as? [String: Any])
        #expect(rsvp["partstat"] as? String == "ACCEPTED")
        #expect(rsvp["attendee"] as? String == "lena.fischer@example.com")
        #expect(rsvp["uid"] as? String == "speed-mentoring-2026-11-19@example.org")
        #expect(third["autoSubmitted"] as? Bool == false)
        #expect(third["reply"] as? String == "See you there!")
        // Decoded sizes, the base64 calendar counted without decoding it.
        #expect((third["parts"] as? [[String: Any]])?.map { $0["size"] as? Int } == [16, 289, 1333])

        #expect(objects[3]["rsvp"] is NSNull, "an invitation (METHOD:REQUEST) is not an RSVP")
        let fourthParts = try #require(objects[3]["parts"] as? [[String: Any]])
        #expect(fourthParts.map { $0["filename"] as? String } == [nil, nil, "invite.ics"])

        let bare = try #require(objects[4]["rsvp"] as? [String: Any])
        #expect(bare["partstat"] as? String == "TENTATIVE")
        #expect(bare["attendee"] as? String == "ana.lima@example.com")
        #expect(objects[4]["text"] is NSNull && objects[4]["reply"] is NSNull, "no text part")

        #expect((objects[5]["text"] as? String)?.contains("Which slot?") == true)
        #expect(objects[5]["reply"] as? String == "Thursday works.\nWei")
    }

    /// Finding: a file that does not exist exited 65 (bad input) without the reason; the
    /// README gives 69 for a file that is unavailable.
    @Test func parseMailFailsOnlyForUnreadableFiles() throws {
        let result = try CommandRunner.run(["parse-mail", "/nonexistent/message.eml"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("cannot read /nonexistent/message.eml: No such file or directory; check the path"), "\(result.stderr)")
        let folder = try CommandRunner.temporaryFolder("mentormail-import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "state.sqlite")
        let imported = try CommandRunner.run(["import", "/nonexistent/signups.csv", "--config", config.path])
        #expect(imported.status == 69)
        #expect(imported.stderr.contains("cannot read /nonexistent/signups.csv: No such file or directory"), "\(imported.stderr)")
    }

    @Test func processWithoutAConfigExplainsWhatToDo() throws {
        let result = try CommandRunner.run(["process", "--config", "/nonexistent/mentormail.toml"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("mentormail init"))
    }

    /// Finding: `init` wrote a config whose first `process` failed for want of templates.
    @Test func initThenProcessWorksWithNothingElse() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-init")
        let path = folder.appendingPathComponent("mentormail.toml").path
        // Run from an unrelated folder: the templates are found beside the binary, not in the cwd.
        let first = try CommandRunner.run(["init", "--config", path], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: path))
        let templates = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("templates").path)
        #expect(templates.contains("signup-form.txt.mustache") && templates.contains("held-digest.html.mustache"))

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mailbox/new"), withIntermediateDirectories: true)
        try Data("From: Ana <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: Joining\r\nMessage-ID: <init-1@example.net>\r\n\r\nHello, I'd like to join.\r\n".utf8)
            .write(to: folder.appendingPathComponent("mailbox/new/1.eml"))
        let run = try CommandRunner.run(["process", "--config", path, "--json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"answered\" : 1"), "\(run.stdout)")
        let outbox = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("outbox").path)
        #expect(outbox.filter { $0.hasSuffix(".eml") }.count == 1)

        let again = try CommandRunner.run(["init", "--config", path])
        #expect(again.status == 65)
        #expect(again.stderr.contains("--force"))
    }

    /// Finding: for a deleted template, doctor advised `init --templates-from`, which refuses an
    /// existing config, and with --force replaces the config and every edited template.
    @Test func onlyTheMissingTemplatesAreRestored() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mentormail.toml").path
        #expect(try CommandRunner.run(["init", "--config", path], in: folder).status == 0)
        let templates = folder.appendingPathComponent("templates")
        let welcome = templates.appendingPathComponent("welcome.txt.mustache")
        let edited = try String(contentsOf: welcome, encoding: .utf8) + "\nSee you soon!\n"
        try edited.write(to: welcome, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("help.txt.mustache"))
        let config = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "OpenStack Mentoring", with: "Our Mentoring")
        try config.write(toFile: path, atomically: true, encoding: .utf8)

        let doctor = try CommandRunner.run(["doctor", "--config", path])
        #expect(doctor.stdout.contains("--missing-templates"), "\(doctor.stdout)")
        #expect(!doctor.stdout.contains("restores the shipped ones"), "\(doctor.stdout)")
        #expect(try CommandRunner.run(["init", "--config", path, "--missing-templates", "--force"]).status == 64)

        let restored = try CommandRunner.run(["init", "--config", path, "--missing-templates",
                                               "--templates-from", CommandRunner.repository.appendingPathComponent("templates").path])
        #expect(restored.status == 0, "\(restored.stdout)\(restored.stderr)")
        #expect(restored.stdout.contains("Added 1 template(s)") && restored.stdout.contains("help.txt.mustache"), "\(restored.stdout)")
        #expect(FileManager.default.fileExists(atPath: templates.appendingPathComponent("help.txt.mustache").path))
        #expect(try String(contentsOf: welcome, encoding: .utf8) == edited, "an edited template stays as it is")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == config, "the config stays as it is")
        let again = try CommandRunner.run(["init", "--config", path, "--missing-templates"])
        #expect(again.stdout.contains("nothing was changed"), "\(again.stdout)")
    }

    /// Finding: run in the program's folder, `init --missing-templates` took ./templates (the
    /// folder to restore) for the shipped copy, found it lacked nothing and left help missing.
    /// The templates built into the program are the source now.
    @Test func missingTemplatesNeverComeFromTheFolderBeingRestored() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-restore")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CommandRunner.run(["init", "--config", "mentormail.toml"], in: folder).status == 0)
        let templates = folder.appendingPathComponent("templates")
        let help = templates.appendingPathComponent("help.txt.mustache")
        try FileManager.default.removeItem(at: help)
        // Named as the source, the folder being restored is refused: it lacks nothing from itself.
        let itself = try CommandRunner.run(["init", "--config", "mentormail.toml", "--missing-templates", "--templates-from", "templates/"], in: folder)
        #expect(itself.status == 69, "\(itself.stdout)\(itself.stderr)")
        #expect(itself.stderr.contains("the program's own templates folder"), "\(itself.stderr)")
        #expect(!FileManager.default.fileExists(atPath: help.path))
        let restored = try CommandRunner.run(["init", "--config", "mentormail.toml", "--missing-templates"], in: folder)
        #expect(restored.status == 0, "\(restored.stdout)\(restored.stderr)")
        #expect(restored.stdout.contains("Added 1 template(s)"), "\(restored.stdout)")
        #expect(FileManager.default.fileExists(atPath: help.path))
    }

    /// Finding: with a broken template every run exited 78, while `status` showed the last good
    /// run as if all were well.
    @Test func statusSaysThatRunsAreRefused() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-refused")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mentormail.toml").path
        #expect(try CommandRunner.run(["init", "--config", path], in: folder).status == 0)
        #expect(try CommandRunner.run(["process", "--config", path, "--now", "2027-03-01T08:00:00Z"]).status == 0)
        let help = folder.appendingPathComponent("templates/help.txt.mustache")
        let good = try String(contentsOf: help, encoding: .utf8)
        try good.replacingOccurrences(of: "{{status}}", with: "{{stat}}").write(to: help, atomically: true, encoding: .utf8)
        for hour in ["09", "10", "11"] {
            #expect(try CommandRunner.run(["process", "--config", path, "--now", "2027-03-01T\(hour):00:00Z"]).status == 78)
        }
        let status = try CommandRunner.run(["status", "--config", path])
        #expect(status.stdout.contains("the last 3 runs were refused at start-up (from 2027-03-01T09:00:00Z to 2027-03-01T11:00:00Z): "), "\(status.stdout)")
        #expect(status.stdout.contains("help.txt.mustache"), "\(status.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(CommandRunner.run(["status", "--config", path, "--json"]).stdout.utf8)) as? [String: Any])
        let refused = try #require(json["refusedRuns"] as? [String: Any])
        #expect(refused["count"] as? Int == 3)
        #expect((refused["reason"] as? String)?.contains("{{stat}}") == true)

        try good.write(to: help, atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["process", "--config", path, "--now", "2027-03-01T12:00:00Z"]).status == 0)
        #expect(!(try CommandRunner.run(["status", "--config", path]).stdout.contains("refused")))

        try good.replacingOccurrences(of: "{{status}}", with: "{{stat}}").write(to: help, atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["process", "--config", path, "--now", "2027-03-02T09:00:00Z"]).status == 78)
        #expect(try CommandRunner.run(["status", "--config", path]).stdout.contains("the last run was refused at start-up (2027-03-02T09:00:00Z): "))
    }

    /// Finding: doctor called an outbox folder under a file "missing: let the first process do
    /// it"; the run then failed with "NSCocoaErrorDomain error 512".
    @Test func aFolderThatCannotBeCreatedIsNamedByDoctorAndTheRun() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-blocked")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mentormail.toml").path
        #expect(try CommandRunner.run(["init", "--config", path], in: folder).status == 0)
        try Data("not a folder\n".utf8).write(to: folder.appendingPathComponent("blocker"))
        let config = try String(contentsOfFile: path, encoding: .utf8)
        let blocked = try #require(config.range(of: #"url = "dir:[^"]*""#, options: .regularExpression))
        try config.replacingCharacters(in: blocked, with: #"url = "dir:blocker/outbox""#).write(toFile: path, atomically: true, encoding: .utf8)

        let doctor = try CommandRunner.run(["doctor", "--config", path])
        let line = try #require(doctor.stdout.split(separator: "\n").first { $0.contains("smtp") })
        #expect(line.contains("FAIL") && line.contains("blocker is a file, not a folder"), "\(doctor.stdout)")
        let run = try CommandRunner.run(["process", "--config", path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("blocker is a file, not a folder"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    }

    /// Finding: after `init`, a newcomer who wrote in Spanish was answered in English: only the
    /// English templates were copied, not their translations.
    @Test func initCopiesTheTranslationsSoAnswersFollowTheWritersLanguage() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-init-es")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mentormail.toml").path
        let initialized = try CommandRunner.run(["init", "--config", path], in: folder)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: CommandRunner.repository.appendingPathComponent("templates/es").path)
        let copied = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("templates/es").path)
        #expect(Set(copied) == Set(shipped.filter { $0.hasSuffix(".mustache") }))

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mailbox/new"), withIntermediateDirectories: true)
        try Data("""
            From: =?utf-8?q?Luc=C3=ADa_P=C3=A9rez?= <lucia@example.net>\r
            To: mentoring@example.org\r
            Subject: =?utf-8?q?Inscripci=C3=B3n?=\r
            Message-ID: <init-es-1@example.net>\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            Hola, me gustaría participar como mentora. Trabajo en Nova desde Madrid.\r
            \r
            Lucía\r

            """.utf8).write(to: folder.appendingPathComponent("mailbox/new/1.eml"))
        let run = try CommandRunner.run(["process", "--config", path, "--json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let outbox = folder.appendingPathComponent("outbox")
        let sent = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".eml") }
        let answer = try #require(sent.first.map { Message(bytes: Array(try Data(contentsOf: outbox.appendingPathComponent($0)))) })
        let text = try #require(answer.textBody)
        #expect(text.contains("Gracias por escribir"), "\(text)")
        #expect(text.contains("Rol: mentor/a"), "the role asked for, filled in: \(text)")
    }

    /// `process` checks its configuration (templates, servers) before it creates anything.
    @Test func processCreatesNoDatabaseBeforeItsConfigurationIsGood() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-noinit", subfolders: ["state"])
        let config = folder.appendingPathComponent("mentormail.toml")
        for (templates, mailbox, expected) in [
            ("missing-templates", "url = \"maildir:mailbox\"", "templates"),
            (CommandRunner.repository.appendingPathComponent("templates").path,
             "url = \"imap://127.0.0.1:1/INBOX\"\nuser = \"u\"\npassword_env = \"MENTORMAIL_UNSET_VARIABLE\"", "MENTORMAIL_UNSET_VARIABLE"),
        ] {
            try """
            [program]
            name = "P"
            address = "p@example.org"
            database = "state/p.sqlite"
            templates = "\(templates)"
            [mailbox]
            \(mailbox)
            [smtp]
            url = "dir:outbox"
            """.write(to: config, atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["process", "--config", config.path])
            #expect(result.status == 78, "\(result.stderr)")
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            let created = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("state").path)
            #expect(created.isEmpty, "nothing created: \(created)")
        }
    }

    /// Finding: doctor created the local Maildir (and the outbox folder) it was checking. A
    /// check changes nothing: it names what is missing and how to make it; with the folders
    /// there it counts the mail waiting, still writing nothing.
    @Test func doctorNamesAMissingMaildirWithoutCreatingIt() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-doctor-maildir")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "p.sqlite")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let doctor = try CommandRunner.run(["doctor", "--config", config.path])
        #expect(doctor.status == 0, "a missing folder is a warning: the first run creates it \(doctor.stdout) \(doctor.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == before, "doctor created nothing")
        let mailbox = try #require(doctor.stdout.split(separator: "\n").firstIndex { $0.contains("mailbox") }, "\(doctor.stdout)")
        let lines = doctor.stdout.split(separator: "\n")
        #expect(lines[mailbox].hasPrefix("warn"), "\(doctor.stdout)")
        #expect(lines[mailbox].contains("/mailbox/new, ") && lines[mailbox].contains("missing"), "\(doctor.stdout)")
        #expect(lines[mailbox + 1].contains("fix: ") && lines[mailbox + 1].contains("mkdir -p "), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("/outbox is missing"), "\(doctor.stdout)")

        for sub in CommandRunner.maildirFolders { try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true) }
        try Data("From: a@example.net\r\n\r\nhello\r\n".utf8).write(to: folder.appendingPathComponent("mailbox/new/1.m"))
        let listed = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let again = try CommandRunner.run(["doctor", "--config", config.path])
        #expect(again.stdout.contains("folder readable, 1 new message(s) waiting"), "\(again.stdout)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == listed, "doctor wrote no uidlist or keyword file")
    }

    /// Finding: `match --help` named the keys of a scores file but not what an element of
    /// "scores" holds. The example it shows now is a file the command solves.
    @Test func matchHelpShowsAScoresFileTheCommandSolves() throws {
        let help = try CommandRunner.run(["match", "--help"], environment: ["COLUMNS": "100"])
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("{\"mentors\"") }, "\(help.stdout)")
        let end = try #require(lines[start...].firstIndex { $0.hasSuffix("]}") }, "\(help.stdout)")
        let json = lines[start...end].joined(separator: "\n")
        #expect(json.contains(#"{"mentee": "e1", "mentor": "m1", "score": 40}"#), "\(json)")
        let folder = try CommandRunner.temporaryFolder("mentormail-match-help")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scores.json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        let solved = try CommandRunner.run(["match", "--scores", file.path, "--json"])
        #expect(solved.status == 0, "\(solved.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(solved.stdout.utf8)) as? [String: Any])
        #expect(output["total"] as? Int == 55, "\(solved.stdout)")
    }

    /// Mail can carry terminal escape sequences (clear the screen, hide text, retitle the
    /// window); what a coordinator prints of it shows them, harmless, instead of obeying them.
    /// Finding: doctor said the first run would create the database in a folder this user
    /// cannot write; the run then failed on its lock file with no advice.
    @Test func aDatabaseFolderThatIsNotWritableIsNamedByDoctorAndTheRun() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-perm", subfolders: ["state"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "state/mentormail.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.appendingPathComponent("state").path)
        for mail in ["mailbox/new", "mailbox/cur", "mailbox/tmp", "mailbox", "outbox"] {
            let path = folder.appendingPathComponent(mail).path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path)
        }

        let doctor = try CommandRunner.run(["doctor", "--config", config.path], unprivileged: true)
        let line = try #require(doctor.stdout.split(separator: "\n").first { $0.contains("database") }, "\(doctor.stdout)\(doctor.stderr)")
        #expect(line.hasPrefix("FAIL"), "\(doctor.stdout)")
        #expect(line.contains("/state is not writable by this user: the first run cannot create"), "\(line)")
        #expect(doctor.stdout.contains("fix: run mentormail as the user that owns"), "\(doctor.stdout)")

        let run = try CommandRunner.run(["process", "--config", config.path], unprivileged: true)
        #expect(run.status == 69)
        let last = run.stderr.split(separator: "\n").last ?? ""
        #expect(last.contains("cannot open the lock file") && last.contains("Permission denied"), "\(run.stderr)")
        #expect(last.hasSuffix("or let that user write there (chown or chmod the folder and its files)"), "\(last)")
    }

    @Test func heldMailIsPrintedSafeForTheTerminal() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-esc", subfolders: CommandRunner.maildirFolders)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "p.sqlite")
        try Data("To: p@example.org\r\nSubject: =?utf-8?Q?Question_=1B[2J=1B[1;1H_hi?=\r\nMessage-ID: <esc@example.net>\r\n\r\nHello \u{1B}[8m hidden \u{1B}[0m \u{1B}]0;PWNED\u{07} there\r\n".utf8)
            .write(to: folder.appendingPathComponent("mailbox/new/1"))
        #expect(try CommandRunner.run(["process", "--config", config.path, "--quiet"]).status == 0)
        for command in [["held", "show", "1"], ["held", "list"]] {
            let result = try CommandRunner.run(command + ["--config", config.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(command): \(result.stdout)")
        }
        let shown = try CommandRunner.run(["held", "show", "1", "--config", config.path]).stdout
        #expect(shown.contains("^[[8m hidden"), "\(shown)")
        #expect(shown.contains("Handled        not yet"), "\(shown)")
        // An answered message needs no coordinator: it does not say "not yet".
        try Data("From: Kim <kim@example.net>\r\nTo: p@example.org\r\nSubject: Hi\r\nMessage-ID: <kim@example.net>\r\n\r\nHow do I join?\r\n".utf8)
            .write(to: folder.appendingPathComponent("mailbox/new/2"))
        #expect(try CommandRunner.run(["process", "--config", config.path, "--quiet"]).status == 0)
        let answered = try CommandRunner.run(["held", "show", "2", "--config", config.path]).stdout
        #expect(answered.contains("Handled        nothing to do (answered)"), "\(answered)")
    }

    /// After an upgrade the program sends a mail its templates folder (copied by an older
    /// `init`) has no template for: the shipped one is added, edited ones are kept, and the run
    /// goes on instead of stopping on a missing template.
    @Test func anUpgradeAddsTheTemplatesThatAreNewAndKeepsEditedOnes() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-upgrade")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("templates"), to: templates)
        for name in ["event-no-seat.txt.mustache", "event-no-seat.html.mustache", "es/event-no-seat.txt.mustache"] {
            try FileManager.default.removeItem(at: templates.appendingPathComponent(name))
        }
        let edited = templates.appendingPathComponent("help.txt.mustache")
        try (try String(contentsOf: edited, encoding: .utf8) + "\nEdited by our coordinators.\n").write(to: edited, atomically: true, encoding: .utf8)
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "p.sqlite")
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: CommandRunner.repository.appendingPathComponent("templates").path, with: templates.path)
        try text.write(to: config, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["process", "--config", config.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("added 3 mail template(s)"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: templates.appendingPathComponent("event-no-seat.txt.mustache").path))
        #expect(try String(contentsOf: edited, encoding: .utf8).contains("Edited by our coordinators."), "an edited template is kept")
        let again = try CommandRunner.run(["process", "--config", config.path, "--quiet"])
        #expect(again.status == 0 && !again.stderr.contains("added"), "\(again.stderr)")

        // A binary copied alone, with no source tree or installed templates, adds them too.
        let loose = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: loose, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try CommandRunner.binary(), to: loose.appendingPathComponent("mentormail"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("event-no-seat.txt.mustache"))
        let alone = try CommandRunner.run(["process", "--config", config.path, "--quiet"], in: loose,
                                          executable: loose.appendingPathComponent("mentormail"))
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(alone.stderr.contains("added 1 mail template(s)"), "\(alone.stderr)")
        #expect(FileManager.default.contents(atPath: templates.appendingPathComponent("event-no-seat.txt.mustache").path)
                == FileManager.default.contents(atPath: CommandRunner.repository.appendingPathComponent("templates/event-no-seat.txt.mustache").path))
    }

    /// `--now` takes what people type for a moment: with or without an offset (then UTC), with
    /// or without seconds, a date alone; anything else is refused with an example.
    /// A start the clock change skips is named as such, with the time to use instead.
    @Test func aStartTheClockChangeSkipsSaysSoAndSuggestsTheHourAfter() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-gap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "p.sqlite")
        let skipped = try CommandRunner.run(["event", "create", "Summit", "--at", "2026-03-29T02:30", "--tz", "Europe/Madrid", "--duration", "90m",
                                             "--capacity", "6", "--tables", "2", "--rotations", "2", "--config", config.path, "--now", "2026-01-05"])
        #expect(skipped.status == 64)
        #expect(skipped.stderr.contains("the clock change that night skips it"), "\(skipped.stderr)")
        #expect(skipped.stderr.contains("use 2026-03-29T03:30"), "\(skipped.stderr)")
        let nonsense = try CommandRunner.run(["event", "create", "Summit", "--at", "2026-02-30T09:00", "--tz", "Europe/Madrid", "--duration", "90m",
                                              "--capacity", "6", "--tables", "2", "--rotations", "2", "--config", config.path])
        #expect(nonsense.stderr.contains("is not a local time such as 2026-10-25T07:30"), "\(nonsense.stderr)")
    }

    @Test func nowTakesADateOrATimeWithOrWithoutAnOffset() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-now")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "p.sqlite")
        for now in ["2026-01-05T09:00:00Z", "2026-01-05T09:00:00+01:00", "2026-01-05T09:00:00", "2026-01-05T09:00", "2026-01-05 09:00", "2026-01-05"] {
            let result = try CommandRunner.run(["process", "--config", config.path, "--now", now, "--quiet"])
            #expect(result.status == 0, "--now \(now): \(result.stderr)")
        }
        // The run is recorded on the program's clock, as everything it stored.
        let status = try CommandRunner.run(["status", "--config", config.path])
        #expect(status.stdout.contains("Last run      2026-01-05T00:00:00Z"), "\(status.stdout)")
        let wrong = try CommandRunner.run(["process", "--config", config.path, "--now", "next monday"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("2026-12-01T09:00:00Z"), "\(wrong.stderr)")
    }

    /// Commands that only read never create the database: a mistyped path would otherwise leave
    /// a new empty program behind and show it as the real one. They read an empty program and
    /// say why on stderr.
    @Test(arguments: [["status"], ["status", "--json"], ["outbox", "list", "--json"], ["held", "list"], ["participants", "list", "--json"],
                      ["round", "list"], ["pairs", "list"], ["pairs", "list", "--status", "introduced"], ["event", "list"], ["jobs", "list"]])
    func readingCommandsCreateNoDatabase(command: [String]) throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-nodb", subfolders: ["state"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "state/p.sqlite")
        let result = try CommandRunner.run(command + ["--config", config.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("no database at \(folder.path)/state/p.sqlite yet"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("state").path).isEmpty)
        if command.contains("--json") {
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(result.stdout)")
        }
    }

    /// A dry run creates nothing either: `import --dry-run` in a fresh folder shows what it would
    /// add, and leaves neither a database nor a lock file behind.
    @Test func aDryRunImportCreatesNoDatabase() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-dry", subfolders: ["state"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "state/p.sqlite")
        let file = folder.appendingPathComponent("signups.csv")
        try "Email Address,Your name,Role,Mentoring type,Time zone,Languages\nivy@example.net,Ivy Chen,mentee,technical,Asia/Taipei,English\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["import", file.path, "--dry-run", "--config", config.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Would import") && result.stdout.contains("1 added"), "\(result.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("state").path).isEmpty)
    }

    /// `round open` over a round never approved that still holds people fails with 65, saying
    /// what settles it; `status` keeps showing that round; `--take-unmatched` takes them in.
    @Test func aRoundNeverApprovedStopsRoundOpenAndStaysInStatus() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-rounds", subfolders: ["state"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "state/p.sqlite").path
        func run(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(arguments + ["--config", config, "--now", "2027-01-05T09:00:00Z"])
        }
        #expect(try run(["round", "open", "R1", "--closes", "2027-02-01"]).status == 0)
        let file = folder.appendingPathComponent("signups.csv")
        try """
            Email Address,Your name,Role,Mentoring type,Areas,Time zone,Languages,Interaction,Capacity
            ivy@example.net,Ivy Chen,mentee,technical,Nova,Asia/Taipei,English,email,
            max@example.net,Max Roth,mentor,technical,Nova,Europe/Berlin,English,email,1
            """.write(to: file, atomically: true, encoding: .utf8)
        let imported = try run(["import", file.path])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(try run(["match", "--round", "R1"]).status == 0)
        #expect(try run(["round", "close", "R1"]).status == 0)
        let refused = try run(["round", "open", "R2", "--closes", "2027-04-01"])
        #expect(refused.status == 65, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("mentormail round approve R1"), "\(refused.stderr)")
        #expect(refused.stderr.contains("mentormail round open R2 --closes 2027-04-01 --take-unmatched"), "\(refused.stderr)")
        #expect(try run(["status"]).stdout.contains("Round         R1: proposed"))
        let opened = try run(["round", "open", "R2", "--closes", "2027-04-01", "--take-unmatched"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("opened with 1 mentee and 1 mentor from the pool (with the people of R1, never matched)"), "\(opened.stdout)")
        let status = try run(["status"]).stdout
        #expect(status.contains("Round         R2: open, 2 people"), "\(status)")
    }

    /// Finding: "--now 2027-01-15T09:00Z" was refused, though ISO 8601 lets the seconds out.
    @Test func nowWithoutSecondsIsATime() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-none-\(UUID().uuidString).toml").path
        for now in ["2027-01-15T09:00Z", "2027-01-15T09:00+02:00", "2027-01-15T09:00-05:00", "2027-01-15 09:00", "2027-01-15"] {
            let result = try CommandRunner.run(["status", "--config", missing, "--now", now])
            #expect(result.status == 78, "read as a time, then the config is missing: \(now) \(result.stderr)")
        }
        #expect(try CommandRunner.run(["status", "--config", missing, "--now", "2027-01-15T9Z"]).status == 64)
    }

    @Test func theDemoTellsTheStoryWithoutAServer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-demo-\(UUID().uuidString)")
        let result = try CommandRunner.run(["demo", "--dir", folder.path], in: CommandRunner.repository)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        // First contact: three forms sent, the auto-reply ignored.
        #expect(out.contains("→ maria.garcia@example.net: signup-request, answered"))
        #expect(out.contains("→ tomasz.nowak@example.com: ignore, ignored: Auto-Submitted: auto-replied"))
        // Filled forms, one with two mistakes named with a line to copy.
        #expect(out.contains("kwame.mensah@example.net: mentor, Africa/Accra, incomplete"))
        #expect(out.contains("For example:  Mentoring type: technical"))
        // The coordinator's export, verified and reported row by row.
        #expect(out.contains("→ coordinator@example.org: coordinator-import, answered"))
        #expect(out.contains("|   added      5"))
        // A question is held, its sender told, the coordinators sent a digest.
        #expect(out.contains("→ lucia.moreno@example.net: hold, held: a question from a participant"))
        #expect(out.contains("↩ to coordinator@example.org: \"OpenStack Mentoring: 1 message(s) need a coordinator\""))
        // The round takes in everyone from the pool; matching, approval, one introduction per pair.
        #expect(out.contains("Round 2026-Q4 opened with 5 mentees and 4 mentors from the pool."))
        #expect(out.contains("5 pair(s), 0 unmatched"))
        #expect(out.contains("Approved the proposal for 2026-Q4: 5 introduction(s)"))
        // Kenji, a mentor no mentee fitted, is thanked once.
        #expect(out.components(separatedBy: "↩ to kenji.watanabe@example.com: \"OpenStack Mentoring: thank you; no mentee for you in 2026-Q4\"").count - 1 == 1)
        #expect(out.components(separatedBy: "meet your mentoring match").count - 1 == 7,
                "five introductions, María's reply, and its line in the held list")
        // The reply-all to an introduction is held, never answered.
        #expect(out.contains("→ maria.garcia@example.net: hold, held: a reply to all under the introduction of the pair of "))
        #expect(!out.contains("↩ to maria.garcia@example.net: \"Re: OpenStack Mentoring: meet your mentoring match"))
        // 90 days on: a survey to each side, answers in three shapes, a graduation, an ending, the digest, reminders.
        // Lucía asked for Spanish mail with a "Mail language:" line after writing her question in English.
        #expect(out.contains("→ lucia.moreno@example.net: profile, answered"))
        #expect(out.components(separatedBy: ": how is your mentoring with").count - 1 == 9 + 3 + 3 + 5 + 2,
                "nine surveys in English, three answers arriving in English, their confirmations, five reminders, Jonas's correction and its confirmation")
        // Jonas corrects two answers: each is shown with what it was, the rest kept.
        #expect(out.contains("|   1. How it is going: 4 of 5 (before: 5)"), "\(out)")
        #expect(out.contains("|   2. Meeting: sometimes (before: yes)"), "\(out)")
        #expect(!out.contains("|   3. The fit: good fit (before:"), "\(out)")
        #expect(out.components(separatedBy: ": ¿qué tal va tu mentoría con").count - 1 == 3,
                "Lucía's survey in Spanish, her answer (an Outlook copy of it) and its confirmation")
        #expect(out.contains("→ jonas.schmidt@example.com: survey-answer, answered: check-in answers (numbered): 5 of 5, meeting: yes, good fit, continue"))
        #expect(out.contains("→ lucia.moreno@example.net: survey-answer, answered: check-in answers (under the questions): 2 of 5, meeting: no, not a good fit, need a new match"))
        #expect(out.contains("congratulations on graduating, Olúwáseun Adéyẹmí and Amara Nwosu"))
        #expect(out.contains("tu mentoría con Thabo Nkosi ha terminado"))
        #expect(out.contains("your mentoring with Lucía Moreno has ended"))
        #expect(out.contains("|   Suggested: the mentee is back in the pool"))
        #expect(out.contains("| 4  Olúwáseun Adéyẹmí with Amara Nwosu: graduated"))
        #expect(out.contains("examined 0, sent 0"))
        let outbox = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("outbox").path)
        // The summit's Speed Mentoring: invitations, answers in every shape, a waitlist and a promotion, schedules.
        #expect(out.components(separatedBy: "\"OpenStack Mentoring: Speed Mentoring at the Summit, ").count - 1 == 9
                    && out.contains("\"OpenStack Mentoring: Speed Mentoring at the Summit, jueves, 22 de abril de 2027\""),
                "eight invitations, Lucía's in Spanish, and one to Wanjiru, who joined later")
        // Wanjiru, imported after the invitations went out, is welcomed and invited by the next run, once.
        #expect(out.components(separatedBy: "↩ to wanjiru.kamau@example.org: \"OpenStack Mentoring: Speed Mentoring at the Summit, Thursday").count - 1 == 1,
                "\(out)")
        #expect(out.contains("↩ to wanjiru.kamau@example.org: \"Welcome to OpenStack Mentoring\""))
        for answer in ["amara.nwosu@example.net: rsvp-accepted, answered: event 1: accepted",
                       "maria.garcia@example.net: rsvp-accepted, answered: event 1: accepted",
                       "ines.carvalho@example.com: rsvp-accepted, answered: event 1: accepted",
                       "kenji.watanabe@example.com: rsvp-accepted, answered: event 1: accepted",
                       "thabo.nkosi@example.net: rsvp-declined, answered: event 1: declined",
                       "lucia.moreno@example.net: rsvp-accepted, answered: event 1: waitlisted (position 1)",
                       "jonas.schmidt@example.com: rsvp-declined, answered: event 1: declined; lucia.moreno@example.net promoted from the waitlist"] {
            #expect(out.contains("→ \(answer)"), "\(answer)")
        }
        #expect(out.contains("\"OpenStack Mentoring: tienes plaza en Speed Mentoring at the Summit\""))
        let formed = try #require(out.range(of: "\n16. "), "the chapter where plans change")
        let first = String(out[..<formed.lowerBound]), later = String(out[formed.lowerBound...])
        #expect(first.components(separatedBy: "your schedule for Speed Mentoring at the Summit").count - 1 == 4)
        #expect(first.contains("tu horario para Speed Mentoring at the Summit"))
        #expect(first.contains("|   Rotation 1, 17:00–17:45: table"))
        #expect(!first.contains("to jonas.schmidt@example.com: \"OpenStack Mentoring: your schedule"), "no schedule for who declined")
        // Plans change after the tables are set; a coordinator forms them anew.
        #expect(later.contains("→ lucia.moreno@example.net: rsvp-declined, answered: event 1: declined"), "\(later)")
        #expect(later.contains("→ jonas.schmidt@example.com: rsvp-accepted, held: event 1: waitlisted"), "\(later)")
        #expect(later.contains("from the waitlist: Jonas Schmidt"), "\(later)")
        #expect(later.contains("→ ines.carvalho@example.com: rsvp-tentative, answered: event 1: maybe, keeps the seat"), "a seated maybe: \(later)")
        #expect(later.contains("to jonas.schmidt@example.com: \"OpenStack Mentoring: your schedule for Speed Mentoring"), "\(later)")
        // Those whose seats changed get the new schedule; the others are not written to again.
        let unchanged = try #require(later.firstMatch(of: /(\d+) schedule\(s\) stay the same/).flatMap { Int($0.1) })
        #expect(later.components(separatedBy: "your new schedule for Speed Mentoring at the Summit").count - 1 + unchanged == 4, "\(later)")
        #expect(!later.contains("to lucia.moreno@example.net: \"OpenStack Mentoring: tu"), "no schedule for who declined")
        let sheet = try String(contentsOf: folder.appendingPathComponent("event-sheet.html"), encoding: .utf8)
        #expect(sheet.components(separatedBy: "<section class=\"rotation\">").count - 1 == 2)
        #expect(sheet.contains("Jonas Schmidt") && !sheet.contains("Lucía Moreno"))
        // Kwame asks to have his data deleted, confirms, and his mail leaves the Maildir too.
        #expect(out.contains("→ kwame.mensah@example.net: confirm-delete-data, answered"), "\(out)")
        #expect(out.contains("deleted from the mailbox: 3 message(s) of his"), "\(out)")
        #expect(out.contains("| kwame.mensah@example.net  erased  name: (none)"), "\(out)")
        // Newcomers for the next round: first mails in Chinese and Japanese, and a request passed on.
        let newcomers = try #require(out.range(of: "\n18. "), "the chapter of the next round's newcomers")
        let next = String(out[newcomers.lowerBound...])
        #expect(next.contains("→ wang.fang@example.com: signup-request, answered"), "\(next)")
        #expect(next.contains("→ hanako.sato@example.com: signup-request, answered"), "\(next)")
        #expect(next.contains("→ coordinator@example.org: coordinator-forwarded-join, answered: a request to join passed on by a coordinator: "
                              + "the sign-up form was sent to marco.bianchi@example.org"), "\(next)")
        #expect(next.contains("↩ to marco.bianchi@example.org: \"Re: Mentoring\""), "\(next)")
        #expect(next.contains("wang.fang@example.com: Role: mentor / Areas: Horizon / Time zone: Asia/Shanghai / Languages: Chinese, English / Capacity: 1"), "\(next)")
        #expect(next.contains("hanako.sato@example.com: Role: mentee / Areas: Nova / Time zone: Asia/Tokyo / Languages: Japanese, English"), "\(next)")
        #expect(next.contains("marco.bianchi@example.org: Role: mentee / Areas: Cinder"), "\(next)")
        // Kenji changes his profile in sentences: a way to meet and an area added, the rest kept.
        #expect(next.contains("→ kenji.watanabe@example.com: profile, answered"), "\(next)")
        let kenji = try #require(next.split(separator: "\n").first { $0.hasPrefix("   kenji.watanabe@example.com: Areas:") }, "\(next)")
        #expect(kenji.contains("Cinder") && kenji.contains("video") && kenji.contains(", "), "\(kenji)")
        #expect(outbox.filter { $0.hasSuffix(".eml") }.count == 93 - unchanged)
        let report = try String(contentsOf: folder.appendingPathComponent("round-report.html"), encoding: .utf8)
        #expect(report.contains("<h2>How the pairs are doing</h2>"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("round-report.html").path))

        // Run again into the same folder: it was made by the demo, so it is replaced.
        let again = try CommandRunner.run(["demo", "--dir", folder.path], in: CommandRunner.repository)
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func anEventSheetThatCannotBeWrittenSaysWhereAndWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-demo-\(UUID().uuidString)")
        let demo = try CommandRunner.run(["demo", "--dir", folder.path], in: CommandRunner.repository)
        #expect(demo.status == 0, "\(demo.stderr)")
        let target = folder.appendingPathComponent("no-such-folder/x.html").path
        let result = try CommandRunner.run(["event", "sheet", "1", "--output", target,
                                            "--config", folder.appendingPathComponent("mentormail.toml").path])
        #expect(result.status == 69, "\(result.stderr)")
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("mentormail: cannot write \(target): "), "\(last)")
        #expect(!result.stderr.contains("please report it"))
    }

    /// Finding: `mentormail demo` run outside the repository said "set [program] templates in
    /// the config", though the demo has no config of the user's to set.
    @Test func theDemoOutsideTheRepositorySaysWhereToRunIt() throws {
        let elsewhere = try CommandRunner.temporaryFolder("mentormail-elsewhere")
        let result = try CommandRunner.run(["demo"], in: elsewhere)
        #expect(result.status == 69)
        #expect(result.stderr.contains("no sample mail at \(elsewhere.appendingPathComponent("mailbox-fixtures").path)"), "\(result.stderr)")
        #expect(result.stderr.contains("run it from the repository folder") && result.stderr.contains("--fixtures"), "\(result.stderr)")
        #expect(!result.stderr.contains("[program]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "nothing made")

        let fixtures = CommandRunner.repository.appendingPathComponent("mailbox-fixtures").path
        let noTemplates = try CommandRunner.run(["demo", "--fixtures", fixtures], in: elsewhere)
        #expect(noTemplates.status == 69)
        #expect(noTemplates.stderr.contains("no mail templates at") && noTemplates.stderr.contains("--templates"), "\(noTemplates.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "nothing made")
    }

    @Test func theDemoRefusesAFolderItDidNotMake() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-notdemo")
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("thesis.txt"))
        let result = try CommandRunner.run(["demo", "--dir", folder.path], in: CommandRunner.repository)
        #expect(result.status == 65)
        #expect(result.stderr.contains("is not empty and was not made by the demo"))
        #expect(try String(contentsOf: folder.appendingPathComponent("thesis.txt"), encoding: .utf8) == "keep me")
    }
}
