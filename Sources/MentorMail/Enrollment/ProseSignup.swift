import Foundation

/// What a newcomer's first message says about them in sentences ("I'm a Nova core in Berlin,
/// speak English and German and prefer video calls"), read conservatively so that the sign-up
/// form they get back has it filled in for them to check. A value is kept only when the form
/// reader, given it as an answer, understands it without a problem.
public struct ProseSignup: Equatable, Sendable {
    /// As the person wrote them, ready to stand after a form label.
    public var areas: String?
    public var timeZone: String?
    public var languages: String?
    public var interaction: String?
    public var capacity: String?
    public var mentoringType: String?
    /// "I'm free weekday evenings", "estoy disponible los martes": when the writer is free.
    public var availability: String?
    /// "I'm a mentor", "soy mentee", "ich bin Mentorin", "I'd like to be a mentee": the role the
    /// writer says they are or wish to be.
    public var role: String?
    /// "Please write to me in Spanish", "prefiero recibir vuestros correos en español": the code
    /// of the language our mail is wished in ("es"), as a "Mail language:" line gives it.
    public var mailLanguage: String?

    public var isEmpty: Bool { [areas, timeZone, languages, interaction, capacity, mentoringType, availability].allSatisfy { $0 == nil } }

    /// What was found, as the sign-up form's lines ("Capacity: 2").
    /// Each value found with its form line's field (the role apart: it is read on its own).
    var answers: [(field: SignupField, value: String)] {
        [(SignupField.mentoringType, mentoringType), (.areas, areas), (.timeZone, timeZone), (.languages, languages),
         (.interaction, interaction), (.capacity, capacity), (.availability, availability)].compactMap { field, value in value.map { (field, $0) } }
    }

    /// `answers` with the role first, when one was found.
    var answersWithRole: [(field: SignupField, value: String)] {
        (role.map { [(field: SignupField.role, value: $0)] } ?? []) + answers
    }

    var formLines: String {
        answers.map { "\($0.field.label): \($0.value)" }.joined(separator: "\n")
    }

    /// What the sentences of `text` (a message's new text) say.
    public static func read(text: String, vocabulary: EnrollmentVocabulary) -> ProseSignup {
        read(OwnText(text), vocabulary: vocabulary)
    }

    /// `joinRole`: the role `written` asks for (`JoinWords.role(in:)`) when already read; read here when not given.
    static func read(_ written: OwnText, vocabulary: EnrollmentVocabulary, joinRole: ParticipantRole?? = nil) -> ProseSignup {
        // A list a mail client wrapped onto the next line is read whole.
        let own = written.unwrapped
        var found = ProseSignup()
        var areas: [String] = [], languages: [String] = [], kinds: [String] = []
        var labelled: [SignupField: String] = [:]
        var zoneName: String?
        for (sentence, clauses) in zip(own.sentences, own.clauses) {
            if found.availability == nil { found.availability = clauses.lazy.compactMap { availability(in: Self.tokens(of: $0.text)) }.first }
            let tokens = tokens(of: sentence)
            let words = tokens.map(\.folded)
            // The place the writer is in ("im in Manila") is no area, whatever project shares its name.
            let named = place(in: tokens) ?? cjkLatinPlace(in: tokens)
            let place = named.map(EnrollmentText.fold)
            for area in Self.areas(in: tokens, vocabulary: vocabulary) + CJKPhrases.areas(in: sentence, vocabulary: vocabulary)
            where !areas.contains(area) && EnrollmentText.fold(area) != place {
                areas.append(area)
            }
            for language in Self.languages(after: words) + CJKPhrases.languages(in: clauses.map(\.text)) where !languages.contains(language) {
                languages.append(language)
            }
            for clause in clauses {
                let answer = labelledAnswer(in: clause.text)
                if let (field, value) = answer, field != .languages, labelled[field] == nil { labelled[field] = value }
                let named = answer.map { $0.0 == .languages ? LanguageNames.read($0.1).languages : [] } ?? onlyLanguages(clause.words)
                for language in named where !languages.contains(language) { languages.append(language) }
            }
            // A zone's own name, wherever it is written ("时区：Asia/Shanghai"), wins over a city named before it.
            if zoneName == nil { zoneName = tokens.first(where: { TimeZoneInterpreter.isIANAName($0.text) })?.text }
            if found.timeZone == nil {
                found.timeZone = named ?? CJKPhrases.place(in: sentence) ?? placeAlone(tokens, vocabulary: vocabulary)
                    ?? clauses.lazy.compactMap { placeClause(Self.tokens(of: $0.text), vocabulary: vocabulary) }.first
            }
            for area in areasAlone(tokens, listed: sentence.contains(where: clauseCommas.contains), vocabulary: vocabulary)
            where !areas.contains(area) { areas.append(area) }
            if found.interaction == nil {
                let ways = CJKPhrases.interaction(in: sentence)
                found.interaction = interaction(in: sentence, words: words) ?? (ways.isEmpty ? nil : ways.map(\.rawValue).joined(separator: ", "))
            }
            if found.capacity == nil { found.capacity = capacity(in: words, sentence: sentence) }
            if found.role == nil { found.role = role(in: words) ?? clauses.lazy.compactMap { roleAlone($0.words) }.first }
            if found.mailLanguage == nil { found.mailLanguage = mailLanguage(in: tokens) }
            // "Karriere-Mentoring" names its kind in its first part; a story of the past ("I had a
            // mentor once and it changed my career") asks for none.
            let asked = isStoryOfThePast(words) ? clauses.filter { !isStoryOfThePast($0.words) }.flatMap(\.words) : words
            let parts = asked.flatMap { $0.contains(" ") ? $0.split(separator: " ").map(String.init) : [$0] }
            for (kind, names) in kindWords where parts.contains(where: names.contains) && !kinds.contains(kind) { kinds.append(kind) }
            for kind in CJKPhrases.kinds(in: sentence) where !kinds.contains(kind) { kinds.append(kind) }
        }
        // Looked for once, after the sentences: a role said in one of them comes first.
        if found.role == nil, own.lines.contains(where: isBothAlone) { found.role = ParticipantRole.both.rawValue }
        // "Career, not technical", "IRC instead of email": what is set aside is not asked for.
        // "Switch me to career" replaces; "I can also do email" adds what the sentences read anyway.
        for change in ChangeOfMind.read(own, vocabulary: vocabulary) where change.replaces || !change.setAside.isEmpty {
            switch change.field {
            case .mentoringType:
                kinds = change.replaces ? change.wanted : kinds.filter { !change.setAside.contains($0) } + change.wanted.filter { !kinds.contains($0) }
            case .areas:
                let named = { (name: String) in vocabulary.area(named: name)?.displayName ?? name }
                if change.replaces { areas = [] }
                areas = areas.filter { !change.setAside.map(named).contains($0) } + change.wanted.map(named).filter { !areas.contains($0) }
            default: found.interaction = change.values(over: nil).joined(separator: ", ")
            }
        }
        found.areas = areas.isEmpty ? labelled[.areas] : areas.joined(separator: ", ")
        found.languages = languages.isEmpty ? nil : languages.joined(separator: ", ")
        found.mentoringType = kinds.isEmpty ? labelled[.mentoringType] : kinds.joined(separator: ", ")
        found.timeZone = zoneName ?? found.timeZone ?? labelled[.timeZone]
        found.interaction = found.interaction ?? labelled[.interaction]
        found.capacity = found.capacity ?? labelled[.capacity]
        found.availability = found.availability ?? labelled[.availability]
        found.role = found.role ?? labelled[.role].flatMap { ParticipantRole(answer: $0)?.rawValue }
        // Its role as the intake reads it, line by line (a greeting's line stays apart).
        if found.role == nil { found.role = (joinRole ?? JoinWords.role(in: written))?.rawValue }
        var checked = found.checked(vocabulary: vocabulary)
        checked.mailLanguage = found.mailLanguage
        return checked
    }

