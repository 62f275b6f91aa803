/// "I'd like to join as a mentee", "quiero participar como mentora": the role a newcomer asks
/// for in a sentence, so the form they get has it filled in.
enum JoinWords {
    /// Words of being or becoming that may stand just before a role ("to be a mentor", "être
    /// mentor", "devenir mentore", "me tornar mentora", "wäre gerne Mentorin", "أكون مرشدة",
    /// "essere mentee", "стать наставником", "zostać mentorką").
    static let becomingWords: Set<String> = Set([
        "be", "become", "being", "ser", "sendo", "etre", "devenir", "tornar", "virar", "ware", "waere", "أكون", "أصبح",
        "essere", "diventare", "стать", "быть", "zostać", "być",
    ].map { EnrollmentText.fold($0) })
    /// Acting as, just before a role: "fare da mentore", "fungere da mentore", "hacer de mentora",
    /// "actuar como mentor", "atuar como mentora", "agir comme mentor", "optreden als mentor".
    static let actingAs: [[String]] = [["fare", "da"], ["fare", "il"], ["fare", "la"], ["fare", "lo"], ["fungere", "da"],
                                       ["hacer", "de"], ["actuar", "como"], ["atuar", "como"], ["agir", "como"], ["agir", "comme"],
                                       ["servir", "de"], ["optreden", "als"], ["fungeren", "als"]]
    /// Offering mentoring, a mentor's part: "faire du mentorat", "hacer mentoría", "fazer mentoria".
    static let offeringMentoring: [[String]] = [["faire", "du", "mentorat"], ["hacer", "mentoria"], ["fazer", "mentoria"],
                                                ["dar", "mentoria"], ["offrir", "du", "mentorat"], ["dar", "mentorias"]]
    /// German and Dutch put them after the role: "Mentorin sein", "Mentee werden", "Mentor zu
    /// werden", "mentor zijn", "mentee worden", "mentor te worden".
    static let becomingAfter: Set<String> = ["sein", "werden", "zijn", "worden"]

    /// Words just before a role that say "as": "as a mentee", "como mentora", "als Mentorin",
    /// "как подопечная", "в качестве наставника"; Arabic writes it onto the role ("كمتدربة").
    static let asWords: Set<String> = becomingWords.union([
        "as", "a", "an", "como", "comme", "que", "tant", "en", "als", "come", "jako", "как", "качестве", "charakterze",
        "um", "uma", "una", "un", "une", "ein", "eine", "بصفة", "بصفتي",
    ].map { EnrollmentText.fold($0) })

    /// Verbs of joining in the community's languages, in the forms a request takes.
    static let joinVerbs: Set<String> = Set([
        "join", "joining", "sign", "signup", "register", "participate", "take", "apply", "enrol", "enroll", "become", "be",
        "volunteer", "volunteering", "serve", "colaborar", "ayudar",
        "unirme", "inscribirme", "participar", "apuntarme", "registrarme", "ser", "entrar", "inscrever", "participer",
        "rejoindre", "inscrire", "teilnehmen", "teilzunehmen", "mitmachen", "mitzumachen", "anmelden", "anzumelden",
        "beitreten", "beizutreten", "partecipare", "iscrivermi", "unirmi", "aderire", "dołączyć", "uczestniczyć", "zapisać",
        "zgłosić", "участвовать", "присоединиться", "записаться", "зарегистрироваться", "вступить",
        "الانضمام", "انضمام", "أنضم", "انضم", "المشاركة", "أشارك", "التسجيل", "أسجل", "التطوع", "أتطوع",
    ].map { EnrollmentText.fold($0) })
    /// Joining, being or becoming: the verbs a request for a role goes with.
    static let joinWords: Set<String> = joinVerbs.union(becomingWords).union(becomingAfter)

