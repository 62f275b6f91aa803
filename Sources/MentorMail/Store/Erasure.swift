import Foundation
import Mail

/// What erasing a person did, said without naming them: for the audit log.
public struct Erasure: Sendable, Equatable {
    /// A held message of someone else, kept with the person's name and address taken out.
    public struct Redacted: Sendable, Equatable {
        public var id: Int64
        public var sender: String?
        /// Attachments not kept in the redacted copy.
        public var leftOut: [String]
    }

    /// Messages they sent, removed.
    public var ownMessages = 0
    /// Messages of others that named them and no longer waited for a coordinator, removed.
    public var removedNaming = 0
    /// Outgoing mail to them or about them, removed.
    public var outgoing = 0
    public var redacted: [Redacted] = []
    /// Coordinators' decisions (an APPROVE quoting the proposal) that named them: kept as the
    /// record of the decision, with their name, address and lines taken out.
    public var decisions: [Int64] = []

    /// "removed 2 message(s) they sent, …; redacted, kept for the coordinators: `mentormail held show 4` from bea@…".
    public var summary: String {
        let removed = "removed \(ownMessages) message(s) they sent, \(removedNaming) message(s) of others naming them that no longer "
            + "waited for a coordinator, and \(outgoing) outgoing message(s) to or about them"
            + (decisions.isEmpty ? "" : "; redacted their name, address and lines in \(decisions.count) coordinator decision(s), kept as the record: "
                + decisions.map { "`mentormail held show \($0)`" }.joined(separator: ", "))
        guard !redacted.isEmpty else { return removed + "; redacted no held mail" }
        return removed + "; redacted their name and address in held mail of others, kept for the coordinators: "
            + redacted.map { item in
                "`mentormail held show \(item.id)` from \(item.sender ?? "an unknown sender")"
                    + (item.leftOut.isEmpty ? "" : " (left out: \(item.leftOut.joined(separator: ", ")))")
            }.joined(separator: "; ")
    }
}

/// Takes a person's name and address out of text, and makes a plain copy of a message without them.
struct Redaction {
    /// What identifies them, lower case: the address, a full name, the words of their profile
    /// that only they wrote (their "about me").
    let marks: [String]
    /// Their names as words ("Kim" in "Hi Kim, great to meet you!"), taken out of copies of
    /// others' mail only, where a lone first name means them.
    var names: [String] = []
    /// What their profile says, lower case (time zone, languages, areas, availability), taken
    /// out of mail others pass on (a forwarded introduction quotes their profile).
    var details: [String] = []
    static let replacement = "[erased participant]"
    static let quotesRemoved = "[quoted text removed at erasure]"
    /// `marks` as patterns that match them whole: an address not inside a longer one
    /// ("ana@x.org" is not in "hana@x.org"), other marks as whole words ("Ana Lopez" is not in
    /// "Diana Lopez").
    private let patterns: [(mark: String, expression: NSRegularExpression)]

    init(marks: [String], names: [String] = []) {
        self.marks = marks
        self.names = names
        patterns = Self.patterns(marks)
    }

    private static func patterns(_ marks: [String]) -> [(mark: String, expression: NSRegularExpression)] {
        marks.compactMap { mark in
            let expression = mark.contains("@") ? addressExpression(mark) : wordExpression(mark)
            return expression.map { (mark, $0) }
        }
    }

    /// `address` (any case) where no address character stands before it and none after it
    /// (a dot ends it only when no letter or digit follows, as at the end of a sentence).
    static func addressExpression(_ address: String) -> NSRegularExpression? {
        let pattern = "(?<![\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-])" + NSRegularExpression.escapedPattern(for: address)
            + "(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])"
        return try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// What identifies `profile`'s person at `address`: marks, and the name's words.
    init(address: String, profile: ParticipantProfile) {
        let name = profile.name.trimmingCharacters(in: .whitespaces)
        let about = profile.aboutMe.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        // A full name long enough not to match others; an "about me" long enough to be theirs.
        marks = [address] + (name.count >= 5 && name.contains(" ") ? [name.lowercased()] : []) + (about.count >= 12 ? [about] : [])
        patterns = Self.patterns(marks)
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        // The first name, and other parts long enough not to be a common word ("de", "An").
        names = words.enumerated().filter { $0.offset == 0 ? $0.element.count >= 2 : $0.element.count >= 3 }.map(\.element)
        details = ([profile.timeZone, profile.availability] + profile.languages + profile.areas + profile.freeTextAreas)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { $0.count >= 3 }
    }

    func apply(_ text: String) -> String {
        patterns.reduce(text) { text, pattern in
            // Most text names no one: the plain search first, the pattern only where it may match.
            guard text.range(of: pattern.mark, options: .caseInsensitive) != nil else { return text }
            return pattern.expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                               withTemplate: NSRegularExpression.escapedTemplate(for: Self.replacement))
        }
    }