    /// The kinds, known areas, languages and ways to meet written in `wording`'s language
    /// ("técnica", "documentación", "español", "vídeo"), as the form reader reads them back.
    func worded(_ wording: ProfileWording, vocabulary: EnrollmentVocabulary) -> ProseSignup {
        func list(_ value: String?) -> [String] { value.map { $0.components(separatedBy: ", ") } ?? [] }
        var worded = self
        if let areas {
            worded.areas = list(areas).map { area in
                vocabulary.areaName(for: area).map { vocabulary.displayName(ofArea: $0, language: wording.language) } ?? area
            }.joined(separator: ", ")
        }
        if let mentoringType { worded.mentoringType = wording.mentoringTypeList(list(mentoringType)) }
        if let languages { worded.languages = list(languages).map(wording.languageName).joined(separator: ", ") }
        if let interaction {
            worded.interaction = list(interaction).map { InteractionStyle(rawValue: $0).map(wording.interaction) ?? $0 }.joined(separator: ", ")
        }
        return worded
    }

    /// Keeps only the values the form reader understands as they stand (one reading of all).
    private func checked(vocabulary: EnrollmentVocabulary) -> ProseSignup {
        guard !isEmpty else { return self }
        let form = SignupFormParser(vocabulary: vocabulary).parse(formLines)
        func valid(_ field: SignupField, _ value: String?) -> String? {
            guard let value else { return nil }
            guard !form.problems.contains(where: { $0.field == field }) else { return nil }
            switch field {
            case .areas: return form.areas.isEmpty ? nil : value
            case .timeZone: return form.timeZone == nil ? nil : value
            case .languages: return form.languages.isEmpty ? nil : value
            case .interaction: return form.interaction.isEmpty ? nil : value
            case .capacity: return form.capacity == nil ? nil : value
            case .mentoringType: return form.mentoringType == nil ? nil : value
            case .availability: return form.availability == nil ? nil : value
            default: return nil
            }
        }
        return ProseSignup(areas: valid(.areas, areas), timeZone: valid(.timeZone, timeZone), languages: valid(.languages, languages),
                           interaction: valid(.interaction, interaction), capacity: valid(.capacity, capacity),
                           mentoringType: valid(.mentoringType, mentoringType), availability: valid(.availability, availability), role: role)
    }

    struct Token {
        let text: String
        let folded: String
        /// The first word of its sentence (its capital says nothing).
        let first: Bool
    }

    private static let separators: Set<Character> = [",", ";", ":", "(", ")", "!", "?", "\"", "“", "”"]
    private static let edges: Set<Character> = [".", "'", "’", "-"]