    /// Verbs of taking part, for asking to do it again: not "be", "take" or "sign", which say
    /// many other things ("I'll be back", "take a look").
    static let partVerbs: Set<String> = joinVerbs.subtracting(["be", "ser", "take", "sign"].map { EnrollmentText.fold($0) })
        .union(["rejoin"])
    /// Words that make taking part a return: "join again", "rejoin", "participar otra vez",
    /// "volver a participar", "voltar a participar". Not "back" ("getting back to me about joining").
    static let againWords: Set<String> = Set([
        "again", "rejoin", "volver", "otra", "nuevo", "nuevamente", "voltar", "novo", "novamente", "nouveau", "wieder", "nuovo",
    ].map { EnrollmentText.fold($0) })
    static let refusals: Set<String> = ["can't", "cant", "cannot", "won't", "wont", "couldn't", "shouldn't"]

    /// Whether a sentence asks to join or for the sign-up form, with or without a role: "I'd
    /// like to join", "please send me the sign-up form". A negation or someone else in the
    /// clause says no.
    static func asksToJoin(in own: OwnText) -> Bool {
        own.clauses.joined().contains { CJKPhrases.asksToJoin($0.text) } || asks(in: own) { words in
            words.contains(where: partVerbs.contains) || words.contains("sign") || words.contains("form")
                || words.contains("formulario")
        }
    }

    /// Whether a first mail's words ask to join, for the form or for a role ("I want a mentor",
    /// "me encantaría tener una mentora"): what gives a stranger the form.
    static func asksToJoinOrForARole(in own: OwnText) -> Bool {
        asksToJoin(in: own) || role(in: own) != nil
    }

    /// Whether a sentence asks to take part again: "I'd like to join again", "can I rejoin?",
    /// "quiero volver a participar", "I'd like to take part again". A negation or someone else
    /// in the clause says no.
    static func asksToRejoin(in own: OwnText) -> Bool {
        asks(in: own) { words in
            let takesPart = words.contains(where: partVerbs.contains)
                || zip(words, words.dropFirst()).contains { $0 == "take" && $1 == "part" }
            return takesPart && words.contains(where: againWords.contains)
        }
    }

    /// Whether a sentence asks to be mentored again: "I'd like to be mentored again", "could I
    /// get a new mentor?", "quiero otra mentora". A negation or someone else in the clause says no.
    static func asksForMentoringAgain(in own: OwnText) -> Bool {
        let mentors: Set<String> = ["mentor", "mentora", "mentorin"]
        let another: Set<String> = ["another", "new", "otra", "otro", "nueva", "nuevo", "neue", "neuen", "neuer"]
        return asks(in: own) { words in
            (words.contains("mentored") && words.contains(where: againWords.contains))
                || zip(words, words.dropFirst()).contains { another.contains($0) && mentors.contains($1) }
        }
    }

    /// Whether a clause of the text has words that `match` and no negation, refusal or other
    /// person ("I can't join", "my colleague wants to join").
    private static func asks(in own: OwnText, _ match: ([String]) -> Bool) -> Bool {
        for clause in own.clauses.joined() {
            let words = clause.words
            guard match(words) else { continue }
            if words.contains(where: { CommandSentences.negations.contains($0) || refusals.contains($0) })
                || CommandSentences.otherSubjects.contains(where: { words.joined(separator: " ").hasPrefix($0) }) { continue }
            return true
        }
        return false
    }

    /// The role named after "as" in a sentence about joining, if any. A clause with a negation
    /// or someone else before the role ("I don't want to be a mentor", "my colleague joined as a
    /// mentor") names no role.
    static func role(in newText: String) -> ParticipantRole? {
        role(in: OwnText(newText))
    }

