/// Where a sentence ends in what people write: at "!" and "?" (and the full-width "。！？"), and
/// at a full stop followed by a space, a line end, another stop or the end of the text. Never at
/// the dot of an address, a domain, a URL or a number ("zara@example.net", "2.5"), nor after an
/// abbreviation ("e.g.", "i.e.", "Dr.") or an initial ("Zara B. Okafor"); a "?" inside a URL
/// ("form?id=3") ends nothing either. The one rule every reader of sentences shares.
enum SentenceEnds {
    /// Whether `character` ends a sentence, `next` being the character after it (nil at the end
    /// of the text) and `before` the text before it in its sentence. `semicolon`: ";" ends one too.
    static func ends(_ character: Character, next: Character?, before: some StringProtocol, semicolon: Bool = false) -> Bool {
        switch character {
        case "。", "！", "？": return true
        case ";": return semicolon
        case "!", "?":
            // "…/form?id=3": a mark inside a link, followed by more of it.
            guard let next, next.isLetter || next.isNumber || next == "=" else { return true }
            return !lastWord(of: before).contains("/")
        case ".":
            guard let next else { return true }
            if next == "." { return true }
            return next.isWhitespace && !isAbbreviation(lastWord(of: before))
        default: return false
        }
    }

    /// `text` cut into sentences, each ending with the mark that closed it (the space after it
    /// starts the next one): joined, they give `text` back. `lineEnds`: a line end closes a sentence too.
    static func split(_ text: String, semicolon: Bool = false, lineEnds: Bool = false) -> [String] {
        var sentences: [String] = []
        var current = ""
        var iterator = text.makeIterator()
        var next = iterator.next()
        while let character = next {
            next = iterator.next()
            let closes = (lineEnds && character.isNewline) || ends(character, next: next, before: current, semicolon: semicolon)
            current.append(character)
            if closes {
                sentences.append(current)
                current = ""
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// The word a mark follows: back to a space or an opening bracket or quote.
    static func lastWord(of text: some StringProtocol) -> Substring {
        let start = text.lastIndex { $0.isWhitespace || "([{\"'«“‘¿¡".contains($0) }.map(text.index(after:)) ?? text.startIndex
        return Substring(text[start...])
    }

    /// Whether a full stop after `word` ends an abbreviation or an initial rather than a sentence.
    static func isAbbreviation(_ word: some StringProtocol) -> Bool {
        if word.count == 1, let letter = word.first, letter.isUppercase { return true }
        // "e.g", "z.B": letters with stops between them.
        if word.contains("."), word.split(separator: ".").allSatisfy({ $0.count <= 2 && $0.allSatisfy(\.isLetter) }) { return true }
        return abbreviations.contains(word.lowercased())
    }

    /// Abbreviations written without inner stops that are rarely the last word of a sentence.
    static let abbreviations: Set<String> = [
        "eg", "ie", "cf", "vs", "approx", "ca", "dr", "mr", "mrs", "ms", "prof", "st", "bzw", "sr", "sra", "srta", "ej", "mme", "mlle",
        "nr",
    ]
}
