import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Requests that are asked before they are carried out, through the real servers: what the
/// question says, and what a later reply under it means.
@Suite struct CommandConfirmEndToEndTests {
    let helpers = CheckinEndToEndTests()

    /// Finding: "I need to step back for a while" and "no puedo seguir hasta marzo" were asked
    /// as a pause without saying that it ends the pair, which a plain "pause" said. Every
    /// question about a pause or leaving names the partners it would end.
    @Test func everyQuestionAboutAPauseNamesThePairItEnds() throws {
        let people = try helpers.introduced(mentees: ["Lena", "Tomas"], mentors: ["Priya", "Carlos"])
        let scenario = people.scenario
        let (_, lenasMentor) = try helpers.pair(of: "Lena", people)
        let (_, tomasMentor) = try helpers.pair(of: "Tomas", people)
        try helpers.process(scenario, day: 30)
        try scenario.servers.deliver(from: people.address("Lena"), to: [scenario.programAddress], subject: "break",
                                     text: "I need to step back for a while, I have exams until February.")
        try scenario.servers.deliver(from: people.address("Tomas"), to: [scenario.programAddress], subject: "trabajo",
                                     text: "Hola, no puedo seguir hasta marzo por trabajo.")
        try scenario.servers.deliver(from: people.address(lenasMentor), to: [scenario.programAddress], subject: "news",
                                     text: "Sadly I can't continue.")
        try helpers.process(scenario, day: 31)

        let lena = try #require(try people.inbox("Lena").last?.textBody)
        #expect(lena.contains("want to pause") && lena.contains("Pausing also ends your mentoring with \(lenasMentor)"), "\(lena)")
        let tomas = try #require(try people.inbox("Tomas").last?.textBody)
        #expect(tomas.contains("poner en pausa") && tomas.contains("La pausa también termina tu mentoría con \(tomasMentor)"), "\(tomas)")
        let mentor = try #require(try people.inbox(lenasMentor).last?.textBody)
        #expect(mentor.contains("Leaving also ends your mentoring with Lena"), "\(mentor)")
    }
}
