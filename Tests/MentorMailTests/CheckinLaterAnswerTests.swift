import Foundation
import Mail
@testable import MentorMail
import Testing

/// A later reply under the same check-in changes only what it answers, and says what it changed.
@Suite struct CheckinLaterAnswerTests {
    static let day = WrongSurveyTests.day

    /// Ana's reply `text` under `survey`, processed `days` after the start: our answer to her.
    static func anaAnswers(_ program: ProcessorTests.Program, under survey: Message, id: String, _ text: String, days: Double) throws -> String {
        try program.arrive("From: Ana García <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: \(survey.subject ?? "")\r\n"
                           + "Message-ID: <\(id)@example.net>\r\nIn-Reply-To: <\(survey.messageID ?? "")>\r\n\r\n\(text)\r\n")
        _ = try program.run(at: program.now.addingTimeInterval(days * Self.day))
        return try #require(try program.sent().last { $0.to.map(\.normalized) == ["ana@example.net"] }?.textBody)
    }

    static func anasAnswers(_ program: ProcessorTests.Program) throws -> SurveyAnswers? {
        try program.database.read { db in
            try Survey.fetchAll(db).first { try Participant.fetchOne(db, key: $0.participantID)?.email == "ana@example.net" }?.answers
        }
    }

    /// Finding: Ana answered "5 of 5, we continue"; a week later under the same survey "ok",
    /// "going fine" or "we continue" could replace the stored rating or decision without a word.
    @Test func aLaterAnswerKeepsWhatItDoesNotGiveAndSaysWhatItChanges() throws {
        let program = try WrongSurveyTests.bobMentoring("ana@example.net", "Ana García")
        _ = try program.run(at: program.now.addingTimeInterval(90 * Self.day))
        let survey = try #require(try program.sent().last { $0.to.map(\.normalized) == ["ana@example.net"] && $0.subject?.contains("how is your mentoring") == true })
        _ = try Self.anaAnswers(program, under: survey, id: "a1", "5 of 5, we continue", days: 91)
        #expect(try Self.anasAnswers(program) == SurveyAnswers(rating: 5, next: .continue))

        for (day, text) in [(98.0, "ok"), (99, "we continue"), (100, "We continue, thanks.")] {
            let answer = try Self.anaAnswers(program, under: survey, id: "a\(Int(day))", text, days: day)
            #expect(try Self.anasAnswers(program)?.rating == 5, "\(text)")
            #expect(try Self.anasAnswers(program)?.next == .continue, "\(text)")
            #expect(!answer.contains("before:"), "nothing changed: \(answer)")
        }
        // A rating only in middling words is no new rating: the stored one stays.
        for (day, text) in [(101.0, "going fine"), (102, "It's going ok, we continue")] {
            let answer = try Self.anaAnswers(program, under: survey, id: "a\(Int(day))", text, days: day)
            #expect(try Self.anasAnswers(program)?.rating == 5, "\(text)")
            #expect(answer.contains("How it is going: 5 of 5") && !answer.contains("before:"), "\(answer)")
        }
        let three = try Self.anaAnswers(program, under: survey, id: "a103", "3, yes, graduate", days: 103)
        #expect(three.contains("How it is going: 3 of 5 (before: "), "\(three)")
        #expect(three.contains("What next: graduate (before: continue)"), "\(three)")
        #expect(!three.contains("Meeting: yes (before"), "newly answered, nothing changed: \(three)")
        #expect(try Self.anasAnswers(program) == SurveyAnswers(rating: 3, meeting: .yes, next: .graduate))
    }

    /// The same in Spanish: "(antes: 5)".
    @Test func aSpanishLaterAnswerSaysWhatItChanges() throws {
        let program = try WrongSurveyTests.bobMentoring("ana@example.net", "Ana García")
        _ = try program.run(at: program.now.addingTimeInterval(90 * Self.day))
        let survey = try #require(try program.sent().last { $0.to.map(\.normalized) == ["ana@example.net"] && $0.subject?.contains("how is your mentoring") == true })
        _ = try Self.anaAnswers(program, under: survey, id: "e1", "Hola, va muy bien: 5 de 5, nos vemos cada semana y seguimos con la mentoría.", days: 91)
        let seguimos = try Self.anaAnswers(program, under: survey, id: "e2", "Hola, seguimos con la mentoría, todo sigue igual. Gracias.", days: 98)
        #expect(!seguimos.contains("antes:"), "\(seguimos)")
        #expect(try Self.anasAnswers(program)?.rating == 5)
        let three = try Self.anaAnswers(program, under: survey, id: "e3", "Hola, perdón, ahora va regular: 3 de 5, y solo nos vemos a veces por el trabajo.", days: 99)
        #expect(three.contains("3 de 5 (antes: 5)"), "\(three)")
        #expect(three.contains("(antes: sí)"), "\(three)")
    }
}