    static func role(in own: OwnText) -> ParticipantRole? {
        // The role last named, for "I don't want a mentor, I want to be one".
        var named: ParticipantRole?
        for clauses in own.clauses {
            // French "mentoré(e)" is the one mentored; folded, "mentore" would be a mentor.
            let mentored = clauses.contains { $0.text.lowercased().contains("mentoré") }
            // "I have been a Nova core for years and would love to mentor": the writer goes on
            // in a clause without its own subject.
            let byTheWriter = clauses.first?.words.first.map(firstPerson.contains) ?? false
            // "I'd like to join, not as a mentee but as a mentor": the words up to the joining
            // verb lead the clauses after it.
            var joining: ArraySlice<String> = []
            for (number, clause) in clauses.enumerated() {
                let words = clause.words
                let ownSubject = words.first.map { firstPerson.contains($0) || otherPeople.contains($0) } ?? true
                let continued = number > 0 && byTheWriter && !ownSubject
                    ? roleInPhrases(["i"] + words) ?? (joining.isEmpty ? nil : role(inClause: (joining + words).map(unelided), mentored: mentored))
                    : nil
                let found = CJKPhrases.role(in: clause.text) ?? role(inClause: words.map(unelided), mentored: mentored) ?? continued
                    ?? (becomesOne(words) ? named : nil)
                if joining.isEmpty, let verb = words.lastIndex(where: joinVerbs.contains),
                   !words[...verb].contains(where: { CommandSentences.negations.contains($0) || refusals.contains($0) }) {
                    joining = words[...verb]
                }
                if let last = words.last(where: { ParticipantRole(answer: $0) != nil }) { named = ParticipantRole(answer: last) }
                guard let role = found else { continue }
                // "as a mentor and a mentee": the clause after "and" may name the other role.
                if number + 1 < clauses.count, clauses[number + 1].words.count <= 3, !CJKPhrases.has(clauses[number + 1].text),
                   let other = ParticipantRole(answer: clauses[number + 1].text), other != role { return .both }
                return role
            }
        }
        return nil
    }

    /// "One" after being, at the end of a clause: "I want to be one", "quiero ser una", "je veux en être un".
    static func becomesOne(_ words: [String]) -> Bool {
        guard words.count >= 2, !words.contains(where: { CommandSentences.negations.contains($0) || refusals.contains($0) }) else { return false }
        let (before, last) = (words[words.count - 2], words[words.count - 1])
        return (becomingWords.contains(before) && oneWords.contains(last)) || (oneWords.contains(before) && becomingAfter.contains(last))
    }

    static let oneWords: Set<String> = ["one", "uno", "una", "um", "uma", "un", "une", "einer", "eine"]

    /// The role in a clause's words. `mentored`: "mentore(s)" is French "mentoré(s)", a mentee.
    private static func role(inClause words: [String], mentored: Bool = false) -> ParticipantRole? {
        if let role = roleInPhrases(words) { return role }
        if asksToBeMentored(words) { return .mentee }
        if offersMentoring(words) { return .mentor }
        let actsAs = { (before: ArraySlice<String>) in actingAs.contains { before.suffix($0.count).elementsEqual($0) } }
        guard words.contains(where: joinWords.contains) || words.indices.contains(where: { actsAs(words[..<$0]) }),
              !startsWithSomeoneElse(words) else { return nil }
        for (index, word) in words.enumerated() {
            // "rather than a mentee", "not as a mentor": a role set aside is none asked for.
            guard var role = ParticipantRole(answer: word), !ParticipantRole.isSetAside(at: index, in: words) else { continue }
            if mentored && (word == "mentore" || word == "mentores") { role = .mentee }
            let before = words[..<index]
            let beforeText = before.joined(separator: " ")
            if before.contains(where: CommandSentences.negations.contains)
                || CommandSentences.negations.contains(where: { $0.contains(" ") && EnrollmentText.contains($0, in: beforeText) })
                || CommandSentences.otherSubjects.contains(where: { beforeText.hasPrefix($0) }) { return nil }
            // "my mentor", "meine Mentorin": a person, not the role asked for.
            if index > 0, possessives.contains(words[index - 1]) { continue }
            // "as a mentee", "como mentora", "to be a mentor", "كمتدربة": a word of "as" just before it.
            if saysAs(words[..<index]) || actsAs(before) || (word.hasPrefix("\u{0643}") && ParticipantRole(answer: String(word.dropFirst())) != nil) { return role }
            // "Mentorin sein", "Mentee werden", "Mentor zu werden".
            let after = words.dropFirst(index + 1).prefix(2)
            if let next = after.first, becomingAfter.contains(next) || (["zu", "te"].contains(next) && after.dropFirst().first.map(becomingAfter.contains) == true) {
                return role
            }
        }
        return nil
    }

