extension ReplyExtractor {
    /// Recognises "On <date>, <name> wrote:" lines in the languages mail clients use.
    enum Attribution {
        /// How sure a match is. A `strong` line starts the history even when no `>`
        /// quote follows (Yahoo, Apple); a `weak` one counts only right before a quote.
        enum Strength { case strong, weak }

        /// Longest candidate looked at, in UTF-8 bytes; real attributions are far shorter.
        static let maximumLength = 400

        /// Verbs that end an attribution, before its colon (lowercase ASCII or exact).
        private static let endingVerbs: [[UInt8]] = [
            "a écrit", "écrit", "escribió", "escreveu", "ha scritto", "geschreven", "schreef", "schrieb",
            "skrev", "pisze", "napisał(a)", "napisał", "napisała", "napsal(a)", "napsal",
            "пишет", "написал(а)", "написал", "написала", "пише", "написав",
            "のメッセージ", "のメール", "書きました", "写道", "寫道", "작성", "yazdı",
            "írta", "kirjoitti", "đã viết", "ने लिखा", "लिखा", "님이 작성", "kirjutas", "έγραψε", "menulis", "נכתב", "כתב",
            "כתבה", "כתב/ה", "كتب", "كتبت", "نوشت",
        ].map(Bytes.utf8)

        /// Verbs that sit inside an attribution followed by the name ("… schrieb Bob <b@x>:").
        private static let innerVerbs: [[UInt8]] = [
            " schrieb ", " schreef ", " skrev ", " كتب ", " كتبت ", "،كتب ", " بواسطة ", " נכתב ", " כתב ",
        ].map(Bytes.utf8)

        private static let on = Bytes.utf8("on ")
        private static let wrote = Bytes.utf8("wrote")
        private static let sent = Bytes.utf8("sent")
        private static let wroteOn = Bytes.utf8(" wrote on ")
        private static let addressWrote: [[UInt8]] = ["> wrote", ") wrote", "] wrote"].map(Bytes.utf8)
        private static let fullWidthColon: [UInt8] = [0xEF, 0xBC, 0x9A]

        /// Classifies one candidate (a line, or up to three wrapped lines joined by spaces).
        /// With `openerOnly`, only the forms that open with "On"/"Le"/… or end with a verb count.
        /// - Complexity: O(*m*) for a candidate of *m* bytes; longer than `maximumLength` is rejected at once.
        static func strength(_ candidate: ArraySlice<UInt8>, openerOnly: Bool = false) -> Strength? {
            guard candidate.count <= maximumLength else { return nil }
            // Gmail wraps names and addresses in right-to-left text in direction marks.
            if candidate.contains(0xE2), let plain = withoutDirectionMarks(candidate) {
                return strength(plain[...], openerOnly: openerOnly)
            }
            // Zoho's "---- Name wrote ----" and "-----On … wrote-----" need no colon.
            let framed = isDashFramed(Bytes.trimmed(candidate))
            // Yahoo's "--- On … wrote:" and bold "*On … wrote:*" decorations.
            let line = Bytes.trimmedTrailing(
                Bytes.trimmedLeading(candidate, dropping: Bytes.decorations),
                dropping: framed ? Bytes.decorations : Bytes.asterisk)
            // A date, a time or an address: "On Monday I wrote:" in new text is not a header.
            guard framed || Bytes.containsDigit(line) || line.contains(0x40) else { return nil }
            guard let core = withoutFinalColon(line) ?? (framed ? line : nil) else { return nil }
            if Bytes.hasPrefix(line, on) || framed, Bytes.hasSuffix(core, wrote) { return .strong }
            // "On 03/11/2026 17:05, Bob <bob@example.org> sent:", not "On 3 May we sent:".
            if Bytes.hasPrefix(line, on), Bytes.hasSuffix(core, sent), containsTime(line) || line.contains(0x40) {
                return .strong
            }
            if endingVerbs.contains(where: { Bytes.hasSuffix(core, $0) }) { return .strong }
            if innerVerbs.contains(where: { Bytes.contains(core, $0) }) { return .strong }
            if openerOnly { return nil }
            // Notes: "Bob Smith <bob@example.org> wrote on 03/11/2026 17:05:29:".
            if Bytes.contains(core, wroteOn), containsTime(core), core.contains(0x40) { return .strong }
            if addressWrote.contains(where: { Bytes.hasSuffix(core, $0) }) { return .strong }
            // Gmail's date-first form (ru, ja, ko, …): "2024年1月1日(月) 10:00 Bob <bob@x.org>:".
            if core.last == 0x3E, core.contains(0x40) { return .weak }
            // Mutt's "* Bob <bob@example.org> [2026-11-03 17:05]:".
            if core.last == 0x5D, core.contains(0x40), containsTime(core) { return .weak }
            return nil
        }

