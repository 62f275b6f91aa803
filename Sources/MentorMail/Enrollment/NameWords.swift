import Foundation
import Mail

/// "My name is Mo Idris", "me llamo Lucía Pérez", "je m'appelle …", "ich heiße …", "meu nome é …",
/// and, in capitalised words that name nothing else, "I'm Mohammed Idris", "this is Kim Park",
/// "Ravi here": the name a person says in a sentence. It is offered back as a line to confirm ("Name: Mo
/// Idris"), never stored on this reading alone: "my name is not Anonymous" or "my name is on the
/// list" must not rename anyone.
enum NameWords {
    /// What comes before the name, folded (no accents, straight apostrophes).
    static let openers = [
        "my name is", "my name's", "my full name is", "i am called", "i'm called", "please call me",
        "mi nombre es", "me llamo", "mi nombre completo es",
        "je m'appelle", "mon nom est", "mon nom complet est",
        "ich heisse", "ich heiße", "mein name ist", "mein vollstandiger name ist",
        "meu nome e", "o meu nome e", "me chamo", "chamo me", "meu nome completo e",
    ].map { EnrollmentText.fold($0) }

    /// Saying who is writing, folded: followed by a name only in capitalised words that are no
    /// role, place, language, area or common word ("I'm Ravi", not "I'm Based in Lisbon").
    static let whoOpeners = ["i'm", "i am", "this is", "it's", "myself", "je suis", "soy", "sou", "ich bin"].map { EnrollmentText.fold($0) }
    /// Who-openers of languages whose adjectives and nouns may be capitalised after them ("Sou
    /// Brasileira", "Ich bin Mentorin"): a name after them has two words at least.
    static let twoWordWhoOpeners: Set<String> = Set(["je suis", "soy", "sou", "ich bin"].map { EnrollmentText.fold($0) })

    /// A part of each opener, folded: "name", "nom" (nombre, nome), "call", "llamo", "appelle",
    /// "heiss"/"heiß", "chamo", "i'm", "i am", "this is", and "here" ("Ravi here").
    static let hints = ["name", "nom", "call", "llamo", "appelle", "heiss", "heiß", "chamo"].map { EnrollmentText.fold($0) }
    /// The same for saying who is writing; looked for only in the first lines, where people say it.
    static let whoHints = ["i'm", "i am", "this is", "here", "it's", "myself", "suis", "soy", "sou", "bin"].map { EnrollmentText.fold($0) }
    /// The lines a writer says who they are in ("Hi,⏎I'm Ravi, …").
    static let whoLines = 4

    /// Capitalised words that say what a writer is or does, not who ("I'm Interested", "I am
    /// Based in", "I'm Not sure", "This is Great"), folded.
    static let commonWords: Set<String> = [
        "a", "an", "the", "not", "so", "very", "really", "just", "also", "still", "currently", "now", "here", "there", "from", "in",
        "at", "on", "with", "into", "over", "about", "around", "back", "away", "out", "off", "up", "too", "only", "already", "always",
        "never", "both", "one", "all", "me", "myself", "it", "that", "this", "what", "who", "how", "why", "where", "when", "which", "my",
        "your", "our", "their", "his", "her", "its", "everyone", "everybody", "someone", "somebody", "anyone", "nobody", "everything",
        "something", "nothing", "anything", "hi", "hello", "hey", "dear", "thanks", "thank", "please", "yes", "no", "ok", "okay",
        "sir", "madam", "team", "mentoring", "program", "programme", "based", "located", "situated", "living", "staying", "residing",
        "stationed", "interested", "happy", "glad", "keen", "eager", "excited", "enthusiastic", "pleased", "delighted", "thrilled",
        "willing", "able", "unable", "ready", "available", "unavailable", "free", "busy", "open", "sure", "unsure", "certain", "afraid",
        "sorry", "new", "looking", "working", "hoping", "writing", "trying", "planning", "thinking", "considering", "reaching",
        "following", "replying", "responding", "contacting", "emailing", "sending", "attaching", "filling", "signing", "registering",
        "applying", "joining", "volunteering", "offering", "seeking", "searching", "asking", "wondering", "studying", "learning",
        "going", "coming", "moving", "retired", "employed", "unemployed", "married", "motivated", "passionate", "curious",
        "confident", "comfortable", "familiar", "fluent", "native", "bilingual", "experienced", "senior", "junior", "lead",
        "engineer", "developer", "student", "core", "contributor", "maintainer", "manager", "software", "fine", "good", "well",
        "great", "awesome", "grateful", "thankful", "proud", "lucky", "late", "early", "done", "part", "originally", "actually",
        "mostly", "mainly", "usually", "definitely", "probably", "pretty", "quite", "fairly", "rather", "super", "flexible",
        "remote", "online", "aware", "confused", "stuck", "honored", "honoured", "humbled", "concerned",
    ]

