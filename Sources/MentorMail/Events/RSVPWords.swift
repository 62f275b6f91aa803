/// Reads an answer to an event invitation written in words ("I'll be there", "count me in",
/// "can't make it", "I need to cancel", "sorry, no", "quizás"), in English and the community's main languages.
///
/// Only the person's own lines are read (never quoted text), clause by clause. Uncertainty wins
/// inside its clause ("not sure yet", "I can't say yet", "I'll confirm next week", "no idea
/// yet"); a yes-phrase after a negation is a no ("I won't be there"), a no-phrase after one is
/// none ("I didn't decline"), and a negated "miss" is a yes ("wouldn't miss it"). What someone
/// else does is no answer ("my colleague can't make it"), nor is what the person said before
/// ("I only said I wasn't sure"). Inside a sentence, what comes after "but" wins ("I'd love to
/// come but I can't" is a no); sentences that disagree ("Yes. Sorry, I can't make it.") are
/// unclear: nil. A yes on a condition ("if I can", "si puedo") is a maybe.
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
        "nicht so sicher", "nicht ganz sicher", "pas si sur", "pas tres sur", "no tan seguro", "no tan segura",
        "forse", "non sono sicuro", "non sono sicura", "moze", "nie jestem pewien", "nie jestem pewna", "может быть",
        "возможно", "не уверен", "не уверена",
        // Not decided yet, or the answer is promised for later.
        "unsure", "undecided", "no idea", "not yet", "to be confirmed", "tbc", "tbd", "will confirm", "i'll confirm", "ill confirm",
        "confirm later", "confirm next", "confirm soon", "let you know", "let you guys know", "keep you posted", "get back to you",
        "need to check", "have to check", "need to confirm", "have to confirm", "check with", "depends", "depending on",
        "hopefully", "i hope so", "hope to", "fingers crossed", "i'll try", "i will try", "will try", "try to make it",
        "try to come", "do my best", "still waiting", "waiting for", "waiting on", "not decided",
        "no lo se", "no se si", "no se todavia", "todavia no", "aun no", "te confirmo", "os confirmo", "te aviso", "os aviso",
        "depende", "ya veremos", "intentare", "weiss nicht", "noch nicht", "ich melde mich", "gebe bescheid", "sage bescheid",
        "mal sehen", "kommt darauf an", "hangt davon ab", "ich versuche", "je ne sais pas", "pas encore", "je vous dirai",
        "je te dirai", "ca depend", "je vais essayer", "nao sei", "ainda nao", "vou tentar", "non so", "non lo so",
        "ancora non", "non ancora", "ti faccio sapere", "vi faccio sapere", "dipende", "provero", "nie wiem", "jeszcze nie",
        "dam znac", "zalezy", "sprobuje", "не знаю", "пока не", "еще не", "дам знать", "посмотрим", "зависит", "постараюсь",
    ])

    /// Another time: a no, even beside a "maybe" ("Maybe next time!").
    static let anotherTime = phrases([
        "next time", "next one", "next event", "next year", "proxima vez", "la proxima", "nachstes mal", "naechstes mal",
        "prochaine fois", "prossima volta", "nastepnym razem", "в следующий раз",
    ])

    /// Words that hold off an answer when negated: "I can't say yet", "I wasn't sure", "I
    /// haven't decided". Saying and promising count only when one cannot ("I didn't say no" is
    /// not unsure).
    static let unsureWhenNegated: Set<String> = ["sure", "certain", "decide", "decided", "know"]
    static let unsureWhenCannot: Set<String> = ["say", "tell", "confirm", "promise", "commit", "guarantee"]
    /// After a negated "know", what leaves it open ("I don't know yet", "don't know if…"); "I
    /// don't know anyone there" is no answer.
    static let afterUnknown: Set<String> = ["yet", "if", "whether", "for", "now", "still", "exactly", "when", "how", "about"]
    static let cannot: Set<String> = ["can't", "cant", "cannot", "couldn't", "couldnt"]
    /// What the person said before, reported: "I only said I wasn't sure", "as I told you".
    static let reported: Set<String> = ["said", "told", "wrote", "meant", "dije", "dicho", "gesagt", "geschrieben"]

    /// Missing it: "I'll have to miss this one" is a no, "wouldn't miss it" a yes.
    static let miss: Set<String> = ["miss", "missing"]
    static let missed = phrases(["it", "this", "that", "out", "the event", "the session", "speed mentoring", "the speed mentoring"])
    static let wouldNotMiss = phrases(["no me lo pierdo", "no me lo perderia", "lasse ich mir nicht entgehen", "je ne manquerai pas",
                                       "nao perco", "non me lo perdo"])
    /// Someone else: "my colleague can't make it", "she will come".
    static let otherPeople: Set<String> = ["he", "she", "they", "someone", "somebody", "him", "her", "el", "ella", "ellos", "il", "elle", "ils"]
    static let possessives: Set<String> = ["my", "our", "mi", "mein", "meine", "mon", "ma", "meu", "minha"]
    static let relations: Set<String> = ["colleague", "colleagues", "friend", "friends", "manager", "boss", "partner", "husband", "wife",
                                         "mentor", "mentee", "teammate", "team", "coworker", "coworkers", "son", "daughter", "kids",
                                         "colega", "companero", "companera", "amigo", "amiga", "kollege", "kollegin", "collegue", "collega"]
    static let firstPerson: Set<String> = ["i", "i'm", "im", "i'll", "ill", "i'd", "me", "we", "yo", "ich", "je", "eu", "io"]

    static let no = phrases([
        "can't make it", "cant make it", "cannot make it", "can't come", "cant come", "cannot come", "can't attend",
        "cannot attend", "can't join", "won't make it", "won't be able", "wont be able", "will not be able", "not able to",
        "unable to", "can't be there", "cannot be there", "won't be there", "will not be there", "sorry no", "no sorry",
        "no thanks", "no thank you", "decline", "declining", "i'll pass", "have to pass", "must pass", "count me out",
        "need to cancel", "have to cancel", "must cancel", "got to cancel", "i'm cancelling", "i'm canceling", "i am cancelling",
        "i am canceling", "not coming", "won't be coming", "wont be coming", "withdraw from the event", "withdraw from this event",
        "withdraw from the speed mentoring", "withdraw from speed mentoring", "withdraw from the session", "withdraw my rsvp",
        "drop out", "dropping out", "take me off the list for this", "take me off this event", "take me off the event",
        "remove me from this event", "remove me from the event", "not this time", "not this one", "not really", "not for me",
        "not going to make it", "not gonna make it", "not going to come", "not going to attend", "not going to be able",
        // Another plan that day (a negation before one makes it none: "I'm not busy then").
        "i'm busy", "im busy", "i am busy", "i'll be busy", "i will be busy", "busy that day", "busy on", "busy then", "be away",
        "i'm away", "im away", "i'll be away", "i will be away", "i'm travelling", "i'm traveling", "i'll be travelling",
        "i'll be traveling", "have a conflict", "have a clash", "clashes with", "conflicts with", "working that day",
        "on holiday", "on vacation", "out of town", "out of the office",
        "creo que no", "me temo que no", "temo que no", "lamentablemente no", "desgraciadamente no", "probablemente no",
        "malheureusement non", "malheureusement pas", "je crains que non", "probablement pas", "purtroppo no", "purtroppo non",
        "infelizmente nao", "acho que nao", "niestety nie", "raczej nie", "eher nicht", "wohl nicht", "wahrscheinlich nicht",
        "к сожалению нет", "скорее нет", "наверное нет",
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
        "can make it", "can be there", "will attend", "will come", "can't wait", "cant wait", "sign me up", "put me down",
        "save me a seat", "save me a spot", "i'm coming", "im coming", "i am coming", "i'll be coming", "i will be coming",
        "i'll join", "i will join", "why not", "for sure", "see you",
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
    /// "Afraid not", "probably not", "sadly not": a short clause ending in "not" (not "why not").
    private static func isShortNot(_ words: [String]) -> Bool {
        var words = words[...]
        while let last = words.last, afterBareCant.contains(last) { words = words.dropLast() }
        return words.count >= 2 && words.count <= 4 && words.last == "not" && !words.contains("why")
    }

    /// A condition: "if I can", "si puedo".
    static let conditions = phrases(["if i can", "if i'm able", "if i am able", "if i manage", "si puedo", "si consigo", "se eu puder",
                                     "si je peux", "wenn ich kann"])

    /// "No problem", "no worries": not an answer.
    static let notRefusals: Set<String> = ["problem", "problema", "worries", "prob", "hay", "pasa"]

    /// Chinese and Japanese: found inside the text, a hedge first (it wins over what it hedges:
    /// "可能不能参加", "行けるかどうか分かりません"), then the refusals (they contain the yes-words).
    static let cjkMaybe = [
        "也许", "也許", "可能", "或许", "或許", "说不定", "說不定", "不确定", "不確定", "不能确定", "无法确定", "不一定", "还不知道", "還不知道",
        "不知道能不能", "不知道是否", "看情况", "看情況", "待定", "再确认", "再確認", "再告诉", "再告訴", "到时候再说",
        "たぶん", "多分", "未定", "わかりません", "分かりません", "わからない", "分からない", "かどうか", "かもしれ", "確認します",
        "確認してから", "後で連絡", "改めて連絡", "検討中", "調整中",
    ].map { EnrollmentText.fold($0) }
    static let cjkNo = [
        "不能参加", "不能參加", "不参加", "不參加", "去不了", "来不了", "來不了", "参加不了", "參加不了", "不能来", "不能來", "不能去",
        "不可能", "无法", "無法", "没法", "沒法", "没办法", "沒辦法", "没空", "沒空", "不去了", "不来了", "不來了",
        "参加できません", "参加できな", "出席できません", "出席できな", "行けません", "行けな", "伺えません", "欠席", "いいえ",
        "無理", "都合が悪", "都合がつかな", "都合がつきません", "辞退", "見送",
    ].map { EnrollmentText.fold($0) }
    static let cjkYes = ["参加", "參加", "我会来", "我会去", "我會來", "我會去", "好的", "出席します", "伺います", "行きます", "はい"]
        .map { EnrollmentText.fold($0) }

    /// A Chinese or Japanese hedge in `folded`, not one negated into a refusal ("不可能" is
    /// "impossible", not "maybe").
    private static func hasCJKMaybe(_ folded: String) -> Bool {
        cjkMaybe.contains { phrase in
            var from = folded.startIndex
            while let range = folded.range(of: phrase, range: from..<folded.endIndex) {
                if phrase != "可能" || folded[..<range.lowerBound].last != "不" { return true }
                from = range.upperBound
            }
            return false
        }
    }

    /// The answer in the person's own lines (the first few), or nil when there is none or it is unclear.
    /// - Complexity: O(n) in the length of the first lines.
    static func read(_ newText: String) -> Answer? {
        read(OwnText(newText))
    }

    static func read(_ own: OwnText) -> Answer? {
        var found: [Answer] = []
        var awayNews: [Answer] = []
        for line in own.lines.prefix(6) {
            for sentence in CommandWords.sentences(in: line) {
                let answers = answers(inSentence: sentence, asked: isAsked(sentence, in: line))
                if isAwayUntil(sentence) { awayNews += answers } else { found += answers }
            }
        }
        if found.isEmpty { found = awayNews }
        guard let first = found.first else { return nil }
        if found.contains(.maybe) { return .maybe }
        return found.allSatisfy { $0 == first } ? first : nil
    }

    /// Being away until a day ("I'm on holiday until 3 January"): news beside an answer in
    /// another sentence ("… Yes, I'll come!"), a no only when no other sentence answers.
    private static func isAwayUntil(_ sentence: String) -> Bool {
        let own = OwnText(sentence)
        return AbsenceWords.speaksOfAbsence(own) && AbsenceWords.boundsTime(EnrollmentText.words(sentence))
    }

    /// "But" and its kin: what follows one in a sentence wins over what came before.
    static let contrasts: Set<String> = ["but", "however", "although", "though", "pero", "aber", "mais", "ma", "mas", "ale", "но"]

    /// Whether `sentence` ends with a question mark in `line`.
    private static func isAsked(_ sentence: String, in line: String) -> Bool {
        guard let range = line.range(of: sentence) else { return false }
        return line[range.upperBound...].first { !$0.isWhitespace }.map { $0 == "?" || $0 == "？" } ?? false
    }

    /// The answers of the sentence's last part (after its last "but") that holds any; `asked`
    /// when the sentence is a question.
    private static func answers(inSentence sentence: String, asked: Bool = false) -> [Answer] {
        var last: [Answer] = []
        for part in CommandSentences.splitOnConjunctions(sentence, contrasts) {
            let found = CommandSentences.clauses(of: part).flatMap { answers(in: $0, asked: asked) }
            if !found.isEmpty { last = found }
        }
        return last
    }

    /// A condition or note beside a yes ("Yes, but I can only stay for the first rotation"):
    /// the sentences that hold a "but" with nothing after it that answers, or that say "only",
    /// "late" or "early"; nil when there is none. A clause that only greets, thanks or
    /// apologises ("Sorry for the late answer") is courtesy, never a condition.
    static func condition(in own: OwnText, limit: Int = 500) -> String? {
        let marks: Set<String> = ["only", "late", "later", "early", "except", "solo", "nur", "seulement", "tarde", "spat", "spater", "fruher"]
        func courtesy(_ text: String) -> Bool { Courtesy.onlyCourtesy(EnrollmentText.words(text)) }
        var found: [String] = []
        for sentence in own.lines.prefix(6).flatMap(CommandWords.sentences(in:)) where !sentence.hasSuffix("?") {
            let parts = CommandSentences.splitOnConjunctions(sentence, contrasts)
            let afterBut = parts.count > 1 && parts.dropFirst().contains {
                !courtesy($0) && CommandSentences.clauses(of: $0).flatMap { answers(in: $0, asked: false) }.isEmpty
            }
            let words = CommandSentences.clauses(of: sentence).filter { !courtesy($0) }.flatMap(EnrollmentText.words)
            if afterBut || words.contains(where: marks.contains) || index(of: ["leave", "early"], in: words) != nil {
                found.append(EnrollmentText.trim(sentence))
            }
        }
        guard !found.isEmpty else { return nil }
        let text = found.joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The questions in the person's own lines ("Is there a cloakroom?"), joined, at most
    /// `limit` characters; nil when there is none.
    static func question(in own: OwnText, limit: Int = 500) -> String? {
        let questions = SentenceEnds.split(own.lines.joined(separator: " "), semicolon: true).map(EnrollmentText.trim)
            .filter { ($0.hasSuffix("?") || $0.hasSuffix("？")) && $0.count > 1 }
        guard !questions.isEmpty else { return nil }
        let text = questions.joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The clause's answer; a yes beside a bare "can't" gives both, which disagree.
    private static func answers(in clause: String, asked: Bool) -> [Answer] {
        let words = EnrollmentText.words(clause)
        // "Sí puedo" is a yes; without the accent, "si puedo" is a condition.
        let raw = clause.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let sure = raw.firstIndex(of: "sí").map { raw.index(after: $0) < raw.count && raw[raw.index(after: $0)] == "puedo" } ?? false
        if !sure, conditions.contains(where: { index(of: $0, in: words) != nil }) { return [.maybe] }
        guard let answer = answer(in: clause, asked: asked) else { return [] }
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

    private static func answer(in clause: String, asked: Bool) -> Answer? {
        let folded = EnrollmentText.fold(clause)
        if hasCJKMaybe(folded) { return .maybe }
        if cjkNo.contains(where: folded.contains) { return .no }
        if cjkYes.contains(where: folded.contains) { return .yes }
        let words = EnrollmentText.words(clause)
        guard !words.isEmpty, let answer = answer(in: words, asked: asked) else { return nil }
        // What they said before stands reported, not answered again ("I only said I wasn't sure").
        return answer != .yes && words.contains(where: reported.contains) ? nil : answer
    }

    /// In a question, a yes is the writer's only when they are its subject ("Is Ana attending?"
    /// asks about Ana; "Count me in?" and "can I attend?" are the writer's).
    private static func answer(in words: [String], asked: Bool) -> Answer? {
        if anotherTime.contains(where: { index(of: $0, in: words) != nil }) { return .no }
        if isUnsure(words) { return .maybe }
        if let answer = missing(words) { return answer }
        if isShortNot(words) { return .no }
        if let start = no.lazy.compactMap({ index(of: $0, in: words) }).first {
            return isNegated(words[..<start]) || isSomeoneElse(words[..<start]) ? nil : .no
        }
        if let first = words.first, bareNo.contains(first), words.count <= 4,
           !words.dropFirst().contains(where: notRefusals.contains) { return .no }
        if hasBareCant(words) && !yes.contains(where: { index(of: $0, in: words) != nil }) { return .no }
        for phrase in yes {
            guard let start = index(of: phrase, in: words) else { continue }
            let before = words[..<start]
            if isSomeoneElse(before) || (asked && !before.isEmpty && !before.contains(where: firstPerson.contains)) { return nil }
            if before.contains(where: CommandSentences.negations.contains) || before.contains(where: { $0.hasSuffix("n't") }) {
                return .no
            }
            return .yes
        }
        // "…but I can", "I can.": a yes with nothing it is about.
        if let at = words.indices.first(where: { words[$0] == "can" && $0 > 0 && words[$0 - 1] == "i" }),
           words[(at + 1)...].allSatisfy(afterBareCant.contains) { return .yes }
        return nil
    }

    /// Not decided yet: a maybe phrase, a negation with "yet" ("I can't say yes yet"), a
    /// negated "sure" or "know", or one cannot say or confirm.
    private static func isUnsure(_ words: [String]) -> Bool {
        if maybe.contains(where: { index(of: $0, in: words) != nil }) { return true }
        if words.contains("yet") && (isNegated(words[...]) || words.contains("no")) { return true }
        for (at, word) in words.enumerated() {
            let before = words[..<at]
            // "I can't say yet" is unsure; "I can't tell you how glad I am" is not.
            if unsureWhenCannot.contains(word), !words[at...].contains("how"),
               before.contains(where: cannot.contains) || index(of: ["can", "not"], in: Array(before)) != nil {
                return true
            }
            guard unsureWhenNegated.contains(word), isNegated(before) else { continue }
            if word != "know" || at + 1 == words.count || afterUnknown.contains(words[at + 1]) { return true }
        }
        return false
    }

    /// "I'll have to miss this one" is a no; "wouldn't miss it", "no way I'm missing this" a yes.
    private static func missing(_ words: [String]) -> Answer? {
        if wouldNotMiss.contains(where: { index(of: $0, in: words) != nil }) { return .yes }
        for (at, word) in words.enumerated() where miss.contains(word) {
            let after = Array(words[(at + 1)...])
            guard missed.contains(where: { after.starts(with: $0) }) else { continue }
            let before = words[..<at]
            let negated = isNegated(before) || before.contains("hate") || index(of: ["no", "way"], in: Array(before)) != nil
                || index(of: ["no", "chance"], in: Array(before)) != nil
            return negated ? .yes : .no
        }
        return nil
    }

    /// A negation among `words`: "not", "never", or a word ending in "n't" (not a bare "no",
    /// which starts many refusals: "No, I can't").
    private static func isNegated(_ words: ArraySlice<String>) -> Bool {
        words.contains { $0.hasSuffix("n't") || ["not", "never", "dont", "didnt", "wont", "wouldnt", "isnt", "wasnt", "havent", "nunca",
                                                 "jamais", "niemals"].contains($0) }
    }

    /// Someone other than the writer is the subject: "my colleague Tom", "she", with no "I"
    /// between them and what they do.
    static func isSomeoneElse(_ words: ArraySlice<String>) -> Bool {
        for at in words.indices.reversed() {
            let word = words[at]
            if firstPerson.contains(word) { return false }
            if otherPeople.contains(word) { return true }
            if relations.contains(word), at > words.startIndex, possessives.contains(words[at - 1]) { return true }
        }
        return false
    }

    private static func index(of phrase: [String], in words: [String]) -> Int? {
        guard phrase.count <= words.count else { return nil }
        for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
            return start
        }
        return nil
    }
}

extension RSVPWords {
    /// Words that answer anything ("yes", "sure", "maybe", "I'm busy"), so that they say nothing
    /// of an event unless written under its mail.
    static let anyAnswer = phrases([
        "yes", "yep", "yeah", "sure", "of course", "gladly", "absolutely", "definitely", "sounds good", "why not", "for sure",
        "happy to", "glad to", "would love to", "i'd love to", "love to", "looking forward", "accept", "accepted", "see you",
        "si", "sim", "oui", "ja", "tak", "да", "gerne", "con gusto", "avec plaisir", "com prazer", "volentieri", "chetnie",
        "с удовольствием", "encantada", "encantado", "acepto", "aceito", "j'accepte",
        "maybe", "perhaps", "might", "possibly", "hopefully", "i hope so", "hope to", "fingers crossed", "depends", "depending on",
        "not sure", "unsure", "no idea", "not yet", "still waiting", "waiting for", "waiting on", "need to check", "have to check",
        "check with", "not certain", "i'll try", "i will try", "will try", "do my best", "quizas", "quiza", "tal vez", "a lo mejor",
        "talvez", "pode ser", "peut etre", "vielleicht", "forse", "moze", "может быть", "возможно", "depende", "dipende", "zalezy",
        "зависит", "mal sehen", "ya veremos", "посмотрим", "intentare", "ich versuche", "je vais essayer", "vou tentar", "provero",
        "sprobuje", "постараюсь", "noch nicht", "pas encore", "ainda nao", "todavia no", "aun no", "ancora non", "non ancora",
        "jeszcze nie", "пока не", "еще не", "no lo se", "nao sei", "non so", "non lo so", "nie wiem", "не знаю", "je ne sais pas",
        "weiss nicht", "weiss noch nicht",
        "not really", "not for me", "no thanks", "no thank you", "sorry no", "no sorry", "decline", "declining", "i'm busy", "im busy",
        "i am busy", "i'll be busy", "i will be busy", "be away", "i'm away", "im away", "i'll be away", "i will be away",
        "i'm travelling", "i'm traveling", "i'll be travelling", "i'll be traveling", "on holiday", "on vacation", "out of town",
        "out of the office", "no puedo", "kann ich nicht", "ich kann nicht", "kann leider nicht", "je ne peux pas", "non posso",
        "nie moge", "не могу", "nao posso", "leider nicht", "creo que no", "lo siento no",
    ])

    /// The phrases of coming or not, or of an answer to come ("count me in", "can't make it",
    /// "I'll confirm next week"): every answer phrase but those in ``anyAnswer``.
    static let aboutComing: [[String]] = {
        let any = Set(anyAnswer)
        return (yes + no + maybe).filter { !any.contains($0) }
    }()

    /// An answer that stands for an event even where the event is not named (under other mail
    /// of ours): it says something about coming ("yes, count me in", "maybe, I will confirm
    /// next week", "sorry, I can't make it"), not only a word that answers anything ("yes",
    /// "maybe"); it asks nothing; and every other sentence only greets or thanks. Nil otherwise.
    static func readClearly(_ own: OwnText) -> Answer? {
        guard !own.text.contains("?"), !own.text.contains("？"), let answer = read(own) else { return nil }
        var aboutComing = false
        for sentence in own.sentences {
            let words = EnrollmentText.words(sentence)
            if answers(inSentence: sentence).isEmpty {
                // A greeting, a thanks or a name ("Hi Maria", "Thanks!", "Best, Ana").
                guard words.count <= 2 || words.allSatisfy(Courtesy.words.contains) else { return nil }
                continue
            }
            if Self.aboutComing.contains(where: { index(of: $0, in: words) != nil }) { aboutComing = true }
        }
        return aboutComing ? answer : nil
    }
}
