import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding: coordinators forward the same growing form export again later. Re-importing it set
/// graduates who had become mentors by mail back to mentee, undid a capacity lowered by mail,
/// and re-created someone who had moved address and withdrawn, at the old address. An import
/// row now changes a profile only when it is newer than what the program holds.
@Suite struct ImportReplayTests {
    static let timed = "Timestamp,Email Address,Your name,Role,Mentoring type,Time zone,Languages,How many mentees can you take?\n"
        + "2026/11/01 10:00:00,femi@example.net,Femi Okafor,Mentee,Technical,Europe/London,English,\n"
        + "2026/11/01 11:00:00,eva@example.net,Eva Lind,Mentor,Technical,Europe/Stockholm,English,3\n"
        + "2026/11/01 12:00:00,ana@example.net,Ana Souza,Mentee,Technical,UTC,English,\n"
    static let untimed = "Email Address,Your name,Role,Mentoring type,Time zone,Languages,How many mentees can you take?\n"
        + "femi@example.net,Femi Okafor,Mentee,Technical,Europe/London,English,\n"
        + "eva@example.net,Eva Lind,Mentor,Technical,Europe/Stockholm,English,3\n"
        + "ana@example.net,Ana Souza,Mentee,Technical,UTC,English,\n"

    static func mail(from: String, _ body: String) -> String {
        "From: \(from)\r\nTo: mentoring@example.org\r\nSubject: My profile\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n"
            + "Date: Wed, 04 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// Femi becomes a mentor and Eva lowers her capacity, by mail, a day after the import.
    func changeByMail(_ program: ProcessorTests.Program, at day: Date) throws {
        try program.arrive(Self.mail(from: "Femi Okafor <femi@example.net>", "Role: mentor\nCapacity: 2"))
        try program.arrive(Self.mail(from: "Eva Lind <eva@example.net>", "Capacity: 2"))
        let run = try program.run(at: day)
        #expect(run.problems.isEmpty, "\(run.problems)")
        #expect(try program.database.participant(email: "femi@example.net")?.profile.role == "mentor")
        #expect(try program.database.participant(email: "eva@example.net")?.profile.capacity == 2)
    }

    func expectMailChangesKept(_ program: ProcessorTests.Program) throws {
        let femi = try #require(try program.database.participant(email: "femi@example.net"))
        #expect(femi.profile.role == "mentor" && femi.profile.capacity == 2, "\(femi.profile)")
        #expect(try program.database.participant(email: "eva@example.net")?.profile.capacity == 2)
    }

    @Test func aTimestampedRowOlderThanTheLastChangeIsNotApplied() throws {
        let program = try ProcessorTests.Program()
        let export = try FormExport.csv(Self.timed, headerMap: [:])
        _ = try program.app.importFormExport(export, source: "week1.csv", now: program.now, dryRun: false)
        try changeByMail(program, at: program.now.addingTimeInterval(86_400))

        // The same export, grown by a newer answer from Eva's neighbour and read again later.
        let grown = try FormExport.csv(Self.timed + "2026/11/06 09:00:00,ana@example.net,Ana Souza,Mentee,Career,UTC,English,\n",
                                       headerMap: [:])
        let later = program.now.addingTimeInterval(4 * 86_400)
        let dry = try program.app.importFormExport(grown, source: "week2.csv", now: later, dryRun: true)
        let report = try program.app.importFormExport(grown, source: "week2.csv", now: later, dryRun: false)
        #expect(dry == report, "a dry run reports the same")
        #expect(report.updated == ["ana@example.net"], "Ana's newer answer is applied: \(report)")
        #expect(Set(report.skipped.map(\.email)) == ["femi@example.net", "eva@example.net"], "\(report)")
        let eva = try #require(report.skipped.first { $0.email == "eva@example.net" })
        #expect(eva.row == 3 && eva.reason.contains("older than the profile's last change on 2026-11-04: not applied"), "\(eva.reason)")
        try expectMailChangesKept(program)
        #expect(try program.database.participant(email: "ana@example.net")?.profile.mentoringTypes == ["career"])

        // Eva answers the form again after her mail: that answer is newer, and it is applied.
        let newer = try FormExport.csv(Self.timed + "2026/11/08 09:00:00,eva@example.net,Eva Lind,Mentor,Technical,Europe/Stockholm,English,1\n",
                                       headerMap: [:])
        let third = try program.app.importFormExport(newer, source: "week3.csv", now: later.addingTimeInterval(86_400), dryRun: false)
        #expect(third.updated == ["eva@example.net"], "\(third)")
        #expect(try program.database.participant(email: "eva@example.net")?.profile.capacity == 1)
    }

    @Test func withoutTimestampsTheSameRowChangesNothingAndAnUndoIsNotApplied() throws {
        let program = try ProcessorTests.Program()
        _ = try program.app.importFormExport(try FormExport.csv(Self.untimed, headerMap: [:]), source: "week1.csv",
                                             now: program.now, dryRun: false)
        try changeByMail(program, at: program.now.addingTimeInterval(86_400))

        let later = program.now.addingTimeInterval(4 * 86_400)
        let again = try program.app.importFormExport(try FormExport.csv(Self.untimed, headerMap: [:]), source: "week2.csv",
                                                     now: later, dryRun: false)
        #expect(again.updated.isEmpty && again.skipped.isEmpty, "\(again)")
        #expect(Set(again.unchanged) == ["femi@example.net", "eva@example.net", "ana@example.net"], "\(again)")
        try expectMailChangesKept(program)

        // Eva's row now says 4 (her capacity was lowered to 2 by mail since): not applied.
        // Ana's row changed what no mail of hers did: applied.
        let edited = Self.untimed.replacingOccurrences(of: "English,3", with: "English,4")
            .replacingOccurrences(of: "Ana Souza,Mentee,Technical", with: "Ana Souza,Mentee,Career")
        let export = try FormExport.csv(edited, headerMap: [:])
        let dry = try program.app.importFormExport(export, source: "week3.csv", now: later, dryRun: true)
        let report = try program.app.importFormExport(export, source: "week3.csv", now: later, dryRun: false)
        #expect(dry == report)
        #expect(report.updated == ["ana@example.net"], "\(report)")
        let eva = try #require(report.skipped.first { $0.email == "eva@example.net" }, "\(report)")
        #expect(eva.reason.contains("would undo") && eva.reason.contains("2026-11-04") && eva.reason.contains("not applied"), "\(eva.reason)")
        try expectMailChangesKept(program)
    }

    @Test func anAddressThatMovedIsNotRecreated() throws {
        let program = try ProcessorTests.Program()
        let export = try FormExport.csv(Self.timed + "2026/11/01 13:00:00,omar@example.net,Omar Haddad,Mentee,Technical,UTC,English,\n",
                                        headerMap: [:])
        _ = try program.app.importFormExport(export, source: "week1.csv", now: program.now, dryRun: false)
        _ = try program.app.changeAddress(from: "omar@example.net", to: "omar@new.example.net", now: program.now.addingTimeInterval(86_400))
        _ = try program.run(at: program.now.addingTimeInterval(86_400))
        let before = try program.database.outbox().count

        let later = program.now.addingTimeInterval(4 * 86_400)
        let dry = try program.app.importFormExport(export, source: "week2.csv", now: later, dryRun: true)
        let report = try program.app.importFormExport(export, source: "week2.csv", now: later, dryRun: false)
        #expect(dry == report)
        #expect(report.added.isEmpty, "\(report)")
        let omar = try #require(report.skipped.first { $0.email == "omar@example.net" }, "\(report)")
        #expect(omar.reason.contains("moved to omar@new.example.net") && omar.reason.contains("not re-created"), "\(omar.reason)")
        #expect(try program.database.participant(email: "omar@example.net") == nil)
        #expect(try program.database.outbox().count == before, "no welcome to the old address")
    }

    @Test func someoneWhoWithdrewIsNotReactivated() throws {
        let program = try ProcessorTests.Program()
        let export = try FormExport.csv(Self.untimed, headerMap: [:])
        _ = try program.app.importFormExport(export, source: "week1.csv", now: program.now, dryRun: false)
        try program.arrive(Self.mail(from: "Ana Souza <ana@example.net>", "STOP"))
        _ = try program.run(at: program.now.addingTimeInterval(86_400))
        // A plain STOP may be asked about first: the coordinator makes it sure.
        if try program.database.participant(email: "ana@example.net")?.status != .withdrawn {
            _ = try program.app.changeParticipation(.withdraw, address: "ana@example.net", reason: nil, tell: false, dryRun: false,
                                                    now: program.now.addingTimeInterval(86_400))
        }
        let later = program.now.addingTimeInterval(4 * 86_400)
        let report = try program.app.importFormExport(export, source: "week2.csv", now: later, dryRun: false)
        #expect(report.rejected.isEmpty, "\(report)")
        let ana = try #require(report.skipped.first { $0.email == "ana@example.net" }, "\(report)")
        #expect(ana.reason.contains("withdrew") && ana.reason.contains("write in themselves"), "\(ana.reason)")
        #expect(try program.database.participant(email: "ana@example.net")?.status == .withdrawn)
        #expect(!report.nothingImported)
    }
}
