/// The Subject read as a message's text when its body says nothing: "Please add Keystone to
/// my areas", "Unsubscribe", "I want to be a mentor for Swift" written where the text goes.
enum SubjectText {
    /// `subject` when it says something of the writer's own; nil when it is empty, repeats a
    /// thread's subject ("Re: …", "Fwd: …", a "[tag]"), or only greets or names the topic
    /// ("Hello", "Mentoring", "Question").
    static func read(_ subject: String?) -> String? {
        guard let subject else { return nil }
        let trimmed = EnrollmentText.trim(EnrollmentText.plainSpaces(subject))
        guard !trimmed.isEmpty, CommandWords.cleanSubject(trimmed) == trimmed else { return nil }
        let words = EnrollmentText.words(trimmed)
        guard !words.allSatisfy(sayNothing.contains) else { return nil }
        return trimmed
    }

    /// Words of a Subject that only greets or names what the program is about, folded.
    static let sayNothing: Set<String> = Set([
        "hi", "hello", "hey", "hallo", "hola", "ola", "olá", "bonjour", "salut", "ciao", "greetings", "dear", "good", "morning",
        "afternoon", "evening", "day", "there", "all", "team", "everyone", "welcome", "bienvenido", "bienvenida", "buenos", "dias",
        "días", "buenas", "tardes", "mentoring", "mentorship", "mentoria", "mentoría", "mentorat", "program", "programme",
        "programa", "the", "a", "an", "my", "your", "our", "about", "re", "question", "questions", "pregunta", "inquiry", "enquiry",
        "query", "info", "information", "informacion", "información", "request", "contact", "message", "mail", "email",
        "note", "test", "fyi", "no", "subject", "untitled", "sin", "asunto", "and", "for", "of", "to", "from", "quick",
    ].map { EnrollmentText.fold($0) })
}
