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

    /// Other mail from a coordinator is still only kept.
    @Test func otherCoordinatorMailIsStillOnlyKept() throws {
        let (answer, held) = try answers("Could you look at the round plan before Friday? The match list looks short.")
        #expect(answer == nil)
        #expect(held?.disposition == .held)
    }
}
