import Foundation
import Mail

/// Reads check-in answers from a reply, in the shapes people write them:
///
/// - under each question of the quoted survey (the numbered question lines, quoted or not,
///   with the answer on the person's own lines below: Thunderbird, Gmail inline, Outlook);
/// - numbered lines in the new text ("1. 5", "3: good fit", "Q4 - continue");
/// - anywhere in the new text, in words or on one line ("5, yes, good fit, continue", "it is
///   going great, we meet every other week"), in the program's main languages.
///
/// Pure and deterministic.
public struct SurveyAnswerReader: Sendable {
    public init() {}

    /// - Parameters:
    ///   - text: the whole text of the reply, quotes included.
    ///   - newText: the new text only (no quotes, no signature).
    ///   - sentLines: lines of the survey as we sent it, in order, so that text of ours below a
    ///     question is never read as an answer, even re-wrapped (optional: the question lines
    ///     are found without it).
    /// - Complexity: O(*n* · *p*) for *n* characters and *p* phrases of the vocabulary.
    public func read(text: String, newText: String, sentLines: [String] = []) -> SurveyReading {
        let ours = SentText(lines: sentLines)
        let underQuestions = answersUnderQuestions(text, ours: ours)
        if !underQuestions.isEmpty {
            var reading = interpret(underQuestions)
            reading.shape = "under the questions"
            // Own lines beside the answers ("ok I guess" above the quoted survey): a short remark
            // for a person to read, a longer one the note.
            let answerLines = Set(underQuestions.values.flatMap { $0.split(whereSeparator: \.isNewline).map(EnrollmentText.fold) })
            let beside = ownLines(ours.removing(from: newText)).filter { line in
                !answerLines.contains(EnrollmentText.fold(line)) && Self.questionNumber(line) == nil
            }
            reading.unplaced = beside.filter(Self.isRemark)
            reading.answers.note = Self.note(beside.filter(Self.isNoteBeside), with: reading.answers.note)
            return reading
        }
        // Our own survey sent back unquoted answers nothing: its hints are no answers.
        let newText = ours.removing(from: newText)
        let lines = ownLines(newText)
        var marks: Set<Character> = []
        let numbered = numberedAnswers(lines.isEmpty ? "" : ownText(newText), marks: &marks)
        var prose = readProse(lines)
        prose.shape = "in the text"
        if !numbered.isEmpty {
            var reading = interpret(numbered)
            reading.shape = "numbered"
            // "3. good fit / And actually we would like to graduate": a wish beside the numbers.
            let unnumbered = lines.filter { $0.first?.isNumber != true }.joined(separator: "\n")
            if !reading.answers.has(.next), reading.unclear[.next] == nil, SurveyVocabulary.graduation(in: unnumbered) != nil {
                reading.answers.next = .graduate
            }
            // "2 - Farid never answered": a rating and a comment, not an unreadable answer to question 2.
            if reading.answers.answered.isEmpty, marks.isSubset(of: ["-", "–"]), !prose.answers.answered.isEmpty { return prose }
            // No sentence of the writer's is lost: what the unnumbered lines say beyond answers is the note.
            let beside = readProse(lines.filter { line in
                var lineMarks: Set<Character> = []
                return numberedAnswers(line, marks: &lineMarks).isEmpty
            })
            reading.answers.note = Self.note([beside.answers.note].compactMap { $0 }, with: reading.answers.note)
            reading.unplaced = beside.unplaced
            return reading
        }
        // "I will answer this next week": a promise, no answer and no note.
        if prose.answers.answered.allSatisfy({ $0 == .note }), prose.unclear.isEmpty, SurveyVocabulary.promisesAnswers(lines.joined(separator: " ")) {
            var later = SurveyReading(shape: "in the text")
            later.later = true
            return later
        }
        // "ok", "ok thanks": an acknowledgement, no "3 of 5".
        if SurveyVocabulary.onlyAcknowledges(EnrollmentText.words(lines.joined(separator: " "))) { return SurveyReading(shape: "in the text") }
        return prose
    }

    /// A reply to our follow-up that asked again only `asked`: it answers those questions and
    /// the note, not the others ("boa" is no new rating when only the fit was asked). A reply
    /// that answers none of them in its words, or is a short remark that answers the one
    /// question asked when read as its answer ("buena", "sí"), is that answer ("boa" to "How is
    /// the fit?"). Another answer still changes when the reply says which question (numbered,
    /// under the question) or corrects in so many words ("sorry, I meant 3").
    public func read(text: String, newText: String, sentLines: [String] = [], askedAgain asked: Set<SurveyQuestion>) -> SurveyReading {
        var reading = read(text: text, newText: newText, sentLines: sentLines)
        guard !asked.isEmpty, reading.shape == "in the text", !Self.corrects(newText) else { return reading }
        let others = reading.answers.answered.filter { $0 != .note && !asked.contains($0) }
        for question in others { reading.answers.clear(question) }
        if !reading.answers.has(.rating) { reading.ratingWritten = nil }
        reading.unclear = reading.unclear.filter { asked.contains($0.key) }
        if asked.count == 1, let only = asked.first, !reading.answers.has(only), reading.unclear[only] == nil {
            let own = ownLines(newText).joined(separator: " ")
            let alone = interpret([only: own])
            if !others.isEmpty || Self.isRemark(own) && alone.answers.has(only) {
                reading.answers = reading.answers.merged(with: alone.answers)
                reading.unclear = alone.unclear
                if alone.answers.has(only) { reading.unplaced = [] }
            }
        }
        return reading
    }

    /// Whether a reply says it corrects an answer ("sorry, I meant 3", "perdón, quería decir 3").
    static func corrects(_ text: String) -> Bool {
        let folded = " " + EnrollmentText.words(text).joined(separator: " ") + " "
        return SurveyVocabulary.corrections.contains { folded.contains(" \($0) ") }
    }

    // MARK: - Shapes

    /// "N." or "N)" and a question mark: one of our question lines (the wording may be edited).
    static func questionNumber(_ line: String) -> (SurveyQuestion, inline: String)? {
        let trimmed = EnrollmentText.trim(EnrollmentText.plainSpaces(line))
        guard let first = trimmed.first, let digit = first.wholeNumberValue, let question = SurveyQuestion(rawValue: digit) else { return nil }
        let rest = trimmed.dropFirst()
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first?.isWhitespace == true else { return nil }
        guard let lastQuestionMark = rest.lastIndex(where: { $0 == "?" || $0 == "？" }) else { return nil }
        // What follows the question (and its hint in parentheses) on the same line is an answer.
        var inline = EnrollmentText.trim(rest[rest.index(after: lastQuestionMark)...])
        if inline.hasPrefix("("), let close = inline.firstIndex(of: ")") {
            inline = EnrollmentText.trim(inline[inline.index(after: close)...])
        }
        return (question, inline)
    }

