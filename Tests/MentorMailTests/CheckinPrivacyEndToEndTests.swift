import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// What the check-in survey promises, through the real servers: ratings, notes and remarks
/// reach the coordinators only; what comes next is decided together, the survey says so beside
/// that question, and a disagreement tells each side only what the other would like.
@Suite struct CheckinPrivacyEndToEndTests {
    let helpers = CheckinEndToEndTests()

    /// What one side wrote that the other side must never read.
    struct Private {
        let rating: Int
        let note: String
        let remark: String
    }

    /// A reply as Gmail writes it: a remark on top, then the survey quoted with an answer
    /// typed under each question.
    func answer(_ survey: Message, _ answers: [String], remark: String) -> String {
        var lines = [remark, "", "On Mon, Apr 12, 2027 you wrote:"]
        var number = 0
        for line in (survey.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append("> \(line)")
            if number < answers.count, line.hasPrefix("\(number + 1). ") {
                lines.append(answers[number])
                number += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The check-in survey a person got, in English or Spanish.
    func survey(of who: String, _ people: CheckinEndToEndTests.People) throws -> Message {
        try #require(try people.inbox(who).last { message in
            let subject = message.subject ?? ""
            return (subject.contains("how is your mentoring with") || subject.contains("qué tal va tu mentoría con"))
                && !subject.hasPrefix("Reminder") && !subject.hasPrefix("Recordatorio")
        })
    }

    /// Every text and HTML part of every mail a person got.
    func everything(to who: String, _ people: CheckinEndToEndTests.People) throws -> [String] {
        try people.inbox(who).flatMap { message in
            [message.textBody ?? ""] + message.leafParts.filter { $0.contentType == "text/html" }.compactMap { $0.decodedText() }
        }
    }

    /// Finding: a remark of four words or more above answers typed under the questions stayed
    /// with the survey and reached no coordinator. It is a note: in the digest and the writer's
    /// own confirmation, never in the partner's mail.
    @Test func aLongerRemarkAboveTheAnswersReachesTheCoordinatorsOnly() throws {
        let people = try helpers.introduced(mentees: ["Lena"], mentors: ["Farid"])
        let scenario = people.scenario
        try helpers.process(scenario, day: 90)
        let remark = "Farid keeps moving our calls around lately."
        let survey = try self.survey(of: "Lena", people)
        try helpers.reply(people, from: "Lena", to: survey, raw: answer(survey, ["3", "sometimes", "still deciding", "graduate"], remark: remark))
        try helpers.reply(people, from: "Farid", to: try self.survey(of: "Farid", people), raw: "4, yes, good fit, continue")
        try helpers.process(scenario, day: 91)

        let digests = try scenario.coordinatorInbox().compactMap(\.textBody).joined(separator: "\n")
        #expect(digests.contains("note: Lena: \(remark)"), "\(digests)")
        #expect(try everything(to: "Lena", people).contains { $0.contains(remark) })
        for text in try everything(to: "Farid", people) {
            #expect(!text.contains("moving our calls"), "Lena's remark reached Farid:\n\(text)")
        }
        #expect(try people.inbox("Farid").last?.textBody?.contains("Lena would like to graduate") == true)
    }

    /// Finding: the survey said only the coordinators read the answers, yet the partner was told
    /// "Ana Souza wrote that they would like to graduate" and "You and Sophie Martin answered
    /// differently". The partner never reads a rating, note or remark; each side learns only
    /// what the other would like next, as the survey announces beside that question.
    @Test func aPartnersRatingNoteAndRemarksNeverReachTheOtherSide() throws {
        let people = try helpers.introduced(mentees: ["Ana", "Lucia", "Marta"], mentors: ["Sophie", "Tomas", "Uwe"],
                                            mailLanguage: ["Ana": "Spanish", "Marta": "Spanish"])
        let scenario = people.scenario
        let (ana, anaMentor) = try helpers.pair(of: "Ana", people)
        let (lucia, luciaMentor) = try helpers.pair(of: "Lucia", people)
        let (marta, martaMentor) = try helpers.pair(of: "Marta", people)
        try helpers.process(scenario, day: 90)

        // The survey tells of the shared what-next beside its question, in both languages and parts.
        for (who, question, shared, promise) in [
            ("Lucia", "4. What next? (continue / graduate / need a new match)", "This one you decide together: graduating needs you both.",
             "except what comes next"),
            ("Ana", "4. ¿Qué te gustaría hacer ahora? (continuar / graduarnos / necesito una nueva pareja)",
             "Esta la decidís en pareja: graduarse necesita a las dos partes.", "salvo qué hacer ahora"),
        ] {
            let survey = try self.survey(of: who, people)
            let text = try #require(survey.textBody)
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let index = try #require(lines.firstIndex(of: question), "\(text)")
            #expect(lines[index + 1].hasPrefix(shared), "beside the question:\n\(text)")
            #expect(text.contains(promise), "\(text)")
            let html = try #require(survey.leafParts.first { $0.contentType == "text/html" }?.decodedText())
            #expect(html.contains(shared) && html.contains(promise), "\(html)")
        }

        let said: [String: Private] = [
            "Ana": Private(rating: 5, note: "Privado: el proyecto Quokka me agobia", remark: "Uf, Wombat, otra."),
            anaMentor: Private(rating: 2, note: "Private: the Pangolin calls drag on", remark: "Meh, Narwhal again."),
            "Lucia": Private(rating: 4, note: "Private: Capybara deadlines scare me", remark: "Tapir, honestly."),
            luciaMentor: Private(rating: 1, note: "Private: the Axolotl reviews are slow", remark: "Ocelot trouble, sigh."),
            "Marta": Private(rating: 1, note: "Privado: Manatí no responde nunca", remark: "Nada con Dugongo."),
            martaMentor: Private(rating: 3, note: "Private: the Meerkat plan stalled", remark: "Lemur worries, honestly."),
        ]
        func reply(_ who: String, _ meeting: String, _ fit: String, _ next: String) throws {
            let secret = try #require(said[who])
            let survey = try self.survey(of: who, people)
            try helpers.reply(people, from: who, to: survey,
                              raw: answer(survey, ["\(secret.rating)", meeting, fit, next, secret.note], remark: secret.remark))
        }
        // Continue, then graduate in the same run (across languages); graduate, then continue a
        // run later; continue against a new match.
        try reply(anaMentor, "sometimes", "still deciding", "continue")
        try reply("Ana", "sí", "buena combinación", "graduarnos")
        try reply("Lucia", "yes", "good fit", "graduate")
        try reply(martaMentor, "yes", "good fit", "continue")
        try reply("Marta", "no", "no encajamos", "necesito una nueva pareja")
        try helpers.process(scenario, day: 91)
        try reply(luciaMentor, "yes", "good fit", "continue")
        try helpers.process(scenario, day: 92)

        let digests = try scenario.coordinatorInbox().compactMap(\.textBody).joined(separator: "\n")
        for (who, secret) in said {
            // The coordinators have it all, and the writer sees their own note.
            #expect(digests.contains(secret.note) && digests.contains(secret.remark), "\(who): \(digests)")
            #expect(try everything(to: who, people).contains { $0.contains(secret.note) }, "\(who)")
        }
        for (one, other) in [("Ana", anaMentor), (anaMentor, "Ana"), ("Lucia", luciaMentor), (luciaMentor, "Lucia"),
                             ("Marta", martaMentor), (martaMentor, "Marta")] {
            let secret = try #require(said[other])
            let own = try #require(said[one])
            let mail = try everything(to: one, people)
            for text in mail {
                #expect(!text.contains(secret.note) && !text.contains(secret.remark), "\(other)'s words reached \(one):\n\(text)")
                if secret.rating != own.rating {
                    #expect(!text.contains("\(secret.rating) of 5") && !text.contains("\(secret.rating) de 5"),
                            "\(other)'s rating reached \(one):\n\(text)")
                }
                #expect(!text.contains("\(other) wrote") && !text.contains("\(other) escribió") && !text.contains("\(other) answered"),
                        "\(one) is told what \(other) would like, not what they wrote:\n\(text)")
            }
        }
        // Each side of a disagreement is told what the other would like next, and that the pair goes on.
        for (id, reader, wish) in [(ana, anaMentor, "Ana would like to graduate"), (ana, "Ana", "\(anaMentor) prefiere seguir"),
                                   (lucia, luciaMentor, "Lucia would like to graduate"), (lucia, "Lucia", "\(luciaMentor) would like to go on")] {
            #expect(try helpers.run(scenario, ["pairs", "show", String(id)], day: 92).stdout.contains("graduated") == false)
            let last = try #require(try people.inbox(reader).last?.textBody)
            #expect(last.contains(wish), "\(reader):\n\(last)")
        }
        #expect(try helpers.run(scenario, ["pairs", "show", String(marta)], day: 92).stdout.contains("ended"))
    }
}
