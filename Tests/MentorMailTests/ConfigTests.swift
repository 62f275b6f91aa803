import Foundation
@testable import MentorMail
import MailTransport
import Testing

@Suite struct ConfigTests {
    let file = URL(fileURLWithPath: "/srv/mentoring/mentormail.toml")

    @Test func theExampleParsesAndPathsAreRelativeToTheFile() throws {
        let config = try Config.parse(Config.example, fileURL: file)
        #expect(config.program.name == "OpenStack Mentoring")
        #expect(config.program.address == "mentoring@example.org")
        #expect(config.program.domain == "example.org")
        #expect(config.program.coordinators == ["coordinator@example.org"])
        #expect(config.program.database == "/srv/mentoring/mentormail.sqlite")
        #expect(config.program.templates == "/srv/mentoring/templates")
        // The embedded local transports, so that `init` then `process` works with nothing else.
        #expect(config.mailbox.url == "maildir:/srv/mentoring/mailbox")
        #expect(config.mailbox.passwordEnv == nil)
        #expect(config.mailbox.startTLS == .ifAvailable)
        #expect(config.smtp.url == "dir:/srv/mentoring/outbox")
    }

    @Test func localTransportsResolveTheirPaths() throws {
        let config = try Config.parse("""
            [program]
            name = "P"
            address = "p@example.org"
            database = "/var/lib/p.sqlite"
            [mailbox]
            url = "maildir:mail/inbox"
            [smtp]
            url = "dir:../outbox"
            starttls = "required"
            """, fileURL: file)
        #expect(config.mailbox.url == "maildir:/srv/mentoring/mail/inbox")
        #expect(config.smtp.url == "dir:/srv/outbox")
        #expect(config.smtp.startTLS == .required)
        #expect(config.program.database == "/var/lib/p.sqlite")
        #expect(config.program.coordinators.isEmpty)
    }

