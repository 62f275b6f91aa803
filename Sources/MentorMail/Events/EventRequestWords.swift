/// A participant's own mail (not a reply under one of our event mails) that speaks of the
/// Speed Mentoring and answers for it or asks for a place: "A friend told me about the Speed
/// Mentoring. Count me in!", "I'd like to join the speed mentoring", "can I come to the speed
/// mentoring?", "I can't make it to the event on Sunday".
///
/// The event's own name ("speed mentoring") anywhere in the text makes its answer one about
/// the event; a plain "event" or "session" counts only in the sentence that answers or asks.
/// Someone else's wish ("my colleague wants to join the speed mentoring"), a question about
/// someone else coming ("Could Ana join the session?", "is there room for a friend?") and a
/// refusal of coming ("I don't want to attend the session") ask for nothing for the writer.
enum EventRequestWords {
    /// What the event is called, folded (hyphens read as spaces).
    static let names: [[String]] = ["speed mentoring", "speedmentoring", "speed mentorship", "mentoria rapida", "mentoria relampago",
                                    "mentorias rapidas"].map { EnrollmentText.words($0) }
    /// Words that name an event only in the sentence that answers or asks.
    static let eventWords: Set<String> = Set(["event", "session", "evento", "sesion", "sessao", "evenement", "veranstaltung",
                                              "sitzung"].map { EnrollmentText.fold($0) })
    /// Coming, taking part, or a place there.
    static let placeWords: Set<String> = JoinWords.partVerbs.union(comingVerbs).union(Set([
        "sign", "seat", "place", "spot", "ticket", "rsvp", "plaza", "lugar", "sitio", "platz",
    ].map { EnrollmentText.fold($0) }))
    /// Coming to it: a sentence that asks this is the request itself, no other question.
    static let comingVerbs: Set<String> = Set([
        "attend", "attending", "come", "coming", "go", "going", "join", "joining", "participate", "asistir", "ir", "venir",
        "participar", "assister", "kommen", "teilnehmen", "vir",
    ].map { EnrollmentText.fold($0) })
    /// Before a place word, these make it no request: a refusal, or an event already past.
    static let refusing: Set<String> = JoinWords.refusals.union(["don't", "dont", "didn't", "didnt", "wasn't", "not", "never", "no"])

    /// Whether the text names the event itself ("the Speed Mentoring").
    static func namesEvent(_ own: OwnText) -> Bool {
        own.lines.contains { line in
            let words = EnrollmentText.words(line)
            return names.contains { contains($0, in: words) }
        }
    }

