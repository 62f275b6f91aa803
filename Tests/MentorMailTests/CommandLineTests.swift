import Foundation
import Testing

/// The built binary, run as users run it: help that teaches, JSON for scripts, exit codes.
@Suite struct CommandLineTests {
    @Test(arguments: [[String](), ["init"], ["process"], ["parse-mail"], ["demo"]])
    func everyHelpSaysWhatItDoesAndShowsAnExample(command: [String]) throws {
        let result = try CommandRunner.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("OVERVIEW:"), "\(result.stdout)")
        #expect(result.stdout.contains("mentormail "), "help shows a command line")
        #expect(result.stdout.lowercased().contains("example") || command.isEmpty, "help shows an example")
    }

    @Test func parseMailPrintsOneJSONObjectPerFile() throws {
        let fixtures = CommandRunner.repository.appendingPathComponent("mailbox-fixtures")
        let result = try CommandRunner.run(["parse-mail", "--json",
                                            fixtures.appendingPathComponent("signup-request-plain.eml").path,
                                            fixtures.appendingPathComponent("signup-request-outlook.eml").path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in ["subject", "from", "to", "messageId", "inReplyTo", "references", "date", "text"] {
            #expect(first.keys.contains(key), "key \(key)")
        }
        #expect(first["subject"] as? String == "Joining the mentoring program")
        let from = try #require(first["from"] as? [String: Any])
        #expect(from["address"] as? String == "maria.garcia@example.net")
        #expect(from["name"] as? String == "María García")
        #expect(first["messageId"] as? String == "0f7c2a1e-5b1d-4c0b-9d7e-3a2f1c9e8b41@example.net")
        #expect(first["inReplyTo"] is NSNull)
        #expect((first["text"] as? String)?.contains("I live in Barcelona.") == true)

        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["subject"] as? String == "Anmeldung für das Mentoring")
        #expect((second["from"] as? [String: Any])?["name"] as? String == "Schmidt, Jonas")
        #expect((second["text"] as? String)?.contains("ich würde gern als Mentee") == true)
    }

    @Test func parseMailFailsOnlyForUnreadableFiles() throws {
        let result = try CommandRunner.run(["parse-mail", "/nonexistent/message.eml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("cannot read /nonexistent/message.eml"))
    }

    @Test func processWithoutAConfigExplainsWhatToDo() throws {
        let result = try CommandRunner.run(["process", "--config", "/nonexistent/mentormail.toml"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("mentormail init"))
    }

    @Test func initWritesAConfigThatLoadsAndRefusesToOverwrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("mentormail.toml").path
        let first = try CommandRunner.run(["init", "--config", path])
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        let again = try CommandRunner.run(["init", "--config", path])
        #expect(again.status == 65)
        #expect(again.stderr.contains("--force"))
    }

    @Test func theDemoTellsTheStoryWithoutAServer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-demo-\(UUID().uuidString)")
        let result = try CommandRunner.run(["demo", "--dir", folder.path], in: CommandRunner.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("signup-request → answered"))
        #expect(result.stdout.contains("ignore → ignored"))
        #expect(result.stdout.contains("answered 3, ignored 1, quarantined 0, sent 3"))
        #expect(result.stdout.contains("examined 0, sent 0"))
        let outbox = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("outbox").path)
        #expect(outbox.filter { $0.hasSuffix(".eml") }.count == 3)
    }
}
