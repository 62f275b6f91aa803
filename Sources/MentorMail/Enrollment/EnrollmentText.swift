import Foundation

/// Small text helpers shared by the enrollment parsers: folding for comparison,
/// splitting lists, and cleaning what HTML-to-text conversion leaves behind.
enum EnrollmentText {
    /// Spaces that mail clients use in place of a plain space.
    private static let oddSpaces: Set<Character> = [
        "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\u{2002}", "\u{2003}", "\u{3000}", "\t",
    ]
    /// Invisible characters that survive copy-and-paste and HTML conversion.
    private static let invisibles: Set<Character> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{00AD}"]

    /// Replaces odd spaces with a plain space and drops invisible characters.
    static func plainSpaces(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text where !invisibles.contains(character) {
            out.append(oddSpaces.contains(character) ? " " : character)
        }
        return out
    }

    /// Trims spaces and newlines at both ends.
    static func trim(_ text: some StringProtocol) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Collapses runs of whitespace into one space and trims.
    static func collapse(_ text: some StringProtocol) -> String {
        plainSpaces(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The form used to compare words: lowercase, accents removed, `-`/`_` as spaces,
    /// curly apostrophes straightened, whitespace collapsed.
    static func fold(_ text: some StringProtocol) -> String {
        let folded = String(text)
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var out = ""
        for character in folded {
            switch character {
            case "-", "_", "\u{2010}", "\u{2011}", "\u{2013}": out.append(" ")
            case "\u{2019}", "\u{2018}", "`": out.append("'")
            default: out.append(character)
            }
        }
        return collapse(out)
    }

    /// Letter-and-digit words of folded text (apostrophes kept inside words).
    static func words(_ text: some StringProtocol) -> [String] {
        fold(text)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            .filter { !$0.isEmpty }
    }

    /// Splits a list answer on `,` `;` `/` `&` `+` and the words "and"/"or".
    /// - Parameter slashes: whether `/` separates items (not for time zones).
    static func listItems(_ text: some StringProtocol, slashes: Bool = true) -> [String] {
        var separators: Set<Character> = [",", ";", "&", "+", "\n", "\u{3001}", "\u{FF0C}"]
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
        var pieces: [String] = []
        var current: [Substring] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if separators.contains(word.lowercased()) {
                pieces.append(current.joined(separator: " "))
                current = []
            } else {
                current.append(word)
            }
        }
        pieces.append(current.joined(separator: " "))
        return pieces
    }

    /// Removes bold/italic markers (`**`, `*`, `__`) around a value.
    static func stripEmphasis(_ text: some StringProtocol) -> String {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "*_").union(.whitespacesAndNewlines))
    }

    /// Limits free text to `limit` characters; returns the text and whether it was cut.
    static func limited(_ text: String, to limit: Int) -> (text: String, wasCut: Bool) {
        guard text.count > limit else { return (text, false) }
        return (trim(text.prefix(limit)), true)
    }
}
