import Foundation

/// Phrase search with Foundation's `range(of:)` semantics (canonical equivalence), on bytes
/// when it can be: most of what is searched, and most of what is searched for, is ASCII.
public enum TextSearch {
    /// Where `phrase` first occurs in `text` from `start` on, as Foundation's `range(of:)` finds it.
    public static func range(of phrase: String, in text: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let from = start ?? text.startIndex
        let needle = phrase.utf8
        let asciiText = text.utf8.allSatisfy { $0 < 0x80 }
        if asciiText, needle.allSatisfy({ $0 < 0x80 }) {
            // No ASCII character combines with the next: a byte match is a character match.
            return asciiRange(of: needle, in: text.utf8, from: from)
        }
        // ASCII text is its own canonical decomposition, so it can only hold a phrase whose
        // decomposition is ASCII too.
        if asciiText, phrase.unicodeScalars.contains(where: { $0.value >= 0x80 && !decomposesToASCII.contains($0.value) }) {
            return nil
        }
        return text.range(of: phrase, range: from..<text.endIndex)
    }

    /// Whether `phrase` occurs in `text` (Foundation's `contains`).
    public static func contains(_ phrase: String, in text: String) -> Bool {
        range(of: phrase, in: text) != nil
    }

    /// The scalars beyond ASCII whose canonical decomposition is ASCII: Greek question mark
    /// (`;`), Greek varia (`` ` ``) and Kelvin sign (`K`).
    private static let decomposesToASCII: Set<UInt32> = [0x037E, 0x1FEF, 0x212A]

    private static func asciiRange(of needle: String.UTF8View, in haystack: String.UTF8View,
                                   from: String.Index) -> Range<String.Index>? {
        guard let first = needle.first else { return nil }
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
}
