import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding D-18: `mentormail match` named a person without a name as "   <ann@example.org>".
@Suite struct NamelessInProposalTests {
    @Test func aNamelessPersonIsNamedByAddressInTheMatchOutput() throws {
        let program = try ProcessorTests.Program()
        _ = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now)
        let round = try #require(try program.database.read { db in try Round.fetchOne(db) })
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "ann@example.org", profile: MatchingWorkflowTests.profile("mentee", ""),
                                              status: .active, source: "test", origin: "import", roundID: round.id, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "jr@example.org", profile: MatchingWorkflowTests.profile("mentor", "J. R. Smith", capacity: 1),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: true, now: program.now)
        let text = ProposalView(proposal, people: try program.database.participantsByID(), dryRun: true).text
        #expect(text.contains("  ann@example.org  ←  J. R. Smith <jr@example.org>"), "\(text)")
        #expect(!text.contains(" <ann@example.org>"), "the address alone, not an empty name before it: \(text)")
    }
}
