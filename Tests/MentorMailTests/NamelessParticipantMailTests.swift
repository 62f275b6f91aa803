import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding D-12: people stored with no name (an import whose Name was a placeholder) were
/// named by a blank in others' mail: "Hello  and ,", ": will mentor .", "¿Te estás reuniendo con ?".
/// Such a person is greeted "Hello," and named to others by their address.
@Suite struct NamelessParticipantMailTests {
    static let bea = "bea.souza@example.org"
    static let cal = "cal@example.org"

    /// Bea (mentee) and Cal (mentor), both without a name, matched and introduced.
    static func introduced() throws -> ProcessorTests.Program {
        let harness = try ProcessorTests.Program()
        _ = try harness.app.openRound(name: "R", closesAt: harness.now.addingTimeInterval(30 * 86_400), now: harness.now)
        try harness.database.write { db in
            let round = try AppDatabase.openRound(db)?.id
            _ = try AppDatabase.upsertProfile(db, email: bea, profile: MatchingWorkflowTests.profile("mentee", "", interactions: ["email"]),
                                              status: .active, source: "import", origin: "import", roundID: round, now: harness.now)
            _ = try AppDatabase.upsertProfile(db, email: cal, profile: MatchingWorkflowTests.profile("mentor", "", interactions: ["video"], capacity: 1),
                                              status: .active, source: "import", origin: "import", roundID: round, now: harness.now)
        }
        _ = try harness.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: harness.now)
        _ = try harness.app.decideProposal(round: "R", approve: true, now: harness.now)
        _ = try harness.run()
        return harness
    }

    static func blanks(_ text: String) -> Bool {
        ["  and", "Hello  ", " ,", "with  ", "to  this", ": will", " .", "con ?", "y  ", "()", "(:"].contains { text.contains($0) }
    }

    @Test func theIntroductionNamesEachByTheirAddress() throws {
        let harness = try Self.introduced()
        let introduction = try #require(try harness.sent().first { $0.to.count == 2 })
        let subject = introduction.subject ?? ""
        let body = introduction.textBody ?? ""
        #expect(subject.hasSuffix("match, \(Self.bea) and \(Self.cal)"), "\(subject)")
        #expect(body.contains("Hello \(Self.bea) and \(Self.cal),"), "\(body)")
        #expect(body.contains("\(Self.cal) will mentor \(Self.bea)."), "\(body)")
        #expect(body.contains("A first step: \(Self.cal), please write to \(Self.bea) this week"), "\(body)")
        #expect(!Self.blanks(body), "\(body)")
    }

    @Test func theMatchReviewsCautionNamesThemByAddress() throws {
        let harness = try Self.introduced()
        let bea = try #require(try harness.database.participant(email: Self.bea))
        let cal = try #require(try harness.database.participant(email: Self.cal))
        let caution = MatchingService.caution(mentee: bea, mentor: cal) ?? ""
        #expect(caution.contains("no way to meet in common (\(Self.bea): email; \(Self.cal): video)"), "\(caution)")
    }

    @Test func theCheckinSurveyNamesThePartnerByAddressAndGreetsPlainly() throws {
        let harness = try Self.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * 86_400))
        let survey = try #require(try harness.sent().last { $0.to.map(\.normalized) == [Self.bea] })
        let body = survey.textBody ?? ""
        #expect(survey.subject?.contains("with \(Self.cal) going") == true, "\(survey.subject ?? "")")
        #expect(body.contains("Hello,"), "\(body)")
        #expect(body.contains(Self.cal), "\(body)")
        #expect(!Self.blanks(body), "\(body)")
    }

    @Test func anEventScheduleNamesANamelessGuestByTheLocalPart() {
        let guest = EventGuest(eventID: 1, participantID: 1, email: Self.bea, name: "", role: .mentor, language: nil)
        #expect(guest.firstName == "bea.souza")
        #expect(guest.shownName == Self.bea)
        let named = EventGuest(eventID: 1, participantID: 2, email: Self.cal, name: "Cal Ortiz", role: .mentor, language: nil)
        #expect(named.firstName == "Cal")
        #expect(named.shownName == "Cal Ortiz")
    }
}
