import Foundation
import Mail
@testable import MentorMail
import Testing

/// A first mail written casually, or with a label inside a sentence, comes back as a form
/// filled in with what it says; a name said as "I'm …" or "… here" is offered on it.
@Suite struct FirstMailWordsTests {
    let workflow = EnrollmentWorkflowTests()

    /// The form sent back to a first mail from `from` with `body`.
    func form(from: String, subject: String = "join", _ body: String) throws -> String {
        try #require(try workflow.exchange(try ProcessorTests.Program(), workflow.mail(from: from, subject: subject, body: body)).first?.textBody)
    }

    /// Finding D-3: "my name's Kim Park" and "I'm Mohammed Idris" (no From name) left "Name:"
    /// empty on the form sent back.
    @Test(arguments: [
        ("Hi there - my name's Kim Park and I want to mentor people on Ironic.", "Kim Park"),
        ("Hello, I'm Mohammed Idris, people call me Mo. I'd like to join as a mentee.", "Mohammed Idris"),
        ("Hi, Ravi here. I'd like to be a mentor.", "Ravi"),
    ])
    func aNameSaidInTheFirstMailIsOfferedOnTheForm(body: String, name: String) throws {
        let program = try ProcessorTests.Program()
        let form = try #require(try workflow.exchange(program, workflow.mail(from: "someone@example.net", subject: "join", body: body)).first?.textBody)
        #expect(form.contains("Name: \(name)\n") || form.contains("Name: \(name)\r\n"), "\(form)")
        #expect(form.contains("Hello \(name),"), "\(form)")
        #expect(try program.database.participant(email: "someone@example.net") == nil, "offered, not stored")
    }

    @Test(arguments: [
        ("my name's Kim Park and I want to mentor", "Kim Park"),
        ("Hello, I'm Mohammed Idris, people call me Mo.", "Mohammed Idris"),
        ("I am Ravi Shah.", "Ravi Shah"),
        ("Hi all, this is Kim Park from Seoul.", "Kim Park"),
        ("Hi, Ravi here", "Ravi"),
        ("Hi, I'm Ravi. Mentor.", "Ravi"),
        ("Hello! I'm Ana María López, a Nova core.", "Ana María López"),
        // Names that are also words of where one is from or of belief stay names.
        ("Hi, I'm Christian Berger.", "Christian Berger"),
        // Finding F-7: more ways of saying who is writing.
        ("Hi, it's Ana Souza, I'd like a mentor.", "Ana Souza"), ("Myself Ananya Rao, working on Nova.", "Ananya Rao"),
        ("Olá! Chamo-me Inês Costa e quero ser mentora.", "Inês Costa"), ("Bonjour, je suis Amélie Dupont.", "Amélie Dupont"),
        ("Hola, soy Lucía Pérez.", "Lucía Pérez"), ("Hallo, ich bin Jonas Weber.", "Jonas Weber"), ("I am Gil Costa.", "Gil Costa"), ("This is Jordan White.", "Jordan White"),
    ])
    func aNameSaidAsWhoIsWritingIsRead(text: String, name: String) {
        #expect(NameWords.offered(in: text) == name)
    }

    @Test(arguments: ["I'm interested in Nova", "I'm in Berlin", "I'm a mentor", "I'm happy to help", "I am Based in Lisbon",
                      "I'm Not sure yet", "I'm Keen to help", "I'm English", "I'm Nova core", "hey, mentor here if you need one",
                      "This is Great", "this is my form", "I'm Mentor", "Berlin here.", "I am Interested In Glance",
                      "i'm ravi", "Everything here is fine.",
                      // Finding F-5: a nationality or a possessive is no name ("Hello Brazilian,", "Hello Kim's,").
                      "I'm Brazilian and I'm Based in Lisbon.", "This is Kim's colleague writing.", "I'm Nigerian, living in Lagos.",
                      "Hi, I am Canadian.", "This is Ana’s friend.", "I'm Kenyan-born.", "I am Latina and a Nova contributor.",
                      "I'm European.", "Hi, I'm Filipino.", "It's Great to hear from you.", "Je suis Intéressée par Nova.",
                      "Soy Mentora.", "Ich bin Mentorin.", "Sou Brasileira.", "it's me again", "I did it Myself"])
    func wordsThatAreNoNameAreNotOffered(text: String) {
        #expect(NameWords.offered(in: text) == nil)
    }

    /// Finding D-8: "Languages: Portugues, Englis and Spansh. Interested in Glance." in a first
    /// mail's sentence pre-filled the rest of the paragraph, and Spanish was then lost.
    @Test func aLabelInASentenceStopsAtItsEndAndItsMisspellingsAreRead() throws {
        let form = try form(from: "Sara Costa <sara@example.pt>",
                            "Hello! I'd like to be a mentee (technical). Based in Lisbon. Languages: Portugues, Englis and Spansh. Interested in Glance.")
        #expect(form.contains("Languages: Portuguese, English, Spanish\n") || form.contains("Languages: Portuguese, English, Spanish\r\n"), "\(form)")
        #expect(!form.contains("Spansh. Interested"), "\(form)")
        #expect(form.contains("Areas: Glance"), "\(form)")
    }

    /// Finding D-9: a casual lowercase first mail kept only the way to meet; the tidier second
    /// try kept no role, areas or time zone.
    @Test func aCasualFirstMailIsReadForWhatItSays() throws {
        let casual = try form(from: "ravi@example.in",
                              "hey, mentor here if you need one. i talk englsh, hindy and tamill. bengaluru. nova + placement. prefer video calls.")
        #expect(casual.contains("Role: mentor"), "\(casual)")
        #expect(casual.contains("Languages: English, Hindi, Tamil"), "\(casual)")
        #expect(casual.contains("Areas: Nova"), "\(casual)")
        #expect(casual.lowercased().contains("time zone: bengaluru"), "\(casual)")
        #expect(casual.contains("Interaction: video"), "\(casual)")
        let tidy = try form(from: "ravi@example.in",
                            "Hi, I'm Ravi. Mentor. I speak English, Hindi and Tamil. Bengaluru. Nova and Placement. Prefer video calls.")
        #expect(tidy.contains("Role: mentor"), "\(tidy)")
        #expect(tidy.contains("Areas: Nova"), "\(tidy)")
        #expect(tidy.contains("Time zone: Bengaluru"), "\(tidy)")
        #expect(tidy.contains("Name: Ravi"), "\(tidy)")
    }

    @Test(arguments: ["I had a mentor once and would like to join.", "My mentor said I should write. Berlin is nice.",
                      "Thanks for the mentor program, I have a question."])
    func aRoleOrPlaceMentionedInPassingIsNotTaken(body: String) throws {
        let form = try form(from: "Lee Chan <lee@example.net>", body)
        #expect(!form.contains("Role: mentor"), "\(form)")
        #expect(!form.contains("Time zone: Berlin"), "\(form)")
    }
}