    /// The words of a sentence. Chinese and Japanese put no space around a word in Latin letters
    /// ("方向是Swift存储", "Horizonに興味があります"): it is a word of its own there, and its
    /// capital says something even first in the sentence.
    private static func tokens(of sentence: String) -> [Token] {
        if sentence.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(of: sentence) }
        let cjk = CJKPhrases.has(sentence)
        var tokens: [Token] = []
        for piece in sentence.split(whereSeparator: { $0.isWhitespace || separators.contains($0) }) {
            for run in cjk ? scriptRuns(piece) : [piece] {
                var text = run
                while let first = text.first, edges.contains(first) { text = text.dropFirst() }
                while let last = text.last, edges.contains(last) { text = text.dropLast() }
                guard !text.isEmpty else { continue }
                tokens.append(Token(text: String(text), folded: EnrollmentText.fold(text), first: tokens.isEmpty && !cjk))
            }
        }
        return tokens
    }

    /// `piece` cut where Chinese or Japanese script (and its punctuation) meets any other.
    private static func scriptRuns(_ piece: Substring) -> [Substring] {
        func isCJK(_ character: Character) -> Bool { character.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false }
        var runs: [Substring] = []
        var start = piece.startIndex
        for index in piece.indices.dropFirst() where isCJK(piece[index]) != isCJK(piece[piece.index(before: index)]) {
            runs.append(piece[start..<index])
            start = index
        }
        runs.append(piece[start...])
        return runs
    }

    /// `tokens(of:)` of ASCII text, on bytes: the whitespace is tab to carriage return and space,
    /// the separators and edges are those of the sets above that are ASCII.
    private static func asciiTokens(of sentence: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(sentence.utf8)
        for piece in bytes.split(whereSeparator: { EnrollmentText.isASCIISpace($0) || #",;:()!?""#.utf8.contains($0) }) {
            var text = piece
            while let first = text.first, ".'-".utf8.contains(first) { text = text.dropFirst() }
            while let last = text.last, ".'-".utf8.contains(last) { text = text.dropLast() }
            guard !text.isEmpty else { continue }
            let word = String(decoding: text, as: UTF8.self)
            tokens.append(Token(text: word, folded: EnrollmentText.fold(word), first: tokens.isEmpty))
        }
        return tokens
    }

    /// A form label followed by its value in a clause ("time zone Lagos", "idiomas español",
    /// "forma de contacto: email"):
    /// the form's own labels in English and Spanish, and their singular or one-word forms.
    /// A label followed by a verb is a sentence about the field, not its value ("Availability
    /// is tight in December").
    static func labelledAnswer(in clause: String) -> (SignupField, String)? {
        let folded = EnrollmentText.fold(clause)
        // "forma de contacto: email" inside a sentence: the label with its colon, as on a line of its own.
        for (label, field) in proseLabels where folded.hasPrefix(label + " ") || folded.hasPrefix(label + ":") {
            let value = EnrollmentText.trim(clause.dropFirst(label.count).drop { $0 == ":" || $0 == " " })
            let first = EnrollmentText.words(value).first ?? ""
            if !value.isEmpty && !notValues.contains(first) { return (field, value) }
        }
        return nil
    }

    /// Words that start a sentence about a field rather than its value, folded.
    private static let notValues: Set<String> = ["is", "are", "was", "will", "would", "may", "might", "can", "could", "should", "matters",
                                                 "es", "son", "est", "sont", "ist", "sind", "e", "sao", "model", "models"]

    /// Folded labels, longest first, with their fields.
    private static let proseLabels: [(String, SignupField)] = {
        var labels: [(String, SignupField)] = SignupField.allCases.flatMap { field in
            [field.label, ProfileWording(language: "es").label(field)].map { (EnrollmentText.fold($0), field) }
        }
        labels += [("area", .areas), ("timezone", .timeZone), ("language", .languages), ("idioma", .languages)]
        return labels.sorted { $0.0.count > $1.0.count }
    }()

    /// A clause that only names languages ("English", "Spanish and Hindi"), never codes.
    private static func onlyLanguages(_ words: [String]) -> [String] {
        let names = words.compactMap { word in word.count > 3 ? LanguageNames.englishName(for: word) : nil }
        guard !names.isEmpty, words.allSatisfy({ $0.count > 3 && LanguageNames.englishName(for: $0) != nil || between.contains($0) }) else { return [] }
        return names
    }

    /// Areas named as the community writes them: a project's name with its capital ("Nova",
    /// "Ironic"), an acronym ("QA", "UX"), or several words ("upstream training"). A plain
    /// lower-case word ("design", "testing") says too little in a sentence.
    private static func areas(in tokens: [Token], vocabulary: EnrollmentVocabulary) -> [String] {
        var found: [String] = []
        var index = 0
        while index < tokens.count {
            // Most words start no area's name: skip them at once ("openstack ansible" starts with "openstack").
            guard vocabulary.firstWords.contains(String(tokens[index].folded.prefix { $0 != " " })) else {
                index += 1
                continue
            }
            var matched = 0
            for length in stride(from: min(3, tokens.count - index), through: 1, by: -1) {
                let slice = tokens[index..<index + length]
                guard let name = vocabulary.areaName(forFolded: slice.map(\.folded).joined(separator: " ")) else { continue }
                let word = slice.first?.text ?? ""
                let named = length > 1 || (!(slice.first?.first ?? true) && word.first?.isUppercase == true)
                    || (word.count >= 2 && word.allSatisfy { $0.isUppercase || $0.isNumber }) || specificAreas.contains(name)
                guard named else { continue }
                let display = vocabulary.area(named: name)?.displayName ?? name
                if !found.contains(display) { found.append(display) }
                matched = length
                break
            }
            index += max(matched, 1)
        }
        return found
    }

    /// Areas whose every word is specific enough to count in lower case too ("I'd like to help
    /// with documentation", "traducción").
    static let specificAreas: Set<String> = ["documentation", "i18n"]

    /// The kinds of mentoring as sentences name them, folded: "technical", "técnica", "technique",
    /// "Technisches", "техническое", "career", "carrière", "carreira", "Karriere", "beruflich", "карьера",
    /// "kariery" (Chinese and Japanese: `CJKPhrases.kindWords`).
    static let kindWords: [(String, Set<String>)] = [
        ("technical", ParticipantRole.folded(["technical", "técnica", "técnico", "técnicas", "técnicos", "technique", "techniques",
                                              "technisch", "technische", "technisches", "technischen", "technischer", "tecnica", "tecnico",
                                              "tecniche", "tecnici", "технический", "техническое", "техническая", "технической",
                                              "техническому", "техническим", "технических", "techniczny", "techniczne", "techniczna",
                                              "technicznej", "technicznego", "technicznym"])),
        ("career", ParticipantRole.folded(["career", "careers", "carrera", "carreras", "profesional", "carrière", "carrières",
                                           "carreira", "carreiras", "karriere", "beruflich", "berufliche", "berufliches", "beruflichen",
                                           "carriera", "professionale", "карьера", "карьеры", "карьере", "карьеру", "карьерой",
                                           "карьерное", "карьерного", "карьерному", "kariera", "kariery", "karierze", "karierę",
                                           "karierą", "zawodowy", "zawodowe", "zawodowa", "zawodowej", "zawodowego", "zawodowym"])),
    ]

    /// Whether `words` tell of the past ("I had a mentor once", "it changed my career", "tuve
    /// una mentora", "das hat meine Karriere verändert") and wish for nothing now.
    static func isStoryOfThePast(_ words: [String]) -> Bool {
        words.contains(where: pastWords.contains) && !words.contains(where: wishWords.contains)
    }

    static let pastWords: Set<String> = ParticipantRole.folded([
        "had", "was", "were", "once", "ago", "changed", "helped", "shaped", "transformed", "boosted", "taught", "gave", "did", "used",
        "tuve", "tuvo", "fue", "era", "cambio", "ayudo", "hace", "eu", "tive", "teve", "mudou", "ajudou", "atras",
        "changé", "aidé", "avais", "était", "autrefois", "hatte", "war", "einmal", "einst", "verändert", "geholfen", "damals",
        "ebbi", "aveva", "cambiato", "aiutato", "fa",
    ]).subtracting(["eu"])
    static let wishWords: Set<String> = ParticipantRole.folded([
        "like", "want", "wish", "hope", "hoping", "looking", "seeking", "need", "interested", "prefer", "would", "now", "offer",
        "quiero", "quisiera", "gustaria", "busco", "necesito", "prefiero", "ahora", "quero", "gostaria", "procuro", "preciso", "agora",
        "voudrais", "veux", "aimerais", "cherche", "maintenant", "möchte", "will", "suche", "brauche", "jetzt", "vorrei", "cerco", "ora",
    ])

    static let speakWords: Set<String> = ["speak", "speaks", "speaking", "talk", "hablo", "falo", "parle", "spreche", "parlo", "mowie", "говорю",
                                          "разговариваю", "владею", "spreek", "spreken"]
    /// Words that may stand between the languages after a verb of speaking: "and", "a little",
    /// "fluently", Polish "po" and Russian "на" ("mówię po polsku i angielsku", "говорю на русском").
    static let between: Set<String> = ["and", "or", "a", "little", "some", "bit", "fluent", "fluently", "native", "basic", "also",
                                       "y", "e", "und", "et", "o", "ou", "oder", "i", "po", "troche", "biegle", "oraz", "и", "на",
                                       "немного", "свободно", "также", "en", "ook", "vloeiend", "beetje"]

    /// A negation or refusal just before `index` ("I don't speak", "can't speak", "no hablo").
    private static func negated(_ words: [String], before index: Int) -> Bool {
        words[max(0, index - 3)..<index].contains { CommandSentences.negations.contains($0) || JoinWords.refusals.contains($0) }
    }

    /// Nouns of one's languages, after a possessive: "my languages: Englsh, Japanse", "mis
    /// idiomas son", "meine Sprachen", "mes langues", "mijn talen", "minhas línguas".
    static let languageNouns: Set<String> = ParticipantRole.folded(["languages", "language", "idiomas", "idioma", "lenguas", "sprachen",
                                                                     "langues", "linguas", "lingue", "talen", "jezyki"])
    /// Words of being between such a noun and the languages: "my languages are".
    static let copulas: Set<String> = ["are", "is", "include", "son", "sind", "sont", "sao", "sono", "zijn"]

    /// "speak English and German", "my languages: English, German": the languages right after a
    /// verb of speaking or one's languages (not after "I don't speak").
    private static func languages(after words: [String]) -> [String] {
        // "speek" is "speak" mistyped, as "Englsh" is English.
        let isSpeaking = { (word: String) in speakWords.contains(word) || word.count == 5 && ConfigSchema.distance(word, "speak") == 1 }
        let leads = { (index: Int) in
            isSpeaking(words[index]) || (languageNouns.contains(words[index]) && index > 0 && JoinWords.possessives.contains(words[index - 1]))
        }
        // "talk" may be of something else first ("I talk fast and speak English").
        for verb in words.indices where leads(verb) && !negated(words, before: verb) {
            var found: [String] = []
            for (offset, word) in words.dropFirst(verb + 1).enumerated() {
                if let name = LanguageNames.englishName(for: word) ?? (word.count > 3 ? LanguageNames.nearest(to: word) : nil), word.count > 2 {
                    if !found.contains(name) { found.append(name) }
                } else if !between.contains(word), offset > 0 || !copulas.contains(word) {
                    break
                }
            }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Where the writer is: "I am in", "live in", "based in", "I'm from", "vivo en", "soy de",
    /// "moro em", "wohne in", "lebe in", "komme aus", "j'habite à", "je vis à" (not where something happened: "met her in Vancouver").
    static let placePhrases: Set<[String]> = Set<[String]>([
        ["am", "in"], ["i'm", "in"], ["im", "in"], ["live", "in"], ["living", "in"], ["based", "in"], ["located", "in"],
        ["live", "near"], ["based", "near"], ["am", "from"], ["i'm", "from"], ["im", "from"], ["come", "from"],
        ["vivo", "en"], ["estoy", "en"], ["soy", "de"], ["moro", "em"], ["sou", "de"], ["estou", "em"],
        ["vivo", "em"], ["vivo", "no"], ["vivo", "na"], ["moro", "no"], ["moro", "na"], ["resido", "en"], ["resido", "em"],
        ["radico", "en"], ["wohne", "in"], ["lebe", "in"], ["bin", "in"], ["komme", "aus"], ["bin", "aus"], ["habite", "a"],
        ["vis", "a"], ["suis", "a"], ["basee", "a"], ["base", "a"], ["viens", "de"], ["vivo", "a"], ["abito", "a"], ["sono", "a"],
        ["vivo", "in"], ["abito", "in"], ["sono", "di"], ["sono", "in"],
        // A move: "I moved to Tokyo", "me mudé a Madrid", "mudei para Lisboa".
        ["moved", "to"], ["relocated", "to"], ["mude", "a"], ["mudado", "a"], ["mudei", "para"], ["mudei", "pra"],
        ["demenage", "a"], ["trasferito", "a"], ["trasferita", "a"],
    ]).union(declinedPlacePhrases)

    /// "Now", folded, in the program's main languages.
    static let nowWords: Set<String> = ParticipantRole.folded(["now", "ahora", "jetzt", "maintenant", "agora", "ora", "nowadays"])

    /// Where the writer is in Russian and Polish, which decline the place after it: "живу в
    /// Москве", "я из Новосибирска", "mieszkam w Warszawie", "jestem z Krakowa".
    static let declinedPlacePhrases: Set<[String]> = [
        ["живу", "в"], ["живу", "во"], ["я", "в"], ["я", "из"], ["нахожусь", "в"], ["проживаю", "в"], ["родом", "из"],
        ["mieszkam", "w"], ["mieszkam", "we"], ["jestem", "z"], ["jestem", "ze"], ["jestem", "w"], ["pochodze", "z"],
    ]

    /// A place's own name for the forms Russian and Polish give it after "в", "из", "w" or "z":
    /// "Москве" → "Москва", "Новосибирска" → "Новосибирск", "Warszawie" → "Warszawa", "Krakowa" → "Krakow".
    static func undeclined(_ name: String) -> [String] {
        let endings: [(String, String)] = [
            ("е", "а"), ("е", ""), ("ы", "а"), ("у", "а"), ("а", ""), ("и", "ь"), ("и", "а"),
            ("ie", "a"), ("ie", ""), ("iu", ""), ("y", "a"), ("a", ""), ("u", ""), ("i", ""),
        ]
        return endings.compactMap { ending, replacement in
            name.hasSuffix(ending) && name.count > ending.count + 2 ? String(name.dropLast(ending.count)) + replacement : nil
        }
    }

    /// Small words inside a place's name: "Ciudad de México", "Rio de Janeiro", "Frankfurt am Main".
    static let nameLinks: Set<String> = ["de", "del", "da", "do", "das", "dos", "la", "las", "los", "el", "di", "am", "an", "der",
                                         "sur", "upon", "of"]

    /// A word without the elided article or pronoun in front: "j'habite" is "habite", "l'est" is "est".
    private static func bare(_ folded: String) -> String {
        guard let mark = folded.firstIndex(where: { $0 == "'" || $0 == "’" }),
              ["j", "l", "d", "m", "s", "n", "c", "t", "qu"].contains(folded[..<mark]) else { return folded }
        return String(folded[folded.index(after: mark)...])
    }

    /// "I am in Berlin", "based in São Paulo", "I'm from Lagos": a place the writer is in,
    /// written with its capital; the longest that names a time zone.
    private static func place(in tokens: [Token]) -> String? {
        // "Berlin time", "Lisbon time".
        for (index, token) in tokens.enumerated() where index > 0 && token.folded == "time"
            && tokens[index - 1].text.first?.isUppercase == true && LanguageNames.englishName(for: tokens[index - 1].text) == nil
            && TimeZoneInterpreter.interpret(tokens[index - 1].text) != nil {
            return tokens[index - 1].text
        }
        for (index, token) in tokens.enumerated()
        where index > 0 && (placePhrases.contains([bare(tokens[index - 1].folded), token.folded]) || whatTheWriterIsIn(tokens, at: index)
            // "I live now in Berlin", "ich wohne jetzt in Berlin".
            || (index > 1 && nowWords.contains(tokens[index - 1].folded) && placePhrases.contains([bare(tokens[index - 2].folded), token.folded]))) {
            let declined = declinedPlacePhrases.contains([tokens[index - 1].folded, token.folded])
            var names: [String] = []
            for next in tokens.dropFirst(index + 1).prefix(5) {
                guard next.text.first?.isUppercase == true || (!names.isEmpty && nameLinks.contains(next.folded)) else { break }
                names.append(next.text)
            }
            for length in stride(from: names.count, through: 1, by: -1) where names[length - 1].first?.isUppercase == true {
                let candidate = names.prefix(length).joined(separator: " ")
                // A language or an area is no place ("in English", "in Nova").
                if LanguageNames.englishName(for: candidate) != nil { continue }
                if TimeZoneInterpreter.interpret(candidate) != nil { return candidate }
                if declined, let own = undeclined(candidate).first(where: { TimeZoneInterpreter.interpret($0) != nil }) { return own }
            }
        }
        return nil
    }

    /// "I'm a master's student in Lagos", "I am an engineer in Seoul": "in" a few words after
    /// the writer saying what they are.
    private static func whatTheWriterIsIn(_ tokens: [Token], at index: Int) -> Bool {
        guard tokens[index].folded == "in" else { return false }
        return tokens.indices.dropLast().contains { being in
            being < index - 1 && index - being <= 6 && ["i'm", "im", "am"].contains(tokens[being].folded) && ["a", "an"].contains(tokens[being + 1].folded)
        }
    }

    /// Words that open a clause that is only a place: "in Seoul", "from Lagos", "near Porto".
    static let placeLeads: Set<String> = ["in", "from", "near", "en", "em", "aus"]

    /// ", in Seoul, ": a clause of a lead word and a place with its capital that names a time
    /// zone (no language or area: "in English", "in Nova").
    private static func placeClause(_ tokens: [Token], vocabulary: EnrollmentVocabulary) -> String? {
        guard let lead = tokens.first, placeLeads.contains(lead.folded), (2...4).contains(tokens.count) else { return nil }
        let rest = tokens.dropFirst()
        guard rest.allSatisfy({ $0.text.first?.isUppercase == true || nameLinks.contains($0.folded) }) else { return nil }
        let text = rest.map(\.text).joined(separator: " ")
        guard LanguageNames.englishName(for: text) == nil, vocabulary.areaName(forFolded: EnrollmentText.fold(text)) == nil,
              TimeZoneInterpreter.interpret(text) != nil else { return nil }
        return text
    }

    /// "我住在Manila", "Berlinに住んでいます": a place in Latin letters beside the Chinese or
    /// Japanese words of living there or coming from it, when it names a time zone.
    private static func cjkLatinPlace(in tokens: [Token]) -> String? {
        for (index, token) in tokens.enumerated() where token.text.first?.isUppercase == true && !CJKPhrases.has(token.text) {
            let before = index > 0 ? tokens[index - 1].text : "", after = index + 1 < tokens.count ? tokens[index + 1].text : ""
            guard CJKPhrases.has(before + after),
                  CJKPhrases.placeBefore.contains(where: before.hasSuffix) || CJKPhrases.placeAfter.contains(where: after.hasPrefix),
                  TimeZoneInterpreter.interpret(token.text) != nil else { continue }
            return token.text
        }
        return nil
    }

    /// Words after which the ways to meet follow: preferring, and meeting or talking ("prefer
    /// video", "ideally on video calls", "talk over IRC", "hablar por correo", "preferisco le
    /// videochiamate", "удобнее общаться в чате", "wolę wideorozmowy").
    static let preferWords: Set<String> = Set(["prefer", "preferably", "ideally", "via", "meet", "meeting", "talk", "talking", "communicate",
                                               "prefiero", "prefiro", "prefere", "préfère", "bevorzuge", "bevorzugt", "preferisco",
                                               "idealmente", "hablar", "reunirnos", "comunicarnos", "vernos", "falar", "conversar", "parler",
                                               "sprechen", "treffen", "preferirei", "meglio", "sentirci", "vederci", "parlare",
                                               "incontrarci", "предпочитаю", "удобнее", "удобно", "лучше", "общаться", "созваниваться",
                                               "созвониться", "встречаться", "wolę", "wolałbym", "wolałabym", "preferuję", "najlepiej",
                                               "rozmawiać", "spotykać", "liefst", "voorkeur", "liebsten", "lieber"].map { EnrollmentText.fold($0) })
    /// Doing or making, a way to meet only before calls: "posso fazer chamadas de vídeo", "I can do video calls".
    static let doingWords: Set<String> = Set(["do", "make", "fazer", "faço", "hacer", "hago", "faire", "fais", "machen", "mache"]
        .map { EnrollmentText.fold($0) })
    /// Calls, after a word of doing: "chamadas", "video calls", "videollamadas".
    static let callWords: Set<String> = Set(["call", "calls", "video", "videos", "chamada", "chamadas", "videochamada", "videochamadas",
                                             "llamada", "llamadas", "videollamada", "videollamadas", "appel", "appels", "videoanruf",
                                             "videoanrufe", "anrufe"].map { EnrollmentText.fold($0) })
    /// Meeting itself, not a way to: "to meet by email" says nothing of Google Meet.
    static let meetingVerbs: Set<String> = ["meet", "meeting", "talk", "talking"]

    /// What ends the preferred ways: "prefer email over IRC", "rather than", "not IRC" (a
    /// leading "over" is the way itself: "talk over IRC").
    static let comparisons: Set<String> = ["over", "than", "rather", "instead", "not", "but", "que", "als", "piuttosto", "invece", "чем",
                                           "niz", "dan"]

    /// "prefer video calls or email", "we could talk over IRC": the ways to meet after the first
    /// word of preferring or meeting that names any (not "I don't prefer IRC"; "prefer email
    /// over IRC" is email).
    private static func interaction(in sentence: String, words: [String]) -> String? {
        let labelled = opensWithWayLabel(sentence, words)
        for index in words.indices where preferWords.contains(words[index]) || doesCalls(words, at: index) || labelled && index == 0 {
            guard !negated(words, before: index) else { continue }
            var tail: [String] = []
            for (offset, word) in words.dropFirst(index + 1).prefix(8).enumerated() {
                if offset > 0 && comparisons.contains(word) { break }
                if meetingVerbs.contains(word) && tail.last != "google" { continue }
                tail.append(word)
            }
            let (styles, _) = InteractionStyle.read(tail.joined(separator: " "))
            if !styles.isEmpty { return styles.map(\.rawValue).joined(separator: ", ") }
        }
        // "video calls preferred", "email preferably", "Videoanrufe bevorzugt": the ways just before.
        for index in words.indices where preferredAfter.contains(words[index]) && !negated(words, before: index) {
            let (styles, _) = InteractionStyle.read(words[max(0, index - 3)..<index].joined(separator: " "))
            if !styles.isEmpty { return styles.map(\.rawValue).joined(separator: ", ") }
        }
        // "chat is best for me, I like IRC": both say a way.
        var ways: [String] = []
        for named in [waysOpening(words), waysBefore(best: words), waysLiked(words)].compactMap({ $0 }) {
            for way in named.components(separatedBy: ", ") where !ways.contains(way) { ways.append(way) }
        }
        return ways.isEmpty ? nil : ways.joined(separator: ", ")
    }

    /// Labels that give the ways to meet when a line opens with one and a colon: "Contact: Slack
    /// or phone", "Encontros: vídeo" (not "Contact: my manager", which names no way).
    static let wayLabels: Set<String> = ["contact", "contacto", "contato", "contatto", "kontakt", "encontros", "encuentros",
                                         "rencontres", "reunions", "treffen", "incontri"]

    private static func opensWithWayLabel(_ sentence: String, _ words: [String]) -> Bool {
        guard let first = words.first, wayLabels.contains(first) else { return false }
        return sentence.drop { $0.isWhitespace }.dropFirst(first.count).first { !$0.isWhitespace } == ":"
    }

    /// "IRC or email.", "Email or video is fine.", "Video works for me": a sentence that opens
    /// with ways to meet joined as a list, and is only them or them and their suiting the writer
    /// (not "I'll email you", "Sending an email is fine", "IRC is not ideal").
    private static func waysOpening(_ words: [String]) -> String? {
        var styles: [InteractionStyle] = []
        var end = 0
        scan: while end < words.count {
            if listJoins.contains(words[end]) && !styles.isEmpty { end += 1; continue }
            for span in stride(from: min(3, words.count - end), through: 1, by: -1) {
                let phrase = words[end..<end + span].joined(separator: " ")
                guard !["im", "meet"].contains(phrase), let style = InteractionStyle.named(phrase) else { continue }
                if !styles.contains(style) { styles.append(style) }
                end += span
                continue scan
            }
            break
        }
        guard !styles.isEmpty, !listJoins.contains(words[end - 1]) else { return nil }
        let rest = words[end...]
        if let verb = rest.first {
            guard suitingVerbs.contains(verb), rest.count == 1 || suitingWords.contains(rest[end + 1]),
                  !rest.contains(where: { CommandSentences.negations.contains($0) || $0.hasSuffix("n't") }) else { return nil }
        }
        return styles.map(\.rawValue).joined(separator: ", ")
    }

    static let suitingVerbs: Set<String> = ["is", "are", "works", "work", "suits", "suit", "would"]
    static let suitingWords: Set<String> = ["fine", "ok", "okay", "good", "great", "best", "better", "perfect", "ideal", "for", "well", "be"]

    /// Verbs before "best" that make the ways just before them the preferred ones: "chat is
    /// best", "email works best for me" (not "email is not best").
    static let bestVerbs: Set<String> = ["is", "are", "works", "work", "would"]

    /// "chat is best", "IRC or email works best": the ways in the three words before the verb.
    private static func waysBefore(best words: [String]) -> String? {
        for index in words.indices.dropFirst(2) where words[index] == "best" && bestVerbs.contains(words[index - 1]) {
            let (styles, _) = InteractionStyle.read(words[max(0, index - 4)..<(index - 1)].joined(separator: " "))
            if !styles.isEmpty { return styles.map(\.rawValue).joined(separator: ", ") }
        }
        return nil
    }

    /// "I like IRC", "we like video calls": ways right after the writer's "like", every item of
    /// them a way (not "I like Nova and chat").
    private static func waysLiked(_ words: [String]) -> String? {
        for index in words.indices.dropFirst() where words[index] == "like" && ["i", "we"].contains(words[index - 1]) {
            let (styles, unknown) = InteractionStyle.read(words[(index + 1)..<min(words.count, index + 4)].joined(separator: " "))
            if !styles.isEmpty, unknown.isEmpty { return styles.map(\.rawValue).joined(separator: ", ") }
        }
        return nil
    }

    /// Words of preferring that follow the ways to meet: "video calls preferred".
    static let preferredAfter: Set<String> = Set(["preferred", "preferably", "preferable", "preferido", "preferida", "preferidos", "preferidas",
                                                  "preferiblemente", "preferencialmente", "bevorzugt", "préféré", "préférés", "préférées",
                                                  "preferito", "preferita", "preferiti", "preferibilmente", "preferowane", "voorkeur"]
        .map { EnrollmentText.fold($0) })

    /// "fazer chamadas", "do video calls": a word of doing just before calls.
    private static func doesCalls(_ words: [String], at index: Int) -> Bool {
        doingWords.contains(words[index]) && words.indices.contains(index + 1) && callWords.contains(words[index + 1])
    }

    /// The writer saying what they are, just before a role: "i'm a", "i am an", "soy", "sou", "ich bin".
    static let beingWords: [[String]] = [["i'm", "a"], ["im", "a"], ["am", "a"], ["i'm", "an"], ["am", "an"], ["soy"], ["sou"],
                                         ["ich", "bin"], ["je", "suis"], ["sono"], ["jestem"], ["я"]]

    /// "Mentor.", "mentor here if you need one": a clause that is a role alone, or opens with
    /// one and "here" (not "I had a mentor once", "my mentor here").
    private static func roleAlone(_ words: [String]) -> String? {
        guard let first = words.first, words.count == 1 || words[1] == "here", !CJKPhrases.has(first),
              let role = ParticipantRole(answer: first), role != .both else { return nil }
        return role.rawValue
    }

    /// "both." or "Ambos!" alone on its line: the role, as "Role: both" is ("both of us" is not).
    private static func isBothAlone(_ line: String) -> Bool {
        guard line.utf8.count <= 24 else { return false }
        let words = EnrollmentText.words(line)
        return (1...2).contains(words.count) && ParticipantRole(answer: line) == .both
            && (words.count == 1 || words == ["les", "deux"])
    }

    /// What separates the items of a list written without joins: "cinder, swift".
    static let clauseCommas: Set<Character> = [",", "，", "、"]

    /// Words that join the items of a list written as a sentence: "nova + placement", "Nova and Cinder".
    static let listJoins: Set<String> = ["and", "+", "&", "or", "y", "e", "und", "et", "i", "и"]

    /// "Bengaluru.", "lisbon": a sentence that is only a place with a time zone (no language
    /// or area: "English.", "Manila." stay apart).
    private static func placeAlone(_ tokens: [Token], vocabulary: EnrollmentVocabulary) -> String? {
        guard (1...3).contains(tokens.count), tokens.allSatisfy({ $0.text.allSatisfy { $0.isLetter || $0 == "-" } }) else { return nil }
        let text = tokens.map(\.text).joined(separator: " ")
        guard LanguageNames.englishName(for: text) == nil, vocabulary.areaName(forFolded: EnrollmentText.fold(text)) == nil,
              ParticipantRole(answer: text) == nil, TimeZoneInterpreter.interpret(text) != nil else { return nil }
        return text
    }

    /// "nova + placement.", "Nova and Placement.": a sentence that is only one-word names joined
    /// as a list, at least one a known area: the known ones as the vocabulary shows them, the
    /// others as written. Only commas between them (`listed`: "cinder, swift."), all are known.
    private static func areasAlone(_ tokens: [Token], listed: Bool, vocabulary: EnrollmentVocabulary) -> [String] {
        let items = tokens.filter { !listJoins.contains($0.folded) }
        guard (1...5).contains(items.count), items.allSatisfy({ $0.text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) else { return [] }
        let known = items.map { vocabulary.areaName(forFolded: $0.folded) }
        let commaList = listed && items.count > 1 && known.allSatisfy { $0 != nil }
        guard items.count < tokens.count || items.count == 1 || commaList, known.contains(where: { $0 != nil }) else { return [] }
        // One other name at most, standing between joins ("nova + placement"), not words of a
        // sentence ("I deploy with Kolla").
        let others = tokens.indices.filter { !listJoins.contains(tokens[$0].folded) && vocabulary.areaName(forFolded: tokens[$0].folded) == nil }
        guard others.count <= 1, others.allSatisfy({ index in
            [index - 1, index + 1].allSatisfy { !tokens.indices.contains($0) || listJoins.contains(tokens[$0].folded) }
                && !NameWords.commonWords.contains(tokens[index].folded) && tokens[index].text.count > 2
        }) else { return [] }
        // Alone, only an area's own name ("Nova."), not a word for one ("Testing.").
        if items.count == 1, let name = known[0], EnrollmentText.fold(vocabulary.area(named: name)?.displayName ?? name) != items[0].folded {
            return []
        }
        return zip(items, known).map { item, name in name.map { vocabulary.area(named: $0)?.displayName ?? $0 } ?? item.text }
    }

    /// "I'm a mentor", "soy mentora": the role, unless negated ("I'm not a mentor").
    private static func role(in words: [String]) -> String? {
        for (index, word) in words.enumerated() where index > 0 {
            guard beingWords.contains(where: { words[..<index].suffix($0.count).elementsEqual($0) }),
                  let role = ParticipantRole(answer: word), role != .both, !negated(words, before: index) else { continue }
            return role.rawValue
        }
        return nil
    }

    /// Our mail, folded: a sentence that names it wishes it in the language it names after.
    static let mailNouns: Set<String> = ParticipantRole.folded([
        "mail", "mails", "email", "emails", "e-mail", "e-mails", "messages", "correo", "correos", "mensajes", "emilios",
        "mensagens", "courriel", "courriels", "nachrichten",
    ])
    /// Writing or sending to the writer: "write to me", "escribidme", "écrivez-moi", "schreibt mir".
    static let writeToMe: Set<[String]> = Set([
        ["write", "to", "me"], ["write", "me"], ["send", "me"], ["answer", "me"], ["reply", "to", "me"], ["escribidme"], ["escribeme"],
        ["escribanme"], ["escribirme"], ["escribirnos"], ["escribame"], ["me", "escribais"], ["me", "escriban"], ["me", "escribas"],
        ["escrevam-me"], ["me", "escrevam"], ["me", "escrever"], ["ecrivez-moi"], ["ecris-moi"], ["m'ecrire"], ["schreibt", "mir"],
        ["schreiben", "sie", "mir"], ["mir", "schreiben"],
    ].map { $0.map { EnrollmentText.fold($0) } })
    /// The word before a language that names the one to write in: "in", "en", "em", "auf".
    static let inWords: Set<String> = ["in", "en", "em", "auf"]

    /// "Please write to me in Spanish", "could you send me the emails in French?", "je préfère
    /// recevoir les mails en français": the code of a language named after our mail (not
    /// "I got your mail in my spam", nor "don't write to me in English").
    private static func mailLanguage(in tokens: [Token]) -> String? {
        let words = tokens.map(\.folded)
        guard !words.contains(where: { CommandSentences.negations.contains($0) }),
              let mail = words.indices.first(where: { index in
                  mailNouns.contains(words[index]) || writeToMe.contains { words[index...].prefix($0.count).elementsEqual($0) }
              }) else { return nil }
        for index in words.indices.dropFirst(mail + 1).prefix(7) where inWords.contains(words[index - 1]) {
            guard LanguageNames.englishName(for: words[index]) != nil, words[index].count > 2 else { continue }
            return MailLanguageChoice.code(for: tokens[index...].prefix(2).map(\.text).joined(separator: " "))
                ?? MailLanguageChoice.code(for: tokens[index].text)
        }
        return nil
    }

    /// Being free, folded: "free", "available", "disponible", "disponível", "libre", "livre", "verfügbar".
    static let freeWords: Set<String> = ParticipantRole.folded([
        "free", "available", "disponible", "disponibles", "disponivel", "disponiveis", "libre", "libres", "livre", "livres",
        "verfugbar", "erreichbar", "disponibile", "disponibili", "dostepny", "dostepna",
    ])
    /// What the writer is, just before being free: "I'm free", "usually available", "estoy libre", "je suis disponible".
    static let freeBeingWords: Set<String> = ParticipantRole.folded([
        "i'm", "im", "am", "usually", "mostly", "mainly", "only", "generally", "normally", "estoy", "estou", "fico", "bin",
        "suis", "sono", "jestem", "normalmente", "generalmente", "solo", "só", "nur", "meist", "meistens", "seulement",
    ])
    /// Words after being free that say for what, not when ("free to help", "disponible para ayudar").
    static let freeForWords: Set<String> = ["to", "for", "as", "para", "pour", "per", "zu", "zum", "als", "de", "do"]

    /// "I'm free weekday evenings", "usually available after 18:00 UTC", "estoy disponible los
    /// martes": the words after being free in one clause (not "free to help",
    /// "I'm not available").
    private static func availability(in tokens: [Token]) -> String? {
        let words = tokens.map(\.folded)
        for (index, word) in words.enumerated() where index > 0 && freeWords.contains(word) && freeBeingWords.contains(words[index - 1]) {
            guard !negated(words, before: index), index + 1 < words.count, !freeForWords.contains(words[index + 1]) else { continue }
            let rest = tokens[(index + 1)...].map(\.text)
            guard rest.count <= 8 else { continue }
            return rest.joined(separator: " ")
        }
        return nil
    }

    /// "I can take two mentees", "mentor up to 3 people", "puedo tomar dos mentees", "ich kann zwei
    /// Mentees betreuen", "je peux prendre deux mentorés", "我可以带两个学员".
    private static func capacity(in words: [String], sentence: String) -> String? {
        for (index, word) in words.enumerated() where index > 0 && capacityNouns.contains(word) {
            guard let count = count(words[index - 1]) else { continue }
            let before = words[max(0, index - 4)..<index - 1]
            let after = words[(index + 1)..<min(words.count, index + 3)]
            guard before.contains(where: takingVerbs.contains) || after.contains(where: takingVerbs.contains),
                  !negated(words, before: index - 1) else { continue }
            return String(count)
        }
        return cjkCapacity(in: sentence)
    }

    /// A count written as a digit or a word ("two", "dos", "zwei", "a").
    private static func count(_ word: String) -> Int? {
        if let number = Int(word), word.allSatisfy(\.isASCII) { return number }
        if word == "a" || word == "an" { return 1 }
        return SignupFormReader.englishNumbers.firstIndex(of: word) ?? SignupFormReader.numberWords[word]
    }

    /// Who a mentor takes, folded: "mentees", "personas", "Mentees", "mentorés", "pessoas".
    static let capacityNouns: Set<String> = ParticipantRole.folded([
        "mentees", "mentee", "people", "persons", "newcomers", "learners", "mentorees", "personas", "aprendices", "mentoreados",
        "mentoreadas", "mentorizados", "mentorandos", "menschen", "personen", "leute", "personnes", "mentorés", "mentorées",
        "pessoas", "mentorados", "mentoradas", "persone", "osoby", "человек", "человека", "подопечных",
        // One of them: "una mentorada", "une personne", "eine Person".
        "person", "mentoree", "persona", "mentoreado", "mentoreada", "mentorizado", "mentorizada", "mentorando",
        "mentoranda", "mentorado", "mentorada", "pessoa", "personne", "mentoré", "mentorée",
    ])

    /// Verbs of taking on mentees, folded, before the count or (in German) after the noun.
    static let takingVerbs: Set<String> = ParticipantRole.folded([
        "take", "mentor", "have", "guide", "help", "support", "handle", "accept", "tomar", "aceptar", "acompañar", "guiar",
        "ayudar", "apoyar", "mentorear", "llevar", "tener", "atender", "betreuen", "nehmen", "begleiten", "unterstützen",
        "übernehmen", "annehmen", "prendre", "accompagner", "guider", "aider", "encadrer", "accueillir", "suivre",
        "orientar", "acompanhar", "ajudar", "aceitar", "receber", "mentorar", "prendere", "seguire", "accompagnare",
        "aiutare", "wziąć", "prowadzić", "взять", "вести", "ter", "haben", "avoir", "recibir",
    ])

    private static let cjkVerbs = ["带", "帶", "指导", "指導", "辅导", "輔導", "接受", "收", "帮助", "幫助", "受け入れ", "担当"]
    private static let cjkNouns = ["学员", "學員", "学生", "學生", "徒弟", "新人", "人", "mentee", "メンティー", "メンティ"]
    private static let cjkCounters: Set<Character> = ["个", "個", "名", "位"]

    /// "我可以带两个学员", "2人のメンティーを受け入れ": a count right before who is taken, in a
    /// sentence with a verb of taking.
    private static func cjkCapacity(in sentence: String) -> String? {
        guard sentence.unicodeScalars.contains(where: { $0.value >= 0x3000 }),
              cjkVerbs.contains(where: { sentence.contains($0) }) else { return nil }
        let characters = Array(sentence)
        for (index, character) in characters.enumerated() {
            guard let count = SignupFormReader.cjkNumerals[character] ?? (character.isASCII ? character.wholeNumberValue : nil) else { continue }
            var rest = characters[(index + 1)...].drop { $0 == " " }
            if let first = rest.first, cjkCounters.contains(first) { rest = rest.dropFirst() }
            let tail = String(rest.prefix(6)).lowercased()
            if cjkNouns.contains(where: { tail.hasPrefix($0) }) { return String(count) }
        }
        return nil
    }
}