    func mentions(_ text: String) -> Bool { apply(text) != text }

    /// `apply`, and their names as whole words too.
    func applyWithNames(_ text: String) -> String {
        names.reduce(apply(text)) { text, name in
            guard let expression = Self.wordExpression(name) else { return text }
            return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                       withTemplate: NSRegularExpression.escapedTemplate(for: Self.replacement))
        }
    }

    /// The same redaction, taking out alone only those of their names that are theirs in one
    /// message (`NameOwners`).
    func keeping(names kept: [String]) -> Redaction {
        var copy = self
        copy.names = names.filter(kept.contains)
        return copy
    }

    /// `word` (any case) as a whole word: no letter or digit on either side.
    static func wordExpression(_ word: String) -> NSRegularExpression? {
        let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: word) + "(?![\\p{L}\\p{N}])"
        return try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// Whether `text` holds `word` as a whole word.
    static func containsWord(_ word: String, in text: String) -> Bool {
        wordExpression(word)?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The text someone wrote, without the history they quoted (our mail to or about the person,
    /// the person's own mail), their names taken out; a line says when quotes were removed.
    /// A message it passes on (a forwarded introduction) keeps no detail of theirs (`passedOn`).
    func ownText(_ text: String, subject: String? = nil) -> String {
        let kept = ReplyExtractor.newText(text)
        let squeezed = { (text: String) in
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let cut = squeezed(kept) != squeezed(text)
        let writers = ForwardedMessages.writersText(kept, subject: subject)
        let rest = writers.count < kept.count ? String(kept.dropFirst(writers.count)) : ""
        return applyWithNames(writers) + passedOn(rest) + (cut ? "\n\n" + Self.quotesRemoved : "")
    }

    /// Text someone passes on (a forward of our introduction, with its quoted headers): their
    /// address and names, each "Label: value" line below a line naming them in the same
    /// paragraph (the profile lines our introduction gives under each person, whatever the
    /// language), and their profile's values wherever they stand (a table's cells). A value
    /// they share with someone else in it goes too: what is passed on is not the sender's own words.
    func passedOn(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var namedAbove = false
        for index in lines.indices {
            let line = lines[index]
            if line.allSatisfy({ $0.isWhitespace || $0 == ">" }) { namedAbove = false; continue }
            if namedAbove, let value = Self.labelledValue(line) { lines[index] = String(line[..<value.lowerBound]) + Self.replacement; continue }
            if applyWithNames(line) != line { namedAbove = true }
        }
        return details.reduce(applyWithNames(lines.joined(separator: "\n"))) { text, detail in
            guard let expression = Self.wordExpression(detail) else { return text }
            return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                       withTemplate: NSRegularExpression.escapedTemplate(for: Self.replacement))
        }
    }

    /// A coordinator's decision kept as the program's record (an APPROVE quoting the round's
    /// proposal): the whole text, quotes included, without the lines about them: each line
    /// naming them and the lines indented under it (their entry in the proposal), and each
    /// "Label: value" line's value below it in the same paragraph ("why:", "look first:").
    /// Everyone else's lines stay as written.
    func record(_ text: String) -> String {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var entry: Int?
        var namedAbove = false
        for index in lines.indices {
            let line = lines[index]
            let lead = line.prefix { $0.isWhitespace || $0 == ">" }
            if lead.count == line.count { entry = nil; namedAbove = false; continue }
            if let depth = entry, lead.count > depth { lines[index] = lead + Self.replacement; continue }
            entry = nil
            if applyWithNames(line) != line {
                lines[index] = lead + Self.replacement
                entry = lead.count
                namedAbove = true
            } else if namedAbove, let value = Self.labelledValue(line) {
                lines[index] = String(line[..<value.lowerBound]) + Self.replacement
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Header names of a quoted message's header block: its lines are no profile lines.
    private static let headerLabels: Set<String> = ["from", "to", "cc", "date", "sent", "subject", "de", "para", "asunto", "fecha",
                                                    "enviado", "von", "an", "betreff", "datum", "objet", "à", "envoyé", "da", "oggetto"]

    /// Where the value of a "Label: value" line stands (a short label of a few words, not a
    /// header's, nor someone's name and address: "Li Wei <li@example.com>: …").
    static func labelledValue(_ line: String) -> Range<String.Index>? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "> \t")).lowercased()
        let value = line[line.index(after: colon)...]
        guard !label.isEmpty, label.count <= 30, label.split(separator: " ").count <= 5, !headerLabels.contains(label), !label.contains("@"),
              let start = value.firstIndex(where: { !$0.isWhitespace }) else { return nil }
        return start..<line.endIndex
    }

    /// A plain-text copy of `message`: its headers and the text its sender wrote (without quoted
    /// history; with it for a coordinator's `decision`, see `record`) with the person taken out.
    /// The attachments are left out (an export or a forwarded file may name them anywhere in
    /// it); their names are returned, and listed at the end of the text.
    func copy(of message: Message, decision: Bool = false) -> (bytes: [UInt8], leftOut: [String]) {
        var lines: [String] = []
        for name in ["From", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To", "References"] {
            // A subject may greet them by their first name ("Re: Kim, welcome"); the sender's own name stays.
            let redact = name == "Subject" ? applyWithNames : apply
            if let value = message.header(name) { lines.append("\(name): \(HeaderWriter.sanitize(redact(value)))") }
        }
        lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
        let text = MailReading.body(of: message)?.text ?? message.textBody ?? ""
        lines += (decision ? record(text) : ownText(text, subject: message.subject)).split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix("\r")) }
        var leftOut: [String] = []
        for part in message.leafParts where part.isAttachment {
            let name = HeaderWriter.sanitize(apply(part.filename ?? part.contentType))
            leftOut.append(mentions(part.decodedText()) || mentions(part.filename ?? "") ? "\(name) (it named them)" : name)
        }
        if !leftOut.isEmpty {
            lines += ["", "(Attachments not kept when a participant's data was deleted: \(leftOut.joined(separator: ", ")))"]
        }
        return (Array(lines.joined(separator: "\r\n").utf8) + [13, 10], leftOut)
    }
}

