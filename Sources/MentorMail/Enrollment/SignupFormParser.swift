import Foundation
import Mail

/// Understands a reply to the sign-up form. Pure: text in, `SignupForm` out.
///
/// It reads the whole decoded body, quoted history included, because Outlook users
/// type their answers into the quoted form. For each field the least-quoted answer wins
/// (unquoted over `>` over `> >`), then the first. The template's placeholder hints count
/// as empty, also when the answer is typed after them, and so do our own problem messages
/// quoted from a confirmation.
public struct SignupFormParser: Sendable {
    public let vocabulary: EnrollmentVocabulary

    public init(vocabulary: EnrollmentVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Reads `body`; `senderName` (the From display name) is the name when the form gives none.
    /// - Complexity: O(n) in the length of the body (each "About me" line rescans what follows it).
    public func parse(_ body: String, senderName: String? = nil) -> SignupForm {
        let answers = Self.answers(in: SignupFormLine.lines(of: body))
        return SignupFormReader(vocabulary: vocabulary).read(answers, senderName: senderName)
    }

    /// The chosen raw answer per field, plus the unknown lines inside the form block.
    static func answers(in lines: [SignupFormLine]) -> SignupAnswers {
        var best: [SignupField: (depth: Int, value: String)] = [:]
        var location: (depth: Int, value: String)?
        var mailLanguage: String?
        // "Saat dilimi: Europe/Istanbul": an IANA zone under a label we do not know.
        var zone: (index: Int, depth: Int, value: String)?
        var answeredLines: [Int] = []
        var misspelt: [FormPhrase] = []
        let examples = exampleLines(in: lines)
        for (index, line) in lines.enumerated() where !examples.contains(index) {
            guard let key = line.key else { continue }
            switch key {
            case .field(let field):
                guard let answer = answer(to: field, at: index, in: lines) else { continue }
                answeredLines += [index, answer.lastLine]
                if let label = line.label, SignupKey.misspeltField(label) != nil, !misspelt.contains(.readAsLabel(label, field)) {
                    misspelt.append(.readAsLabel(label, field))
                }
                if let current = best[field], current.depth <= answer.depth { continue }
                best[field] = (answer.depth, answer.value)
            case .location:
                let value = stripHint(line.value, hint: nil)
                guard !value.isEmpty else { continue }
                answeredLines.append(index)
                if let current = location, current.depth <= line.depth { continue }
                location = (line.depth, value)
            case .mailLanguage:
                let value = stripHint(line.value, hint: nil, choices: true)
                if !value.isEmpty, mailLanguage == nil || line.depth == 0 { mailLanguage = value }
                answeredLines.append(index)
            case .unknown:
                let value = EnrollmentText.trim(line.value)
                guard TimeZoneInterpreter.isIANAName(value), zone.map({ line.depth < $0.depth }) ?? true else { continue }
                zone = (index, line.depth, value)
            case .ignored:
                continue
            }
        }
        if best[.timeZone] == nil, let zone {
            best[.timeZone] = (zone.depth, zone.value)
            answeredLines.append(zone.index)
        }
        var answers = SignupAnswers(
            values: best.mapValues(\.value),
            quoted: Set(best.filter { $0.value.depth > 0 }.keys),
            location: location?.value,
            unknownFields: unknownFields(in: lines, answeredLines: answeredLines).filter { field in
                !(best[.timeZone]?.value == field.value && zone?.value == field.value)
            },
            mailLanguage: mailLanguage,
            misspeltLabels: misspelt
        )
        if answers.values[.timeZone] == nil, let depth = location?.depth, depth > 0 {
            answers.quoted.insert(.timeZone)
        }
        return answers
    }

    /// The person's own form lines in `text` (not quoted, not one of our examples): each line that
    /// answers a field of the form ("Languages: English, French", an About me with the lines it
    /// goes on over), "Location" or "Mail language"; and the rest of `text` without them (quoted
    /// lines as they were). Nil when there is none.
    static func ownFormLines(in text: String) -> (lines: String, rest: String)? {
        recentOwnFormLines.value(for: text, readOwnFormLines)
    }

    private static let recentOwnFormLines = RecentReadings<(lines: String, rest: String)?>()

    private static func readOwnFormLines(_ text: String) -> (lines: String, rest: String)? {
        let lines = SignupFormLine.lines(of: text)
        let examples = exampleLines(in: lines)
        var own = IndexSet()
        for (index, line) in lines.enumerated() where line.depth == 0 && !examples.contains(index) {
            switch line.key {
            case .field(let field)?:
                guard let answer = answer(to: field, at: index, in: lines), answer.depth == 0 else { continue }
                own.insert(integersIn: index...answer.lastLine)
            case .location?, .mailLanguage?:
                if !stripHint(line.value, hint: nil, choices: true).isEmpty { own.insert(index) }
            default:
                continue
            }
        }
        guard !own.isEmpty else { return nil }
        func written(_ line: SignupFormLine) -> String { String(repeating: "> ", count: line.depth) + line.text }
        let kept = lines.indices.filter { !own.contains($0) }
        return (own.map { written(lines[$0]) }.joined(separator: "\n"), kept.map { written(lines[$0]) }.joined(separator: "\n"))
    }

    /// Lead-ins of an example line in our mails ("reply with just the lines to change, e.g.",
    /// "Responde con la línea, p. ej."), folded.
    static let exampleLeadIns = ["e.g.", "e.g.:", "e. g.", "p. ej.", "p.ej.", "por ejemplo", "por ejemplo:", "for example",
                                 "for example:", "z. b.", "z.b.", "reply with", "responde con", "such as", "por ex.", "ex.:"]

    /// Form lines that only show how to write one: right after a line ending with an example's
    /// lead-in (and the form lines straight after those). Quoted under a reply, such a line is
    /// our example, never the person's answer.
    static func exampleLines(in lines: [SignupFormLine]) -> Set<Int> {
        var examples: Set<Int> = []
        var leadIn = false
        for (index, line) in lines.enumerated() {
            if line.isBlank { leadIn = false; continue }
            if line.isKeyLine && leadIn {
                examples.insert(index)
                continue
            }
            // The lead-ins are short: only the line's end is read.
            let folded = line.isKeyLine ? "" : EnrollmentText.fold(line.text.suffix(16))
            leadIn = !line.isKeyLine && exampleLeadIns.contains { folded.hasSuffix($0) }
        }
        return examples
    }

    /// The answer on a field's line, or, for an inline reply to a quoted empty line, on the
    /// less-quoted line right below it ("> Role: (…)" then "mentee").
    private static func answer(
        to field: SignupField, at index: Int, in lines: [SignupFormLine]
    ) -> (value: String, depth: Int, lastLine: Int)? {
        var value = stripHint(lines[index].value, hint: field.hint, choices: field.isChoice)
        var answerLine = index
        if value.isEmpty, index + 1 < lines.count {
            let next = lines[index + 1]
            if next.depth < lines[index].depth, !next.isBlank, !next.isKeyLine, !next.isSeparator,
               !next.isAttribution, !next.isSignOff {
                value = stripHint(EnrollmentText.stripEmphasis(next.text), hint: field.hint, choices: field.isChoice)
                answerLine = index + 1
            }
        }
        var lastLine = answerLine
        if field == .aboutMe {
            (value, lastLine) = aboutMe(startingWith: value, after: answerLine, in: lines)
        } else {
            (value, lastLine) = wrapped(value, after: answerLine, in: lines)
        }
        guard !value.isEmpty, !SignupFormReader.isOwnProblemMessage(value) else { return nil }
        return (value, lines[answerLine].depth, lastLine)
    }

    /// Removes hints from an answer, so that no value is ever taken from one: "(mentor, mentee,
    /// or both) mentee" becomes "mentee". For answers that are choices, every bracketed group
    /// beside the answer is a hint; in free text only the form's own placeholder and examples
    /// are. An answer that is only a group keeps it unless it reads as a hint ("(mentee)" stays
    /// "mentee"). Answers like "n/a" or "-" are empty.
    static func stripHint(_ value: String, hint: String?, choices: Bool = false) -> String {
        guard let value = withoutOwnMarkers(value) else { return "" }
        let (outside, groups) = SignupHints.split(value)
        var result: String
        if !EnrollmentText.collapse(outside).isEmpty {
            if choices {
                result = outside
            } else {
                // Free text keeps its own parentheses; only the placeholders go.
                result = ""
                var rest = Substring(value)
                while let open = rest.firstIndex(where: SignupHints.openers.contains),
                      let close = rest[open...].firstIndex(where: SignupHints.closers.contains) {
                    let inner = String(rest[rest.index(after: open)..<close])
                    result += rest[..<open]
                    let placeholder = SignupHints.hintKey(inner) == hint.map(SignupHints.templateKey) || isExample(inner)
                    if !placeholder { result += rest[open...close] }
                    rest = rest[rest.index(after: close)...]
                }
                result += rest
            }
        } else {
            result = groups.filter { !SignupHints.isHint($0, template: hint) }.joined(separator: " ")
        }
        result = EnrollmentText.collapse(result)
        return emptyAnswers.contains(EnrollmentText.fold(result)) ? "" : result
    }

    /// The answer without our own status words quoted back ("Role: (missing)", "(falta)"); nil
    /// when it is our line of an assumed value ("email (not given: assumed)"), which gives none.
    static func withoutOwnMarkers(_ value: String) -> String? {
        let lower = value.lowercased()
        if ProfileWording.assumedMarkers.contains(where: { TextSearch.contains($0, in: lower) }) { return nil }
        guard ProfileWording.missingMarkers.contains(where: { TextSearch.contains($0, in: lower) }) else { return value }
        var rest = value
        for marker in ProfileWording.missingMarkers {
            while let range = rest.range(of: marker, options: .caseInsensitive) { rest.removeSubrange(range) }
        }
        return rest
    }

    /// "(e.g. …)", "(p. ej. …)", "(mentors only: …)": a placeholder in free text.
    private static func isExample(_ group: String) -> Bool {
        let key = SignupHints.hintKey(group)
        return ["eg ", "e g ", "p ej ", "por ej ", "z b ", "zb ", "mentors only", "solo mentores"].contains { key.hasPrefix($0) }
    }

    /// Empty answers, our own "(none given)" among them (a confirmation quoted back).
    private static let emptyAnswers: Set<String> = ["", "-", "--", "n/a", "na", "none", "none given", "nothing", "tbd", "?", "…", "...",
                                                     "ninguno", "ninguna", "nada", "nenhum", "aucun", "keine", "nessuno", "brak", "нет", "无", "なし"]

    /// A value a mail client wrapped onto the following lines ("Languages: English," then
    /// "Portuguese and German"): a line of the same depth goes on with it when the value is left
    /// open (a comma, "and", "or" and their kin, as wrapped sentences are read) or the line is
    /// indented more than the answer's; never a blank line, a `Key: value` line, a signature, a
    /// sign-off or quoted history. Returns the text and the index of the last line it used.
    static func wrapped(_ value: String, after index: Int, in lines: [SignupFormLine]) -> (text: String, lastLine: Int) {
        var text = value
        var lastLine = index
        while !text.isEmpty, lastLine + 1 < lines.count {
            let next = lines[lastLine + 1]
            guard next.depth == lines[index].depth, !next.isBlank, !next.isKeyLine, !next.isSeparator, !next.isAttribution,
                  !next.isSignOff, !isOurFollowUp(next.text), next.indent > lines[index].indent || OwnText.leavesListOpen(text) else { break }
            text += " " + next.text
            lastLine += 1
        }
        return (text, lastLine)
    }

    /// "About me" continues on the following lines of the same depth until another
    /// `Key: value` line, a signature, a sign-off, quoted history or our own words after a
    /// profile; a blank line is kept as a paragraph break only when prose of the same depth
    /// follows it.
    /// Returns the text and the index of the last line it used.
    static func aboutMe(
        startingWith first: String, after index: Int, in lines: [SignupFormLine]
    ) -> (text: String, lastLine: Int) {
        let depth = lines[index].depth
        var paragraphs: [String] = first.isEmpty ? [] : [first]
        var pendingBreak = false
        var lastLine = index
        for (position, line) in lines.enumerated().dropFirst(index + 1) {
            if line.depth != depth || line.isKeyLine || line.isSeparator || line.isAttribution || line.isSignOff
                || closesWithThanks(position, in: lines) {
                break
            }
            if line.isBlank {
                // Quoted, our own mail shows About me on one line: what follows a blank line is ours.
                if paragraphs.isEmpty || depth > 0 { break }
                pendingBreak = true
                continue
            }
            // A lone name after a blank line ("Alice", "Ana Souza") signs the mail off.
            if pendingBreak && Self.looksLikeSignature(line.text) { break }
            if Self.isOurFollowUp(line.text) { break }
            if pendingBreak || paragraphs.isEmpty {
                paragraphs.append(line.text)
            } else {
                paragraphs[paragraphs.count - 1] += " " + line.text
            }
            pendingBreak = false
            lastLine = position
        }
        return (paragraphs.joined(separator: "\n\n"), lastLine)
    }

    /// How our mails go on after showing a profile (welcome, profile received), folded: quoted
    /// under a reply, they end the About me above them rather than join it.
    static let ourFollowUps = [
        "if anything is wrong, reply", "we did not recognise these lines", "we can match you only once",
        "to change anything, reply", "to fix (reply with just these lines", "good to know:", "you wrote your name in a sentence",
        "we could not place these words", "if you meant a change, reply", "we could not read these lines", "what happens next:",
        "you are no longer a mentor for new pairs", "you no longer wait for a mentor", "you asked to be mentored again",
        "to change a line, reply",
        "si algo no esta bien, responde", "no hemos reconocido estas lineas", "solo podremos emparejarte cuando",
        "para cambiar algo", "para corregir (responde", "para tu informacion:", "nos escribiste tu nombre en una frase",
        "no hemos podido situar en tu perfil", "si querias un cambio, responde", "no pudimos leer estas lineas", "que pasa ahora:",
        "ya no te asignaremos nuevas parejas", "pediste volver a recibir mentoria", "para cambiar una linea",
    ]

    static func isOurFollowUp(_ text: String) -> Bool {
        let folded = EnrollmentText.fold(text)
        return ourFollowUps.contains { folded.hasPrefix($0) }
    }

    /// What opens a thanks, folded, in the languages we read.
    static let thanksOpenings: [[String]] = ["thanks", "thank you", "many thanks", "thx", "gracias", "muchas gracias", "merci", "danke",
                                             "obrigado", "obrigada"].map { EnrollmentText.words($0) }

    /// A short thanks that closes the mail, though no listed sign-off ("Gracias otra vez, Ana",
    /// "Thanks again!", "Merci encore"): at most six words up to its first comma or "!",
    /// opening with a thanks, the line ending in a comma, "!" or a word, with only a name after
    /// it on its line and only names or contact lines below. "Thanks to my mentor I learned a
    /// lot" goes on with more than a name, and a sentence wrapped onto the line ("… started" /
    /// "thanks to Ana") starts no closing.
    static func closesWithThanks(_ index: Int, in lines: [SignupFormLine]) -> Bool {
        let text = lines[index].text
        // Not a sentence wrapped onto this line ("…started contributing" / "thanks to Ana").
        let previous = index > 0 ? lines[index - 1].text.last : nil
        guard text.first.map({ $0.isUppercase || $0 == "¡" }) == true, previous.map({ ".!?…)".contains($0) }) ?? true,
              let end = text.last, end == "," || end == "!" || end.isLetter else { return false }
        let cut = text.firstIndex { $0 == "," || $0 == "!" } ?? text.endIndex
        let head = EnrollmentText.words(String(text[..<cut]))
        guard head.count <= 6, thanksOpenings.contains(where: { head.starts(with: $0) }) else { return false }
        let rest = text[cut...].trimmingCharacters(in: CharacterSet(charactersIn: ",! "))
        guard rest.isEmpty || looksLikeSignature(rest) else { return false }
        for line in lines[(index + 1)...] {
            if line.depth != lines[index].depth || line.isSeparator || line.isAttribution { break }
            guard line.isBlank || looksLikeSignature(line.text) || isContactLine(line.text) else { return false }
        }
        return true
    }

    /// A signature's contact line: an address, a link or a phone number.
    static func isContactLine(_ text: String) -> Bool {
        let lower = text.lowercased()
        return !text.contains(" ") && (lower.contains("@") || lower.hasPrefix("http") || lower.hasPrefix("www."))
            || (text.first == "+" && text.dropFirst().allSatisfy { $0.isNumber || " -()".contains($0) })
    }

    /// One to three capitalised words without sentence punctuation: a name signing a mail.
    static func looksLikeSignature(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...3).contains(words.count), !text.contains(where: { ".?!:;,".contains($0) }) else { return false }
        return words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }
    }

    /// Unknown `Key: value` lines inside the form block: from the first to the last answered
    /// line, widened over neighbouring `Key: value` lines with no blank line between.
    static func unknownFields(in lines: [SignupFormLine], answeredLines: [Int]) -> [SignupUnknownField] {
        guard var start = answeredLines.min(), var end = answeredLines.max() else { return [] }
        while start > 0, lines[start - 1].isKeyLine, lines[start - 1].depth == lines[start].depth { start -= 1 }
        while end + 1 < lines.count, lines[end + 1].isKeyLine, lines[end + 1].depth == lines[end].depth { end += 1 }
        // A quoted mail's header block ("De:", "Enviada em:", "Assunto:") is not the person's.
        let texts = lines.map(\.text)
        var header: Set<Int> = []
        for index in start...end where lines[index].isKeyLine && !header.contains(index)
            && ReplyExtractor.opensHeaderBlock(texts[index..<min(index + 5, texts.count)]) {
            var next = index
            while next < lines.count, lines[next].isKeyLine, next < index + 6 {
                header.insert(next)
                next += 1
            }
        }
        return lines[start...end].indices.compactMap { index in
            let line = lines[index]
            guard !header.contains(index), line.key == .unknown, let label = line.label, !line.value.isEmpty else { return nil }
            return SignupUnknownField(key: label, value: line.value)
        }
    }
}

/// The raw answers picked from a reply, before their values are understood.
struct SignupAnswers: Equatable {
    var values: [SignupField: String]
    /// Fields whose chosen answer came from quoted text.
    var quoted: Set<SignupField>
    /// The "Location"/"City" answer, used when there is no time zone answer.
    var location: String?
    var unknownFields: [SignupUnknownField]
    /// The "Mail language" answer, as written.
    var mailLanguage: String?
    /// A note for each label read as the field's it misspells ("Mentorng tpye").
    var misspeltLabels: [FormPhrase] = []
}