        /// `candidate` without Unicode direction marks (U+200E/F, U+202A–E, U+2066–9), or nil
        /// when it has none.
        static func withoutDirectionMarks(_ candidate: ArraySlice<UInt8>) -> [UInt8]? {
            var out: [UInt8] = []
            var index = candidate.startIndex
            var found = false
            while index < candidate.endIndex {
                if candidate[index] == 0xE2, index + 2 < candidate.endIndex {
                    let (second, third) = (candidate[index + 1], candidate[index + 2])
                    if (second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)))
                        || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                        found = true
                        index += 3
                        continue
                    }
                }
                out.append(candidate[index])
                index += 1
            }
            return found ? out : nil
        }

        /// Whether a trimmed line starts and ends with two or more dashes ("---- Bob wrote ----").
        static func isDashFramed(_ content: ArraySlice<UInt8>) -> Bool {
            content.count >= 6 && content.prefix(2).allSatisfy { $0 == 0x2D } && content.suffix(2).allSatisfy { $0 == 0x2D }
        }

        /// Old Gmail's attribution without a colon: "2011/4/7 Bob <bob@example.org>", a numeric
        /// date first and an address in angle brackets last (`content` is a trimmed line).
        static func isDateAndAddress(_ content: ArraySlice<UInt8>) -> Bool {
            guard content.count <= maximumLength, content.last == 0x3E, content.contains(0x40) else { return false }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            var index = content.startIndex
            for group in 0..<3 {
                let start = index
                while index < content.endIndex, isDigit(content[index]), index - start < 4 { index += 1 }
                guard index > start else { return false }
                if group < 2 {
                    guard index < content.endIndex, [0x2F, 0x2D, 0x2E].contains(content[index]) else { return false }
                    index += 1
                }
            }
            return index < content.endIndex && (content[index] == 0x20 || content[index] == 0x2C)
        }

        /// Openers as they start an attribution inside a line ("…, see you! On Tue, … wrote:").
        private static let capitalOpeners: [[UInt8]] = [
            "On ", "Am ", "Le ", "El ", "Il ", "Op ", "Em ", "Den ", "W dniu ", "På ", "Dne ",
        ].map(Bytes.utf8)

        /// The first bytes of `capitalOpeners`.
        private static let openerInitials: Set<UInt8> = Set(capitalOpeners.compactMap(\.first))

        /// Where an attribution starts inside `text`, the first line of a candidate that goes on
        /// with `rest` (the wrapped lines after it, joined, or empty): the index in `text` of an
        /// opener after a space or punctuation ("…, see you there! On Tue, … wrote:"), from
        /// which `text` + `rest` is a sure attribution that opens with it, with a time and a
        /// year or an address. Nil when there is none.
        /// - Complexity: O(1): looks at the last `maximumLength` bytes, at most four openers.
        static func embeddedStart(_ text: ArraySlice<UInt8>, rest: ArraySlice<UInt8>) -> Int? {
            let tail = text.suffix(maximumLength)
            var tries = 0
            var index = tail.endIndex - 1
            while index > tail.startIndex, tries < 4 {
                defer { index -= 1 }
                guard openerInitials.contains(tail[index]),
                      capitalOpeners.contains(where: { tail[index...].starts(with: $0) }) else { continue }
                tries += 1
                let before = tail[index - 1]
                guard before < 0x80, !isLetterOrDigit(before) else { continue }
                var candidate = Array(tail[index...])
                if !rest.isEmpty {
                    candidate.append(0x20)
                    candidate.append(contentsOf: rest)
                }
                guard strength(candidate[...], openerOnly: true) == .strong, containsTime(candidate[...]),
                      candidate.contains(0x40) || containsYear(candidate[...]) else { continue }
                return index
            }
            return nil
        }

        /// Where an attribution that opens the line ends when the quoted text goes on after it
        /// on the same line (Yahoo for Android: "On Tue, …, Bob<bob@…> wrote:   Hello there,"):
        /// the index just after its colon, or nil. It must hold an address and a time.
        /// - Complexity: O(1): looks at the first `maximumLength` bytes, at most three colons.
        static func leadingEnd(_ content: ArraySlice<UInt8>) -> Int? {
            guard opensAttribution(content) else { return nil }
            let head = content.prefix(maximumLength)
            var tries = 0
            var index = head.startIndex
            while index + 1 < head.endIndex, tries < 3 {
                defer { index += 1 }
                guard head[index] == 0x3A, head[index + 1] == 0x20 else { continue }
                tries += 1
                let candidate = head[...index]
                if candidate.contains(0x40), strength(candidate, openerOnly: true) == .strong, containsTime(candidate) {
                    return index + 1
                }
            }
            return nil
        }

        private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }

        /// Whether `s` holds four digits in a row (a year).
        private static func containsYear(_ s: ArraySlice<UInt8>) -> Bool {
            var run = 0
            for byte in s {
                run = (byte >= 0x30 && byte <= 0x39) ? run + 1 : 0
                if run == 4 { return true }
            }
            return false
        }

        /// Whether a trimmed line ends with ':' or '：', allowing bold markers and direction marks after it.
        /// - Complexity: O(1) for ordinary lines.
        static func endsWithColon(_ content: ArraySlice<UInt8>) -> Bool {
            var end = content.endIndex
            while end > content.startIndex {
                if content[end - 1] == 0x2A || content[end - 1] == 0x20 {
                    end -= 1
                } else if end - content.startIndex >= 3, content[end - 3] == 0xE2,
                          withoutDirectionMarks(content[(end - 3)..<end]) == [] {
                    end -= 3  // a direction mark after the colon
                } else {
                    break
                }
            }
            if end > content.startIndex, content[end - 1] == 0x3A { return true }
            return end - content.startIndex >= 3 && content[(end - 3)..<end].elementsEqual(fullWidthColon)
        }

        /// Words that open attributions ("On", "Am", "Le", "El", "Il", "Op", "Em", "Den", "W dniu", "På").
        private static let openers: [[UInt8]] = [
            "on ", "am ", "le ", "el ", "il ", "op ", "em ", "den ", "w dniu ", "på ", "vào ", "dne ",
        ].map(Bytes.utf8)

        /// Whether a line starts with a word that opens attributions.
        static func opensAttribution(_ content: ArraySlice<UInt8>) -> Bool {
            let line = Bytes.trimmedLeading(content.prefix(16), dropping: Bytes.decorations)
            return openers.contains { Bytes.hasPrefix(line, $0) }
        }

        /// Whether `s` holds a time of day such as "10:03" or "11.00".
        static func containsTime(_ s: ArraySlice<UInt8>) -> Bool {
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            var index = s.startIndex
            while index + 3 < s.endIndex {
                if isDigit(s[index]), s[index + 1] == 0x3A || s[index + 1] == 0x2E,
                   isDigit(s[index + 2]), isDigit(s[index + 3]) {
                    return true
                }
                index += 1
            }
            return false
        }

        /// The line before its final ':' or '：' (and the space before it), or nil without one.
        private static func withoutFinalColon(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
            if line.last == 0x3A { return Bytes.trimmed(line.dropLast()) }
            if line.count >= 3, line.suffix(3).elementsEqual(fullWidthColon) {
                return Bytes.trimmed(line.dropLast(3))
            }
            return nil
        }
    }
}
