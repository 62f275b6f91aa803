/// Reads an answer to an event invitation written in words ("I'll be there", "count me in",
/// "can't make it", "I need to cancel", "sorry, no", "quizás"), in English and the community's main languages.
///
/// Only the person's own lines are read (never quoted text), clause by clause. A "maybe" or a
/// "not sure" wins inside its clause; a yes-phrase after a negation is a no ("I won't be
/// there"). When clauses disagree ("yes… but I can't make it") the answer is unclear: nil; so is
/// a yes beside a bare "can't" ("I'd love to come but I can't"). A yes on a condition ("if I
/// can", "si puedo") is a maybe.
enum RSVPWords {
    enum Answer: Equatable { case yes, no, maybe }

    /// Phrases, folded like the text (`EnrollmentText.fold`), as word lists.
    private static func phrases(_ list: [String]) -> [[String]] {
        list.map { EnrollmentText.words($0) }.filter { !$0.isEmpty }
    }

    static let maybe = phrases([
        "maybe", "perhaps", "not sure", "not certain", "might", "tentative", "tentatively", "possibly", "don't know yet",
        "quizas", "quiza", "tal vez", "a lo mejor", "no estoy segura", "no estoy seguro", "puede que", "talvez", "talvez",
        "nao tenho certeza", "pode ser", "peut etre", "pas sur", "pas sure", "vielleicht", "weiss noch nicht", "nicht sicher",
        "forse", "non sono sicuro", "non sono sicura", "moze", "nie jestem pewien", "nie jestem pewna", "может быть",
        "возможно", "не уверен", "не уверена",
    ])

    static let no = phrases([
        "can't make it", "cant make it", "cannot make it", "can't come", "cant come", "cannot come", "can't attend",
        "cannot attend", "can't join", "won't make it", "won't be able", "wont be able", "will not be able", "not able to",
        "unable to", "can't be there", "cannot be there", "won't be there", "will not be there", "sorry no", "no sorry",
        "no thanks", "no thank you", "decline", "declining", "i'll pass", "have to pass", "must pass", "count me out",
        "need to cancel", "have to cancel", "must cancel", "got to cancel", "i'm cancelling", "i'm canceling", "i am cancelling",
        "i am canceling", "not coming", "won't be coming", "wont be coming", "withdraw from the event", "withdraw from this event",
        "withdraw from the speed mentoring", "withdraw from speed mentoring", "withdraw from the session", "withdraw my rsvp",
        "drop out", "dropping out", "take me off the list for this", "take me off this event", "take me off the event",
        "remove me from this event", "remove me from the event",
        "tengo que cancelar", "kann ich nicht", "nicht kommen", "nicht teilnehmen", "muss absagen", "absagen", "sage ab",
        "sage leider ab", "sagen ab",
        "no puedo", "no podre", "no ire", "no asistire", "no voy", "lo siento no", "nao posso", "nao poderei", "nao vou",
        "nao conseguirei", "je ne pourrai pas", "je ne peux pas", "je ne viendrai pas", "desole non", "kann leider nicht",
        "ich kann nicht", "komme nicht", "absage", "leider nicht", "non posso", "non potro", "non ci saro", "nie moge",
        "nie dam rady", "nie przyjde", "не смогу", "не могу", "не приду",
    ])

    static let yes = phrases([
        "yes", "yep", "yeah", "sure", "of course", "i'll be there", "ill be there", "i will be there", "will be there",
        "i'll come", "i will come", "count me in", "i'm in", "im in", "see you there", "happy to", "glad to", "would love to",
        "i'd love to", "love to", "host a table", "i'll attend", "i will attend", "attending", "accept", "accepted", "gladly",
        "absolutely", "definitely", "sounds good", "i'll host", "i will host", "looking forward", "can attend", "can come",
        "can make it", "can be there", "will attend", "will come", "can't wait", "cant wait",
        "si", "alli estare", "ahi estare", "cuenta conmigo", "contad conmigo", "asistire", "ire", "me apunto", "encantada",
        "encantado", "con gusto", "acepto", "sim", "estarei la", "conte comigo", "irei", "aceito", "com prazer",
        "participarei", "oui", "je serai la", "je viendrai", "comptez sur moi", "avec plaisir", "j'accepte", "je participe",
        "ja", "ich bin dabei", "ich komme", "gerne", "zusage", "ich nehme teil", "ci saro", "vengo", "partecipo", "volentieri",
        "conta su di me", "tak", "bede", "przyjde", "wezme udzial", "chetnie", "да", "буду", "приду", "участвую",
        "с удовольствием",
    ])

