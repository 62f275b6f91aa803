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
            "írta", "kirjoitti", "đã viết",
        ].map(Bytes.utf8)

        /// Verbs that sit inside an attribution followed by the name ("… schrieb Bob <b@x>:").
        private static let innerVerbs: [[UInt8]] = [" schrieb ", " schreef ", " skrev "].map(Bytes.utf8)

        private static let on = Bytes.utf8("on ")
        private static let wrote = Bytes.utf8("wrote")
        private static let addressWrote: [[UInt8]] = ["> wrote", ") wrote", "] wrote"].map(Bytes.utf8)
        private static let fullWidthColon: [UInt8] = [0xEF, 0xBC, 0x9A]

        /// Classifies one candidate (a line, or up to three wrapped lines joined by spaces).
        /// - Complexity: O(*m*) for a candidate of *m* bytes; longer than `maximumLength` is rejected at once.
        static func strength(_ candidate: ArraySlice<UInt8>) -> Strength? {
            guard candidate.count <= maximumLength else { return nil }
            // Yahoo's "--- On … wrote:" and bold "*On … wrote:*" decorations.
            let line = Bytes.trimmedTrailing(
                Bytes.trimmedLeading(candidate, dropping: Bytes.decorations), dropping: Bytes.asterisk)
            // A date, a time or an address: "On Monday I wrote:" in new text is not a header.
            guard Bytes.containsDigit(line) || line.contains(0x40) else { return nil }
            guard let core = withoutFinalColon(line) else { return nil }
            if Bytes.hasPrefix(line, on), Bytes.hasSuffix(core, wrote) { return .strong }
            if addressWrote.contains(where: { Bytes.hasSuffix(core, $0) }) { return .strong }
            if endingVerbs.contains(where: { Bytes.hasSuffix(core, $0) }) { return .strong }
            if innerVerbs.contains(where: { Bytes.contains(core, $0) }) { return .strong }
            // Gmail's date-first form (ru, ja, ko, …): "2024年1月1日(月) 10:00 Bob <bob@x.org>:".
            if core.last == 0x3E, core.contains(0x40) { return .weak }
            return nil
        }

        /// Whether a trimmed line ends with ':' or '：', allowing bold markers after it.
        /// - Complexity: O(1) for ordinary lines.
        static func endsWithColon(_ content: ArraySlice<UInt8>) -> Bool {
            var end = content.endIndex
            while end > content.startIndex, content[end - 1] == 0x2A || content[end - 1] == 0x20 { end -= 1 }
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