    /// Whether the writer offers mentoring in so many words ("je voudrais faire du mentorat"),
    /// not denied and not of someone else.
    private static func offersMentoring(_ words: [String]) -> Bool {
        guard !startsWithSomeoneElse(words) else { return false }
        for phrase in offeringMentoring {
            guard let start = words.indices.first(where: { words[$0...].starts(with: phrase) }) else { continue }
            return !words[..<start].contains(where: { CommandSentences.negations.contains($0) || refusals.contains($0) })
        }
        return false
    }

    /// Whether the words just before a role say "as" or "be" ("as a mentee", "to be your mentor",
    /// "be one of your mentors", "as a senior technical mentor"): past articles, "one of your"
    /// and two other words. An article alone is not, nor a "be" that the role is given to or
    /// matched with ("be matched with a mentor", "be assigned a mentor").
    static func saysAs(_ before: ArraySlice<String>) -> Bool {
        var others = 0
        for word in before.reversed().prefix(7) {
            if asWords.contains(word) && !articles.contains(word) { return true }
            if articles.contains(word) || oneOfYour.contains(word) { continue }
            others += 1
            if others > 2 || givenTo.contains(word) { return false }
        }
        return false
    }

    /// Words that make the role someone the writer is given or put with: "matched with a mentor",
    /// "introduced to one of your mentors", "assigned a mentor", "emparejada con una mentora".
    static let givenTo: Set<String> = ParticipantRole.folded([
        "with", "to", "by", "from", "for", "and", "or", "assigned", "given", "matched", "paired", "introduced", "connected",
        "con", "avec", "mit", "com", "para", "pour", "für",
    ])

    /// Words between "be" and a role that leave it the writer's: "be one of your mentors", "ser vuestra mentora".
    static let oneOfYour: Set<String> = ParticipantRole.folded([
        "the", "one", "of", "your", "tu", "vuestro", "vuestra", "votre", "ton", "ta", "dein", "deine", "euer", "eure", "seu", "sua",
        "vosso", "vossa", "des", "do", "da",
    ])

    /// A French word without its elided pronoun or article: "m'inscrire" → "inscrire".
    static func unelided(_ word: String) -> String {
        guard let apostrophe = word.firstIndex(of: "'"), ["m", "j", "l", "d", "t", "s", "n", "qu"].contains(word[..<apostrophe]),
              word.distance(from: apostrophe, to: word.endIndex) > 3 else { return word }
        return String(word[word.index(after: apostrophe)...])
    }

