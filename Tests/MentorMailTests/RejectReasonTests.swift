import Foundation
import Mail
@testable import MentorMail
import Testing

/// A coordinator's reason for rejecting a proposal is kept and shown with the round's history.
@Suite struct RejectReasonTests {
    @Test(arguments: [
        ("REJECT MM-ABCD-EFGH because Alice and Bob work at the same company", "Alice and Bob work at the same company"),
        ("Reject mm-abcd-efgh - Caio needs a Portuguese speaker.\n\nThanks,\nCarol", "Caio needs a Portuguese speaker"),
        ("Alice and Bob are in the same team. REJECT", "Alice and Bob are in the same team"),
        ("REJECT MM-ABCD-EFGH\n\nCarol", nil),
        // An attribution the reply reader left above the quote is not part of the reason.
        ("REJECT MM-ABCD-EFGH because Ivy should not be with me, I am a coordinator\n\nOn Mon, someone wrote:",
         "Ivy should not be with me, I am a coordinator"),
        ("RECHAZAR MM-ABCD-EFGH porque trabajan juntas\nEl lun, Programa escribió:", "trabajan juntas"),
    ] as [(String, String?)])
    func theReasonIsWhatIsWrittenBesideReject(text: String, reason: String?) {
        #expect(Intake.rejectReason(in: text) == reason)
    }

    /// Finding: "REJECT mm-… because …" by mail lost the reason.
    @Test func aReasonByMailIsKeptAndShownInTheHistoryAndStatus() throws {
        let program = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        _ = try MatchingWorkflowTests().seed(program)
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.run()
        let review = try #require(try program.sent().first { $0.subject?.contains(proposal.token) == true })
        #expect(review.textBody?.contains("REJECT \(proposal.token) because …") == true, "the review says a reason can be given")
        try program.arrive("""
            Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r
            From: Coordinator <coordinator@example.org>\r
            To: mentoring@example.org\r
            Subject: RE: \(review.subject ?? "")\r
            Message-ID: <reject-1@example.org>\r
            In-Reply-To: <\(review.messageID ?? "")>\r
            \r
            REJECT \(proposal.token.lowercased()) because Ana and Maria work at the same company\r
            \r
            Carol\r
            """)
        let before = program.outbox.sentFiles().count
        _ = try program.run()
        let reason = "Ana and Maria work at the same company"
        // The answer repeats the reason kept and says how to keep two people apart.
        let answer = try #require(try program.sent().suffix(from: before).first(to: "coordinator@example.org")?.textBody)
        #expect(answer.contains("We kept your reason: \"\(reason)\"") && answer.contains("mentormail pairs keep-apart ADDRESS ADDRESS"), "\(answer)")
        let details = try program.database.roundDetails(name: "2027-Q1", now: program.now)
        #expect(details.proposal?.status == "rejected")
        #expect(details.proposal?.reason == reason)
        #expect(try program.database.status(now: program.now).round?.rejected?.reason == reason)

        // A new proposal: the rejected one stays in the history with its reason.
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        let config = try program.writeConfigFile()
        let show = try CommandRunner.run(["round", "show", "2027-Q1", "--config", config.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Earlier proposals:") && show.stdout.contains("\(proposal.token): rejected"), "\(show.stdout)")
        #expect(show.stdout.contains("rejected because: \(reason)"), "\(show.stdout)")
        let json = try CommandRunner.run(["round", "show", "2027-Q1", "--json", "--config", config.path])
        let view = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let history = try #require(view["proposals"] as? [[String: Any]])
        #expect(history.first?["reason"] as? String == reason)
        let status = try CommandRunner.run(["status", "--config", config.path])
        #expect(status.stdout.contains("proposal \(proposal.token) was rejected") && status.stdout.contains(reason), "\(status.stdout)")
    }

    /// Finding: after a rejection and an approved second proposal, `status` still showed the
    /// rejection. It shows the approved proposal; the rejection stays in `round show`.
    @Test func statusShowsTheApprovedProposalNotAnEarlierRejection() throws {
        let program = try ProcessorTests.Program()
        _ = try MatchingWorkflowTests().seed(program)
        let first = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: false, now: program.now, reason: "Ana is on leave")
        let second = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        let round = try #require(try program.database.status(now: program.now).round)
        #expect(round.rejected == nil)
        #expect(round.approved?.code == second.token && round.approved?.pairs == second.pairs.count)
        let config = try program.writeConfigFile()
        let status = try CommandRunner.run(["status", "--config", config.path])
        #expect(!status.stdout.contains("was rejected") && status.stdout.contains("proposal \(second.token) with \(second.pairs.count) pair(s) was approved"),
                "\(status.stdout)")
        let show = try CommandRunner.run(["round", "show", "2027-Q1", "--config", config.path])
        #expect(show.stdout.contains("\(first.token): rejected"), "\(show.stdout)")
    }

    /// The same on the command line, with --reason.
    @Test func aReasonOnTheCommandLineIsKept() throws {
        let program = try ProcessorTests.Program()
        _ = try MatchingWorkflowTests().seed(program)
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        let config = try program.writeConfigFile()
        let rejected = try CommandRunner.run(["round", "reject", "2027-Q1", "--reason", "Li is on leave until June", "--config", config.path])
        #expect(rejected.status == 0, "\(rejected.stderr)")
        let json = try CommandRunner.run(["status", "--json", "--config", config.path])
        let status = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let round = try #require(status["round"] as? [String: Any])
        let last = try #require(round["rejected"] as? [String: Any])
        #expect(last["code"] as? String == proposal.token)
        #expect(last["reason"] as? String == "Li is on leave until June")
        let show = try CommandRunner.run(["round", "show", "2027-Q1", "--config", config.path])
        #expect(show.stdout.contains("rejected because: Li is on leave until June"), "\(show.stdout)")
    }
}
