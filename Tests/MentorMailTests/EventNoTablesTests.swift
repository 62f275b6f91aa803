import Foundation
import Mail
@testable import MentorMail
import Testing

/// An event whose tables cannot be formed when they are due (no mentor, or no mentee, is
/// coming): everyone who said yes hears so once, in their language, and no later run or
/// grouping tells them again.
@Suite struct EventNoTablesTests {
    let events = EventWorkflowTests()

    /// The mail each address got in `sent`, coordinators left out.
    func byReader(_ sent: [Message]) -> [String: [Message]] {
        Dictionary(grouping: sent.filter { $0.to.map(\.address) != ["coordinator@example.org"] }) { $0.to.map(\.address).joined(separator: ",") }
    }

    /// Mentees said yes (one of them onto the waitlist, one who reads Spanish) and no mentor did.
    @Test func everyMenteeWhoSaidYesIsToldOnceThatNoTableCouldBeFormed() throws {
        let program = try ProcessorTests.Program()
        let people = [
            ("ana@example.net", MatchingWorkflowTests.profile("mentee", "Ana Souza")),
            ("lucia@example.net", MatchingWorkflowTests.profile("mentee", "Lucía Pérez", languages: ["Spanish"])),
            ("ben@example.net", MatchingWorkflowTests.profile("mentee", "Ben Okafor")),
            ("maria@example.org", MatchingWorkflowTests.profile("mentor", "Maria Garcia", capacity: 2)),
            ("li@example.org", MatchingWorkflowTests.profile("mentor", "Li Wei", capacity: 2)),
        ]
        try program.database.write { db in
            for (email, profile) in people {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
        }
        let event = try events.createEvent(program, capacity: 2, tables: 2, rotations: 2)
        _ = try events.run(program)
        let uid = try events.uid(program, event.id)
        for (index, (address, name, partstat)) in [("ana@example.net", "Ana Souza", "ACCEPTED"), ("lucia@example.net", "Lucía Pérez", "ACCEPTED"),
                                                    ("ben@example.net", "Ben Okafor", "ACCEPTED"), ("maria@example.org", "Maria Garcia", "DECLINED")].enumerated() {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: name, to: "mentoring@example.org", partstat: partstat),
                               name: "\(index)-\(address)")
        }
        _ = try events.run(program)
        #expect(try events.rsvp(program, "ben@example.net") == .waitlisted)

        // The tables are due: none can be formed.
        let due = try events.run(program, at: event.startsAt.addingTimeInterval(-23 * 3_600))
        let told = byReader(due)
        #expect(Set(told.keys) == ["ana@example.net", "lucia@example.net", "ben@example.net"], "\(told.keys)")
        #expect(told.values.allSatisfy { $0.count == 1 }, "one mail each")
        let toAna = try #require(told["ana@example.net"]?.first)
        #expect(toAna.subject == "Test Mentoring: no tables for Speed Mentoring at the Summit", "\(toAna.subject ?? "")")
        let ana = try #require(toAna.textBody).replacingOccurrences(of: "\n", with: " ")
        #expect(ana.contains("no table could be formed for Speed Mentoring at the Summit"), "\(ana)")
        #expect(ana.contains("not enough mentors are coming"), "\(ana)")
        #expect(ana.contains("There is nothing you need to do"), "\(ana)")
        #expect(ana.contains("we will invite you to the next event"), "\(ana)")
        #expect(ana.contains("reply to this mail"), "\(ana)")
        #expect(!ana.contains("are now set") && !ana.contains("patience on the waitlist"), "\(ana)")
        #expect(toAna.leafParts.first { $0.contentType == "text/html" }?.decodedText().contains("no table could be formed") == true)
        let toLucia = try #require(told["lucia@example.net"]?.first)
        #expect(toLucia.subject == "Test Mentoring: no hay mesas para Speed Mentoring at the Summit", "\(toLucia.subject ?? "")")
        let lucia = try #require(toLucia.textBody).replacingOccurrences(of: "\n", with: " ")
        #expect(lucia.contains("no se ha podido formar ninguna mesa") && lucia.contains("No tienes que hacer nada"), "\(lucia)")
        let ben = try #require(told["ben@example.net"]?.first?.textBody).replacingOccurrences(of: "\n", with: " ")
        #expect(ben.contains("no table could be formed"), "the waitlisted yes hears too: \(ben)")
        // The coordinators learn who was told.
        let digest = try #require(due.first(to: "coordinator@example.org")?.textBody)
        let flat = digest.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(flat.contains("were told that no table could be formed"), "\(digest)")
        #expect(flat.contains("Ana Souza <ana@example.net>") && flat.contains("Ben Okafor <ben@example.net>"), "\(digest)")

