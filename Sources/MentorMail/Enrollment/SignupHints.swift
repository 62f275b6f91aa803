import Foundation
import Mail

/// The hints forms print beside a label or an answer, in parentheses or brackets: "Role (mentor
/// / mentee / both):", "Role: (mentor, mentee, or both) mentee", "Áreas: (p. ej. Nova, …)". A
/// value is never taken from a hint.
enum SignupHints {
    static let openers: Set<Character> = ["(", "[", "\u{FF08}", "【"]
    static let closers: Set<Character> = [")", "]", "\u{FF09}", "】"]

    /// The text without its bracketed groups, spaces collapsed.
    static func removingGroups(_ text: String) -> String {
        EnrollmentText.collapse(split(text).outside)
    }

    /// The text outside bracketed groups, and the groups' contents.
    static func split(_ text: String) -> (outside: String, groups: [String]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSplit(text) }
        var outside = ""
        var groups: [String] = []
        var current = ""
        var depth = 0
        var opener: Character = "("
        for character in text {
            if openers.contains(character) {
                if depth > 0 { current.append(character) } else { opener = character }
                depth += 1
            } else if closers.contains(character), depth > 0 {
                depth -= 1
                if depth == 0 {
                    groups.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            } else if depth > 0 {
                current.append(character)
            } else {
                outside.append(character)
            }
        }
        // An unclosed group is text, not a hint.
        if depth > 0 { outside += String(opener) + current }
        return (outside, groups)
    }

    /// `split` on the bytes of ASCII text, where each byte is a character and the brackets
    /// are `(` `[` and `)` `]`.
    private static func asciiSplit(_ text: String) -> (outside: String, groups: [String]) {
        var outside: [UInt8] = []
        var groups: [String] = []
        var current: [UInt8] = []
        var depth = 0
        var opener = UInt8(ascii: "(")
        for byte in text.utf8 {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                if depth > 0 { current.append(byte) } else { opener = byte }
                depth += 1
            } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]"), depth > 0 {
                depth -= 1
                if depth == 0 {
                    groups.append(String(decoding: current, as: UTF8.self))
                    current = []
                } else {
                    current.append(byte)
                }
            } else if depth > 0 {
                current.append(byte)
            } else {
                outside.append(byte)
            }
        }
        var text = String(decoding: outside, as: UTF8.self)
        if depth > 0 { text += String(UnicodeScalar(opener)) + String(decoding: current, as: UTF8.self) }
        return (text, groups)
    }

    /// Whether a group reads as a hint: the form's own placeholder, an example, or a list of
    /// choices ("mentor / mentee / both", "IRC, email, video").
    static func isHint(_ group: String, template: String?) -> Bool {
        let key = hintKey(group)
        if let template, key == hintKey(template) { return true }
        let examplePrefixes = ["eg ", "e g ", "ie ", "p ej ", "por ej ", "ex ", "por ex ", "z b ", "zb ", "np ", "ad es ",
                               "например ", "例如", "例えば", "mentors only", "solo mentores", "so mentores", "nur mentoren"]
        if examplePrefixes.contains(where: { key.hasPrefix($0) }) { return true }
        let folded = EnrollmentText.fold(group)
        return ["/", ",", " or ", " o ", " ou ", " oder ", "、", "，"].contains { TextSearch.contains($0, in: folded) }
    }

    static func hintKey(_ text: some StringProtocol) -> String {
        let folded = EnrollmentText.fold(text).filter { !".…".contains($0) }
        return EnrollmentText.collapse(String(folded.map { ",;:".contains($0) ? " " : $0 }))
    }
}
