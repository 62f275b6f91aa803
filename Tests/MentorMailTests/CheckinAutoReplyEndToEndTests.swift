import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Out-of-office replies without headers around a check-in, through the real servers: never
/// answers, never answered twice, never over a person's real answers.
@Suite struct CheckinAutoReplyEndToEndTests {
    let helpers = CheckinEndToEndTests()

    /// Each side's check-in answers as `pairs list` shows them.
    func checkins(_ scenario: ServerScenario, day: Int) throws -> [Int: String] {
        let pairs = try helpers.run(scenario, ["pairs", "list", "--json"], day: day).stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(pairs.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.compactMap { pair in
            (pair["id"] as? Int).map { ($0, pair["menteeCheckin"] as? String ?? "") }
        })
    }

    /// Finding (X5-4, X5-6): "Estou de férias até 3 de março. Responderei quando voltar." under
    /// the check-in survey was read as answers ("How it is going: 3 of 5", the day of "3 de
    /// março"), and each later copy, under our answers, was answered again and overwrote the
    /// real answer: a mail loop. An out-of-office text in any of the languages read is no answer,
    /// a day is never a rating, and the same text is answered once at most.
    @Test func anOutOfOfficeUnderTheCheckinIsNoAnswerAndIsNeverAnsweredTwice() throws {
        let away = [
            "Ana": "Estou de férias até 3 de março. Responderei quando voltar.",
            "Ben": "Away until March 3, with no access to email. For anything urgent, write to my colleague Rui.",
            "Cai": "Estoy de vacaciones hasta el 3 de marzo.",
            "Dan": "Ich bin bis 3. März im Urlaub und lese keine E-Mails.",
            "Eli": "Je suis en congés jusqu'au 3 mars, je vous répondrai à mon retour.",
            "Fay": "On holiday until 03/03, back after that.",
        ]
        let mentees = away.keys.sorted()
        let people = try helpers.introduced(mentees: mentees, mentors: ["Gil", "Hal", "Ivo", "Jon", "Kim", "Lou"])
        let scenario = people.scenario
        let ids = try Dictionary(uniqueKeysWithValues: mentees.map { ($0, try helpers.pair(of: $0, people).id) })
        try helpers.process(scenario, day: 90)
        for who in mentees {
            let survey = try helpers.survey(of: who, people)
            try helpers.reply(people, from: who, to: survey, raw: "\(away[who] ?? "")\n\n" + helpers.quoted(survey))
        }
        let before = try Dictionary(uniqueKeysWithValues: mentees.map { ($0, try people.inbox($0).count) })
        try helpers.process(scenario, day: 91)

        let untouched = try checkins(scenario, day: 91)
        for who in mentees {
            #expect(untouched[ids[who] ?? 0] == "sent, no answer yet", "\(who): \(untouched)")
            let answers = try people.inbox(who).dropFirst(before[who] ?? 0)
            #expect(answers.count <= 1, "\(who)")
            #expect(!answers.contains { $0.textBody?.contains("of 5") == true }, "\(who): \(answers.compactMap(\.textBody))")
        }
        let digests = try scenario.coordinatorInbox().compactMap(\.textBody).joined(separator: "\n")
        #expect(!digests.contains("left a note") && !digests.contains("férias"), "\(digests)")

        // Their real answers, then the responder again under our confirmation and under the survey.
        for who in mentees { try helpers.reply(people, from: who, to: try helpers.survey(of: who, people), raw: "5, yes, good fit, continue") }
        try helpers.process(scenario, day: 92)
        let real = try checkins(scenario, day: 92)
        for who in mentees { #expect(real[ids[who] ?? 0]?.hasPrefix("5 of 5") == true, "\(who): \(real)") }
        let answered = try Dictionary(uniqueKeysWithValues: mentees.map { ($0, try people.inbox($0).count) })
        for day in [93, 94] {
            for who in mentees {
                let last = try #require(try people.inbox(who).last)
                try helpers.reply(people, from: who, to: last, raw: "\(away[who] ?? "")\n\n" + helpers.quoted(last))
                try helpers.reply(people, from: who, to: try helpers.survey(of: who, people), raw: away[who] ?? "")
            }
            try helpers.process(scenario, day: day)
        }
        let kept = try checkins(scenario, day: 94)
        for who in mentees {
            #expect(try people.inbox(who).count == answered[who], "\(who) is not answered again")
            #expect(kept[ids[who] ?? 0]?.hasPrefix("5 of 5") == true, "\(who): \(kept)")
        }
    }
}
