import Foundation

/// Finds a participant's command ("pause", "withdraw", "delete my data", a new address)
/// in the new text of a reply, so people who only use email can manage their membership.
///
/// The rule, so a command word inside unrelated prose never acts:
/// - The text is cut into sentences (lines, then `.` `!` `?` `;`, and "。" "！" "？"). A greeting before a
///   comma ("Hi, …") is dropped, then polite openings ("please", "I want to",
///   "I'd like to", "could you", …) and the rest is compared.
/// - A sentence is a command when it *starts* with a command phrase ("pause",
///   "remove me", "delete my data") and every further word is an expected object
///   ("my participation", "from the program", "until March", "please", "thanks"), at most
///   8 words after the polite opening. "PAUSE", "Please pause my participation." and
///   "I want to leave the program" count; "I will stop by the booth", "here is my resume"
///   and "don't stop" do not.
/// - A new address counts after "my new address is", "change my email to", … or after
///   "please use" when the same line says "from now on" / "instead" / "going forward".
/// - Quoted lines (`>`) and everything after a signature or attribution line are ignored.
public enum CommandWords {
    /// The strongest command in the new text or the subject: delete my data, then
    /// withdraw, change of address, pause, resume. Nil when there is none.
    /// - Parameters:
    ///   - newText: the reply without quoted history.
    ///   - subject: the Subject header; "Re:"/"Fwd:" and "[tags]" are ignored.
    public static func detect(in newText: String, subject: String? = nil) -> ParticipantCommand? {
        detect(in: OwnText(newText), subject: subject)
    }

    static func detect(in own: OwnText, subject: String?) -> ParticipantCommand? {
        detectAll(in: own, subject: subject).min { $0.priority < $1.priority }
    }

    /// Every command found, without repeats, subject first, then in text order.
    public static func detectAll(in newText: String, subject: String? = nil) -> [ParticipantCommand] {
        detectAll(in: OwnText(newText), subject: subject)
    }

    static func detectAll(in own: OwnText, subject: String?) -> [ParticipantCommand] {
        var found: [ParticipantCommand] = []
        let sentences = (subject.map { [cleanSubject($0)] } ?? []) + own.sentences
        for sentence in sentences {
            if let command = command(in: sentence), !found.contains(command) { found.append(command) }
        }
        for line in own.lines {
            if let address = AddressChangeWords.newAddress(in: line), !found.contains(.changeAddress(address)) {
                found.append(.changeAddress(address))
            }
        }
        return found
    }

    /// Whether one sentence is a command (see the type's rule).
    static func command(in sentence: String) -> ParticipantCommand? {
        var words = EnrollmentText.words(dropGreeting(sentence))
        var removed = true
        while removed {
            removed = false
            for prefix in CommandPhrases.politePrefixes where words.starts(with: prefix) && words.count > prefix.count {
                words.removeFirst(prefix.count)
                removed = true
                break
            }
        }
        guard !words.isEmpty, words.count <= 8 else { return nil }
        return CommandPhrases.all.first { $0.matches(words) }?.command
    }

    /// How much of a message is read for requests: a request comes in what a person writes
    /// first, or last after a long story, and reading pasted logs or hostile mail further
    /// would only cost time.
    static let readLimit = 32_768
    /// Of a longer text, how much of its end is read (the rest of `readLimit` is its start).
    static let tailLimit = 8_192

    /// What of `text` is read: all of it up to `readLimit` characters; of a longer one, its
    /// whole lines within the first `readLimit - tailLimit` characters and within the last
    /// `tailLimit`, one after the other.
    /// - Complexity: O(`readLimit`), whatever the text's length.
    static func readable(_ text: String) -> Substring {
        guard isReadInPart(text) else { return text[...] }
        let headEnd = text.index(text.startIndex, offsetBy: readLimit - tailLimit)
        let head = text[..<headEnd]
        let tail = text[text.index(text.endIndex, offsetBy: -tailLimit)...]
        let lines = (head.lastIndex(where: \.isNewline).map { head[..<$0] } ?? head, tail.firstIndex(where: \.isNewline).map { tail[tail.index(after: $0)...] } ?? tail)
        return (String(lines.0) + "\n" + String(lines.1))[...]
    }

