import Foundation
import Mail
@testable import MentorMail
import Testing

/// A coordinator who writes a command of the command line by mail is told what works by mail
/// and the line to run on the server; the message is kept for a person all the same.
@Suite struct CoordinatorCommandLineTests {
    let pairLife = PairLifeTests()

    func answers(_ body: String) throws -> (answer: String?, held: InboundMessage?) {
        let program = try ProcessorTests.Program()
        try pairLife.write(program, from: "Coordinator <coordinator@example.org>", subject: "new round", body)
        _ = try program.run()
        let answer = try program.sent().last { $0.subject == "Re: new round" }?.textBody
        return (answer, try program.database.inboundMessages().last)
    }

    /// Finding F-x: "round open 2027-Q1 --closes 2027-01-31" by mail got no reply.
    @Test(arguments: [("round open 2027-Q1 --closes 2027-01-31", "mentormail round open 2027-Q1 --closes 2027-01-31"),
                      ("mentormail match --round 2027-Q1", "mentormail match --round 2027-Q1"),
                      ("Hi,\n\n$ mentormail round close 2027-Q1\n\nThanks", "mentormail round close 2027-Q1")])
    func aCommandLineByMailIsAnsweredWithHowToRunIt(_ body: String, _ line: String) throws {
        let (answer, held) = try answers(body)
        let text = try #require(answer)
        #expect(text.contains(line) && text.contains("on the server"), "\(text)")
        #expect(text.contains("APPROVE") && text.contains("REJECT") && text.contains("export"), "\(text)")
        #expect(held?.disposition == .held)
    }

    /// Finding X3-7: "mentormail staus" got no answer at all, while a correct command got the
    /// line to run: a command that does not exist gets the same answer, with the one meant (the
    /// command line's own suggestion), or the commands there are when none is near.
    @Test(arguments: [("mentormail staus", "did you mean `mentormail status`?", "mentormail status"),
                      ("Hi,\n\nmentormail partcipants list --status active\n", "did you mean `mentormail participants list --status active`?",
                       "there is no command \"partcipants\""),
                      ("$ mentormail frobnicate", "(the commands are: check-templates, demo, doctor,", "mentormail --help")])
    func aMistypedCommandByMailIsAnsweredWithTheOneMeant(_ body: String, _ suggestion: String, _ also: String) throws {
        let (answer, held) = try answers(body)
        let text = try #require(answer, "the coordinator is answered")
        #expect(text.contains("on the server") && text.contains(suggestion), "\(text)")
        #expect(text.contains(also) || held?.note?.contains(also) == true || held?.reason?.contains(also) == true,
                "\(text)\n\(held?.note ?? "")\n\(held?.reason ?? "")")
        #expect(held?.disposition == .held)
    }

    /// Prose that starts with the program's name is no command.
    @Test func proseAboutTheProgramIsNoCommand() throws {
        #expect(CommandLineWords.line(in: "mentormail is great, thanks") == nil)
        #expect(CommandLineWords.line(in: "mentormail was down yesterday?") == nil)
    }

    /// Other mail from a coordinator is still only kept.
    @Test func otherCoordinatorMailIsStillOnlyKept() throws {
        let (answer, held) = try answers("Could you look at the round plan before Friday? The match list looks short.")
        #expect(answer == nil)
        #expect(held?.disposition == .held)
    }
}