    @Test(arguments: [
        ("[program]\nname = \"P\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"", "[program] address is missing"),
        ("[program]\nname = \"P\"\naddress = \"nope\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"", "is not an email address"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[smtp]\nurl = \"dir:o\"", "the [mailbox] section is missing"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\npassword = \"hunter2\"\n[smtp]\nurl = \"dir:o\"", "must not hold a password"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\nstarttls = \"maybe\"\n[smtp]\nurl = \"dir:o\"", "starttls must be one of"),
        ("[program]\nname = 3\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"", "name must be a string"),
        ("[program\nname = \"P\"", "line 1"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\ncoordinators = [\"xq-coord@example.org\", \"Maria Lopez\"]\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "[program] coordinators: \"Maria Lopez\" is not an email address; list each coordinator's address alone"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\ncoordinators = [\"coord@example\", \"not an address\"]\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "\"coord@example\", \"not an address\" are not email addresses"),
        ("[program]\nname = \"P\"\naddress = \"xt-prog@example.org\"\ncoordinators = [\"XT-Prog@Example.org\"]\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "[program] coordinators: \"XT-Prog@Example.org\" is the program's own address"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\ncoordinators = [\"xt-coord@example.org\", \"ana@example.org\", \"XT-COORD@example.org\"]\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "[program] coordinators: \"XT-COORD@example.org\" is listed more than once"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\ncoordinators = []\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "[program] coordinators is empty: list at least one coordinator's address"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"\n# [checkin]\nafter_days = 30",
         "unknown key `after_days` in [smtp], line 9: `after_days` belongs in [checkin]: write (or uncomment) the [checkin] line above it"),
        ("[program]\nname = \"P\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "the text in quotes on line 2 has no closing \""),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"smtp://127.0.0.1:25\"\nca_file = \"/nonexistent/ca.pem\"",
         "[smtp] ca_file /nonexistent/ca.pem does not exist: point it at the PEM file"),
    ])
    func mistakesAreNamedPrecisely(text: String, expected: String) throws {
        let error = try #require(throws: MentorMailError.self) { try Config.parse(text, fileURL: file) }
        #expect(error.kind == .config)
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.exitCode == 78)
    }

    @Test func passwordsComeFromTheNamedEnvironmentVariable() throws {
        let config = try Config.parse(Config.example.replacingOccurrences(of: "# user = \"mentoring\"\n# password_env = \"MENTORMAIL_IMAP_PASSWORD\"",
                                                                          with: "user = \"mentoring\"\npassword_env = \"MENTORMAIL_IMAP_PASSWORD\""),
                                      fileURL: file)
        let credentials = try Transports.credentials(config.mailbox, "mailbox", ["MENTORMAIL_IMAP_PASSWORD": "s3cret"])
        #expect(credentials.password == "s3cret")
        #expect(credentials.user == "mentoring")
        let error = try #require(throws: MentorMailError.self) { try Transports.credentials(config.mailbox, "mailbox", [:]) }
        #expect(error.message.contains("MENTORMAIL_IMAP_PASSWORD"))
    }

    @Test func aMissingFileSaysHowToCreateOne() throws {
        let error = try #require(throws: MentorMailError.self) { try Config.load(path: "/nonexistent/mentormail.toml") }
        #expect(error.message.contains("mentormail init"))
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstLine() throws {
        let config = try Config.parse("\u{FEFF}[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
                                      fileURL: file)
        #expect(config.program.name == "P")
    }

    @Test func linesInsideAMultiLineStringAreNotChecked() throws {
        let config = try Config.parse("""
            [program]
            name = \"\"\"
            Mentoring
            [[[ not a header, # not a comment
            \"\"\"
            address = "p@example.org"
            [mailbox]
            url = "maildir:m"
            [smtp]
            url = "dir:o"
            """, fileURL: file)
        #expect(config.program.name.contains("[[[ not a header, # not a comment"))
    }

    @Test func aFileThatIsNotUTF8SaysSo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).toml").path
        // "Señora" saved as Latin-1: ñ is the single byte F1.
        try Data(Array("[program]\nname = \"Se".utf8) + [0xF1] + Array("ora\"\n".utf8)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: MentorMailError.self) { try Config.load(path: path) }
        #expect(error.message.contains("is not UTF-8 text"), "\(error.message)")
        #expect(error.exitCode == 78)
    }

    @Test func theREADMEsConfigReferenceParses() throws {
        let readme = try String(contentsOf: CommandRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```toml\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let config = try Config.parse(String(readme[start.upperBound..<end.lowerBound]), fileURL: file)
        #expect(config.enrollment.capacityMax == 5)
        #expect(config.enrollment.areas["nova"] == ["Nova", "compute"])
        #expect(config.enrollment.roundOpens.count == 4)
        #expect(config.matching.rules.minimumOverlapHours == 4)
        #expect(config.matching.weights.sharedArea == 10)
    }

    /// Findings: unknown keys and tables were accepted silently; `databse` quietly meant the
    /// default database.
    @Test(arguments: [
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\ndatabse = \"x.sqlite\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "unknown key `databse` in [program], line 4: did you mean `database`?"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\ncoordinator = [\"c@example.org\"]\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "unknown key `coordinator` in [program], line 4: did you mean `coordinators`?"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\ncolour = \"red\"\n[smtp]\nurl = \"dir:o\"",
         "unknown key `colour` in [mailbox], line 6"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[mailboxx]\nurl = \"x\"\n[smtp]\nurl = \"dir:o\"",
         "unknown table [mailboxx], line 6: did you mean [mailbox]?"),
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"\n[enrollment]\ncapacity_mx = 3",
         "unknown key `capacity_mx` in [enrollment], line 9: did you mean `capacity_max`?"),
        ("verbose = true\n[program]\nname = \"P\"\naddress = \"p@example.org\"\n[mailbox]\nurl = \"maildir:m\"\n[smtp]\nurl = \"dir:o\"",
         "unknown key `verbose` at the top of the file, line 1"),
        // Finding: only one of several mistakes was named; each fix then met the next.
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\ndatabse = \"x\"\n[mailbox]\nurl = \"maildir:m\"\ncolour = \"red\"\n[mailboxx]\nurl = \"x\"\n[smtp]\nurl = \"dir:o\"",
         "unknown key `databse` in [program], line 4: did you mean `database`?; unknown key `colour` in [mailbox], line 7; unknown table [mailboxx], line 8: did you mean [mailbox]?"),
        // Found by fuzzing: the TOML library aborted the process on these names.
        ("[program]\nname = \"P\"\naddress = \"p@example.org\"\n[\u{BA} smtp]\nurl = \"dir:o\"", "line 4: the name `º smtp` has characters"),
        ("[program]\nname = \"P\"\n\u{FFFD}address = \"p@example.org\"", "line 3: the name `\u{FFFD}address` has characters"),
        ("[\u{07}p[ropg+", "line 1: the control character U+0007 is not allowed"),
        ("[program]\nname = \"P\u{00}\"", "line 2: the control character U+0000 is not allowed"),
        ("[[[[[mple.org\"]  # commands\n[program]", "line 1: a table header has one bracket on each side"),
        ("[=?utf-8?B?ame = \"x\"\n[program]", "line 1: the name `=?utf-8?B?ame =` has characters"),
        ("[]\nname = \"x\"", "line 1: a table header needs a name"),
        ("[.program]\naddr = \"OpenStack\"", "line 1: a table name cannot start with a dot"),
        ("[program]\nname = \"P\"\n[[\t.areas]]", "line 3: a table name cannot start with a dot"),
        ("# a comment with ''' in it\n[[[[k[[", "line 2: a table header has one bracket on each side"),
        ("[program]\ncoordinators = [}}\"c@example.org\"]", "line 2: a `}` inside a list"),
        ("\u{FEFF}[.org\"\ncapacity_max = 9", "line 1: a table name cannot start with a dot"),
        // Byte-order marks one after another: the TOML parser skips one more than it checks.
        ("\u{FEFF}\u{FEFF}[[\u{FFFD}\u{FFFD}[[\u{FFFD}\u{FFFD}:\u{FFFD}\u{FFFD}&", "line 1: the name `\u{FFFD}\u{FFFD}[["),
        ("\u{FEFF}\u{FEFF}\u{FEFF}[[\u{FFFD}x", "line 1: the name `\u{FFFD}x` has characters"),
        // Line separators TOML does not count as line ends, inside a list.
        ("n=[[[[\u{85}\u{85}< : e.org", "line 1: the line separator U+0085 is not allowed"),
        ("[program]\r\ncoordinators = [\r\n\u{2028}\"a@example.org\"]", "line 3: the line separator U+2028 is not allowed"),
        ("[program]\nname = \"P\u{2029}\"", "line 2: the line separator U+2029 is not allowed"),
        // A combining mark after the bracket: one character for Swift, a bracket for TOML.
        ("[\u{30D}\u{C4} menro", "line 1: the name `\u{30D}\u{C4} menro` has characters"),
        ("# '''\u{30D} in a comment\n[[[x", "line 2: a table header has one bracket on each side"),
        ("[program]\nname = \"O'''.org\"  # ours\n[[[[x", "line 3: a table header has one bracket on each side"),
        ("[program]\ncoordinators = [\"a@example.org\", # a comment ]\n  }]", "line 3: a `}` inside a list"),
        ("[program]\nname = \"P\"\ncoordinators = [[ \"x\" ], \"\"\"}\"\"\"\n, } ]", "line 4: a `}` inside a list"),
    ])
    func unknownKeysAndTablesAreErrorsThatNameTheNearestKnownOne(text: String, expected: String) throws {
        let error = try #require(throws: MentorMailError.self) { try Config.parse(text, fileURL: file) }
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.exitCode == 78)
    }

    @Test func areasAndImportHeadersTakeAnyKey() throws {
        let config = try Config.parse("""
            [program]
            name = "P"
            address = "p@example.org"
            [mailbox]
            url = "maildir:m"
            [smtp]
            url = "dir:o"
            [enrollment.areas]
            zuul = ["Zuul", "gating"]
            [enrollment.import_headers]
            "Your handle?" = "name"
            [checkin]
            after_days = 60
            [safety]
            max_answers_per_sender_per_day = 3
            """, fileURL: file)
        #expect(config.enrollment.areas["zuul"] == ["Zuul", "gating"])
        #expect(config.checkin.afterDays == 60)
        #expect(config.safety.maxAnswersPerSenderPerDay == 3)
    }

    /// Finding: a database path in a folder that does not exist created that folder.
    @Test func aDatabaseInAMissingFolderIsAConfigErrorAndNothingIsCreated() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-dbfolder")
        let path = try CommandRunner.writeLocalConfig(in: folder, database: "missing/p.sqlite")
        for command in [["process"], ["round", "list"], ["round", "open", "R", "--closes", "2099-01-01"]] {
            let result = try CommandRunner.run(command + ["--config", path.path])
            #expect(result.status == 78, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("which does not exist: create the folder"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing").path))

        try "[program]\nname = \"P\"\naddress = \"p@example.org\"\ndatabse = \"x\"\n[mailbox]\nurl = \"maildir:mailbox\"\n[smtp]\nurl = \"dir:outbox\"\n"
            .write(to: path, atomically: true, encoding: .utf8)
        let typo = try CommandRunner.run(["process", "--config", path.path])
        #expect(typo.status == 78)
        #expect(typo.stderr.contains("did you mean `database`?"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mentormail.toml"], "nothing opened or created")
    }
}