    /// Verbs of looking for or needing something, as the writer says them: "busco", "suche",
    /// "cherche", "procuro", "necesito".
    static let seekingVerbs: Set<String> = ParticipantRole.folded([
        "busco", "buscando", "necesito", "quiero", "quisiera", "procuro", "procurando", "preciso", "quero", "suche", "brauche",
        "möchte", "cherche", "cherchant", "veux", "voudrais", "cerco", "cercando", "vorrei", "szukam", "potrzebuję", "ищу", "нужен",
        // "me encantaría tener una mentora", "gostaria de ter um mentor", "j'aimerais avoir une mentore".
        "tener", "ter", "avoir", "avere",
    ])
    /// Articles that may stand between such a verb and "mentor" ("busco una mentora", "ich suche eine Mentorin").
    static let articles: Set<String> = ParticipantRole.folded([
        "a", "an", "un", "una", "um", "uma", "une", "ein", "eine", "einen", "o", "el", "la", "de", "der", "die", "den", "il",
        "new", "nuevo", "nueva", "neue", "neuen",
    ])
    static let mentorNouns: Set<String> = ParticipantRole.folded([
        "mentor", "mentora", "mentorin", "mentore", "mentors", "mentoras", "mentores", "mentorka", "наставника", "наставницу",
        "наставник", "ментора", "mentorke",
    ])
    /// "be mentored", "get mentored", "ser mentoreada", "être mentorée": the writer as the one mentored.
    static let mentoredWords: Set<String> = ParticipantRole.folded([
        "mentored", "coached", "mentoreado", "mentoreada", "mentorizado", "mentorizada", "mentorado", "mentorada",
        "mentoré", "mentorée",
    ])
    static let beWords: Set<String> = ["be", "get", "ser", "etre"]

    /// Whether the writer asks to be mentored in a clause: "I'd like to be mentored", "I want to
    /// get mentored", "quiero que me mentoricen", "busco mentora", "ich suche eine Mentorin",
    /// "je cherche un mentor". Not when negated or said of someone else ("mi jefe busca mentor").
    static func asksToBeMentored(_ words: [String]) -> Bool {
        guard let first = words.first, !otherPeople.contains(first),
              !words.contains(where: { CommandSentences.negations.contains($0) || refusals.contains($0) }) else { return false }
        let joined = words.joined(separator: " ")
        guard !CommandSentences.otherSubjects.contains(where: { joined.hasPrefix($0) }) else { return false }
        for (index, word) in words.enumerated() where index > 0 {
            let previous = words[index - 1]
            if mentoredWords.contains(word) && beWords.contains(previous) { return true }
            // "que me mentoricen", "que me mentoreen".
            if previous == "me", word.hasPrefix("mentor"), word.count >= 8, !mentorNouns.contains(word),
               !word.hasSuffix("ing"), !word.hasSuffix("ship") { return true }
            // "Ich möchte Mentor werden" offers to be one.
            let becoming = words.dropFirst(index + 1).first.map { becomingAfter.contains($0) || $0 == "zu" } ?? false
            if mentorNouns.contains(word), !becoming,
               let verb = words[..<index].lastIndex(where: seekingVerbs.contains), index - verb <= 3,
               words[(verb + 1)..<index].allSatisfy(articles.contains) { return true }
        }
        return false
    }

    /// Words before "a mentor" that ask for one: "I'm looking for a mentor", "I need a mentor",
    /// "I'd like to be matched with a mentor", "find me a mentor", "I would love to have a mentor".
    static let wantingAMentor: [[String]] = [
        ["looking", "for"], ["look", "for"], ["searching", "for"], ["seeking"], ["need"], ["want"], ["like"], ["love"], ["find"], ["get"],
        ["matched", "with"], ["paired", "with"], ["assigned"], ["find", "me"], ["get", "me"], ["like", "to", "have"],
        ["love", "to", "have"], ["want", "to", "have"],
    ]
    /// Words that lead into what the writer says: "so, to sum up", "anyway, in short", "all in all".
    static let leadIns: Set<String> = ["so", "to", "sum", "up", "in", "short", "anyway", "basically", "well", "ok", "okay", "and",
                                       "also", "but", "all", "finally", "overall", "then", "summary", "brief", "tldr", "long", "story"]
    /// Words that open a clause whose subject, the writer, goes unsaid: "Looking for a mentor".
    static let seekingWithoutSubject: Set<String> = ["looking", "searching", "seeking", "hoping"]
    /// Words before "to mentor" that offer to: "I'd like to mentor", "happy to mentor".
    static let offeringToMentor: Set<String> = ["like", "love", "want", "happy", "willing", "glad", "able", "wish", "hoping", "keen"]
    /// Someone else, at the start of a clause ("and my colleague would like to mentor").
    static let otherPeople: Set<String> = someoneElse.union(["we", "you", "our", "it", "el"])
    /// Others and their possessions, first in a clause: "she", "meine Kollegin", "mon ami", "ele".
    /// (Not "ma" or "son", Italian "but" and English "son".)
    static let someoneElse: Set<String> = possessives.subtracting(["ma", "son"]).union(ParticipantRole.folded([
        "he", "she", "they", "ella", "ellos", "ellas", "er", "sie", "il", "elle", "ils", "elles", "ele", "ela", "eles", "elas",
        "lui", "loro", "он", "она", "они", "ona", "oni",
    ]))
    /// Whether a clause starts with someone else ("she", "mi jefe"); not Italian "mi" before a
    /// verb, which is the writer ("mi piacerebbe essere mentee").
    static func startsWithSomeoneElse(_ words: [String]) -> Bool {
        guard let first = words.first, someoneElse.contains(first) else { return false }
        return !(first == "mi" && words.dropFirst().first.map(italianVerbsAfterMi.contains) == true)
    }

