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
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: each byte is a character, and the brackets are `(` `[` and `)` `]`.
            let (outside, groups) = scan(text.utf8, opens: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") },
                                         closes: { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "]") })
            return (String(decoding: outside, as: UTF8.self), groups.map { String(decoding: $0, as: UTF8.self) })
        }
        let (outside, groups) = scan(text, opens: openers.contains, closes: closers.contains)
        return (String(outside), groups.map { String($0) })
    }

    /// The elements outside bracketed groups, and each outermost group's contents (groups nest).
    /// An unclosed group is text, not a hint.
    private static func scan<Elements: Sequence>(_ elements: Elements, opens: (Elements.Element) -> Bool,
                                                 closes: (Elements.Element) -> Bool)
        -> (outside: [Elements.Element], groups: [[Elements.Element]]) {
        var outside: [Elements.Element] = []
        var groups: [[Elements.Element]] = []
        var current: [Elements.Element] = []
        var depth = 0
        var opener: Elements.Element?
        for element in elements {
            if opens(element) {
                if depth > 0 { current.append(element) } else { opener = element }
                depth += 1
            } else if closes(element), depth > 0 {
                depth -= 1
                if depth == 0 {
                    groups.append(current)
                    current = []
                } else {
                    current.append(element)
                }
            } else if depth > 0 {
                current.append(element)
            } else {
                outside.append(element)
            }
        }
        if depth > 0, let opener { outside += [opener] + current }
        return (outside, groups)
    }

    /// Whether a group reads as a hint: the form's own placeholder, an example, or a list of
    /// choices ("mentor / mentee / both", "IRC, email, video").
    static func isHint(_ group: String, template: String?) -> Bool {
        let key = hintKey(group)
        if let template, key == templateKey(template) { return true }
        if examplePrefixes.contains(where: { key.hasPrefix($0) }) { return true }
        let folded = EnrollmentText.fold(group)
        return choiceMarks.contains { TextSearch.contains($0, in: folded) }
    }

    private static let examplePrefixes = ["eg ", "e g ", "ie ", "p ej ", "por ej ", "ex ", "por ex ", "z b ", "zb ", "np ", "ad es ",
                                          "например ", "例如", "例えば", "mentors only", "solo mentores", "so mentores", "nur mentoren"]
    private static let choiceMarks = ["/", ",", " or ", " o ", " ou ", " oder ", "、", "，"]

    static func hintKey(_ text: some StringProtocol) -> String {
        let folded = EnrollmentText.fold(text)
        // ASCII: each byte is a character, and "…" cannot occur.
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = folded.utf8.compactMap { byte -> UInt8? in
                byte == UInt8(ascii: ".") ? nil : ",;:".utf8.contains(byte) ? UInt8(ascii: " ") : byte
            }
            return EnrollmentText.collapse(String(decoding: bytes, as: UTF8.self))
        }
        let kept = folded.filter { !".…".contains($0) }
        return EnrollmentText.collapse(String(kept.map { ",;:".contains($0) ? " " : $0 }))
    }

    /// `hintKey` of a field's own placeholder (`SignupField.hint`), which every answer with a
    /// group is compared to: those are worked out once.
    static func templateKey(_ hint: String) -> String {
        templateKeys[hint] ?? hintKey(hint)
    }

    private static let templateKeys: [String: String] = Dictionary(
        SignupField.allCases.compactMap(\.hint).map { ($0, hintKey($0)) }, uniquingKeysWith: { first, _ in first })
}