    /// Answers typed on the person's own lines below each question of the survey: the first
    /// paragraph under it.
    func answersUnderQuestions(_ text: String, ours: SentText) -> [SurveyQuestion: String] {
        var answers: [SurveyQuestion: [String]] = [:]
        var current: SurveyQuestion?
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Self.unquote(String($0)) }
        let isOurs = ours.marks(lines.map(\.text))
        for (index, (depth, content)) in lines.enumerated() {
            if let (question, inline) = Self.questionNumber(content) {
                current = question
                if depth == 0, !inline.isEmpty { answers[question, default: []].append(inline) }
                continue
            }
            guard let question = current else { continue }
            if Self.isStop(content) || ReplyExtractor.opensHeaderBlock(lines[index...].prefix(5).map(\.text)[...]) {
                current = nil
                continue
            }
            let folded = EnrollmentText.fold(content)
            if folded.isEmpty {
                // The answer is the paragraph right under its question: a blank line ends it.
                if answers[question]?.isEmpty == false { current = nil }
                continue
            }
            guard depth == 0, !isOurs[index] else { continue }
            // A closing line ends the person's answers: it and the name below it are no answer.
            if Self.isSignOff(content) {
                current = nil
                continue
            }
            answers[question, default: []].append(EnrollmentText.trim(content))
        }
        return answers.mapValues { $0.joined(separator: "\n") }.filter { !$0.value.isEmpty }
    }

    /// "1. 5", "3: good fit", "Q4 - continue": a number from 1 to 5 and an answer after it. The
    /// note may go on over the following lines, up to a blank line.
    /// `marks` tells which marks followed the numbers.
    func numberedAnswers(_ text: String, marks: inout Set<Character>) -> [SurveyQuestion: String] {
        var answers: [SurveyQuestion: String] = [:]
        var last: SurveyQuestion?
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = EnrollmentText.trim(EnrollmentText.plainSpaces(raw))
            if line.isEmpty {
                last = nil
                continue
            }
            var rest = Substring(line)
            let lowered = rest.lowercased()
            if lowered.hasPrefix("question") { rest = rest.dropFirst("question".count) } else if lowered.hasPrefix("q") { rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " }
            if let digit = rest.first?.wholeNumberValue, let question = SurveyQuestion(rawValue: digit) {
                let afterDigit = rest.dropFirst().drop { $0 == " " }
                // "4.5 / yes": a decimal rating, not answer 4.
                if let mark = afterDigit.first, [".", ")", ":", "-", "–"].contains(mark),
                   !(mark == "." && afterDigit.count == rest.count - 1 && afterDigit.dropFirst().first?.isNumber == true) {
                    let answer = EnrollmentText.trim(afterDigit.dropFirst())
                    if !answer.isEmpty, rest.dropFirst().first?.isNumber != true,
                       !(rest.count == line.count && "-–".contains(mark) && Self.answersSeveral(answer)) {
                        answers[question] = answer
                        marks.insert(mark)
                        last = question
                        continue
                    }
                }
            }
            if let question = last, question == .note { answers[question, default: ""] += "\n" + line }
        }
        return answers
    }

    /// "sometimes – still deciding – continue", "yes, good fit, continue": after "4 -", answers
    /// to more than one question, so the 4 is a rating on a line of answers, not question 4.
    static func answersSeveral(_ text: String) -> Bool {
        !dashRanges(text).isEmpty || Set(matches(in: text, standalone: true).map(\.phrase.question)).count > 1
    }

    /// Turns the text found for each question into its answer.
    func interpret(_ found: [SurveyQuestion: String]) -> SurveyReading {
        var reading = SurveyReading()
        for (question, text) in found.sorted(by: { $0.key < $1.key }) {
            if question == .note {
                reading.answers.note = Self.isNothing(text) ? nil : text
                continue
            }
            let matches = Self.sometimesOverYes(Self.matches(in: text, standalone: true), in: Self.foldLines(text))
                .filter { $0.phrase.question == question }
            let numbers = matches.filter(\.isNumericRating)
            let all = Self.matches(in: text, standalone: true)
            if question == .next, !Self.hedgedLines(matches, in: Self.foldLines(text)).isEmpty {
                reading.unclear[question] = text
            } else if question == .fit, matches.isEmpty, all.count == 1, let only = all.first, only.phrase.question == .rating,
                      !only.isNumericRating, let rating = Int(only.phrase.value), rating != 3 {
                // "Good", "boa" under "How is the fit?": a good fit; "bad", "mala": not a good one
                // (a middling "ok" or a doubt stays for a person to read).
                reading.answers.fit = rating > 3 ? .good : .notGood
            } else if let first = (numbers.isEmpty ? matches : numbers).min(by: { $0.start < $1.start }) {
                set(first.phrase, in: &reading)
            } else {
                reading.unclear[question] = text
            }
        }
        return reading
    }

    /// Answers in words anywhere in the new text; each question takes its first answer, and
    /// sentences that answer nothing (or hold much more than their answers) are the note, with
    /// any comment after a dash.
    func readProse(_ lines: [String]) -> SurveyReading {
        var reading = SurveyReading()
        let split = lines.map(Self.splittingComment)
        let text = split.map(\.answers).joined(separator: "\n")
        var used: [(start: Int, end: Int)] = []
        // A rating given as a number ("really well (4)") wins over one in words.
        let folded = Self.foldLines(text)
        var inOrder = Self.sometimesOverYes(Self.matches(in: text, standalone: true), in: folded)
            .sorted(by: { $0.start < $1.start })
        // "graduate I think? or maybe continue": what next is unclear, and the doubt answers no fit.
        let hedged = Self.hedgedLines(inOrder, in: folded)
        if !hedged.isEmpty {
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            reading.unclear[.next] = hedged.map { EnrollmentText.trim(lines[$0.index]) }.joined(separator: " ")
            inOrder.removeAll { match in
                guard let line = hedged.first(where: { $0.range.contains(match.start) }) else { return false }
                return match.phrase.question == .next || (match.phrase.question == .fit && line.doubtOnly.contains { $0.contains(match.start) })
            }
            used += hedged.map { ($0.range.lowerBound, $0.range.upperBound) }
        }
        let numberFirst = inOrder.filter(\.isNumericRating) + inOrder.filter { !$0.isNumericRating }
        for match in numberFirst where match.phrase.question != .note {
            guard !reading.answers.has(match.phrase.question) else { continue }
            set(match.phrase, in: &reading)
            used.append((match.start, match.end))
        }
        // "5, sí, buena, continuar": a short word answers the question of its place in the list.
        for line in split.map(\.answers) {
            guard let items = Self.positionalItems(line) else { continue }
            var placed = interpret(items).answers
            for question in placed.answered where reading.answers.has(question) || reading.unclear[question] != nil {
                placed.clear(question)
            }
            reading.answers = reading.answers.merged(with: placed)
        }
        // "4 yes good continue": on a line of answers only, a rating in words after the meeting
        // answer is the fit ("5 great yes continue": before it, the rating's emphasis).
        if !reading.answers.has(.fit), reading.unclear[.fit] == nil {
            for line in split.map(\.answers) where Self.isOnlyAnswers(line) {
                let inLine = Self.matches(in: line, standalone: true).sorted { $0.start < $1.start }
                guard let meeting = inLine.firstIndex(where: { $0.phrase.question == .meeting }),
                      inLine[..<meeting].contains(where: { $0.phrase.question == .rating }),
                      let word = inLine[meeting...].first(where: { $0.phrase.question == .rating && !$0.isNumericRating }),
                      let rating = Int(word.phrase.value), rating != 3 else { continue }
                reading.answers.fit = rating > 3 ? .good : .notGood
                break
            }
        }
        // Every match, used or not, counts as answer text: "great" after a "5" is no note.
        let covered = Self.matches(in: text, standalone: true).map { ($0.start, $0.end) }
        var note: [String] = []
        var remarks: [String] = []
        var offset = 0
        for sentence in Self.sentences(Self.foldLines(text)) {
            let range = (offset, offset + sentence.count)
            defer { offset += sentence.count }
            let answers = used.contains(where: { $0.start < range.1 && $0.end > range.0 })
            guard EnrollmentText.words(sentence).count >= 3 else {
                // Too short for a note, and no answer read from it: a remark a person should see.
                if !answers, Self.isRemark(sentence) { remarks.append(EnrollmentText.trim(sentence)) }
                continue
            }
            // Only greets, says the survey came ("Hi, got your survey."), where the answers are or that the writer is away: no note.
            let words = EnrollmentText.words(sentence)
            if Self.onlySaysItCame(words) || Self.onlyPoints(words) || ResponderText.onlySaysAway(sentence) { continue }
            // A question ("Can I get another mentor?") is for the coordinators to answer, beside any answer it gives.
            let trimmed = EnrollmentText.trim(sentence)
            if trimmed.hasSuffix("?") || trimmed.hasSuffix("？"), !hedged.contains(where: { $0.range.overlaps(range.0..<range.1) }) {
                note.append(trimmed)
                continue
            }
            // A sentence with an answer in it is still the note when six words or more are not answers.
            guard !answers || Self.wordsOutside(covered, sentence: sentence, at: range.0) >= 6 else { continue }
            note.append(EnrollmentText.trim(sentence))
        }
        var parts: [String] = []
        if !note.isEmpty { parts.append(Self.originalSentences(text, matching: note) ?? note.joined(separator: " ")) }
        parts += split.compactMap(\.comment)
        if !parts.isEmpty { reading.answers.note = parts.joined(separator: " ") }
        reading.unplaced = remarks.map { Self.originalSentences(text, matching: [$0]) ?? $0 }
        return reading
    }

    /// The answers of a line in the shape the survey suggests ("5, yes, good fit, continue"): a
    /// rating, then two to four short items separated by commas, semicolons or slashes, read in
    /// the order of the questions (meeting, fit, what next); dashes separate where no comma or
    /// semicolon does ("4 – yes – good – continue"). Nil for any other line, so a
    /// sentence with commas is never read by position. A comma between digits is a decimal one
    /// ("3,5"), and slashes separate only where no comma or semicolon does ("4/5, yes, …").
    static func positionalItems(_ line: String) -> [SurveyQuestion: String]? {
        var line = line
        let separator: Character = "\u{1F}"
        for dash in dashRanges(line).reversed() { line.replaceSubrange(dash, with: String(separator)) }
        let characters = Array(line)
        let marks: Set<Character> = line.contains(",") || line.contains(";") ? [",", ";"] : line.contains(separator) ? [separator] : ["/"]
        var items: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            let betweenDigits = index > 0 && index + 1 < characters.count && characters[index - 1].isNumber && characters[index + 1].isNumber
            if marks.contains(character), !betweenDigits {
                items.append(EnrollmentText.trim(current))
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(EnrollmentText.trim(current))
        guard (3...5).contains(items.count), let first = items.first else { return nil }
        let rating = matches(in: first, standalone: true)
        guard rating.count == 1, rating[0].isNumericRating else { return nil }
        let later = items.dropFirst().prefix(3)
        guard later.allSatisfy({ (1...3).contains(EnrollmentText.words($0).count) }) else { return nil }
        return Dictionary(uniqueKeysWithValues: zip([SurveyQuestion.meeting, .fit, .next], later))
    }

    /// A line holding a what-next answer said with a doubt, and its clauses that are only doubt
    /// (not about the fit: "not sure about the fit" stays the fit's answer).
    struct HedgedLine {
        var index: Int
        var range: Range<Int>
        var doubtOnly: [Range<Int>]
    }

    /// The lines of `folded` where what next is unclear: beside a doubt in its clause ("maybe
    /// graduate", "vielleicht weitermachen"), a "?" after it, a clause of doubt after it
    /// ("graduate, not sure"), or two answers offered ("continuar o graduarnos").
    static func hedgedLines(_ matches: [Match], in folded: String) -> [HedgedLine] {
        let characters = Array(folded)
        var result: [HedgedLine] = []
        var offset = 0
        for (index, line) in folded.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let range = offset..<offset + line.count
            offset += line.count + 1
            let next = matches.filter { $0.phrase.question == .next && range.contains($0.start) }
            guard !next.isEmpty else { continue }
            let clauses = clauseRanges(characters, in: range)
            let doubts = SurveyVocabulary.hedges.flatMap { occurrences(of: $0, in: characters, range: range) }
            let mild = SurveyVocabulary.graduateHedges.flatMap { occurrences(of: $0, in: characters, range: range) }
            func words(_ clause: Range<Int>) -> [Range<Int>] { wordRanges(characters, in: clause) }
            let onlyDoubt = clauses.filter { clause in
                let inClause = words(clause)
                return !inClause.isEmpty && inClause.allSatisfy { word in (doubts + mild).contains { $0.contains(word.lowerBound) } }
            }
            let doubtOnly = onlyDoubt + clauses.filter { clause in
                doubts.contains { clause.contains($0.lowerBound) } && !SurveyVocabulary.fitWords.contains { String(characters[clause]).contains($0) }
            }
            var unsure = false
            for match in next {
                guard let clause = clauses.firstIndex(where: { $0.contains(match.start) }) else { continue }
                // Milder doubt counts after a "graduate" ("graduate I think"), not before ("I think I'm ready to graduate").
                let near = match.phrase.value == SurveyAnswers.Next.graduate.rawValue ? doubts + mild.filter { $0.lowerBound >= match.end } : doubts
                let after = characters[match.end..<range.upperBound].first { $0 != " " }
                let separator = clauses[clause].upperBound
                let following = clause + 1 < clauses.count && separator < range.upperBound && ",;、，".contains(characters[separator])
                    ? clauses[clause + 1] : nil
                // "Can I get another mentor?": a request asks, it does not doubt.
                let asks = (after == "?" || after == "？")
                    && !(match.phrase.value == SurveyAnswers.Next.newMatch.rawValue && SurveyVocabulary.asksFor(String(characters[clauses[clause]])))
                if near.contains(where: { clauses[clause].contains($0.lowerBound) }) || asks || following.map(onlyDoubt.contains) == true {
                    unsure = true
                }
            }
            if Set(next.map(\.phrase.value)).count > 1 {
                let lineWords = words(range).map { String(characters[$0]) }
                if lineWords.contains(where: SurveyVocabulary.orWords.contains) || !doubts.isEmpty || !mild.isEmpty
                    || characters[range].contains("?") { unsure = true }
            }
            if unsure { result.append(HedgedLine(index: index, range: range, doubtOnly: doubtOnly)) }
        }
        return result
    }

    /// The clauses of a line: between ",", ";", ".", "!", "?" and their CJK forms.
    private static func clauseRanges(_ characters: [Character], in range: Range<Int>) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where ",;.!?、，。！？".contains(characters[index]) {
            clauses.append(start..<index)
            start = index + 1
        }
        clauses.append(start..<range.upperBound)
        return clauses
    }

    private static func wordRanges(_ characters: [Character], in range: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for index in range.lowerBound...range.upperBound {
            let inWord = index < range.upperBound && (isWordCharacter(characters[index]) || isCJK(characters[index]))
            if inWord, start == nil { start = index }
            if !inWord, let first = start {
                words.append(first..<index)
                start = nil
            }
        }
        return words
    }

    /// Where a folded phrase stands in `range` as whole words (CJK anywhere).
    private static func occurrences(of phrase: String, in characters: [Character], range: Range<Int>) -> [Range<Int>] {
        let needle = Array(phrase)
        guard !needle.isEmpty, needle.count <= range.count else { return [] }
        return (range.lowerBound...(range.upperBound - needle.count)).filter { start in
            Array(characters[start..<start + needle.count]) == needle
                && isBoundary(characters, before: start, phraseStart: needle[0])
                && (start + needle.count == range.upperBound || isBoundary(characters, after: start + needle.count, phraseEnd: needle[needle.count - 1]))
        }.map { $0..<$0 + needle.count }
    }

    /// A line or sentence of one to three words that says something: not "thanks", "nothing" or punctuation.
    static func isRemark(_ text: String) -> Bool {
        let words = EnrollmentText.words(text)
        return (1...3).contains(words.count) && !isNothing(text) && !words.allSatisfy(SurveyVocabulary.signOffs.contains) && !onlyPoints(words)
    }

    /// Words that only greet, thank, apologise for the delay or say the survey came ("Hi, got your survey").
    static func onlySaysItCame(_ words: [String]) -> Bool {
        Courtesy.onlyCourtesy(words) || words.allSatisfy { SurveyVocabulary.surveyCame.contains($0) || SurveyVocabulary.greetings.contains($0) || Courtesy.words.contains($0) }
    }

    /// Words that only greet, thank, apologise or say where the answers are ("Respuestas abajo.",
    /// "Sorry, here they are inline.").
    static func onlyPoints(_ words: [String]) -> Bool {
        Courtesy.onlyCourtesy(words) || words.allSatisfy {
            SurveyVocabulary.pointing.contains($0) || SurveyVocabulary.apologies.contains($0) || SurveyVocabulary.greetings.contains($0)
                || Courtesy.words.contains($0)
        }
    }

    /// A line of four words or more beside answers under the questions ("Farid cancelled our
    /// last three calls"): the note, unless it says nothing, or only greets, thanks or says where
    /// the answers are.
    static func isNoteBeside(_ line: String) -> Bool {
        let words = EnrollmentText.words(line)
        return words.count >= 4 && !isNothing(line) && !onlyPoints(words) && !ResponderText.onlySaysAway(line)
    }

    /// The note with the lines written beside the answers before it, each once: a line that the
    /// note already holds (or that holds the note) is not said twice.
    static func note(_ lines: [String], with note: String?) -> String? {
        var parts: [(text: String, key: String)] = []
        for part in lines + [note].compactMap({ $0 }) {
            let key = EnrollmentText.fold(part)
            if let same = parts.firstIndex(where: { $0.key.contains(key) || key.contains($0.key) }) {
                if key.count > parts[same].key.count { parts[same] = (part, key) }
            } else {
                parts.append((part, key))
            }
        }
        return parts.isEmpty ? nil : parts.map(\.text).joined(separator: " ")
    }

    /// How many words of a folded sentence starting at `start` lie outside every range, not
    /// counting those that only greet, say the survey came or frame the answers ("I'd say").
    static func wordsOutside(_ ranges: [(Int, Int)], sentence: String, at start: Int) -> Int {
        var count = 0
        var wordStart: Int?
        for (index, character) in (Array(sentence) + [" "]).enumerated() {
            if character.isLetter || character.isNumber || character == "'" {
                if wordStart == nil { wordStart = index }
                continue
            }
            guard let first = wordStart else { continue }
            wordStart = nil
            let word = (start + first, start + index)
            // Words that greet or say the survey came ("got your survey") add nothing to say.
            let text = String(Array(sentence)[first..<index])
            let cameOrGreets = SurveyVocabulary.surveyCame.contains(text) || SurveyVocabulary.greetings.contains(text)
                || SurveyVocabulary.framing.contains(text)
            if !ranges.contains(where: { $0.0 < word.1 && $0.1 > word.0 }) && !cameOrGreets { count += 1 }
        }
        return count
    }

    /// "5 yes good fit graduate - Maria got my patch merged!": answers only, then a comment
    /// after a dash ("-", "--", "–", "—"). The comment is the note, and is not read for answers.
    /// Dashes between short answers only ("4 – sometimes – still deciding – continue", as
    /// Outlook writes " - ") separate the answers of one line: the comment starts at the first
    /// piece that is not only answers.
    static func splittingComment(_ line: String) -> (answers: String, comment: String?) {
        let dashes = dashRanges(line)
        guard !dashes.isEmpty else { return (line, nil) }
        var start = line.startIndex
        for (number, dash) in dashes.enumerated() {
            let piece = String(line[start..<dash.lowerBound])
            guard isOnlyAnswers(piece) else {
                // The first piece is no answer: no list of answers, and no comment either.
                guard number > 0 else { return (line, nil) }
                return cut(line, at: dashes[number - 1])
            }
            start = dash.upperBound
        }
        return isOnlyAnswers(String(line[start...])) ? (line, nil) : cut(line, at: dashes[dashes.count - 1])
    }

    private static func cut(_ line: String, at dash: Range<String.Index>) -> (answers: String, comment: String?) {
        let comment = EnrollmentText.trim(line[dash.upperBound...])
        return (String(line[..<dash.lowerBound]), isNothing(comment) ? nil : comment)
    }

    /// Where a dash with a space at each side separates parts of a line (" - ", " -- ", " – ", " — ").
    static func dashRanges(_ line: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var index = line.startIndex
        while index < line.endIndex {
            guard line[index] == " " else {
                index = line.index(after: index)
                continue
            }
            var end = line.index(after: index)
            let dashStart = end
            while end < line.endIndex, "-–—".contains(line[end]) { end = line.index(after: end) }
            let length = line.distance(from: dashStart, to: end)
            if (1...2).contains(length), end < line.endIndex, line[end] == " " {
                found.append(index..<line.index(after: end))
                index = line.index(after: end)
            } else {
                index = end > dashStart ? end : line.index(after: index)
            }
        }
        return found
    }

    /// Whether every letter and digit of `text` belongs to an answer, and there is one.
    static func isOnlyAnswers(_ text: String) -> Bool {
        let folded = Array(foldLines(text))
        var covered = [Bool](repeating: false, count: folded.count)
        for match in matches(in: text, standalone: true) {
            for index in match.start..<match.end { covered[index] = true }
        }
        return covered.contains(true) && folded.indices.allSatisfy { covered[$0] || !(folded[$0].isLetter || folded[$0].isNumber) }
    }

    private func set(_ phrase: SurveyVocabulary.Phrase, in reading: inout SurveyReading) {
        switch phrase.question {
        case .rating:
            reading.answers.rating = Int(phrase.value)
            reading.ratingWritten = Self.decimal(phrase.words)
        case .meeting: reading.answers.meeting = SurveyAnswers.Meeting(rawValue: phrase.value)
        case .fit: reading.answers.fit = SurveyAnswers.Fit(rawValue: phrase.value)
        case .next: reading.answers.next = SurveyAnswers.Next(rawValue: phrase.value)
        case .note: break
        }
    }

    // MARK: - Phrases

    struct Match {
        var phrase: SurveyVocabulary.Phrase
        /// Character offsets in the folded text.
        var start: Int
        var end: Int

        /// "4", "4/5", "four": a rating given as a number rather than in words.
        var isNumericRating: Bool {
            phrase.question == .rating && (phrase.words.contains(where: \.isNumber) || SurveyVocabulary.foldedNumberWords.contains(phrase.words))
        }
    }

    /// The vocabulary's phrases in `text`, longest first and never overlapping. Short yes/no
    /// words count only where they stand alone: a whole segment between punctuation, or among
    /// other answers only ("5 yes good fit continue").
    static func matches(in text: String, standalone: Bool) -> [Match] {
        let folded = Array(foldLines(text))
        var taken = [Bool](repeating: false, count: folded.count)
        var found: [Match] = decimalRatings(folded)
        for match in found { for index in match.start..<match.end { taken[index] = true } }
        var deferred: [Match] = []
        for phrase in SurveyVocabulary.all {
            let needle = Array(phrase.words)
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            var start = 0
            while start + needle.count <= folded.count {
                guard folded[start] == needle[0], Array(folded[start..<start + needle.count]) == needle,
                      isBoundary(folded, before: start, phraseStart: needle[0]),
                      isBoundary(folded, after: start + needle.count, phraseEnd: needle[needle.count - 1]),
                      !taken[start..<start + needle.count].contains(true) else {
                    start += 1
                    continue
                }
                let match = Match(phrase: phrase, start: start, end: start + needle.count)
                if phrase.question == .rating, needle.allSatisfy(\.isNumber),
                   isFollowedByUnit(folded, at: match.end) || isInDate(folded, start: match.start, end: match.end) {
                    start += 1
                    continue
                }
                // "un cuatro": a number word after an article is the rating, in any sentence.
                if phrase.standaloneOnly && !(match.isNumericRating && isAfterArticle(folded, at: start)) {
                    deferred.append(match)
                } else {
                    found.append(match)
                    for index in match.start..<match.end { taken[index] = true }
                }
                start += needle.count
            }
        }
        guard standalone else { return withoutNegatedNumbers(negating(found, folded), folded) }
        // A short word counts when everything else in its segment is an answer too.
        for match in deferred where !taken[match.start..<match.end].contains(true) {
            // "un 4", "um 4": the article before a rating is no "one".
            if match.phrase.question == .rating,
               found.contains(where: { $0.isNumericRating && $0.start == nextWordStart(folded, after: match.end) }) { continue }
            let segment = segmentBounds(folded, around: match.start)
            var covered = taken
            for other in deferred where segment.contains(other.start) {
                for index in other.start..<other.end { covered[index] = true }
            }
            if segment.allSatisfy({ !(folded[$0].isLetter || folded[$0].isNumber) || covered[$0] }) {
                found.append(match)
                for index in match.start..<match.end { taken[index] = true }
            }
        }
        return withoutNegatedNumbers(negating(found, folded), folded)
    }

    /// "I don't think it's a good fit", "no creo que sea buena combinación", "not really a good
    /// fit": a negation before an answer in its clause turns it (a good fit into not a good fit,
    /// a meeting into none, graduate into continue, a rating in good words into a poor one) or,
    /// when no answer is its opposite, voids it. A doubt before a fit ("I don't know if it's a
    /// good fit") leaves the fit undecided. A rating given as a number is left to
    /// `withoutNegatedNumbers`.
    static func negating(_ found: [Match], _ folded: [Character]) -> [Match] {
        var result: [Match] = []
        var dropped: Set<Int> = []
        var consumed: Set<Int> = []
        for match in found where !match.isNumericRating && match.phrase.question != .note {
            let scope = negationScope(folded, before: match.start)
            let words = scope.words
            let phrase = " " + words.map(\.word).joined(separator: " ") + " "
            if match.phrase.question == .fit, match.phrase.value == SurveyAnswers.Fit.good.rawValue,
               SurveyVocabulary.hedges.contains(where: { phrase.contains(" \($0) ") }) {
                result.append(turned(match, to: SurveyAnswers.Fit.deciding.rawValue))
                continue
            }
            var negated = false
            for (index, word) in words.enumerated() where SurveyVocabulary.negations.contains(word.word) || word.word.hasSuffix("n't") {
                if index + 1 < words.count, SurveyVocabulary.negatedOther.contains(words[index + 1].word) { continue }
                guard let other = found.first(where: { $0.start <= word.range.lowerBound && $0.end >= word.range.upperBound }) else {
                    negated = true
                    break
                }
                // "we don't meet often": the negation belongs to the other answer, of the same question.
                let onlyNegates = !other.phrase.standaloneOnly && other.phrase.question != match.phrase.question
                    && EnrollmentText.words(folded: other.phrase.words).allSatisfy {
                        SurveyVocabulary.negations.contains($0) || SurveyVocabulary.negationStrengtheners.contains($0) || $0.hasSuffix("n't")
                    }
                if onlyNegates {
                    negated = true
                    consumed.insert(other.start)
                    break
                }
            }
            let before = String(folded[scope.start..<match.start])
            let after = String(folded[match.end...].prefix(8))
            if SurveyVocabulary.cjkNegationsBefore.contains(where: before.contains) || SurveyVocabulary.cjkNegationsAfter.contains(where: after.hasPrefix) {
                negated = true
            }
            guard negated else { continue }
            dropped.insert(match.start)
            let value = match.phrase.value
            switch match.phrase.question {
            case .fit where value == SurveyAnswers.Fit.good.rawValue: result.append(turned(match, to: SurveyAnswers.Fit.notGood.rawValue))
            case .meeting where value == SurveyAnswers.Meeting.yes.rawValue: result.append(turned(match, to: SurveyAnswers.Meeting.no.rawValue))
            case .next where value == SurveyAnswers.Next.graduate.rawValue: result.append(turned(match, to: SurveyAnswers.Next.continue.rawValue))
            case .rating where (Int(value) ?? 0) >= 4: result.append(turned(match, to: "2"))
            default: break
            }
        }
        let turnedStarts = Set(result.map(\.start))
        return (found.filter { !dropped.contains($0.start) && !turnedStarts.contains($0.start) } + result)
            .filter { !consumed.contains($0.start) }.sorted { $0.start < $1.start }
    }

    private static func turned(_ match: Match, to value: String) -> Match {
        var turned = match
        turned.phrase = .init(words: match.phrase.words, question: match.phrase.question, value: value, standaloneOnly: match.phrase.standaloneOnly)
        return turned
    }

    /// The words of the clause before `index`, in order: back to a mark that ends a clause or a
    /// word that starts one ("but", "pero", "aber"); a comma before "that", "dass", "que" does not end it.
    private static func negationScope(_ folded: [Character], before index: Int) -> (start: Int, words: [(word: String, range: Range<Int>)]) {
        var words: [(word: String, range: Range<Int>)] = []
        var position = index
        while position > 0 {
            let character = folded[position - 1]
            if isWordCharacter(character) {
                var start = position - 1
                while start > 0, isWordCharacter(folded[start - 1]) { start -= 1 }
                let word = String(folded[start..<position])
                if SurveyVocabulary.clauseStarts.contains(word) { break }
                words.append((word, start..<position))
                position = start
            } else if ",;.!?:\n—、，。！？".contains(character) {
                guard character == ",", let first = words.last, SurveyVocabulary.clauseLinks.contains(first.word) else { break }
                position -= 1
            } else {
                position -= 1
            }
        }
        return (position, words.reversed())
    }

    /// "4.5", "2,5": a rating between two, rounded half up ("4.5" is a 5); never part of a
    /// longer number ("1.2.3", "12.5"), nor before a unit ("1.5 weeks").
    static func decimalRatings(_ folded: [Character]) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index + 2 < folded.count {
            defer { index += 1 }
            guard let whole = folded[index].wholeNumberValue, (1...5).contains(whole), folded[index].isASCII,
                  index == 0 || !(isWordCharacter(folded[index - 1]) || folded[index - 1] == "." || folded[index - 1] == ","),
                  folded[index + 1] == "." || folded[index + 1] == ",", folded[index + 2].isASCII, folded[index + 2].isNumber else { continue }
            var end = index + 2
            while end < folded.count, folded[end].isASCII, folded[end].isNumber { end += 1 }
            if end < folded.count, isWordCharacter(folded[end]) || ((folded[end] == "." || folded[end] == ",") && end + 1 < folded.count && folded[end + 1].isNumber) { continue }
            let written = String(folded[index..<end])
            guard let value = Double(written.replacingOccurrences(of: ",", with: ".")), value <= 5, !isFollowedByUnit(folded, at: end) else { continue }
            let rounded = Int((value + 0.5).rounded(.down))
            found.append(Match(phrase: .init(words: written, question: .rating, value: String(rounded), standaloneOnly: false), start: index, end: end))
            index = end
        }
        return found
    }

    /// A decimal rating as written, with its mark ("4.5", "3,5"); nil for any other phrase.
    static func decimal(_ words: String) -> String? {
        words.contains(where: { $0 == "." || $0 == "," }) && words.allSatisfy { $0.isNumber || $0 == "." || $0 == "," } ? words : nil
    }

    /// Words that negate the number right after them ("3, no 4", "not 2 but 4", "pas 4").
    static let numberNegations: Set<String> = ["no", "not", "nao", "non", "nicht", "pas", "nein", "kein", "keine"]

    /// "quería decir 3, no 4": a negated number is no rating, and its "no" answers no question.
    private static func withoutNegatedNumbers(_ found: [Match], _ folded: [Character]) -> [Match] {
        var dropped: [Int] = []
        for match in found where match.isNumericRating {
            var end = match.start
            while end > 0, folded[end - 1] == " " { end -= 1 }
            guard end < match.start else { continue }
            var start = end
            while start > 0, isWordCharacter(folded[start - 1]) { start -= 1 }
            guard numberNegations.contains(String(folded[start..<end])) else { continue }
            dropped.append(match.start)
            dropped += found.filter { $0.start < end && $0.end > start }.map(\.start)
        }
        return dropped.isEmpty ? found : found.filter { !dropped.contains($0.start) }
    }

    /// Articles before a rating in words ("un cuatro", "eine vier"); not the English "a" ("a one-to-one").
    static let articles: Set<String> = ["un", "une", "una", "um", "uma", "ein", "eine", "einen"]

    private static func isAfterArticle(_ folded: [Character], at index: Int) -> Bool {
        var end = index
        while end > 0, folded[end - 1] == " " { end -= 1 }
        guard end < index else { return false }
        var start = end
        while start > 0, isWordCharacter(folded[start - 1]) { start -= 1 }
        return articles.contains(String(folded[start..<end]))
    }

    /// Where the next word after `index` starts, across spaces only.
    private static func nextWordStart(_ folded: [Character], after index: Int) -> Int {
        var next = index
        while next < folded.count, folded[next] == " " { next += 1 }
        return next > index ? next : -1
    }

    /// "nos vemos a veces", "yes, sometimes": a "sometimes" in the sentence of a "yes" to the
    /// meeting question is the answer, and the yes is dropped.
    static func sometimesOverYes(_ matches: [Match], in folded: String) -> [Match] {
        var bounds: [Range<Int>] = []
        var offset = 0
        for sentence in sentences(folded) {
            bounds.append(offset..<offset + sentence.count)
            offset += sentence.count
        }
        func sentence(_ match: Match) -> Int? { bounds.firstIndex { $0.contains(match.start) } }
        let sometimes = Set(matches.filter { $0.phrase.question == .meeting && $0.phrase.value == SurveyAnswers.Meeting.sometimes.rawValue }
            .compactMap(sentence))
        return matches.filter { match in
            !(match.phrase.question == .meeting && match.phrase.value == SurveyAnswers.Meeting.yes.rawValue
              && sentence(match).map(sometimes.contains) == true)
        }
    }

    /// The segment around `index`: between line breaks and punctuation that ends a clause.
    private static func segmentBounds(_ folded: [Character], around index: Int) -> Range<Int> {
        let separators: Set<Character> = [",", ";", ".", "!", "?", "\n", ":", "、", "，", "。", "！", "？"]
        var low = index
        while low > 0, !separators.contains(folded[low - 1]) { low -= 1 }
        var high = index
        while high < folded.count, !separators.contains(folded[high]) { high += 1 }
        return low..<high
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        (character.isLetter || character.isNumber || character == "'") && !isCJK(character)
    }

    /// Chinese and Japanese are written without spaces: their phrases match anywhere.
    private static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x3040...0x30FF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
            || (0x3400...0x4DBF).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    private static func isBoundary(_ folded: [Character], before index: Int, phraseStart: Character) -> Bool {
        guard index > 0, !isCJK(phraseStart) else { return true }
        return !isWordCharacter(folded[index - 1])
    }

    private static func isBoundary(_ folded: [Character], after index: Int, phraseEnd: Character) -> Bool {
        guard index < folded.count, !isCJK(phraseEnd) else { return true }
        return !isWordCharacter(folded[index])
    }

    /// Words between a day and its month ("3 de março", "3rd of March") or before a day ("until
    /// the 3rd", "bis zum 3.", "até o dia 3").
    static let dateLinks: Set<String> = ["de", "of", "del", "do", "da", "th", "st", "nd", "rd"]
    static let dayFillers: Set<String> = ["the", "el", "o", "a", "al", "zum", "le", "dia", "day", "den", "il", "lo", "am", "on"]

    /// Whether the number from `start` to `end` is part of a date: "3 de março", "March 3",
    /// "bis 3. März", "until 3", "hasta el 3", "3/3/2027". A day is never a rating.
    private static func isInDate(_ folded: [Character], start: Int, end: Int) -> Bool {
        let after = words(folded, from: end, count: 2)
        if let next = after.first.flatMap({ dateLinks.contains($0) ? after.dropFirst().first : $0 }),
           SurveyVocabulary.months.contains(next) { return true }
        let before = wordsBefore(folded, at: start, count: 4)
        if let previous = before.first, SurveyVocabulary.months.contains(previous) { return true }
        for word in before {
            if AbsenceWords.untilWords.contains(word) { return true }
            if !dayFillers.contains(word) { break }
        }
        // "3/3/2027", "3.3.2027": digits joined to more digits by the same mark, twice.
        func isJoint(_ index: Int) -> Bool {
            ["/", "."].contains(folded[index]) && index > 0 && index + 1 < folded.count && folded[index - 1].isNumber && folded[index + 1].isNumber
        }
        var low = start, high = end
        while low > 0, folded[low - 1].isNumber || isJoint(low - 1) { low -= 1 }
        while high < folded.count, folded[high].isNumber || isJoint(high) { high += 1 }
        let marks = folded[low..<high].filter { $0 == "/" || $0 == "." }
        return marks.count >= 2 && Set(marks).count == 1
    }

    /// Up to `count` words from `index` on, across spaces and full stops within the line.
    private static func words(_ folded: [Character], from index: Int, count: Int) -> [String] {
        var found: [String] = []
        var position = index
        while found.count < count {
            while position < folded.count, folded[position] == " " || folded[position] == "." { position += 1 }
            let start = position
            while position < folded.count, isWordCharacter(folded[position]) { position += 1 }
            guard position > start else { break }
            found.append(String(folded[start..<position]))
        }
        return found
    }

    /// Up to `count` words before `index`, nearest first, across spaces only.
    private static func wordsBefore(_ folded: [Character], at index: Int, count: Int) -> [String] {
        var found: [String] = []
        var position = index
        while found.count < count {
            while position > 0, folded[position - 1] == " " { position -= 1 }
            let end = position
            while position > 0, isWordCharacter(folded[position - 1]) { position -= 1 }
            guard position < end else { break }
            found.append(String(folded[position..<end]))
        }
        return found
    }

    private static func isFollowedByUnit(_ folded: [Character], at index: Int) -> Bool {
        let rest = String(folded[index...]).split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        let gap = folded[index...].prefix { $0 == " " }.count
        return gap <= 1 && SurveyVocabulary.units.contains(rest) && rest.count > 0
            && String(folded[(index + gap)...].prefix(rest.count)) == rest
    }

    // MARK: - Text

    /// `EnrollmentText.fold` line by line, keeping the line breaks (they end answers).
    static func foldLines(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(EnrollmentText.fold).joined(separator: "\n")
    }

    /// A line's quote depth and its text without the `>` marks.
    static func unquote(_ line: String) -> (depth: Int, text: String) {
        var depth = 0
        var rest = Substring(line)
        while true {
            let trimmed = rest.drop { $0 == " " }
            guard trimmed.first == ">" else { break }
            depth += 1
            rest = trimmed.dropFirst()
        }
        return (depth, String(rest))
    }

    /// Where the person's text ends: a signature, an attribution, a forwarded or original
    /// message. (An answer may start with "From:"; a header block is found by `ReplyExtractor`.)
    static func isStop(_ line: String) -> Bool {
        let trimmed = EnrollmentText.trim(line)
        if trimmed == "--" || line.hasPrefix("-- ") || trimmed.hasPrefix("-----") || trimmed.hasPrefix("________") { return true }
        let lowered = trimmed.lowercased()
        return lowered.hasPrefix("on ") && lowered.hasSuffix("wrote:")
    }

    /// The new text's lines without greetings and sign-offs (and the name after a sign-off).
    func ownLines(_ newText: String) -> [String] {
        var lines: [String] = []
        var signedOff = false
        for raw in newText.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = EnrollmentText.trim(EnrollmentText.plainSpaces(raw))
            guard !line.isEmpty else { continue }
            let words = EnrollmentText.words(line)
            if Self.isSignOff(line) {
                signedOff = true
                continue
            }
            if signedOff && words.count <= 3 { continue }
            if let first = words.first, SurveyVocabulary.greetings.contains(first), words.count <= 4, lines.isEmpty { continue }
            lines.append(line)
        }
        return lines
    }

    /// A closing line ("Gruß", "Bonne journée,", "Best regards, Ana"), as sign-up forms recognise
    /// them, or a short line starting with a closing word ("thanks so much for asking").
    static func isSignOff(_ line: String) -> Bool {
        let words = EnrollmentText.words(line)
        if let first = words.first, SurveyVocabulary.signOffs.contains(first), words.count <= 6 { return true }
        return SignupFormLine(line).isSignOff
    }

    /// "nothing", "no, thanks", "n/a": no note.
    static func isNothing(_ text: String) -> Bool {
        let folded = EnrollmentText.fold(text).trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
        if folded.isEmpty || SurveyVocabulary.nothing.contains(folded) { return true }
        var words = EnrollmentText.words(text)
        while let last = words.last, SurveyVocabulary.signOffs.contains(last) || last == "you" || last == "so" || last == "far" {
            words.removeLast()
        }
        return words.isEmpty || SurveyVocabulary.nothing.contains(words.joined(separator: " "))
    }

    /// The new text without greeting and sign-off lines, blank lines kept.
    func ownText(_ newText: String) -> String {
        let kept = Set(ownLines(newText))
        return newText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { EnrollmentText.trim(EnrollmentText.plainSpaces($0)) }
            .filter { $0.isEmpty || kept.contains($0) }
            .joined(separator: "\n")
    }

    /// Folded text cut into sentences, keeping every character (offsets add up).
    static func sentences(_ folded: String) -> [String] {
        SentenceEnds.split(folded, lineEnds: true)
    }

    /// The note as the person wrote it (not folded): the original sentences whose folded form
    /// is in `folded`.
    static func originalSentences(_ text: String, matching folded: [String]) -> String? {
        let wanted = Set(folded)
        let kept = sentences(text).map(EnrollmentText.trim).filter { wanted.contains(EnrollmentText.trim(foldLines($0))) }
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }
}

