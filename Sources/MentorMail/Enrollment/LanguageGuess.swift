/// Which of the community's main languages a short text is written in, from its script and
/// its commonest words; nil when it cannot tell.
public enum LanguageGuess {
    /// Short, frequent words, folded, that mark each language.
    static let markers: [String: Set<String>] = [
        "en": ["the", "and", "to", "of", "i", "you", "is", "are", "my", "would", "like", "hello", "hi", "thanks", "please",
               "want", "with", "for", "this", "join", "have", "be", "in", "me", "we", "yes", "sorry", "there", "i'll", "i'm",
               "can't", "will", "it", "all"],
        "es": ["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "por", "para", "con", "mi", "me", "hola",
               "gracias", "quiero", "quisiera", "soy", "del", "es", "al", "como", "pero", "favor", "programa", "mentoria",
               "mis", "muy", "estoy", "tengo", "saludos", "buenas", "pregunta", "respuestas", "nuestra", "vez", "si", "alli",
               "estare", "lo", "siento", "puedo", "ir", "voy", "claro", "tambien"],
        "pt": ["o", "a", "os", "as", "de", "que", "e", "em", "um", "uma", "por", "para", "com", "meu", "minha", "ola",
               "obrigado", "obrigada", "quero", "gostaria", "sou", "do", "da", "nao", "voce", "programa", "mentoria", "sim",
               "estarei", "vou", "posso", "desculpa"],
        "fr": ["le", "la", "les", "de", "des", "et", "en", "un", "une", "pour", "avec", "mon", "ma", "je", "bonjour",
               "merci", "voudrais", "suis", "du", "est", "au", "pas", "vous", "programme", "mentorat", "oui", "serai",
               "desole", "desolee", "peux", "viendrai"],
        "de": ["der", "die", "das", "und", "zu", "ich", "ein", "eine", "mit", "fur", "mein", "meine", "hallo", "danke",
               "mochte", "bin", "ist", "nicht", "sie", "den", "dem", "bitte", "programm", "ja", "dabei", "leider", "kann",
               "komme"],
        "it": ["il", "lo", "la", "gli", "di", "che", "e", "per", "con", "mio", "mia", "ciao", "grazie", "vorrei",
               "sono", "del", "della", "non", "programma", "sei", "mi", "un", "una", "piacerebbe", "buongiorno", "essere", "fare",
               "anche", "molto", "parlo", "preferisco", "posso"],
        "pl": ["i", "w", "na", "z", "do", "nie", "sie", "jest", "to", "moj", "moja", "czesc", "dziekuje", "chce",
               "chcialbym", "chcialabym", "jestem", "prosze", "program"],
    ]

    /// The languages each marker word marks.
    static let languagesByMarker: [String: [String]] = markers.reduce(into: [:]) { index, entry in
        for word in entry.value { index[word, default: []].append(entry.key) }
    }

    /// The language code of `text`, if it is clear.
    /// - Complexity: O(n) in the length of the text.
    public static func code(of text: String) -> String? {
        var kana = 0, han = 0, cyrillic = 0, latin = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3040...0x30FF: kana += 1
            case 0x4E00...0x9FFF: han += 1
            case 0x0400...0x04FF: cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        if kana >= 2 { return "ja" }
        if han >= 2 && han * 2 > latin { return "zh" }
        if cyrillic >= 4 && cyrillic > latin { return "ru" }
        var scores: [String: Int] = [:]
        for word in EnrollmentText.words(text.prefix(2_000)) {
            for language in languagesByMarker[word] ?? [] { scores[language, default: 0] += 1 }
        }
        let ranked = scores.sorted { ($0.value, $0.key) > ($1.value, $1.key) }
        guard let best = ranked.first, best.value >= 2 else { return nil }
        let second = ranked.dropFirst().first?.value ?? 0
        return Double(best.value) >= Double(second) * 1.5 ? best.key : nil
    }
}