/// A line of someone else's mail holding a name word of the erased person's, and the same line
/// with those words taken out: where our mail quotes it (a digest's excerpt of held mail), the
/// quote is redacted as the held mail itself is.
struct QuotedLine: Equatable {
    let text: String
    let redacted: String

    /// The lines of `message`'s text (its reply, as a digest quotes it) and its subject that
    /// hold one of `names` as a word: each whole, cut as a digest's excerpt cuts it, and each
    /// of its sentences that holds one (as a note quotes a question).
    static func lines(of message: Message, names: [String]) -> [QuotedLine] {
        guard !names.isEmpty else { return [] }
        let redaction = Redaction(marks: [], names: names)
        let lines = [message.subject ?? ""] + MailReading.reply(of: message).split(whereSeparator: \.isNewline).map(String.init)
        return lines.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { line -> [QuotedLine] in
            let pieces = [line, String(line.prefix(HeldMailService.excerptWidth))] + CommandWords.sentences(in: line)
            return pieces.reduce(into: []) { found, piece in
                let redacted = redaction.applyWithNames(piece)
                if redacted != piece, !found.contains(where: { $0.text == piece }) { found.append(QuotedLine(text: piece, redacted: redacted)) }
            }
        }
    }

    /// Our stored mail `raw` made again with each of `lines` redacted where it quotes them, in
    /// its subject, text and HTML (escaped as our templates escape it), under its own
    /// Message-ID and date; nil when it quotes none of them.
    static func redacting(_ lines: [QuotedLine], in raw: Data) -> (bytes: [UInt8], subject: String)? {
        guard !lines.isEmpty else { return nil }
        let message = Message(data: raw)
        guard let from = message.from, let id = message.messageID else { return nil }
        var changed = false
        func swap(_ text: String) -> String {
            let result = lines.reduce(text) { text, line in
                text.replacingOccurrences(of: line.text, with: line.redacted)
                    .replacingOccurrences(of: escaped(line.text), with: escaped(line.redacted))
            }
            changed = changed || result != text
            return result
        }
        guard let copy = OutgoingMessage.copy(of: message, subject: message.subject ?? "", from: from, to: message.to, cc: message.cc,
                                              messageID: id, date: message.date ?? Date(timeIntervalSince1970: 0), rewriting: swap),
              changed else { return nil }
        return (copy.render(), copy.subject)
    }

