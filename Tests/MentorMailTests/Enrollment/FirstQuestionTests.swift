@testable import MentorMail
import Testing

/// Which questions in a newcomer's first message go to the coordinators with the form.
@Suite struct FirstQuestionTests {
    func question(_ text: String) -> String? { FirstQuestion.read(OwnText(text)) }

    @Test(arguments: [
        "Hi, is the mentoring program open to students?",
        "how much time per week does mentoring take? I'm thinking about volunteering.",
        "Hola, ¿el programa está abierto a estudiantes?",
        "¿Cuánto tiempo a la semana hay que dedicar?",
        "Can I be a mentor and a mentee at the same time?",
        "Do mentors get paid",
        "I was wondering whether the mentoring is remote only.",
        "I'd like to join as a mentee.\nHow long does a round last",
        "Cómo se eligen las parejas",
        "Is there an age limit?",
    ])
    func aQuestionTheFormDoesNotAnswerIsPassedOn(text: String) {
        #expect(question(text) != nil, "\(text)")
    }

    @Test(arguments: [
        "How do I join?",
        "Hi! How can I sign up as a mentor?",
        "How does this work?",
        "I'd like to join as a mentee, what should I do next?",
        "¿Cómo me apunto?",
        "¿Cómo puedo inscribirme como mentora?",
        "Hello, I would like to become a mentee.",
        "I'd love to mentor. Thanks!",
        "Would love to help as a mentor.",
        "Can you send me the form please",
    ])
    func joiningOrNoQuestionIsOnlyASignUp(text: String) {
        #expect(question(text) == nil, "\(text): \(question(text) ?? "")")
    }

    @Test func theQuestionIsKeptAsWritten() {
        #expect(question("Hi there. Is the program open to students? Thanks, Ana") == "Is the program open to students?")
    }
}
