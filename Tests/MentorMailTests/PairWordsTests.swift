import Foundation
import Mail
@testable import MentorMail
import Testing

/// What a person in a pair writes about the pair itself: graduating in a fresh message, a
/// request behind a hedge, and the pair's own conversation, which is never acted on.
@Suite struct PairWordsTests {
    let day: TimeInterval = 86_400
    let life = PairLifeTests()

    /// Finding: a reply-all to the introduction ("Dear Maria, I think we're done - you already
    /// know everything") graduated the pair and sent both the thank-you.
    @Test func aReplyAllSayingWereDoneIsThePairsConversation() throws {
        let (harness, id) = try life.introduced()
        let introduction = try life.last(to: "ana@example.net", harness)
        try life.reply(harness, from: "Ana <ana@example.net>", to: introduction,
                       "Dear Maria, I think we're done - you already know everything I can teach!", cc: "maria@example.org")
        let before = try harness.sent().count
        _ = try harness.run(at: harness.now.addingTimeInterval(20 * day))
        #expect(try harness.database.mentorships().first { $0.id == id }?.isOngoing == true)
        #expect(try harness.sent().dropFirst(before).allSatisfy { $0.to.map(\.address) == ["coordinator@example.org"] }, "only the digest")
    }

    /// Findings: "I'm afraid I have to withdraw" was not understood; a fresh "Maria and I have
    /// finished our mentoring, I feel ready to graduate" was answered with help that never
    /// mentions graduating.
    @Test func hedgedRequestsAndAFreshGraduationAreUnderstood() throws {
        let (harness, id) = try life.introduced()
        try life.write(harness, from: "Ana <ana@example.net>", subject: "Hello", "Maria and I have finished our mentoring, I feel ready to graduate.")
        _ = try harness.run(at: harness.now.addingTimeInterval(40 * day))
        #expect(try harness.database.mentorships().first { $0.id == id }?.status == .graduated)
        #expect(try life.last(to: "ana@example.net", harness).subject?.contains("congratulations on graduating") == true)

        try life.write(harness, from: "Maria <maria@example.org>", subject: "Leaving",
                       "Hi, I'm afraid I have to withdraw from the program, new job. Thanks for everything.")
        _ = try harness.run(at: harness.now.addingTimeInterval(41 * day))
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .withdrawn)
    }

    @Test func theHelpAnswerOfSomeoneInAPairSaysHowToGraduate() throws {
        let (harness, _) = try life.introduced()
        try life.write(harness, from: "Ana <ana@example.net>", subject: "Hello", "Just saying hello")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day))
        let help = try #require(try life.last(to: "ana@example.net", harness).textBody)
        #expect(help.contains("\"we'd like to graduate\" when your mentoring with Maria is complete"), "\(help)")
    }

    /// "We're done" in a fresh message says nothing of the mentoring: not a graduation; and a
    /// graduation phrase after a negation is none.
    @Test func graduationWordsNeedToBeAboutThePair() {
        #expect(SurveyVocabulary.graduation(in: "We are not ready to graduate yet.") == nil)
        #expect(SurveyVocabulary.graduation(in: "I don't think we're done") == nil)
        #expect(SurveyVocabulary.graduation(in: "Sadly we have finished our mentoring") != nil)
        #expect(!SurveyVocabulary.namesMentoring("We're done with the first patch"))
    }
}
