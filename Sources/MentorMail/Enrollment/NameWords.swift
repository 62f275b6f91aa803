import Foundation
import Mail

/// "My name is Mo Idris", "me llamo Lucía Pérez", "je m'appelle …", "ich heiße …", "meu nome é …":
/// the name a person says in a sentence. It is offered back as a line to confirm ("Name: Mo
/// Idris"), never stored on this reading alone: "my name is not Anonymous" or "my name is on the
/// list" must not rename anyone.
enum NameWords {
    /// What comes before the name, folded (no accents, straight apostrophes).
    static let openers = [
        "my name is", "my name's", "my full name is", "i am called", "i'm called", "please call me",
        "mi nombre es", "me llamo", "mi nombre completo es",
        "je m'appelle", "mon nom est", "mon nom complet est",
        "ich heisse", "ich heiße", "mein name ist", "mein vollstandiger name ist",
        "meu nome e", "o meu nome e", "me chamo", "meu nome completo e",
    ].map { EnrollmentText.fold($0) }

    /// A part of each opener, folded: "name", "nom" (nombre, nome), "call", "llamo", "appelle",
    /// "heiss"/"heiß", "chamo".
    static let hints = ["name", "nom", "call", "llamo", "appelle", "heiss", "heiß", "chamo"].map { EnrollmentText.fold($0) }

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
    static func offered(in text: String) -> String? {
        // Most mail says nothing of a name: a word of every opener is looked for first.
        let whole = EnrollmentText.fold(text)
        guard hints.contains(where: { TextSearch.contains($0, in: whole) }) else { return nil }
        let plain = text.replacingOccurrences(of: "\u{2019}", with: "'")
        for line in plain.split(whereSeparator: \.isNewline) {
            // Words as written, and folded beside them for finding the opener.
            let written = line.split(whereSeparator: { $0 == " " }).map(String.init)
            let folded = written.map { EnrollmentText.fold($0.trimmingCharacters(in: .punctuationCharacters)) }
            for opener in openers {
                let words = opener.split(separator: " ").map(String.init)
                guard let start = index(of: words, in: folded), let name = name(after: start + words.count, written) else { continue }
                return name
            }
        }
        return nil
    }

    private static func index(of phrase: [String], in words: [String]) -> Int? {
        guard words.count >= phrase.count else { return nil }
        return (0...(words.count - phrase.count)).first { Array(words[$0..<($0 + phrase.count)]) == phrase }
    }

    /// Up to four words after the opener: capitalised ones (with the particles between them,
    /// "Maria de la Cruz"), or, written in small letters, up to a word that ends the name.
    private static func name(after start: Int, _ written: [String]) -> String? {
        var taken: [String] = []
        for word in written.dropFirst(start) {
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.!?()\"«»“”"))
            let folded = EnrollmentText.fold(bare)
            guard let initial = bare.first, initial.isLetter, bare.allSatisfy({ $0.isLetter || "-'.".contains($0) }) else { break }
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
