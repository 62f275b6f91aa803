import Foundation
import Mail

/// Small text helpers shared by the enrollment parsers: folding for comparison,
/// splitting lists, and cleaning what HTML-to-text conversion leaves behind.
enum EnrollmentText {
    /// Spaces that mail clients use in place of a plain space.
    private static let oddSpaces: Set<Character> = [
        "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\u{2002}", "\u{2003}", "\u{3000}", "\t",
    ]
    /// Invisible characters that survive copy-and-paste and HTML conversion.
    private static let invisibles: Set<Character> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{00AD}"]

    private static let oddOrInvisibleScalars = Set(oddSpaces.union(invisibles).flatMap(\.unicodeScalars).map(\.value))

    /// Replaces odd spaces with a plain space and drops invisible characters.
    static func plainSpaces(_ text: some StringProtocol) -> String {
        // ASCII (most of what people write in mail): only the tab is an odd space.
        if let ascii = asciiBytes(text, { $0 == 9 ? 32 : $0 }) { return ascii }
        // A character is only replaced or dropped when it is one of these scalars.
        guard text.unicodeScalars.contains(where: { oddOrInvisibleScalars.contains($0.value) }) else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text where !invisibles.contains(character) {
            out.append(oddSpaces.contains(character) ? " " : character)
        }
        return out
    }