/// The survey as we sent it. A line of a reply is ours when it is one of our lines, or when a
/// mail program re-wrapped our paragraph (Outlook joins a paragraph into one line or breaks it
/// elsewhere): then its words stand in the same order in our text, and there are enough of them
/// (five or more) that a person's answer ("good fit", "need a new match") is not taken for ours.
struct SentText {
    private let lines: Set<String>
    /// Our folded lines joined by single spaces, with a space at each end.
    private let flowing: String

    init(lines: [String]) {
        let folded = lines.map(EnrollmentText.fold).filter { !$0.isEmpty }
        self.lines = Set(folded)
        flowing = " " + folded.joined(separator: " ") + " "
    }

    /// Whether `line` (already `EnrollmentText.fold`ed) is text of ours.
    func contains(folded line: String) -> Bool {
        if lines.contains(line) { return true }
        guard flowing.count > 2, EnrollmentText.words(folded: line).count >= 5 else { return false }
        return flowing.contains(" " + line + " ")
    }

    /// For each of `text`'s lines, whether it is ours: whole, re-wrapped, or a short piece of
    /// ours cut from the line of ours beside it ("2. Are you meeting?" / "(yes / no / sometimes)").
    func marks(_ text: [String]) -> [Bool] {
        let folded = text.map(EnrollmentText.fold)
        var ours = folded.map { !$0.isEmpty && contains(folded: $0) }
        guard flowing.count > 2 else { return ours }
        for index in folded.indices where !ours[index] && !folded[index].isEmpty {
            let before = index > 0 && ours[index - 1] && flowing.contains(" " + folded[index - 1] + " " + folded[index] + " ")
            let after = index + 1 < folded.count && ours[index + 1] && flowing.contains(" " + folded[index] + " " + folded[index + 1] + " ")
            ours[index] = before || after
        }
        return ours
    }

    /// `text` without its lines of ours (`marks`), blank lines kept.
    func removing(from text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        return zip(lines, marks(lines)).filter { !$0.1 }.map(\.0).joined(separator: "\n")
    }
}
