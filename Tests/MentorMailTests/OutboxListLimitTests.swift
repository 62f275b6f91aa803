import Foundation
@testable import MentorMail
import Testing

/// Finding X3-8: `outbox list` (and its --json) stopped at 50 rows without a word, so an
/// operator or a script took the first 50 for the whole outbox.
@Suite struct OutboxListLimitTests {
    func list(_ arguments: [String], _ config: URL) throws -> CommandRunner.Result {
        try CommandRunner.run(["outbox", "list", "--config", config.path] + arguments)
    }

    @Test func aListCutShortSaysSoOnStandardErrorAndTheJSONStaysAnArray() throws {
        let program = try ProcessorTests.Program()
        for index in 0..<52 { try OutboxCancelTests().store(program, to: "p\(index)@example.net") }
        let config = try program.writeConfigFile()

        let table = try list([], config)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("p51@example.net") && !table.stdout.contains("p1@example.net "), "newest first, 50 of them")
        #expect(table.stderr.contains("50 of 52 shown; --limit N (or --limit 0 for all) for more"), "\(table.stderr)")

        let json = try list(["--json", "--limit", "5"], config)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json.stdout)")
        #expect(rows.count == 5)
        #expect(json.stderr.contains("5 of 52 shown"), "\(json.stderr)")

        let all = try list(["--json", "--limit", "0"], config)
        #expect((try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])?.count == 52)
        #expect(!all.stderr.contains("shown"), "\(all.stderr)")

        let narrowed = try list(["--status", "sent"], config)
        #expect(narrowed.stderr.isEmpty, "nothing was left out: \(narrowed.stderr)")
    }
}