    /// `text` as a template's `{{value}}` writes it in HTML.
    private static func escaped(_ text: String) -> String {
        [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")].reduce(text) {
            $0.replacingOccurrences(of: $1.0, with: $1.1)
        }
    }
}

private extension Substring {
    func trimmingSuffix(_ suffix: Character) -> Substring { last == suffix ? dropLast() : self }
}

/// Whose a lone name word ("Kim" in "Kim was late to our call") in someone else's mail is,
/// when the person named Kim is erased.
///
/// Why this is safe for two people of the same name: a word is taken for the erased person's
/// only when the message is tied to them (it names them in full or by address, its sender was
/// ever paired with them, or it names another detail of theirs: a surname, their time zone's
/// city, their availability) and tied to no one else still in the program who carries that
/// word (the sender is not such a namesake nor was ever paired with one, and the message names
/// none of a namesake's other name words, address or details). A detail both share ties to
/// neither. So "Kim" from Kim Park's mentor is hers, while "Kim" in mail from, to or about Kim
/// Lee (or from someone paired with both) stays: a lone name that could be either is kept.
struct NameOwners {
    /// Someone whose name words may be met alone in mail: lower case throughout.
    struct Person {
        var email: String
        var words: [String]
        /// The addresses of everyone ever paired with them.
        var partners: Set<String>
        /// What else names them in a message: their time zone and its city, their availability.
        var details: [String]
    }

    let erased: Person
    let namesakes: [Person]

    /// The erased person's name words (as `Redaction.names` gives them) that are theirs in a
    /// message from `sender` with `text` (its subject and text).
    /// `named`: the message names them in full or by address.
    func theirs(_ names: [String], sender: String?, text: String, named: Bool) -> [String] {
        let lower = text.lowercased()
        let tied = named || sender.map(erased.partners.contains) == true
            || ownDetails.contains { Redaction.containsWord($0, in: lower) }
        guard tied else { return [] }
        return names.filter { name in
            let word = name.lowercased()
            return !namesakes.contains { other in
                other.words.contains(word) && (sender == other.email || sender.map(other.partners.contains) == true
                    || lower.contains(other.email)
                    || (other.words.filter { $0 != word } + other.details).contains { Redaction.containsWord($0, in: lower) })
            }
        }
    }

    /// Their surnames and details that no namesake shares: each ties a message to them alone.
    private var ownDetails: [String] {
        let shared = Set(namesakes.flatMap { $0.words + $0.details })
        return (erased.words.dropFirst() + erased.details).filter { $0.count >= 3 && !shared.contains($0) }
    }

    static func person(_ participant: Participant, partners: Set<String>) -> Person {
        let profile = participant.profile
        let words = profile.name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        let zone = profile.timeZone.lowercased()
        let city = zone.contains("/") ? zone.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") } : nil
        let details = [zone, city, profile.availability.lowercased().trimmingCharacters(in: .whitespaces)]
            .compactMap { $0 }.filter { $0.count >= 4 }
        return Person(email: participant.email.lowercased(), words: words, partners: partners, details: details)
    }
}