    /// Italian verbs after "mi" (me), whose subject is the writer: "mi piacerebbe", "mi iscrivo".
    static let italianVerbsAfterMi: Set<String> = ["piacerebbe", "piace", "interessa", "interesserebbe", "candido", "iscrivo",
                                                   "offro", "propongo", "iscriverei", "candiderei"]

    /// Words of whose, just before a role: "my mentor", "meine Mentorin", "ma mentore", "minha mentora".
    static let possessives: Set<String> = ParticipantRole.folded([
        "my", "his", "her", "their", "mi", "mis", "su", "sus", "mein", "meine", "meinem", "meinen", "meiner", "ihr", "ihre",
        "ihrem", "ihren", "mon", "ma", "mes", "son", "sa", "ses", "leur", "meu", "minha", "meus", "minhas", "seu", "sua",
        "mio", "mia", "suo", "мой", "моя", "моего", "моей", "моему", "моим", "мою", "его", "её", "их", "mój", "moja", "mojego",
        "mojej", "moim", "moją", "jego", "jej",
    ])
    /// The writer, at the start of the clause.
    static let firstPerson: Set<String> = ["i", "i'm", "im", "i'd", "id", "i'll", "i've"]

    /// The role in words of wanting a mentor or offering to be one, said by the writer: "I'm
    /// looking for a mentor" (mentee), "I can mentor", "I'd like to mentor" (mentor). Not "my
    /// mentor said", "I don't need a mentor" or "I can ask my mentor".
    static func roleInPhrases(_ words: [String]) -> ParticipantRole? {
        // "Looking for a mentor for both technical and career mentoring": the writer, unsaid.
        if let first = words.first, seekingWithoutSubject.contains(first), !words.contains(where: firstPerson.contains) {
            return roleInPhrases(["i", "am"] + words)
        }
        // The writer first, or after a lead-in: "So, to sum up: I'd love to be matched with a mentor".
        guard let start = words.firstIndex(where: firstPerson.contains),
              start <= 2 || words[..<start].allSatisfy(leadIns.contains) else { return nil }
        for index in words.indices where index > start && (words[index] == "mentor" || words[index] == "mentors") {
            let before = words[start..<index]
            guard !before.contains(where: { CommandSentences.negations.contains($0) || refusals.contains($0) }) else { return nil }
            let previous = words[index - 1]
            if words[index] == "mentor", previous == "can" || previous == "could" { return .mentor }
            if words[index] == "mentor", previous == "to", index >= 2, offeringToMentor.contains(words[index - 2]) { return .mentor }
            // "a mentor": after words of wanting one.
            guard previous == "a", index >= 2 else { continue }
            let wanting = before.dropLast()
            if wantingAMentor.contains(where: { wanting.suffix($0.count).elementsEqual($0) }) { return .mentee }
        }
        return nil
    }
}
