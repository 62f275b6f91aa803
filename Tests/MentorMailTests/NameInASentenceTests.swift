import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding X3-9: "Hi, my name is Mo Idris, not Anonymous" was only "words we could not place",
/// with no "Name:" line to copy. A name said in a sentence is offered back as the line to send;
/// it is not stored on that reading alone.
@Suite struct NameInASentenceTests {
    let workflow = EnrollmentWorkflowTests()

    func storeMo(_ program: ProcessorTests.Program, name: String = "Anonymous", mailLanguage: String? = nil) throws {
        var profile = ParticipantProfile(role: "mentee", name: name, mentoringTypes: ["technical"], areas: [], timeZone: "UTC",
                                         languages: ["English"], interactions: ["email"], capacity: 0)
        if let mailLanguage { (profile.mailLanguage, profile.mailLanguageChosen) = (mailLanguage, true) }
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "mo@example.net", profile: profile, status: .active, source: "import",
                                              origin: "import", roundID: nil, now: program.now.addingTimeInterval(-86_400))
        }
    }

    @Test func aNameInASentenceBesideAFormLineIsOfferedAsTheLineToSend() throws {
        let program = try ProcessorTests.Program()
        try storeMo(program)
        let answer = try #require(try workflow.exchange(program, workflow.mail(from: "mo@example.net", subject: "my profile",
            body: "Hi, my name is Mo Idris, not Anonymous.\nAlso:\nLanguages: English, Hausa")).first?.textBody)
        let mo = try #require(try program.database.participant(email: "mo@example.net"))
        #expect(mo.profile.languages == ["English", "Hausa"], "\(answer)")
        #expect(mo.profile.name == "Anonymous", "offered, not stored on a guess")
        #expect(answer.contains("reply with this line:\n  Name: Mo Idris"), "\(answer)")
        #expect(!answer.contains("\"my name is Mo Idris"), "not also among the words we could not place: \(answer)")
    }

    @Test func aNameAloneInASentenceGetsTheLineInTheWritersLanguage() throws {
        let program = try ProcessorTests.Program()
        try storeMo(program, mailLanguage: "es")
        let answer = try #require(try workflow.exchange(program, workflow.mail(from: "mo@example.net", subject: "nombre",
            body: "Hola, me llamo Lucía Pérez, no Anonymous.")).first?.textBody)
        #expect(answer.contains("Nombre: Lucía Pérez"), "\(answer)")
        #expect(try program.database.participant(email: "mo@example.net")?.profile.name == "Anonymous")
    }

    @Test(arguments: [
        ("Hi, my name is Mo Idris, not Anonymous.", "Mo Idris"),
        ("my name is mo idris", "Mo Idris"),
        ("Me llamo María de la Cruz y vivo en Madrid.", "María de la Cruz"),
        ("Bonjour, je m’appelle Chloé Martin.", "Chloé Martin"),
        ("Ich heiße Jürgen Weber und komme aus Köln.", "Jürgen Weber"),
        ("Olá! Meu nome é Lúcia Ferreira.", "Lúcia Ferreira"),
    ])
    func theNameSaidIsRead(text: String, name: String) {
        #expect(NameWords.offered(in: text) == name)
    }

    @Test(arguments: ["My name is not Anonymous!", "my name is on the list already", "My name is spelled wrong", "What is my name?",
                      "Meu nome não é Anonymous"])
    func noNameIsGuessedFromOtherWords(text: String) {
        #expect(NameWords.offered(in: text) == nil)
    }
}
