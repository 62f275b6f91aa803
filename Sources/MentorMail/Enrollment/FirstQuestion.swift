/// The questions in a newcomer's message that the sign-up form does not answer: "Is the program
/// open to students?", "how much time per week does mentoring take?", "¿el programa está abierto
/// a estudiantes?". A question that only asks how to join ("How do I join?", "¿cómo me apunto?",
/// "can I sign up as a mentor?") is what the form answers, and is left out.
enum FirstQuestion {
    /// The questions, joined, at most `limit` characters; nil when there is none to pass on.
    static func read(_ own: OwnText, limit: Int = 500) -> String? {
        var questions: [String] = []
        for line in own.lines {
            for piece in SentenceEnds.split(line, semicolon: true) {
                // The closing mark is kept only when it asks.
                var sentence = EnrollmentText.trim(piece)
                if let mark = sentence.last, ".!;。！".contains(mark) { sentence = EnrollmentText.trim(sentence.dropLast()) }
                if isQuestion(sentence) && !onlyAsksToJoin(sentence) { questions.append(sentence) }
            }
        }
        guard !questions.isEmpty else { return nil }
        let text = questions.joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// A question mark (either end), a question word first, a verb first with its subject next
    /// ("is the program", "do mentors"), or "I wonder", "quisiera saber".
    static func isQuestion(_ sentence: String) -> Bool {
        if sentence.hasSuffix("?") || sentence.hasSuffix("？") || sentence.contains("¿") { return true }
        for clause in CommandSentences.clauses(of: sentence) {
            // Accents tell the Spanish question words from "como" (as) and "que" (that).
            let first = clause.split(whereSeparator: { $0 == " " || $0 == "," }).first.map { $0.lowercased() } ?? ""
            if questionWords.contains(first) { return true }
            let words = EnrollmentText.words(clause)
            if let verb = words.first, askingVerbs.contains(verb), words.count > 1, subjects.contains(words[1]) { return true }
            let text = words.joined(separator: " ")
            if wondering.contains(where: { EnrollmentText.contains($0, in: text) }) { return true }
        }
        return false
    }

    /// Whether every word of the question is about joining ("how do I sign up?", "how does
    /// this work?"): the form answers it.
    static func onlyAsksToJoin(_ sentence: String) -> Bool {
        EnrollmentText.words(sentence).allSatisfy { joining.contains($0) || JoinWords.joinWords.contains($0) || JoinWords.asWords.contains($0)
            || ParticipantRole(answer: $0) != nil }
    }

    /// Question words that open a question, as written (Spanish with its accents).
    static let questionWords: Set<String> = [
        "how", "what", "what's", "whats", "when", "where", "who", "whom", "whose", "why", "which",
        "cómo", "qué", "cuándo", "dónde", "quién", "quiénes", "cuál", "cuáles", "cuánto", "cuánta", "cuántos", "cuántas",
        "quando", "onde", "quem", "qual", "quanto", "quanta", "comment", "combien", "pourquoi", "quand", "où", "quel", "quelle",
        "wie", "wann", "wo", "warum", "welche", "wieviel", "perché", "dove", "chi",
    ]
    /// Verbs that open a question when their subject follows ("can I", "is there", "do mentors").
    static let askingVerbs: Set<String> = [
        "is", "are", "am", "was", "were", "can", "could", "do", "does", "did", "will", "would", "should", "may", "might", "have", "has",
        "hay", "puedo", "puede", "pueden", "existe", "tengo", "tiene", "es",
    ]
    static let subjects: Set<String> = [
        "i", "you", "we", "it", "there", "the", "this", "that", "they", "he", "she", "mentors", "mentees", "someone", "anyone",
        "students", "people", "one", "a", "an", "my", "el", "la", "los", "las", "un", "una", "alguien", "algun", "alguna",
    ]
    /// Words that ask without a question mark.
    static let wondering = ["i wonder", "i was wondering", "i'm wondering", "would like to know", "want to know", "wanted to know",
                            "quisiera saber", "me gustaria saber", "queria saber", "quiero saber"]
    /// Words of a question about how to join, besides the verbs of joining and the roles (folded).
    static let joining: Set<String> = Set([
        "how", "what", "where", "when", "do", "does", "did", "can", "could", "may", "should", "would", "will", "is", "are", "i", "me",
        "my", "we", "you", "your", "to", "the", "this", "that", "it", "in", "on", "for", "of", "up", "and", "or", "so", "then", "just",
        "please", "send", "form", "signup", "program", "programme", "mentoring", "mentorship", "hi", "hello", "hey", "there", "get",
        "started", "start", "involved", "step", "steps", "next", "process", "work", "works", "need", "want", "like", "i'd", "id",
        "also", "here", "now", "again", "yours", "it's", "its",
        "como", "puedo", "puede", "me", "mi", "el", "la", "los", "las", "un", "una", "en", "al", "del", "de", "para", "por", "favor",
        "programa", "mentoria", "hola", "formulario", "enviar", "enviarme", "envias", "apunto", "inscribo", "registro", "hago",
        "hacer", "que", "donde", "hay", "se", "te", "y", "o", "quiero", "quisiera", "funciona",
    ].map { EnrollmentText.fold($0) })
}
