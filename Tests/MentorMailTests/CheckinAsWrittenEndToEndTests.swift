import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// Check-in replies as people write them, through `process`: what is recorded, what each side
/// is told, and what reaches the coordinators' digest.
@Suite struct CheckinAsWrittenEndToEndTests {
    let words = CheckinWordsTests()

    func answered(_ text: String) throws -> (ProcessorTests.Program, Survey, String, [String]) {
        let program = try words.surveyed()
        let survey = try words.survey(to: "ana@example.net", program)
        let quoted = (survey.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        try words.reply(program, from: "Ana García", "ana@example.net", to: survey, text + "\n\n" + quoted)
        _ = try program.run(at: program.now.addingTimeInterval(91 * CheckinWordsTests.day))
        let ana = try #require(try words.surveys(program).first { $0.side == .mentee })
        let answer = try #require(try words.mail(to: "ana@example.net", program).last { $0.inReplyTo != nil }?.textBody)
        let notices = try program.database.read { try DigestNotice.fetchAll($0) }.map(\.detail)
        return (program, ana, answer, notices)
    }

    /// Finding F10: Outlook's "4 – sometimes – still deciding – continue." was read as answer 4
    /// only, she was asked questions 1–3 again, and her sentence reached nobody.
    @Test func anOutlookLineWithEnDashesIsReadWholeAndTheSentenceReachesTheCoordinators() throws {
        let (_, ana, answer, notices) = try answered(
            "Hi,\n\n4 – sometimes – still deciding – continue.\nBob is great but the time difference makes it hard to find slots.\n\nAna")
        #expect(ana.answers.isComplete && ana.answers.rating == 4 && ana.answers.fit == .deciding, "\(ana.answers)")
        #expect(ana.answers.note == "Bob is great but the time difference makes it hard to find slots.", "\(ana.answers)")
        #expect(!answer.contains("Please reply with just these") && answer.contains("5. For the coordinators: Bob is great"), "\(answer)")
        #expect(notices.contains { $0.contains("left a note") }, "\(notices)")
    }

    /// Finding F11: "I don't think it's a good fit." was told back and digested as "good fit".
    @Test func aNegatedGoodFitIsNotAGoodFit() throws {
        let (program, ana, answer, notices) = try answered(
            "Honestly not great. We haven't really met yet, just two emails. I don't think it's a good fit.")
        #expect(ana.answers.fit == .notGood && ana.answers.meeting == SurveyAnswers.Meeting.no && ana.answers.rating == 2, "\(ana.answers)")
        #expect(!answer.contains("The fit: good fit"), "\(answer)")
        #expect(notices.contains { $0.contains(CheckinService.notAFit) }, "\(notices)")
        #expect(try program.database.pairs().map(\.status) == ["ended"])
    }

    /// Finding F12: the mentee whose mentor never answered asked for another mentor; he was
    /// asked to rate the mentoring and whether they meet, and his question left the note.
    @Test func aMenteeWhoAsksForAnotherMentorIsNotAskedHowItIsGoing() throws {
        let (program, ana, answer, _) = try answered(
            "To be honest Bob never answered my emails. I wrote to him twice in December and once in January. Can I get another mentor?\n\nSent from my iPhone")
        #expect(ana.answers.next == .newMatch && ana.answers.meeting == SurveyAnswers.Meeting.no, "\(ana.answers)")
        #expect(ana.answers.note?.contains("Can I get another mentor?") == true, "\(ana.answers)")
        #expect(!answer.contains("How is it going?") && !answer.contains("Are you meeting?") && !answer.contains("could not read"), "\(answer)")
        #expect(try program.database.pairs().map(\.status) == ["ended"])
    }

    /// Finding F15: "Sorry, here they are inline." above answers under the questions became a
    /// note for the coordinators.
    @Test func anApologyThatSaysWhereTheAnswersAreIsNoNote() throws {
        let program = try words.surveyed()
        let survey = try words.survey(to: "ana@example.net", program)
        let answers = ["1.": "5", "2.": "yes", "3.": "good fit", "4.": "continue"]
        let interleaved = words.body(of: survey).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            "> " + line + (answers.first { line.hasPrefix($0.key) }.map { "\n" + $0.value } ?? "")
        }.joined(separator: "\n")
        try words.reply(program, from: "Ana García", "ana@example.net", to: survey, "Sorry, here they are inline.\n\n" + interleaved)
        _ = try program.run(at: program.now.addingTimeInterval(91 * CheckinWordsTests.day))
        let ana = try #require(try words.surveys(program).first { $0.side == .mentee })
        #expect(ana.answers.isComplete && ana.answers.note == nil, "\(ana.answers)")
        let notices = try program.database.read { try DigestNotice.fetchAll($0) }.map(\.detail)
        #expect(!notices.contains { $0.contains("left a note") || $0.contains("could not read") }, "\(notices)")
    }

    /// Finding F13: one side answered "continue", the other "graduate", in the same run; the
    /// side read first got "That is all we need" and then "goes on for now". Each side gets one
    /// answer that tells the final state, whichever is read first.
    @Test(arguments: [
        ("4, yes, good fit, continue", "5, yes, good fit, graduate"),
        ("continue", "5, yes, good fit, graduate"),
        ("4, yes, good fit, graduate", "5, yes, good fit, continue"),
    ])
    func differentWhatNextAnswersInOneRunGiveEachSideOneAnswer(ana: String, bob: String) throws {
        for anaFirst in [true, false] {
            let (program, sent) = try words.bothAnswer(ana: ana, bob: bob, anaFirst: anaFirst)
            #expect(try program.database.pairs().map(\.status) != ["graduated"])
            for (address, said) in [("ana@example.net", ana), ("bob@example.org", bob)] {
                let mail = sent.filter { $0.to.map(\.normalized) == [address] }.compactMap(\.textBody)
                #expect(mail.count == 1, "\(anaFirst) \(address): \(mail)")
                let text = mail.first ?? ""
                #expect(text.contains("goes on for now") && !text.contains("That is all we need") && !text.contains("once"),
                        "\(anaFirst) \(address): \(text)")
                // The questions still open are asked in the same answer.
                #expect(text.contains("Please reply with just these") == !said.contains(","), "\(anaFirst) \(address): \(text)")
            }
        }
    }
}
