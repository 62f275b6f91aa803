import Foundation
import Mail

/// One line of a reply, with its quote depth and, when it looks like `Key: value`, the
/// label and answer, cleaned of what HTML-to-text conversion leaves (`*Role:*`, bullets,
/// non-breaking spaces).
struct SignupFormLine: Equatable {
    /// How many `>` marks quoted the line (`> >` is 2).
    let depth: Int
    /// The line without quote marks, spaces made plain, trimmed.
    let text: String
    /// How many spaces or tabs came before the text (after the one space a quote mark takes).
    let indent: Int
    /// The cleaned label as written, when the line looks like `Key: value`.
    let label: String?
    let key: SignupKey?
    let value: String

    var isBlank: Bool { text.isEmpty }
    var isKeyLine: Bool { key != nil }

    /// Splits a whole body into lines. A form line typed after a sentence on the same line
    /// ("can you change my languages? Languages: English, Arabic") or after a phrase and a
    /// colon ("Oh, I forgot: Interaction: video") is a line of its own.
    /// A table's row made text with a tab between its cells ("Name<TAB>Alice") reads as
    /// "Name: Alice" when the first cell is a field's label; so do cells written one per line
    /// ("Name", a blank line, "Alice") when two labels or more are written so.
    static func lines(of body: String) -> [SignupFormLine] { recentLines.value(for: body, splitLines) }

    private static let recentLines = RecentReadings<[SignupFormLine]>()