        // A question under it reaches the coordinators, as the mail says.
        try program.arrive(CalendarReplies.words("Will there be another one soon?", from: "ana@example.net", name: "Ana Souza",
                                                 to: "mentoring@example.org", under: toAna))
        let asked = try events.run(program, at: event.startsAt.addingTimeInterval(-22 * 3_600))
        #expect(asked.first(to: "coordinator@example.org")?.textBody?.contains("Will there be another one soon?") == true)
        #expect(asked.first(to: "ana@example.net")?.textBody?.contains("it is with the\ncoordinators now") == true)

        // Nothing more: not a later run, nor a coordinator's try that fails again.
        #expect(try events.run(program, at: event.startsAt.addingTimeInterval(-20 * 3_600)).isEmpty)
        #expect(throws: MentorMailError.self) { try program.app.formEventGroups(id: event.id, now: event.startsAt.addingTimeInterval(-19 * 3_600)) }
        #expect(try events.run(program, at: event.startsAt.addingTimeInterval(-19 * 3_600)).isEmpty)

        // A mentor comes after all and the coordinators form the tables: the two with seats get
        // their schedules; Ben, still waiting, was told already and hears nothing more.
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "li@example.org", name: "Li Wei", to: "mentoring@example.org", partstat: "ACCEPTED"))
        _ = try events.run(program, at: event.startsAt.addingTimeInterval(-18 * 3_600))
        let grouping = try program.app.formEventGroups(id: event.id, now: event.startsAt.addingTimeInterval(-18 * 3_600))
        #expect(grouping.noSeat.isEmpty && grouping.waitlistTold == 0, "\(grouping)")
        let formed = byReader(try events.run(program, at: event.startsAt.addingTimeInterval(-18 * 3_600)))
        #expect(Set(formed.keys) == ["ana@example.net", "lucia@example.net", "li@example.org"], "\(formed.keys)")
    }

    /// Mentors said yes and no mentee did: each mentor hears once that there is no table.
    @Test func everyMentorWhoSaidYesIsToldOnceWhenNoMenteeCame() throws {
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program)
        _ = try events.run(program)
        let uid = try events.uid(program, event.id)
        for (index, (address, name)) in [("maria@example.org", "Maria Garcia"), ("li@example.org", "Li Wei")].enumerated() {
            try program.arrive(CalendarReplies.reply(.google, uid: uid, from: address, name: name, to: "mentoring@example.org", partstat: "ACCEPTED"),
                               name: "\(index)-\(address)")
        }
        _ = try events.run(program)
        let told = byReader(try events.run(program, at: event.startsAt.addingTimeInterval(-23 * 3_600)))
        #expect(Set(told.keys) == ["maria@example.org", "li@example.org"], "\(told.keys)")
        let maria = try #require(told["maria@example.org"]?.first?.textBody).replacingOccurrences(of: "\n", with: " ")
        #expect(told.values.allSatisfy { $0.count == 1 })
        #expect(maria.contains("not enough mentees are coming") && maria.contains("there is no table for you"), "\(maria)")
        #expect(try events.run(program, at: event.startsAt.addingTimeInterval(-2 * 3_600)).isEmpty)
    }
}