    /// Where people are from, in capitals like a name ("I'm Brazilian", "I am Latina"), folded; the
    /// nationalities that are also languages ("English", "Polish") are known as languages.
    static let nationalities: Set<String> = [
        "american", "brazilian", "canadian", "mexican", "argentinian", "argentine", "colombian", "chilean", "peruvian", "venezuelan",
        "cuban", "ecuadorian", "bolivian", "uruguayan", "paraguayan", "guatemalan", "honduran", "salvadoran", "nicaraguan",
        "panamanian", "dominican", "jamaican", "haitian", "trinidadian", "indian", "pakistani", "bangladeshi",
        "lankan", "nepalese", "nigerian", "kenyan", "ghanaian", "ethiopian", "egyptian", "moroccan", "algerian", "tunisian",
        "ugandan", "tanzanian", "rwandan", "cameroonian", "senegalese", "ivorian", "zimbabwean", "zambian", "south", "african",
        "australian", "austrian", "belgian", "swiss", "british", "irish", "scottish", "welsh", "filipino", "filipina",
        "malaysian", "singaporean", "taiwanese", "israeli", "iranian", "iraqi", "syrian", "lebanese", "jordanian", "saudi",
        "emirati", "palestinian", "cypriot", "slovak", "slovenian", "hungarian", "bosnian", "montenegrin", "albanian",
        "macedonian", "kosovar", "moldovan", "belarusian", "georgian", "armenian", "azerbaijani", "kazakh", "uzbek", "afghan",
        "mongolian", "european", "asian", "latina", "latino", "latinx", "hispanic", "caribbean", "scandinavian", "nordic",
        "kiwi", "aussie", "mexican-american", "african-american", "asian-american", "queer", "trans", "nonbinary", "non-binary",
        "deaf", "blind", "autistic", "neurodivergent", "disabled", "indigenous", "muslim", "jewish", "hindu", "buddhist", "catholic",
        "vegan", "vegetarian", "introverted", "extroverted", "shy",
    ]

    /// Words that end the name ("Mo Idris, not Anonymous", "Lucía y vivo en …").
    static let stops: Set<String> = [
        "not", "and", "but", "from", "no", "y", "pero", "et", "mais", "pas", "und", "aber", "nicht", "e", "mas", "nao",
        "i", "i'm", "im", "je", "ich", "eu", "yo", "in", "en", "aus", "em", "at", "here", "now", "ahora", "maintenant", "jetzt",
    ]

    /// Small words that show a lower-case "name" is a phrase ("my name is on the list").
    static let phraseWords: Set<String> = [
        "on", "the", "a", "an", "in", "wrong", "missing", "spelled", "spelt", "written", "still", "also", "correct", "right",
        "incorrect", "shown", "listed", "el", "la", "mal", "escrito", "ya", "le", "faux", "mal", "falsch", "schon", "errado", "ja",
        "anonymous", "anonimo", "anonyme", "anonym",
    ]