    /// Trims spaces and newlines at both ends.
    static func trim(_ text: some StringProtocol) -> String {
        asciiTrimmed(text, isASCIISpace) ?? text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Where `phrase` first occurs in `text` from `start` on, as Foundation's `range(of:)` finds it.
    static func find(_ phrase: String, in text: String, from start: String.Index? = nil) -> Range<String.Index>? {
        TextSearch.range(of: phrase, in: text, from: start)
    }

    /// Whether `phrase` occurs in `text` (Foundation's `contains`).
    static func contains(_ phrase: String, in text: String) -> Bool {
        TextSearch.contains(phrase, in: text)
    }

    /// Whether an answer is a form tool's stand-in for no answer ("anonymous", which Microsoft
    /// Forms writes as the name when a form records none; "Anonymous User", "None", "TBD",
    /// "Prefer not to say", "keine Angabe", "n/a", "-", blank): read as no value. Only the whole
    /// answer counts: "Noneh Tbdova" is a name.
    static func isPlaceholder(_ text: some StringProtocol) -> Bool {
        let folded = fold(text)
        let bare = folded.trimmingCharacters(in: CharacterSet.letters.union(.decimalDigits).inverted)
        return bare.isEmpty || placeholders.contains(folded) || placeholders.contains(bare)
    }

    private static let placeholders: Set<String> = [
        "anonymous", "anon", "anonym", "anonyme", "anonimo", "anonima", "anonymous user", "anonymous respondent",
        "n/a", "n.a.", "n.a", "none given", "unknown", "null", "none", "no name", "nobody", "not given", "not provided",
        "not applicable", "tbd", "tba", "tbc", "to be decided", "to be confirmed", "prefer not to say", "prefer not to answer",
        "rather not say", "i'd rather not say", "i prefer not to say",
        "ninguno", "ninguna", "nadie", "sin nombre", "desconocido", "desconocida", "no aplica", "prefiero no decirlo", "prefiero no decir",
        "keine angabe", "keine angaben", "k.a.", "k. a.", "unbekannt", "aucun", "aucune", "inconnu", "inconnue", "non renseigne",
        "prefere ne pas dire", "je prefere ne pas repondre", "nenhum", "nenhuma", "desconhecido", "prefiro nao dizer",
    ]

    /// Collapses runs of whitespace into one space and trims.
    static func collapse(_ text: some StringProtocol) -> String {
        if let ascii = asciiCollapsed(text, { $0 }) { return ascii }
        return plainSpaces(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The form used to compare words: lowercase, accents removed (Polish "ł" as "l", which has
    /// none to remove), `-`/`_` as spaces, curly apostrophes straightened, whitespace collapsed.
    static func fold(_ text: some StringProtocol) -> String {
        // ASCII: folding is lowercasing A–Z, then the same replacements and collapsing, on bytes.
        if let ascii = asciiCollapsed(text, asciiFoldByte) { return ascii }
        return foldUnicode(text)
    }

    /// `fold` through Foundation, for any text (the ASCII path must give the same).
    static func foldUnicode(_ text: some StringProtocol) -> String {
        let folded = String(text)
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var out = ""
        for character in folded {
            switch character {
            case "-", "_", "\u{2010}", "\u{2011}", "\u{2013}": out.append(" ")
            case "\u{2019}", "\u{2018}", "`": out.append("'")
            case "ł": out.append("l")
            default: out.append(character)
            }
        }
        return collapse(out)
    }

    /// Letter-and-digit words of folded text (apostrophes kept inside words).
    static func words(_ text: some StringProtocol) -> [String] {
        words(folded: fold(text))
    }

    /// `words` of text that is already `fold`ed.
    static func words(folded: String) -> [String] {
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a word is a run of a–z, 0–9 and apostrophes, without apostrophes at its ends.
            var words: [String] = []
            let bytes = Array(folded.utf8)
            var index = 0
            while index < bytes.count {
                guard isASCIIWordByte(bytes[index]) else { index += 1; continue }
                var start = index
                while index < bytes.count, isASCIIWordByte(bytes[index]) { index += 1 }
                var end = index
                while start < end, bytes[start] == 39 { start += 1 }
                while end > start, bytes[end - 1] == 39 { end -= 1 }
                if start < end { words.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
            }
            return words
        }
        return folded
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            .filter { !$0.isEmpty }
    }

    /// Splits a list answer on `,` `;` `/` `&` `+` (and the Arabic, ideographic and fullwidth
    /// commas and semicolons) and the words "and"/"or".
    /// - Parameter slashes: whether `/` separates items (not for time zones).
    static func listItems(_ text: some StringProtocol, slashes: Bool = true) -> [String] {
        var separators: Set<Character> = [",", ";", "&", "+", "\n", "\u{3001}", "\u{FF0C}", "\u{060C}", "\u{061B}", "\u{FF1B}"]
        if slashes { separators.insert("/") }
        return plainSpaces(text)
            .split(whereSeparator: { separators.contains($0) })
            .flatMap { piece in splitOnWords(String(piece), ["and", "or"]) }
            .map { trim($0).trimmingCharacters(in: CharacterSet(charactersIn: ".!*_\"'")) }
            .map(trim)
            .filter { !$0.isEmpty }
    }

    /// Splits on whole words (case-insensitive), keeping the original spelling of the pieces.
    static func splitOnWords(_ text: String, _ separators: Set<String>) -> [String] {
        split(text) { word, _, _, _ in separators.contains(word.lowercased()) }
    }

    /// Splits `text` into its space-separated words and cuts it at each word `isSeparator`
    /// names (given the word, its index among `words`, `words`, and the piece so far), which
    /// is dropped; keeps the original spelling of the pieces.
    static func split(_ text: String,
                      at isSeparator: (_ word: Substring, _ index: Int, _ words: [Substring], _ current: [Substring]) -> Bool) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var pieces: [String] = []
        var current: [Substring] = []
        for (at, word) in words.enumerated() {
            if isSeparator(word, at, words, current) {
                pieces.append(current.joined(separator: " "))
                current = []
            } else {
                current.append(word)
            }
        }
        pieces.append(current.joined(separator: " "))
        return pieces
    }

    /// Digits of any script as ASCII digits ("٢" and "２" as "2"); other text unchanged.
    static func asciiDigits(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.numericType == .decimal }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !scalar.isASCII, scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
               (0...9).contains(value) {
                out.append(Unicode.Scalar(UInt8(48 + Int(value))))
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Removes bold/italic markers (`**`, `*`, `__`) around a value.
    static func stripEmphasis(_ text: some StringProtocol) -> String {
        asciiTrimmed(text) { $0 == 42 || $0 == 95 || isASCIISpace($0) } ?? text.trimmingCharacters(in: emphasisAndSpaces)
    }

    private static let emphasisAndSpaces = CharacterSet(charactersIn: "*_").union(.whitespacesAndNewlines)

    /// Limits free text to `limit` characters; returns the text and whether it was cut.
    static func limited(_ text: String, to limit: Int) -> (text: String, wasCut: Bool) {
        guard text.count > limit else { return (text, false) }
        return (trim(text.prefix(limit)), true)
    }

    // MARK: - ASCII fast paths (the same results as the Character-based code, on bytes)

    /// a–z, 0–9 and the apostrophe: what `words` keeps of folded ASCII.
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 39
    }

    /// Lowercase A–Z; `-` and `_` become spaces, a backquote an apostrophe (as `fold` does).
    private static func asciiFoldByte(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 65...90: byte + 32
        case 45, 95: 32
        case 96: 39
        default: byte
        }
    }

    /// The whitespace-and-newline set in ASCII: tab, line feed, vertical tab, form feed,
    /// carriage return and space.
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 32 || (byte >= 9 && byte <= 13)
    }

    /// `text` without the bytes `isTrimmed` accepts at either end (as `trimmingCharacters(in:)`
    /// with the same set does), or nil when it is not all ASCII.
    static func asciiTrimmed(_ text: some StringProtocol, _ isTrimmed: (UInt8) -> Bool) -> String? {
        let utf8 = String(text).utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard let first = utf8.firstIndex(where: { !isTrimmed($0) }), let last = utf8.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }

    /// `text` with each byte mapped, or nil when it is not all ASCII.
    private static func asciiBytes(_ text: some StringProtocol, _ map: (UInt8) -> UInt8) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            out.append(map(byte))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with each byte mapped, runs of ASCII whitespace (tab, line feed, vertical tab,
    /// form feed, carriage return, space: Unicode's White_Space in ASCII) collapsed into one
    /// space, and trimmed; nil when it is not all ASCII.
    private static func asciiCollapsed(_ text: some StringProtocol, _ map: (UInt8) -> UInt8) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let mapped = map(byte)
            if mapped == 32 || (mapped >= 9 && mapped <= 13) {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(32)
                space = false
            }
            out.append(mapped)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