    /// A clause that is just a "no" ("No.", "Nope, sorry", "Non merci").
    static let bareNo: Set<String> = Set(["no", "nope", "nah", "non", "nein", "nie", "нет", "nao"].map { EnrollmentText.fold($0) })
    /// "can't", "cannot" with nothing it refuses after it ("Sorry, I can't.").
    static let bareCant: Set<String> = ["can't", "cant", "cannot"]
    static let afterBareCant: Set<String> = ["sorry", "unfortunately", "though", "anymore", "either", "after", "all", "this", "time",
                                             "now", "today", "really", "then"]
    /// A condition: "if I can", "si puedo".
    static let conditions = phrases(["if i can", "if i'm able", "if i am able", "if i manage", "si puedo", "si consigo", "se eu puder",
                                     "si je peux", "wenn ich kann"])

    /// "No problem", "no worries": not an answer.
    static let notRefusals: Set<String> = ["problem", "problema", "worries", "prob", "hay", "pasa"]

    /// Chinese and Japanese: found inside the text, the refusals first (they contain the yes-words).
    static let cjkNo = ["不能参加", "不参加", "去不了", "来不了", "不能来", "参加できません", "出席できません", "行けません", "欠席", "いいえ"]
        .map { EnrollmentText.fold($0) }
    static let cjkMaybe = ["也许", "可能", "不确定", "たぶん", "未定", "わかりません"].map { EnrollmentText.fold($0) }
    static let cjkYes = ["参加", "我会来", "好的", "出席します", "伺います", "はい"].map { EnrollmentText.fold($0) }

    /// The answer in the person's own lines (the first few), or nil when there is none or it is unclear.
    /// - Complexity: O(n) in the length of the first lines.
    static func read(_ newText: String) -> Answer? {
        read(OwnText(newText))
    }

    static func read(_ own: OwnText) -> Answer? {
        var found: [Answer] = []
        for sentence in own.lines.prefix(6).flatMap(CommandWords.sentences(in:)) {
            for clause in CommandSentences.clauses(of: sentence) {
                found += answers(in: clause)
            }
        }
        guard let first = found.first else { return nil }
        if found.contains(.maybe) { return .maybe }
        return found.allSatisfy { $0 == first } ? first : nil
    }

    /// The questions in the person's own lines ("Is there a cloakroom?"), joined, at most
    /// `limit` characters; nil when there is none.
    static func question(in own: OwnText, limit: Int = 500) -> String? {
        var questions: [String] = [], current = ""
        for character in own.lines.joined(separator: " ") {
            current.append(character)
            guard ".!?;。！？".contains(character) else { continue }
            let sentence = EnrollmentText.trim(current)
            if (character == "?" || character == "？") && sentence.count > 1 { questions.append(sentence) }
            current = ""
        }
        guard !questions.isEmpty else { return nil }
        let text = questions.joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The clause's answer; a yes beside a bare "can't" gives both, which disagree.
    private static func answers(in clause: String) -> [Answer] {
        let words = EnrollmentText.words(clause)
        // "Sí puedo" is a yes; without the accent, "si puedo" is a condition.
        let raw = clause.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let sure = raw.firstIndex(of: "sí").map { raw.index(after: $0) < raw.count && raw[raw.index(after: $0)] == "puedo" } ?? false
        if !sure, conditions.contains(where: { index(of: $0, in: words) != nil }) { return [.maybe] }
        guard let answer = answer(in: clause) else { return [] }
        return answer == .yes && hasBareCant(words) ? [.yes, .no] : [answer]
    }

    private static func hasBareCant(_ words: [String]) -> Bool {
        for (at, word) in words.enumerated() {
            let next: Int
            if bareCant.contains(word) {
                next = at + 1
            } else if word == "can", at + 1 < words.count, words[at + 1] == "not" {
                next = at + 2
            } else {
                continue
            }
            if words[next...].allSatisfy(afterBareCant.contains) { return true }
        }
        return false
    }

    private static func answer(in clause: String) -> Answer? {
        let folded = EnrollmentText.fold(clause)
        if cjkNo.contains(where: folded.contains) { return .no }
        if cjkMaybe.contains(where: folded.contains) { return .maybe }
        if cjkYes.contains(where: folded.contains) { return .yes }
        let words = EnrollmentText.words(clause)
        guard !words.isEmpty else { return nil }
        if maybe.contains(where: { index(of: $0, in: words) != nil }) { return .maybe }
        if no.contains(where: { index(of: $0, in: words) != nil }) { return .no }
        if let first = words.first, bareNo.contains(first), words.count <= 4,
           !words.dropFirst().contains(where: notRefusals.contains) { return .no }
        if hasBareCant(words) && !yes.contains(where: { index(of: $0, in: words) != nil }) { return .no }
        for phrase in yes {
            guard let start = index(of: phrase, in: words) else { continue }
            let before = words[..<start]
            if before.contains(where: CommandSentences.negations.contains) || before.contains(where: { $0.hasSuffix("n't") }) {
                return .no
            }
            return .yes
        }
        return nil
    }

    private static func index(of phrase: [String], in words: [String]) -> Int? {
        guard phrase.count <= words.count else { return nil }
        for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
            return start
        }
        return nil
    }
}