    private static func splitLines(_ body: String) -> [SignupFormLine] {
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).flatMap { raw in
            let line = SignupFormLine(tabCells(String(raw)))
            let quotes = String(repeating: "> ", count: line.depth)
            // "Ah, e esqueci: Interaction: video": a phrase and a colon before a field's line.
            if let pieces = line.fieldAfterPhrase() { return pieces.map { SignupFormLine(quotes + $0) } }
            guard !line.isKeyLine || line.key == .unknown, let pieces = line.fieldAfterSentence() else { return [line] }
            return pieces.map { SignupFormLine(quotes + $0) }
        }
        return joiningCellsPerLine(lines)
    }

    /// The language of our form filled in in `body` ("en" or "es"), when two thirds or more
    /// of its field labels (three or more) are that language's; nil when it cannot tell.
    static func labelLanguage(of body: String) -> String? {
        let labels = lines(of: body).compactMap { line -> (label: String, field: SignupField)? in
            guard case .field(let field)? = line.key, let label = line.label else { return nil }
            return (SignupKey.fold(label), field)
        }
        guard labels.count >= 3 else { return nil }
        let spanish = ProfileWording(language: "es")
        let english = labels.count { $0.field.englishKeys.contains($0.label) }
        let inSpanish = labels.count { SignupKey.fold(spanish.label($0.field)) == $0.label }
        if english > inSpanish, english * 3 >= labels.count * 2 { return "en" }
        if inSpanish > english, inSpanish * 3 >= labels.count * 2 { return "es" }
        return nil
    }

    /// `raw` with its first tab after text made ": " when the text before it is a field's label.
    private static func tabCells(_ raw: String) -> String {
        guard raw.utf8.contains(9) else { return raw }
        let start = raw.firstIndex { $0 != "\t" && $0 != " " && $0 != ">" } ?? raw.endIndex
        guard let tab = raw[start...].firstIndex(of: "\t"), firstSeparator(in: String(raw[start..<tab])) == nil else { return raw }
        let label = cleanLabel(raw[start..<tab])
        guard cellLabelKey(label) != nil else { return raw }
        let value = raw[tab...].split(separator: "\t").map(EnrollmentText.trim).filter { !$0.isEmpty }.joined(separator: " ")
        return raw[..<start] + label + ": " + value
    }

    /// The key of a lone label cell: a field, "Location" or "Mail language"; nil for the rest.
    private static func cellLabelKey(_ label: String) -> SignupKey? {
        guard looksLikeLabel(label) else { return nil }
        switch SignupKey(label: label) {
        case .field, .location, .mailLanguage: return SignupKey(label: label)
        case .ignored, .unknown: return nil
        }
    }

    /// Joins a line holding only a label ("Role") to the next text of the same depth after
    /// blank lines ("Mentor"), when at least two labels have such a value.
    private static func joiningCellsPerLine(_ lines: [SignupFormLine]) -> [SignupFormLine] {
        var pairs: [(label: Int, value: Int)] = []
        // A label cell is short: sentences are not looked at.
        for (index, line) in lines.enumerated() where line.key == nil && !line.isBlank && line.text.utf8.count <= 60
            && cellLabelKey(cleanLabel(Substring(line.text))) != nil {
            guard let next = lines[(index + 1)...].firstIndex(where: { !$0.isBlank }) else { continue }
            let value = lines[next]
            guard value.depth == line.depth, !value.isKeyLine, !value.isSeparator, !value.isAttribution, !value.isSignOff,
                  cellLabelKey(cleanLabel(Substring(value.text))) == nil else { continue }
            pairs.append((index, next))
        }
        guard pairs.count >= 2 else { return lines }
        var joined: [SignupFormLine] = []
        var skipUntil = -1
        var pairIndex = 0
        for (index, line) in lines.enumerated() where index > skipUntil {
            if pairIndex < pairs.count, pairs[pairIndex].label == index {
                let quotes = String(repeating: "> ", count: line.depth)
                joined.append(SignupFormLine(quotes + cleanLabel(Substring(line.text)) + ": " + lines[pairs[pairIndex].value].text))
                skipUntil = pairs[pairIndex].value
                pairIndex += 1
            } else {
                joined.append(line)
            }
        }
        return joined
    }

    /// The text cut before a known field's `Key: value` that follows the end of a sentence
    /// (".", "?" or "!" and a space), and after that answer's own sentence unless the field is
    /// free text ("Time zone: Europe/Oslo. Thanks!"); nil when there is no such field.
    private func fieldAfterSentence() -> [String]? {
        guard text.contains(where: { $0 == ":" || $0 == "=" || $0 == "\u{FF1A}" }) else { return nil }
        var index = text.startIndex
        while let end = Self.sentenceEnd(in: text[index...]) {
            index = end
            let rest = EnrollmentText.trim(text[index...])
            guard let (_, value, key) = Self.split(rest), case .field(let field) = key else { continue }
            guard field != .aboutMe, field != .availability,
                  let valueStart = rest.range(of: value)?.lowerBound, let after = Self.sentenceEnd(in: rest[valueStart...]) else {
                return [String(text[..<index]), rest]
            }
            return [String(text[..<index]), String(rest[..<after]), String(rest[after...])]
        }
        return nil
    }

    /// The text cut at a colon after a phrase when a known field's `Key: value` follows it
    /// ("Ah, e esqueci: Interaction: video"); nil for a form line and for the rest.
    private func fieldAfterPhrase() -> [String]? {
        guard key == nil || key == .unknown, let colon = text.firstIndex(where: { $0 == ":" || $0 == "\u{FF1A}" }) else { return nil }
        let rest = EnrollmentText.trim(text[text.index(after: colon)...])
        guard case .field? = SignupFormLine(rest).key else { return nil }
        return [String(text[..<colon]), rest]
    }

    /// Where the text after the first end of a sentence (".", "?", "!" and a space) starts.
    private static func sentenceEnd(in text: Substring) -> String.Index? {
        var index = text.startIndex
        while let end = text[index...].firstIndex(where: { $0 == "." || $0 == "?" || $0 == "!" || $0 == "？" || $0 == "！" }) {
            index = text.index(after: end)
            if index < text.endIndex, text[index] == " " { return index }
        }
        return nil
    }

    init(_ raw: String) {
        var rest = Substring(EnrollmentText.plainSpaces(raw))
        var depth = 0
        while let first = rest.first(where: { $0 != " " }), first == ">" {
            rest = rest.drop(while: { $0 == " " }).dropFirst()
            depth += 1
        }
        self.depth = depth
        if depth > 0, rest.first == " " { rest = rest.dropFirst() }
        self.indent = rest.prefix { $0 == " " || $0 == "\t" }.count
        self.text = EnrollmentText.trim(rest)
        if let (label, value, key) = Self.split(text) {
            self.label = label
            self.key = key
            self.value = value
        } else {
            self.label = nil
            self.key = nil
            self.value = ""
        }
    }

    /// Characters that open a line as markup rather than words: bullets and emphasis.
    private static let leadingMarks = CharacterSet(charactersIn: "*_-+#•·◦▪‣–—○●■□➢➤→").union(.whitespaces)

    /// `text` without `leadingMarks` at either end.
    private static func trimMarks(_ text: String) -> String {
        // In ASCII the marks are `*_-+#`, and the spaces are space and tab.
        EnrollmentText.asciiTrimmed(text) { "*_-+# \t".utf8.contains($0) } ?? text.trimmingCharacters(in: leadingMarks)
    }

    /// `Key: value`, `Key = value`, `Key：value`, and `Key - value` for known keys only. A hint
    /// in parentheses or brackets beside the label ("Role (mentor / mentee / both): …") is not
    /// part of it, and a separator inside such a hint does not end the label.
    private static func split(_ text: String) -> (String, String, SignupKey)? {
        if let separator = firstSeparator(in: text) {
            let label = cleanLabel(text[..<separator])
            let value = EnrollmentText.stripEmphasis(withoutCellSeparators(text[text.index(after: separator)...]))
            guard looksLikeLabel(label), !value.hasPrefix("//") else { return nil }
            let key = SignupKey(label: label)
            guard key != .unknown || label.split(separator: " ").count <= 3 else { return nil }
            return (label, value, key)
        }
        // No other character decomposes to a dash: a line without the dash cannot hold it.
        // " | " joins table cells in HTML made text: "Name | Henrik Berg" from a row of two cells.
        for (dash, mark) in [(" - ", "-"), (" – ", "–"), (" — ", "—"), (" | ", "|")] as [(String, Unicode.Scalar)]
        where text.unicodeScalars.contains(mark) {
            guard let range = EnrollmentText.find(dash, in: text) else { continue }
            let label = cleanLabel(text[..<range.lowerBound])
            let key = SignupKey(label: label)
            guard case .field = key else { return nil }
            return (label, EnrollmentText.stripEmphasis(withoutCellSeparators(text[range.upperBound...])), key)
        }
        return nil
    }

    /// A value without the table cell separators ("|") and spaces at its ends: the row
    /// `<td>Name:</td><td>Henrik Berg</td>` reads as "Name: | Henrik Berg".
    private static func withoutCellSeparators(_ value: Substring) -> Substring {
        // No other character holds a "|": text without its byte has none, and Foundation is not asked.
        guard value.utf8.contains(UInt8(ascii: "|")), value.contains("|") else { return value }
        let kept = value.drop { $0 == "|" || $0.isWhitespace }
        return kept[..<(kept.lastIndex { $0 != "|" && !$0.isWhitespace }.map(kept.index(after:)) ?? kept.startIndex)]
    }

    /// The first `:`, `=` or `：` outside parentheses and brackets ("Interaction (IRC: yes):
    /// video"); when a bracket is never closed, the first one anywhere.
    private static func firstSeparator(in text: String) -> String.Index? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: each byte is a character.
            return firstSeparator(in: text.utf8, opens: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") },
                                  closes: { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "]") },
                                  separates: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") })
        }
        return firstSeparator(in: text, opens: { isMark($0, of: "([\u{FF08}【") }, closes: { isMark($0, of: ")]\u{FF09}】") },
                              separates: { isMark($0, of: ":=\u{FF1A}") })
    }

    /// Whether `character` is one of `marks`. Each mark is a lone scalar that no other text is
    /// canonically equivalent to, so a character equals it only when it is that one scalar.
    private static func isMark(_ character: Character, of marks: String) -> Bool {
        let scalars = character.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return marks.unicodeScalars.contains(scalar)
    }

    private static func firstSeparator<Elements: Collection>(in elements: Elements, opens: (Elements.Element) -> Bool,
                                                             closes: (Elements.Element) -> Bool,
                                                             separates: (Elements.Element) -> Bool) -> Elements.Index? {
        var depth = 0
        var first: Elements.Index?
        for index in elements.indices {
            let element = elements[index]
            if opens(element) {
                depth += 1
            } else if closes(element) {
                depth = max(0, depth - 1)
            } else if separates(element) {
                if depth == 0 { return index }
                first = first ?? index
            }
        }
        return depth > 0 ? first : nil
    }

    /// Drops bullets, emphasis, list numbers and bracketed hints around a label.
    private static func cleanLabel(_ text: Substring) -> String {
        var label = trimMarks(SignupHints.removingGroups(String(text)))
        if let dot = label.firstIndex(where: { $0 == "." || $0 == ")" }),
           label[..<dot].allSatisfy(\.isNumber), !label[..<dot].isEmpty {
            label = trimMarks(String(label[label.index(after: dot)...]))
        }
        return label
    }

    /// A label is 1–5 words of letters (with `-`, `'`, `(s)`, `?`), at most 40 characters:
    /// enough for "Community area(s)", not enough for "On Mon, 3 Jun 2024 … wrote".
    /// A label we do not know must also be 3 words at most, so prose stays prose.
    private static func looksLikeLabel(_ label: String) -> Bool {
        if label.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLooksLikeLabel(label.utf8) }
        guard let first = label.first, first.isLetter, label.count <= 40 else { return false }
        let allowed = label.allSatisfy { $0.isLetter || " -'’()?/&".contains($0) }
        return allowed && label.split(separator: " ").count <= 5
    }

    /// `looksLikeLabel` of ASCII text, on bytes: the letters are A–Z and a–z, and a label of
    /// allowed bytes holds no "\r\n", the one character of two bytes.
    private static func asciiLooksLikeLabel(_ label: String.UTF8View) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
        guard let first = label.first, isLetter(first), label.count <= 40,
              label.allSatisfy({ isLetter($0) || " -'()?/&".utf8.contains($0) }) else { return false }
        return label.split(separator: UInt8(ascii: " ")).count <= 5
    }

    /// "-- ", "--", "__" and Outlook's "-----Original Message-----" start a signature or history;
    /// a phone or app line ("Sent from my iPhone", "Get Outlook for iOS") ends the form too.
    var isSeparator: Bool {
        text == "--" || text.hasPrefix("-----") || text.hasPrefix("_____")
            || (depth == 0 && (text.lowercased().hasPrefix("sent from my") || ReplyExtractor.isMobileSignature(text)))
    }

    /// "On Mon, … wrote:" and its translations, which start quoted history.
    var isAttribution: Bool {
        let lower = text.lowercased()
        return ["wrote:", "escribió:", "schrieb:", "a écrit :", "a écrit:", "scrisse:", "escreveu:"]
            .contains { lower.hasSuffix($0) } || ReplyExtractor.isAttribution(text)
    }

    /// A short closing that starts a signature: "Thanks", "Best regards,", "Cheers, Ana",
    /// "Thank you so much!", "Muchas gracias," — but not "Best practices matter".
    var isSignOff: Bool {
        let words = EnrollmentText.words(text)
        guard !words.isEmpty, words.count <= 4 else { return false }
        let joined = words.joined(separator: " ")
        let punctuated = text.contains(",") || text.hasSuffix("!")
        return Self.signOffs.contains { joined == $0 || (punctuated && joined.hasPrefix($0 + " ")) }
    }

    private static let signOffs = [
        "thanks", "thank you", "many thanks", "best", "best regards", "regards", "kind regards", "best wishes",
        "warm regards", "cheers", "sincerely", "br", "all the best", "all best", "take care", "talk soon",
        "thanks a lot", "thanks so much", "thanks again", "thank you very much", "thank you again",
        "saludos", "un saludo", "saludos cordiales", "un abrazo", "abrazos", "atentamente", "gracias",
        "muchas gracias", "muchisimas gracias", "mil gracias", "gracias de antemano", "merci beaucoup", "mille mercis",
        "vielen dank", "herzlichen dank", "danke schon", "muito obrigado", "muito obrigada", "grazie", "grazie mille",
        "cordiali saluti", "saluti",
        "merci", "cordialement", "bonne journee", "bonne soiree", "bonne semaine", "bien a vous", "a bientot", "amities",
        "bises", "bisous", "danke", "gruß", "gruss", "grusse", "gruße", "viele grusse", "viele gruße", "liebe grusse",
        "liebe gruße", "beste grusse", "beste gruße", "schone grusse", "schone gruße", "mit freundlichen grussen",
        "mit freundlichen grußen", "lg", "vg", "mfg", "obrigado", "obrigada", "abracos", "abraco", "um abraco",
        "beijos", "atenciosamente", "cumprimentos",
    ]
}
