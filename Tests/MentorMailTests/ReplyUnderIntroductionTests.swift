import Foundation
import Mail
@testable import MentorMail
import Testing

/// Mail to the program alone under a pair's introduction.
@Suite struct ReplyUnderIntroductionTests {
    /// A pair introduced: Sam (mentee) and Bob (mentor). Returns Sam's introduction.
    func introduced(_ program: ProcessorTests.Program) throws -> Message {
        _ = try program.app.openRound(name: "R", closesAt: program.now.addingTimeInterval(30 * 86_400), now: program.now)
        try program.database.write { db in
            let round = try AppDatabase.openRound(db)?.id
            for (email, profile) in [("bob@example.org", MatchingWorkflowTests.profile("mentor", "Bob Martin", capacity: 1)),
                                     ("sam@example.com", MatchingWorkflowTests.profile("mentee", "Sam Okafor"))] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "t", origin: "email", roundID: round, now: program.now)
            }
        }
        _ = try program.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "R", approve: true, now: program.now)
        _ = try program.run()
        return try #require(try program.sent().last { $0.to.map(\.normalized).contains("sam@example.com") && $0.subject?.contains("meet your mentoring match") == true })
    }

    func reply(_ intro: Message, _ body: String) -> String {
        let quoted = (intro.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        return "From: Sam Okafor <sam@example.com>\r\nTo: mentoring@example.org\r\nSubject: Re: \(intro.subject ?? "")\r\nMessage-ID: <\(UUID().uuidString)@example.com>\r\n"
            + "In-Reply-To: <\(intro.messageID ?? "")>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + (body + "\n\nOn Mon, Bob wrote:\n" + quoted).replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// Finding: Sam's "Interaction: video, email" under the introduction was held with the
    /// general answer, which itself says profile lines are acted on at once.
    @Test func ownProfileLinesUnderTheIntroductionChangeTheProfile() throws {
        let program = try ProcessorTests.Program()
        let intro = try introduced(program)
        try program.arrive(reply(intro, "Interaction: video, email\n\nSent from my Galaxy"))
        let report = try program.run(at: program.now.addingTimeInterval(86_400))
        #expect(report.held == 0 && report.answered == 1)
        #expect(try program.database.participant(email: "sam@example.com")?.profile.interactions == ["video", "email"])
        let answer = try #require(try program.sent().last { $0.to.map(\.normalized) == ["sam@example.com"] })
        #expect(answer.textBody?.contains("Interaction: video, email") == true, "\(answer.textBody ?? "")")
        // A question beside a line is still for a coordinator.
        try program.arrive(reply(intro, "Time zone: Europe/Paris\n\nShould I write to Bob first?"))
        #expect(try program.run(at: program.now.addingTimeInterval(2 * 86_400)).held == 1)
    }
}
