import Foundation
import Mail
@testable import MentorMail
import Testing

/// A coordinator's template copied before a release lacks a section the program now needs for
/// one case (`event-no-seat` without `noTables`): that case goes out with the shipped wording,
/// never the wrong one, and `check-templates` and `doctor` name the template and the section.
@Suite struct TemplateSectionsTests {
    let events = EventWorkflowTests()

    /// The shipped templates copied into a folder of its own, with every `name` section taken
    /// out of `template` (its inverted section's words kept, as a template written before it).
    static func folderWithout(section name: String, in template: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-old-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("templates"), to: folder)
        for path in ["\(template).txt.mustache", "\(template).html.mustache", "es/\(template).txt.mustache", "es/\(template).html.mustache"] {
            let file = folder.appendingPathComponent(path)
            guard var text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            while let range = text.range(of: "\\{\\{#\(name)\\}\\}[\\s\\S]*?\\{\\{/\(name)\\}\\}", options: .regularExpression) {
                text.removeSubrange(range)
            }
            text = text.replacingOccurrences(of: "{{^\(name)}}", with: "").replacingOccurrences(of: "{{/\(name)}}", with: "")
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Finding: with an `event-no-seat` copied before `noTables`, guests of an event whose
    /// tables could not be formed were told the tables are set and there was no seat for them.
    @Test func aTemplateWithoutTheNoTablesSectionStillTellsGuestsThatNoTableCouldBeFormed() throws {
        let folder = try Self.folderWithout(section: "noTables", in: "event-no-seat")
        defer { try? FileManager.default.removeItem(at: folder) }
        var program = try ProcessorTests.Program()
        program.templates = try TemplateLibrary(directory: folder.path)
        try program.database.write { db in
            for (email, profile) in [("ana@example.net", MatchingWorkflowTests.profile("mentee", "Ana Souza")),
                                     ("lucia@example.net", MatchingWorkflowTests.profile("mentee", "Lucía Pérez", languages: ["Spanish"])),
                                     ("maria@example.org", MatchingWorkflowTests.profile("mentor", "Maria Garcia", capacity: 2))] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        _ = try events.run(program)
        let uid = try events.uid(program, event.id)
        for (index, (address, name, partstat)) in [("ana@example.net", "Ana Souza", "ACCEPTED"), ("lucia@example.net", "Lucía Pérez", "ACCEPTED"),
                                                    ("maria@example.org", "Maria Garcia", "DECLINED")].enumerated() {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: name, to: "mentoring@example.org", partstat: partstat),
                               name: "\(index)-\(address)")
        }
        _ = try events.run(program)
        let due = try events.run(program, at: event.startsAt.addingTimeInterval(-23 * 3_600))
        let toAna = try #require(due.first(to: "ana@example.net"))
        #expect(toAna.subject == "Test Mentoring: no tables for Speed Mentoring at the Summit", "\(toAna.subject ?? "")")
        let ana = try #require(toAna.textBody).replacingOccurrences(of: "\n", with: " ")
        #expect(ana.contains("no table could be formed") && !ana.contains("are now set") && !ana.contains("waitlist"), "\(ana)")
        let toLucia = try #require(due.first(to: "lucia@example.net"))
        #expect(toLucia.subject == "Test Mentoring: no hay mesas para Speed Mentoring at the Summit", "\(toLucia.subject ?? "")")
        #expect(toLucia.textBody?.replacingOccurrences(of: "\n", with: " ").contains("no se ha podido formar ninguna mesa") == true,
                "\(toLucia.textBody ?? "")")
        // The other case of the same template keeps the coordinator's own words.
        let values = EventNoSeatMail(person: PersonName("Ben"), event: EventInfo(name: "E", day: .sample, time: .sample, timeZone: "Z", minutes: 90,
                                                                                   location: nil, rotations: 2, minutesPerRotation: 45))
            .templateValues(program: ProgramInfo(program.config.program), replySubject: nil)
        #expect(try program.templates.render(MailKind.eventNoSeat.template, values).text.contains("are now set"))
    }

    /// `check-templates` and `doctor` name the template, the section and how to fix it.
    @Test func checkTemplatesAndDoctorNameTheMissingSectionAndTheFix() throws {
        let folder = try Self.folderWithout(section: "noTables", in: "event-no-seat")
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = try TemplateLibrary.check(directory: folder.path).filter { $0.variable == "noTables" }
        #expect(problems.count == 4, "text and HTML, English and Spanish: \(problems)")
        #expect(problems.allSatisfy { $0.severity == .warning && $0.file.hasSuffix(".mustache") && $0.file.contains("event-no-seat") })
        #expect(problems.first?.message.contains("{{#noTables}}") == true && problems.first?.message.contains("shipped") == true,
                "\(problems.first?.message ?? "")")

        let program = try ProcessorTests.Program()
        let config = program.folder.appendingPathComponent("old.toml")
        try ProcessorTests.Program.configText.replacingOccurrences(of: CommandRunner.repository.appendingPathComponent("templates").path, with: folder.path)
            .write(to: config, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["doctor", "--config", config.path, "--json"])
        let checks = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stderr)")
        let templates = try #require(checks.first { $0["name"] as? String == "templates" })
        #expect(templates["outcome"] as? String == "warning", "\(templates)")
        let detail = try #require(templates["detail"] as? String)
        #expect(detail.contains("event-no-seat.txt.mustache") && detail.contains("noTables"), "\(detail)")
        let fix = try #require(templates["fix"] as? String)
        #expect(fix.contains("shipped") && fix.contains("mentormail init"), "\(fix)")
    }

    /// Every shipped template has every section the program needs of it.
    @Test func theShippedTemplatesHaveEverySectionTheProgramNeeds() throws {
        let problems = try TemplateLibrary.check(directory: CommandRunner.repository.appendingPathComponent("templates").path)
        #expect(!problems.contains { $0.message.contains("shipped wording") }, "\(problems)")
        #expect(MailKind.allCases.contains { !$0.requiredSections.isEmpty })
    }
}
