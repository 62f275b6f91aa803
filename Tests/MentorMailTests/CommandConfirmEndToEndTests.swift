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

    /// Finding: "resume please" written in February under the December pause confirmation was
    /// answered "We could not use the code". A new request under an old (used or expired)
    /// code mail is that request; a bare "yes" under an expired code is still told of the code.
    @Test func aNewRequestUnderAnOldConfirmationIsThatRequest() throws {
        let people = try helpers.introduced(mentees: ["Lena", "Olga"], mentors: ["Priya", "Mara"])
        let scenario = people.scenario
        try helpers.process(scenario, day: 30)
        for who in ["Lena", "Olga"] {
            try scenario.servers.deliver(from: people.address(who), to: [scenario.programAddress], subject: "break", text: "pause")
        }
        try helpers.process(scenario, day: 31)
        let lenasQuestion = try #require(try people.inbox("Lena").last)
        let olgasQuestion = try #require(try people.inbox("Olga").last)
        #expect(lenasQuestion.subject?.contains("[MM-") == true, "\(lenasQuestion.subject ?? "")")
        try helpers.reply(people, from: "Lena", to: lenasQuestion, raw: "Yes")
        try helpers.process(scenario, day: 32)
        #expect(try helpers.run(scenario, ["participants", "list", "--status", "paused"], day: 32).stdout.contains(people.address("Lena")))

        // February: Lena under the used code, Olga's yes under her expired one.
        try helpers.reply(people, from: "Lena", to: lenasQuestion, raw: "Exams are over! resume please :)\n\n" + helpers.quoted(lenasQuestion))
        try helpers.reply(people, from: "Olga", to: olgasQuestion, raw: "yes")
        try helpers.process(scenario, day: 80)
        let lena = try #require(try people.inbox("Lena").last?.textBody)
        #expect(lena.contains("Welcome back") && !lena.contains("could not use the code"), "\(lena)")
        #expect(try helpers.run(scenario, ["participants", "list", "--status", "active"], day: 80).stdout.contains(people.address("Lena")))
        let olga = try #require(try people.inbox("Olga").last?.textBody)
        #expect(olga.contains("could not use the code"), "\(olga)")
        #expect(!(try helpers.run(scenario, ["participants", "list", "--status", "paused"], day: 80).stdout.contains(people.address("Olga"))))
    }

    /// Finding: "pausa", then "Desculpa, esqueçam a mensagem anterior, não quero pausar!" in the
    /// same run, had two pause confirmations with two codes. The second takes the first back:
    /// one question is asked, its request is cancelled, and the answer says nothing changed. A
    /// request asked twice in one run is asked once.
    @Test func takingARequestBackCancelsItsQuestion() throws {
        let people = try helpers.introduced(mentees: ["Beatriz", "Carla"], mentors: ["Dora", "Elsa"])
        let scenario = people.scenario
        try helpers.process(scenario, day: 30)
        let before = try people.inbox("Beatriz").count
        try scenario.servers.deliver(from: people.address("Beatriz"), to: [scenario.programAddress], subject: "pausa", text: "pausa")
        try scenario.servers.deliver(from: people.address("Beatriz"), to: [scenario.programAddress], subject: "Re: pausa",
                                     text: "Desculpa, esqueçam a mensagem anterior, não quero pausar!")
        try scenario.servers.deliver(from: people.address("Carla"), to: [scenario.programAddress], subject: "pause", text: "pause")
        try scenario.servers.deliver(from: people.address("Carla"), to: [scenario.programAddress], subject: "pause", text: "Please pause me.")
        try helpers.process(scenario, day: 31)

        let answers = try people.inbox("Beatriz").dropFirst(before)
        let questions = answers.filter { $0.textBody?.contains("To confirm, reply") == true || $0.textBody?.contains("Para confirmarlo") == true }
        #expect(questions.count <= 1, "\(answers.map { $0.subject ?? "" })")
        #expect(!answers.contains { $0.textBody?.contains("não quero pausar") == true }, "the refusal is not quoted as a request")
        let last = try #require(answers.last?.textBody)
        #expect(last.contains("Nothing has changed") || last.contains("No ha cambiado nada"), "\(last)")
        if let question = questions.first {
            try helpers.reply(people, from: "Beatriz", to: question, raw: "yes")
            try helpers.process(scenario, day: 32)
        }
        let active = try helpers.run(scenario, ["participants", "list", "--status", "active"], day: 32).stdout
        #expect(active.contains(people.address("Beatriz")), "\(active)")

        let carla = try people.inbox("Carla").filter { $0.textBody?.contains("To confirm, reply") == true }
        #expect(carla.count == 1, "\(carla.map { $0.subject ?? "" })")
    }
}

