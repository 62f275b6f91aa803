import Foundation
import Mail
@testable import MentorMail
import Testing

/// A graduate after their pair: becoming a mentor, asking to be mentored again, or neither;
/// every answer says truly where they wait.
@Suite struct GraduateAgainTests {
    let day: TimeInterval = 86_400
    let life = PairLifeTests()

    /// Ana (mentee) and Maria (mentor) introduced in round R, then graduated from the check-in;
    /// returns the graduation's thank-you to Ana.
    func graduated() throws -> (ProcessorTests.Program, Message) {
        let (harness, _) = try life.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        try life.reply(harness, from: "Ana <ana@example.net>", to: try life.last(to: "ana@example.net", harness), "5, yes, good fit, graduate")
        try life.reply(harness, from: "Maria <maria@example.org>", to: try life.last(to: "maria@example.org", harness), "5, yes, good fit, graduate")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let thanks = try #require(try harness.sent().last {
            $0.subject?.contains("congratulations on graduating") == true && $0.to.map(\.normalized) == ["ana@example.net"]
        })
        return (harness, thanks)
    }

    func nextRound(_ harness: ProcessorTests.Program) throws -> RoundOpening {
        _ = try harness.app.closeRound(name: "R", now: harness.now.addingTimeInterval(95 * day))
        return try harness.app.openRound(name: "R2", closesAt: harness.now.addingTimeInterval(120 * day), now: harness.now.addingTimeInterval(95 * day))
    }

    /// Finding: "I can take 2 mentees actually" beside the yes left the profile "both" and
    /// incomplete, its answer asking for the role it had just listed.
    @Test(arguments: ["Yes, sign me up as a mentor! I can take 2 mentees actually.",
                      "Yes please, I can mentor two people.",
                      "Sure! Happy to help, I could take 2 mentees."])
    func aGraduatesYesWithACapacityMakesAMentorWithNothingToFix(_ text: String) throws {
        let (harness, thanks) = try graduated()
        try life.reply(harness, from: "Ana <ana@example.net>", to: thanks, text)
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let ana = try #require(try harness.database.participant(email: "ana@example.net"))
        #expect(ana.status == .active)
        #expect(ana.profile.role == "mentor" && ana.profile.capacity == 2, "\(ana.profile.role) \(ana.profile.capacity)")
        let answer = try #require(try life.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("Role: mentor") && answer.contains("Capacity: 2 mentees"), "\(answer)")
        #expect(!answer.contains("To fix") && !answer.contains("only once the lines above are fixed"), "\(answer)")
        let opening = try nextRound(harness)
        #expect(opening.mentees == 0 && opening.mentors == 2)
    }

    /// Finding: a graduate's "yes, sign me up as a mentor" after the round's sign-ups closed
    /// (but before it was matched) was told no round is open, then paired in it and listed
    /// as "now in" her old round. A mentor waiting in the pool is matched in the round still
    /// to be matched: she is told so and is one of its members.
    @Test func aGraduateWhoMentorsAfterTheRoundClosedIsInTheRoundToBeMatched() throws {
        let (harness, thanks) = try graduated()
        _ = try harness.app.closeRound(name: "R", now: harness.now.addingTimeInterval(95 * day))
        _ = try harness.app.openRound(name: "R2", closesAt: harness.now.addingTimeInterval(100 * day), now: harness.now.addingTimeInterval(95 * day))
        try life.reply(harness, from: "Ana <ana@example.net>", to: thanks, "Yes, sign me up as a mentor!")
        _ = try harness.run(at: harness.now.addingTimeInterval(102 * day))
        let answer = try #require(try life.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("you are in the R2 round") && !answer.contains("no round is open"), "\(answer)")
        let details = try harness.database.roundDetails(name: "R2", now: harness.now.addingTimeInterval(102 * day))
        let ana = try #require(details.mentors.first { $0.email == "ana@example.net" }, "\(details.mentors.map(\.email))")
        #expect(ana.nowIn == nil && ana.role == "mentor")
        #expect(!details.mentees.contains { $0.email == "ana@example.net" })
        // A mentee who writes after the close still waits for the next round.
        try life.write(harness, from: "Bo <bo@example.net>", subject: "Sign up", EnrollmentWorkflowTests.form
            .replacingOccurrences(of: "Ana Souza", with: "Bo Lind"))
        _ = try harness.run(at: harness.now.addingTimeInterval(103 * day))
        let bo = try #require(try life.last(to: "bo@example.net", harness).textBody)
        #expect(bo.contains("no round is open") && !bo.contains("R2 round"), "\(bo)")
    }

    /// Finding: a graduate's fresh "I'd like to sign up again as a mentee" was not understood,
    /// yet told "you will be matched", and no round ever took her in as a mentee.
    @Test func aGraduateWhoAsksToBeMentoredAgainWaitsForANewMentor() throws {
        let (harness, _) = try graduated()
        try life.write(harness, from: "Ana <ana@example.net>", subject: "Round 2",
                       "Hi again! I graduated last round and I'd like to sign up again as a mentee, this time for career mentoring. Same details otherwise.")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let answer = try #require(try life.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("You asked to be mentored again") && answer.contains("you will be matched in it"), "\(answer)")
        #expect(!answer.contains("could not tell what you would like"), "\(answer)")
        let ana = try #require(try harness.database.participant(email: "ana@example.net"))
        #expect(ana.profile.mentoringTypes == ["career"] && ana.profile.role == "mentee", "\(ana.profile)")
        let opening = try nextRound(harness)
        #expect(opening.mentees == 1, "Ana waits as a mentee again")
        let details = try harness.database.roundDetails(name: "R2", now: harness.now.addingTimeInterval(95 * day))
        #expect(details.mentees.map(\.email) == ["ana@example.net"])
        // Never with her former mentor: Maria is the only mentor, so Ana stays unmatched.
        let proposal = try harness.app.proposeMatches(round: "R2", method: .optimal, dryRun: true, now: harness.now.addingTimeInterval(96 * day))
        #expect(proposal.pairs.isEmpty && proposal.unmatched.count == 1)
    }

    /// A graduate who asks nothing waits for no mentor, and no answer says they will be matched;
    /// "I'd like to join again as a mentee" then brings them back as one.
    @Test func aGraduateWhoDidNotAskIsToldTheTruthAndCanJoinAgain() throws {
        let (harness, _) = try graduated()
        try life.write(harness, from: "Ana <ana@example.net>", subject: "hello", "Thanks for everything, it was great.")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let help = try #require(try life.last(to: "ana@example.net", harness).textBody)
        #expect(help.contains("you graduated as a mentee") && !help.contains("you will be matched"), "\(help)")
        try life.write(harness, from: "Ana <ana@example.net>", subject: "Time zone", "Time zone: Europe/Berlin")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let profile = try #require(try life.last(to: "ana@example.net", harness).textBody)
        #expect(profile.contains("you graduated as a mentee") && !profile.contains("you will be matched"), "\(profile)")
        #expect(try nextRound(harness).mentees == 0)

        try life.write(harness, from: "Ana <ana@example.net>", subject: "join again", "I'd like to join again as a mentee for the new round please!")
        _ = try harness.run(at: harness.now.addingTimeInterval(96 * day))
        let answer = try #require(try life.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("You asked to be mentored again") && answer.contains("you are in the R2 round"), "\(answer)")
        #expect(!answer.contains("nothing to join again"))
        let details = try harness.database.roundDetails(name: "R2", now: harness.now.addingTimeInterval(96 * day))
        #expect(details.mentees.map(\.email) == ["ana@example.net"])
    }

    /// The line a graduate is told to write to mentor others works in a fresh message.
    @Test func theLineAGraduateIsGivenToMentorMakesThemAMentor() throws {
        let (harness, _) = try graduated()
        try life.write(harness, from: "Ana <ana@example.net>", subject: "mentoring", "Role: mentor")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        #expect(try harness.database.participant(email: "ana@example.net")?.profile.role == "mentor")
        let answer = try #require(try life.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("Role: mentor") && !answer.contains("you graduated as a mentee"), "\(answer)")
        #expect(try nextRound(harness).mentors == 2)
    }
}