    /// The name said in `text`, tidied ("mo idris" → "Mo Idris"); nil when there is none or it
    /// reads as anything but a name.
    /// `vocabulary`: the areas, none of which is a name ("I'm Nova core").
    static func offered(in text: String, vocabulary: EnrollmentVocabulary = .openStackDefault) -> String? {
        // Most mail says nothing of a name: a word of every opener is looked for first, and
        // who is writing only in the first lines.
        let whole = EnrollmentText.fold(text)
        // Portuguese "Chamo-me" is one word as written: read as the opener "chamo me".
        let plain = text.replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "chamo-me", with: "chamo me", options: .caseInsensitive)
        let named = hints.contains(where: { TextSearch.contains($0, in: whole) })
        let firstLines = Array(plain.split(whereSeparator: \.isNewline).lazy.filter { !$0.allSatisfy(\.isWhitespace) }.prefix(whoLines))
        let foldedFirst = firstLines.map { EnrollmentText.fold($0) }
        let said = whoHints.contains { hint in foldedFirst.contains { TextSearch.contains(hint, in: $0) } }
        guard named || said else { return nil }
        // Words as written, and folded beside them for finding the opener.
        func words(_ line: Substring) -> ([String], [String]) {
            let written = line.split(whereSeparator: { $0 == " " }).map(String.init)
            return (written, written.map { EnrollmentText.fold($0.trimmingCharacters(in: .punctuationCharacters)) })
        }
        let lines = named ? plain.split(whereSeparator: \.isNewline).map(words) : []
        for (written, folded) in lines {
            for opener in openers {
                let words = opener.split(separator: " ").map(String.init)
                guard let start = index(of: words, in: folded), let name = name(after: start + words.count, written) else { continue }
                return name
            }
        }
        guard said else { return nil }
        let isName = { (word: String) in isNameWord(word, vocabulary: vocabulary) }
        for (written, folded) in firstLines.map(words) {
            for opener in whoOpeners {
                let words = opener.split(separator: " ").map(String.init)
                guard let start = index(of: words, in: folded), written.indices.contains(start + words.count),
                      isName(written[start + words.count]), let name = name(after: start + words.count, written, only: isName),
                      !twoWordWhoOpeners.contains(opener) || name.split(separator: " ").count >= 2 else { continue }
                return name
            }
            if let name = nameBeforeHere(written, folded, isName: isName) { return name }
        }
        return nil
    }

    /// "Hi, Ravi here", "Kim Park here:": capitalised name words that open a clause and end
    /// just before a "here" that ends it.
    private static func nameBeforeHere(_ written: [String], _ folded: [String], isName: (String) -> Bool) -> String? {
        for here in folded.indices where folded[here] == "here" && here > 0
            && (here == written.count - 1 || written[here].last.map { ",;:.!-".contains($0) } == true) {
            // A word ending in a comma or a full stop ends the clause before the name.
            var start = here
            while start > 0, here - start < 3, written[start - 1].last?.isLetter == true, isName(written[start - 1]) { start -= 1 }
            guard start < here, start == 0 || written[start - 1].last.map({ ",;:.!-".contains($0) }) == true
                || greetings.contains(folded[start - 1]) else { continue }
            return name(after: start, Array(written[..<here]), only: isName)
        }
        return nil
    }

    /// Greetings that may stand just before "Ravi here", folded.
    static let greetings: Set<String> = ["hi", "hello", "hey", "hiya", "greetings", "-"]

    /// A capitalised word that can be a name: no role, place, language, area or common word.
    /// A possessive ("Kim's colleague") names someone else; a nationality ("Brazilian",
    /// "Kenyan-born") says where the writer is from.
    static func isNameWord(_ word: String, vocabulary: EnrollmentVocabulary) -> Bool {
        let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.!?()\"«»“”"))
        let folded = EnrollmentText.fold(bare).replacingOccurrences(of: "\u{2019}", with: "'")
        let parts = folded.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        let nationality = nationalities.contains(folded) || parts.contains(where: nationalities.contains) || parts.count > 1 && parts.last == "born"
        guard let initial = bare.first, initial.isUppercase, bare.dropFirst().contains(where: \.isLowercase) || bare.count <= 2,
              !folded.hasSuffix("'s"), !nationality,
              !commonWords.contains(folded), !stops.contains(folded), LanguageNames.englishName(for: bare) == nil,
              ParticipantRole(answer: bare) == nil, vocabulary.areaName(forFolded: folded) == nil,
              TimeZoneInterpreter.interpret(bare) == nil else { return false }
        return true
    }

    private static func index(of phrase: [String], in words: [String]) -> Int? {
        guard words.count >= phrase.count else { return nil }
        return (0...(words.count - phrase.count)).first { Array(words[$0..<($0 + phrase.count)]) == phrase }
    }

    /// Up to four words after the opener: capitalised ones (with the particles between them,
    /// "Maria de la Cruz"), or, written in small letters, up to a word that ends the name.
    /// `only`: what every capitalised word must be to count (a name word, after "I'm").
    private static func name(after start: Int, _ written: [String], only: (String) -> Bool = { _ in true }) -> String? {
        var taken: [String] = []
        for word in written.dropFirst(start) {
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.!?()\"«»“”"))
            let folded = EnrollmentText.fold(bare)
            guard let initial = bare.first, initial.isLetter, bare.allSatisfy({ $0.isLetter || "-'.".contains($0) }) else { break }
            if !only(word), !(!taken.isEmpty && NameCase.particles.contains(folded)) { break }
            if taken.first?.first?.isUppercase == true {
                guard initial.isUppercase || NameCase.particles.contains(folded) else { break }
            } else if stops.contains(folded) {
                break
            }
            taken.append(bare)
            // A comma or a full stop after the word ends the name.
            if taken.count == 4 || word.last.map({ ",;:.!?".contains($0) }) == true { break }
        }
        while let last = taken.last, NameCase.particles.contains(EnrollmentText.fold(last)) { taken.removeLast() }
        // Particles between capitalised words are the name's ("de la"), not a phrase's.
        let capitalised = taken.first?.first?.isUppercase == true
        guard !taken.isEmpty, !taken.contains(where: { word in
            let folded = EnrollmentText.fold(word)
            return phraseWords.contains(folded) && !(capitalised && NameCase.particles.contains(folded))
        }) else { return nil }
        let name = NameCase.tidied(taken.joined(separator: " "))
        return EnrollmentText.isPlaceholder(name) ? nil : name
    }
}
