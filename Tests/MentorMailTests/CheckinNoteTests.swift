import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding G7: a check-in reply made only of answers ("Greta and I are doing great - I'd say 5
/// out of 5, we meet every fortnight, good fit, let's continue.") was also stored as the note
/// "for the coordinators", and the digest asked to read and answer it; "Obrigada por tudo!"
/// became a note too; a later note replaced the first without saying so.
@Suite struct CheckinNoteTests {
    static let day: TimeInterval = 86_400

    func surveys(_ program: ProcessorTests.Program) throws -> (ana: Message, sam: Message) {
        _ = try program.run(at: program.now.addingTimeInterval(90 * Self.day))
        let surveys = try program.sent().filter { $0.to.map(\.normalized) == ["bob@example.org"] && $0.subject?.contains("how is your mentoring with") == true }
        return (try #require(surveys.first { $0.subject?.contains("Ana García") == true }),
                try #require(surveys.first { $0.subject?.contains("Sam Okafor") == true }))
    }

    @Test(arguments: ["Ana and I are doing great - I'd say 5 out of 5, we meet every fortnight, good fit, let's continue.",
                      "Honestly I think it's going great with Ana, 5 of 5, we meet weekly, good fit, we continue."])
    func answersFramedInASentenceAreNoNote(text: String) throws {
        let program = try WrongSurveyTests.bobMentoring("ana@example.net", "Ana García")
        let (ana, _) = try surveys(program)
        try WrongSurveyTests.bobAnswers(program, under: ana, id: "n1", text)
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))
        let answers = try #require(try WrongSurveyTests.bobsAnswers(program, for: "ana@example.net"))
        #expect(answers.rating == 5 && answers.fit == .good && answers.next == .continue, "\(answers)")
        #expect(answers.note == nil, "\(answers)")
        let answer = try #require(try program.sent().last { $0.to.map(\.normalized) == ["bob@example.org"] }?.textBody)
        #expect(!answer.contains("For the coordinators"), "\(answer)")
    }

    @Test(arguments: ["Oi Ana e equipe! Obrigado por tudo!", "Hola Ana y equipo, ¡gracias por todo!"])
    func thanksToThePartnerAndTheTeamIsNoNote(text: String) throws {
        let program = try WrongSurveyTests.bobMentoring("ana@example.net", "Ana García")
        let (ana, _) = try surveys(program)
        try WrongSurveyTests.bobAnswers(program, under: ana, id: "n2", "5, yes, good fit, continue\r\n\r\n\(text)")
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))
        let answers = try #require(try WrongSurveyTests.bobsAnswers(program, for: "ana@example.net"))
        #expect(answers.rating == 5 && answers.note == nil, "\(answers)")
    }

    /// Being away said beside the answers ("I'm away until 14 January", "Estoy de vacaciones
    /// hasta el 10 de enero") is no note for the coordinators; what else the line says is.
    @Test(arguments: [
        ("I'm away until 14 January with limited access to email.\r\n\r\n5, yes, good fit, continue", nil),
        ("Estoy de vacaciones hasta el 10 de enero.\r\n\r\n5, sí, buena, continuar", nil),
        ("5, yes, good fit, continue\r\n\r\nI'm away until 14 January, and Ana will present her scheduler patch at the meetup.", "scheduler patch"),
    ] as [(String, String?)])
    func beingAwayIsNoNote(text: String, note: String?) throws {
        let program = try WrongSurveyTests.bobMentoring("ana@example.net", "Ana García")
        let (ana, _) = try surveys(program)
        try WrongSurveyTests.bobAnswers(program, under: ana, id: "n5", text)
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))
        let answers = try #require(try WrongSurveyTests.bobsAnswers(program, for: "ana@example.net"))
        #expect(answers.rating == 5 && answers.next == .continue, "\(answers)")
        if let note {
            #expect(answers.note?.contains(note) == true, "\(answers)")
        } else {
            #expect(answers.note == nil, "\(answers)")
        }
    }

    @Test func aNoteReplacedIsShownWithWhatItWas() throws {
        let program = try WrongSurveyTests.bobMentoring("ana@example.net", "Ana García")
        let (ana, _) = try surveys(program)
        try WrongSurveyTests.bobAnswers(program, under: ana, id: "n3",
                                        "5, yes, good fit, continue. She keeps asking sharp questions about the scheduler internals lately.")
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))
        try WrongSurveyTests.bobAnswers(program, under: ana, id: "n4",
                                        "One more thing: her first patch to the scheduler was merged last week, we are very proud of her.")
        _ = try program.run(at: program.now.addingTimeInterval(92 * Self.day))
        let answers = try #require(try WrongSurveyTests.bobsAnswers(program, for: "ana@example.net"))
        #expect(answers.note?.contains("patch") == true, "\(answers)")
        let answer = try #require(try program.sent().last { $0.to.map(\.normalized) == ["bob@example.org"] }?.textBody)
        #expect(answer.contains("(before: She keeps asking sharp questions"), "\(answer)")
    }
}