    /// The answer about the event in the person's own lines, or nil when they say none, or do
    /// not speak of the event.
    static func read(_ own: OwnText) -> RSVPWords.Answer? {
        if namesEvent(own) { return answer(own) }
        // Only a sentence that names an event answers for it.
        var found: [RSVPWords.Answer] = []
        for sentence in own.sentences where EnrollmentText.words(sentence).contains(where: eventWords.contains) {
            if let answer = answer(OwnText(sentence)) { found.append(answer) }
        }
        guard let first = found.first, found.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// Asking for a place is a yes, unless the text refuses ("I'd love to join but I can't") or
    /// the asking itself is unsure ("maybe I could join"); "I didn't know about it, can I join?"
    /// asks.
    private static func answer(_ own: OwnText) -> RSVPWords.Answer? {
        let said = RSVPWords.read(own)
        let asking = own.sentences.flatMap { CommandSentences.clauses(of: $0) }.filter(asksForPlace)
        guard !asking.isEmpty, said != .no else { return said }
        return asking.contains { RSVPWords.read(OwnText($0)) == .maybe } ? .maybe : .yes
    }

    /// A sentence (or clause) asking to come or take part, by the writer: "I'd like to join the
    /// speed mentoring", "can I come?", "is there a seat for me?".
    static func asksForPlace(_ sentence: String) -> Bool {
        for clause in CommandSentences.clauses(of: sentence) {
            let words = EnrollmentText.words(clause)
            guard let at = words.firstIndex(where: placeWords.contains) else { continue }
            let before = words[..<at]
            if before.contains(where: { refusing.contains($0) || $0.hasSuffix("n't") }) { continue }
            let text = words.joined(separator: " ")
            if CommandSentences.otherSubjects.contains(where: { text.hasPrefix($0) || text.contains(" \($0) ") }) { continue }
            if asksForAnother(before) || isForAnother(words[(at + 1)...]) { continue }
            return true
        }
        return false
    }

    /// Asking whether someone may come, or can: "can", "could", "may" ("puede", "kann").
    static let askingModals: Set<String> = Set(["can", "could", "may", "might", "would", "will", "shall", "puede", "pueden", "podria",
                                                "kann", "konnte", "peut", "pourrait", "pode"].map { EnrollmentText.fold($0) })
    /// Who may follow such a word and still be the writer asking: "can I", "could you add me",
    /// "would it be possible", "can we still".
    static let writerAsking: Set<String> = RSVPWords.firstPerson.union(["you", "u", "it", "there", "this", "that", "still", "also",
                                                                         "please", "just", "somebody", "usted", "ustedes"])
    /// After "for" or "para", someone else: "for a friend", "para una amiga", "for her".
    static let someoneElse: Set<String> = RSVPWords.relations.union(["him", "her", "them", "someone", "somebody", "ella", "ellos", "elle"])
    static let beneficiaryWords: Set<String> = ["for", "para", "pour", "fur"]
    static let determiners: Set<String> = ["a", "an", "my", "our", "one", "un", "una", "mi", "nuestra", "nuestro", "une", "mon", "ma",
                                           "ein", "eine", "meine", "meinen", "meinem"]

    /// "Could Ana join…?", "can Tom come?": a question opening with "can" or "could" whose
    /// subject is not the writer; someone else's possessive ("my colleague") or pronoun ("she") too.
    private static func asksForAnother(_ before: ArraySlice<String>) -> Bool {
        if RSVPWords.isSomeoneElse(before) { return true }
        guard let modal = before.first, askingModals.contains(modal), before.count > 1 else { return false }
        return !writerAsking.contains(before[before.startIndex + 1])
    }

    /// "a seat for my colleague", "sitio para una amiga": a place asked for someone else.
    private static func isForAnother(_ after: ArraySlice<String>) -> Bool {
        after.indices.contains { at in
            guard beneficiaryWords.contains(after[at]) else { return false }
            return after[(at + 1)...].drop(while: determiners.contains).first.map(someoneElse.contains) ?? false
        }
    }

    /// The questions beside the answer, without the sentences that only ask for a place ("can I
    /// come to the speed mentoring?" is the request itself); nil when there are none.
    static func question(in own: OwnText, limit: Int = 500) -> String? {
        guard let questions = RSVPWords.question(in: own, limit: .max) else { return nil }
        var kept: [String] = [], current = ""
        for character in questions {
            current.append(character)
            guard character == "?" || character == "？" else { continue }
            let question = EnrollmentText.trim(current)
            if !(asksForPlace(question) && mentionsEvent(question)) { kept.append(question) }
            current = ""
        }
        guard !kept.isEmpty else { return nil }
        let text = kept.joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// What a question in the person's own lines asks about, as the coordinators read it: "the
    /// Speed Mentoring" when it names the event, "an event (\"session\")" when it only says
    /// "session" or "event"; nil when no question speaks of one.
    static func questionTopic(in own: OwnText) -> String? {
        guard let questions = RSVPWords.question(in: own, limit: .max) else { return nil }
        let words = EnrollmentText.words(questions)
        if names.contains(where: { contains($0, in: words) }) { return "the Speed Mentoring" }
        return words.first(where: eventWords.contains).map { "an event (\"\($0)\")" }
    }

    /// Names the event, or asks to come: not "is there a place to leave coats?".
    private static func mentionsEvent(_ sentence: String) -> Bool {
        let words = EnrollmentText.words(sentence)
        return words.contains(where: eventWords.contains) || names.contains { contains($0, in: words) }
            || words.contains(where: comingVerbs.contains)
    }

    private static func contains(_ phrase: [String], in words: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { Array(words[$0..<($0 + phrase.count)]) == phrase }
    }
}