    /// Whether `text` is longer than what is read of it.
    static func isReadInPart(_ text: String) -> Bool {
        text.utf8.count > readLimit && text.index(text.startIndex, offsetBy: readLimit, limitedBy: text.endIndex).map { $0 < text.endIndex } == true
    }

    /// The person's own lines: not quoted, and before any signature or quoted history.
    static func ownLines(of text: String) -> [String] {
        ownFormLines(of: text).map(\.line.text)
    }

    /// `ownLines(of:)` as form lines, each with whether a blank or quoted line came before it.
    static func ownFormLines(of text: String) -> [(line: SignupFormLine, afterBreak: Bool)] {
        var lines: [(SignupFormLine, Bool)] = []
        var afterBreak = false
        let raws = readable(text).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in raws.enumerated() {
            let line = SignupFormLine(String(raw))
            if line.isSeparator || line.isAttribution { break }
            if line.key == .ignored, !isMailHeader(line) || opensHeaderBlock(raws[index...]) { break }
            if line.depth == 0, !line.isBlank {
                lines.append((line, afterBreak))
                afterBreak = false
            } else {
                afterBreak = true
            }
        }
        return lines
    }

    /// Whether the line's label is a mail header's ("From", "Asunto", "Betreff").
    static func isMailHeader(_ line: SignupFormLine) -> Bool {
        line.label.map { SignupKey.mailHeaderKeys.contains(SignupKey.fold($0)) } ?? false
    }

    /// Whether `lines` open with a passed-on mail's header block: two header lines or more in
    /// a row, one of them with an address or a Sent/Date line with a number. A lone "From:
    /// Berlin" or "Subject: my availability" line is the writer's own text.
    static func opensHeaderBlock(_ lines: ArraySlice<Substring>) -> Bool {
        let block = lines.lazy.map { SignupFormLine(String($0)) }.prefix { $0.key == .ignored && isMailHeader($0) }
        var count = 0
        var mailLike = false
        for line in block.prefix(6) {
            count += 1
            let dated = ["sent", "date", "enviado", "fecha", "gesendet", "datum", "envoye"].contains(SignupKey.fold(line.label ?? ""))
            if line.value.contains("@") || dated && line.value.contains(where: \.isNumber) { mailLike = true }
        }
        return count >= 2 && mailLike
    }

    /// Splits a line at `.` `!` `?` `;` and "。！？" where `SentenceEnds` says a sentence ends (not
    /// inside an address like a.b@c.org, nor after "e.g.").
    static func sentences(in line: String) -> [String] {
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSentences(in: line) }
        var sentences: [String] = []
        var current = ""
        let characters = Array(line)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if SentenceEnds.ends(character, next: next, before: current, semicolon: true) {
                sentences.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        sentences.append(current)
        return sentences.map(EnrollmentText.trim).filter { !$0.isEmpty }
    }

    /// `sentences(in:)` of an ASCII line, on bytes (each byte is a character).
    private static func asciiSentences(in line: String) -> [String] {
        var sentences: [String] = []
        let bytes = Array(line.utf8)
        var start = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: ";"): break
            // The sentence so far is made into text only at a mark, for `SentenceEnds` to look at.
            case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "."):
                let next: Character? = index + 1 < bytes.count ? Character(Unicode.Scalar(bytes[index + 1])) : nil
                guard SentenceEnds.ends(Character(Unicode.Scalar(byte)), next: next,
                                        before: String(decoding: bytes[start..<index], as: UTF8.self)) else { continue }
            default: continue
            }
            sentences.append(EnrollmentText.trim(String(decoding: bytes[start..<index], as: UTF8.self)))
            start = index + 1
        }
        sentences.append(EnrollmentText.trim(String(decoding: bytes[start...], as: UTF8.self)))
        return sentences.filter { !$0.isEmpty }
    }

    /// "Hi, pause please" → "pause please"; "Please, stop" → "stop".
    private static func dropGreeting(_ sentence: String) -> String {
        guard let comma = sentence.firstIndex(of: ",") else { return sentence }
        let head = EnrollmentText.words(sentence[..<comma])
        guard let first = head.first, head.count <= 3, CommandPhrases.greetings.contains(first) else {
            return sentence
        }
        return String(sentence[sentence.index(after: comma)...])
    }

    /// Removes "Re:", "Fwd:", "AW:", … and "[tags]" from the front of a subject.
    static func cleanSubject(_ subject: String) -> String {
        var rest = EnrollmentText.trim(EnrollmentText.plainSpaces(subject))
        let prefixes = ["re:", "fwd:", "fw:", "aw:", "wg:", "sv:", "rv:", "tr:", "r:", "res:", "vs:"]
        var changed = true
        while changed {
            changed = false
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                rest = EnrollmentText.trim(rest[rest.index(after: close)...])
                changed = true
            }
            // The prefixes are at most four characters: lowering eight is enough to compare.
            for prefix in prefixes where rest.prefix(8).lowercased().hasPrefix(prefix) {
                rest = EnrollmentText.trim(rest.dropFirst(prefix.count))
                changed = true
            }
        }
        return rest
    }
}

