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
        // ASCII (most of what people write in mail): only the tab is an odd space.
        if let ascii = asciiBytes(text, { $0 == 9 ? 32 : $0 }) { return ascii }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text where !invisibles.contains(character) {
            out.append(oddSpaces.contains(character) ? " " : character)
        }
        return out
    }

    /// Trims spaces and newlines at both ends.
    static func trim(_ text: some StringProtocol) -> String {
        // ASCII: the whitespace-and-newline set is tab, line feed, vertical tab, form feed,
        // carriage return and space.
        let string = String(text)
        let utf8 = string.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let isSpace = { (byte: UInt8) in byte == 32 || (byte >= 9 && byte <= 13) }
            guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
            return String(decoding: utf8[first...last], as: UTF8.self)
        }
        return string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Where `phrase` first occurs in `text` from `start` on, as Foundation's `range(of:)`
    /// finds it; on bytes when both are ASCII (where no character combines with the next).
    static func find(_ phrase: String, in text: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let from = start ?? text.startIndex
        let needle = phrase.utf8
        if needle.allSatisfy({ $0 < 0x80 }), text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let first = needle.first else { return nil }
            let haystack = text.utf8
            var index = from
            let count = needle.count
            while let candidate = haystack[index...].firstIndex(of: first) {
                guard haystack.distance(from: candidate, to: haystack.endIndex) >= count else { return nil }
                let end = haystack.index(candidate, offsetBy: count)
                if haystack[candidate..<end].elementsEqual(needle) { return candidate..<end }
                index = haystack.index(after: candidate)
            }
            return nil
        }
        return text.range(of: phrase, range: from..<text.endIndex)
    }

    /// Whether `phrase` occurs in `text` (Foundation's `contains`, on bytes when both are ASCII).
    static func contains(_ phrase: String, in text: String) -> Bool {
        find(phrase, in: text) != nil
    }

    /// Collapses runs of whitespace into one space and trims.
    static func collapse(_ text: some StringProtocol) -> String {
        if let ascii = asciiCollapsed(text, { $0 }) { return ascii }
        return plainSpaces(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The form used to compare words: lowercase, accents removed, `-`/`_` as spaces,
    /// curly apostrophes straightened, whitespace collapsed.
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