/// A reply's new text with its own lines (``CommandWords/ownLines(of:)``), their sentences and
/// the sentences' clauses, cut once for all the readers of a message.
struct OwnText: Sendable {
    let text: String
    let lines: [String]
    let sentences: [String]
    /// Each sentence's clauses (``CommandSentences/clauses(of:)``), in the order of `sentences`.
    let clauses: [[Clause]]

    init(_ newText: String) {
        self.init(text: newText, lines: CommandWords.ownLines(of: newText))
    }

    private init(text: String, lines: [String]) {
        self.text = text
        self.lines = lines
        sentences = lines.flatMap(CommandWords.sentences(in:))
        clauses = sentences.map { CommandSentences.clauses(of: $0).map(Clause.init) }
    }

    /// The text with each line a mail client wrapped in the middle of a sentence joined to the
    /// next one, so that a list goes on ("I speak English,⏎Portuguese and German"): the line ends
    /// with a comma, "and" or "or", or the next one starts in lower case or with "and"; never at
    /// a sentence's end, nor to or from a form's `Key: value` line.
    /// A blank line ends a paragraph: nothing is joined across it.
    var unwrapped: OwnText {
        var joined: [String] = []
        var previousWraps = false
        for (line, afterBreak) in CommandWords.ownFormLines(of: text) {
            if previousWraps, !afterBreak, !line.isKeyLine, let last = joined.last, Self.continues(last, with: line.text) {
                joined[joined.count - 1] = last + " " + line.text
            } else {
                joined.append(line.text)
            }
            previousWraps = !line.isKeyLine
        }
        return joined.count == lines.count ? self : OwnText(text: text, lines: joined)
    }

    /// Words that join the items of a list, lower-cased: a line ending with one goes on.
    static let listJoiners: Set<String> = ["and", "or", "y", "o", "e", "u", "und", "oder", "et", "ou", "ed", "oppure", "lub", "oraz"]
    /// Those that may start the next line of a list in a capital ("And German").
    static let listJoinersStarting: Set<String> = ["and", "or", "und", "oder", "et", "ou", "y"]

    /// Whether the line `next` goes on with the sentence `line` leaves open.
    static func continues(_ line: String, with next: String) -> Bool {
        guard let end = line.last, !".!?;…:。！？".contains(end), let start = next.first else { return false }
        let firstWord = next.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() } ?? ""
        return leavesListOpen(line) || start.isLowercase || listJoinersStarting.contains(firstWord)
    }

    /// Whether `line` ends a list's item and waits for the next: a comma, "and", "or" or their kin.
    static func leavesListOpen(_ line: String) -> Bool {
        guard let end = line.last, !".!?;…:。！？".contains(end) else { return false }
        let lastWord = line.split(whereSeparator: \.isWhitespace).last.map { $0.lowercased() } ?? ""
        return end == "," || end == "，" || listJoiners.contains(lastWord)
    }

    /// A clause with its folded text and words, which the request and role readers both compare.
    struct Clause: Sendable {
        let text: String
        let folded: String
        /// `EnrollmentText.words(text)`.
        let words: [String]

        init(_ text: String) {
            self.text = text
            folded = EnrollmentText.fold(text)
            words = EnrollmentText.words(folded: folded)
        }
    }
}
