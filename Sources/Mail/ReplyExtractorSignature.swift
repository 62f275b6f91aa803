extension ReplyExtractor {
    /// Finds a signature block written without a "-- " line at the end of the new text: a
    /// sign-off and a name, then title, company, phone, web or address lines.
    ///
    /// The sign-off and the name are kept (they are how the person signs); the lines after
    /// the name go, but only when at least one of them is a detail line ("Title | Company",
    /// a phone number, a web address or an email address alone on its line).
    enum Signature {
        /// Most non-blank lines a signature block may have, and the longest line in one.
        private static let maximumLines = 12
        private static let maximumLineLength = 120

        /// The position in `kept` (line indices, blank lines included, the last one not blank)
        /// from which the lines are a signature block, or nil when there is none.
        /// - Complexity: O(*k*) for *k* kept lines: it reads at most the last `maximumLines`
        ///   non-blank lines, each of at most `maximumLineLength` bytes, and skips blank ones.
        static func blockStart(_ kept: [Int], lines: Lines, kinds: [Scan.Kind]) -> Int? {
            var position = kept.count - 1
            var start = kept.count
            var firstDetail: Int?
            var hasOtherThanPipes = false
            var nonBlank = 0
            var closing: Int?
            walking: while position >= 0, nonBlank < maximumLines {
                let index = kept[position]
                if kinds[index] == .blank {
                    position -= 1
                    continue
                }
                let content = lines.content(index)
                guard kinds[index] == .text, content.count <= maximumLineLength else { break }
                if let detail = detail(content) {
                    firstDetail = position
                    if detail != .pipes { hasOtherThanPipes = true }
                } else if isClosing(content) {
                    start = position
                    closing = position
                    nonBlank += 1
                    break walking
                } else if !isTitle(content) {
                    break
                }
                start = position
                nonBlank += 1
                position -= 1
            }
            guard let detailPosition = firstDetail else { return nil }
            if let closing {
                // Keep the sign-off and the name on the next line, when there is one.
                guard let name = nextNonBlank(after: closing, in: kept, kinds: kinds) else { return nil }
                return name == detailPosition ? name : name + 1
            }
            if start < detailPosition { return start + 1 }
            // Only detail lines: a signature when more than a table of words, below the person's text.
            let before = kept[..<start].contains { kinds[$0] != .blank }
            return before && nonBlank >= 2 && hasOtherThanPipes ? start : nil
        }

        private static func nextNonBlank(after position: Int, in kept: [Int], kinds: [Scan.Kind]) -> Int? {
            var next = position + 1
            while next < kept.count, kinds[kept[next]] == .blank { next += 1 }
            return next < kept.count ? next : nil
        }

        enum Detail { case pipes, phone, web, email }

        private static let pipeSeparators: [[UInt8]] = [" | ", " · ", " • ", "｜", " ┃ "].map(Bytes.utf8)
        private static let webPrefixes: [[UInt8]] = ["http://", "https://", "www."].map(Bytes.utf8)
        private static let webEndings: [[UInt8]] = [".com", ".org", ".net", ".io", ".de", ".fr", ".br", ".pl"].map(Bytes.utf8)

        /// What kind of signature detail line `content` (a trimmed line) is, if any.
        static func detail(_ content: ArraySlice<UInt8>) -> Detail? {
            if isPhone(content) { return .phone }
            let tokens = content.split(whereSeparator: Bytes.isASCIISpace)
            if tokens.count == 1 || (tokens.count == 2 && tokens[0].last == 0x3A) {
                let token = tokens[tokens.count - 1]
                if token.contains(0x40), token.contains(0x2E), token.first != 0x40 { return .email }
                if webPrefixes.contains(where: { Bytes.hasPrefix(token, $0) })
                    || webEndings.contains(where: { Bytes.hasSuffix(token, $0) })
                    || (token.contains(0x2F) && token.contains(0x2E) && !token.contains(0x40)) {
                    return .web
                }
            }
            if pipeSeparators.contains(where: { Bytes.contains(content, $0) }), let first = content.first,
               (first >= 0x41 && first <= 0x5A) || first >= 0x80 || first == 0x2B || first == 0x28,
               !content.contains(where: { $0 == 0x21 || $0 == 0x3F }), content.last != 0x2E, content.last != 0x3A {
                return .pipes
            }
            return nil
        }

        /// A phone line: an optional label ("Tel:", "Mobile", "M:"), then only digits, spaces
        /// and "+-()./", with at least seven digits.
        static func isPhone(_ content: ArraySlice<UInt8>) -> Bool {
            var index = content.startIndex
            var label = 0
            while index < content.endIndex, label <= 16,
                  content[index] >= 0x80 || (Bytes.lowered(content[index]) >= 0x61 && Bytes.lowered(content[index]) <= 0x7A) {
                index += 1
                label += 1
            }
            if index < content.endIndex, content[index] == 0x2E { index += 1 }
            if index < content.endIndex, content[index] == 0x3A { index += 1 }
            let number = Bytes.trimmed(content[index...])
            guard let first = number.first, first == 0x2B || first == 0x28 || (first >= 0x30 && first <= 0x39) else {
                return false
            }
            var digits = 0
            for byte in number {
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                } else if !(byte == 0x20 || byte == 0x2B || byte == 0x2D || byte == 0x28 || byte == 0x29
                            || byte == 0x2E || byte == 0x2F) {
                    return false
                }
            }
            return digits >= 7
        }

        /// Small words that may stand lowercase in a name, title or company.
        private static let connectors: Set<[UInt8]> = Set([
            "of", "and", "&", "at", "for", "the", "in", "on", "de", "da", "do", "dos", "das", "del", "la",
            "le", "von", "van", "der", "den", "y", "e", "i", "und", "et", "-", "–", "—",
        ].map(Bytes.utf8))
        private static let titleStoppers: [UInt8] = Array(",;:!?()@/\"".utf8)
        /// Full-width punctuation that ends or breaks a CJK sentence: ，。！？：、
        private static let cjkPunctuation: [[UInt8]] = [
            [0xEF, 0xBC, 0x8C], [0xE3, 0x80, 0x82], [0xEF, 0xBC, 0x81], [0xEF, 0xBC, 0x9F], [0xEF, 0xBC, 0x9A],
            [0xE3, 0x80, 0x81],
        ]

        /// A name, job title or company line: short, words capitalised, no digits or sentence
        /// punctuation ("Anna Kowalska", "Senior Cloud Engineer", "Example Cloud Ltd.").
        static func isTitle(_ content: ArraySlice<UInt8>) -> Bool {
            guard !content.isEmpty, content.count <= 60, !Bytes.containsDigit(content),
                  !content.contains(where: titleStoppers.contains) else { return false }
            if content.contains(where: { $0 >= 0x80 }), cjkPunctuation.contains(where: { Bytes.contains(content, $0) }) {
                return false
            }
            let words = content.split(whereSeparator: Bytes.isASCIISpace)
            guard words.count <= 7 else { return false }
            for word in words {
                guard let first = word.first else { continue }
                if (first >= 0x41 && first <= 0x5A) || first >= 0x80 { continue }
                if connectors.contains(Array(word)) { continue }
                return false
            }
            // "Ltd." and "Inc." may end it; a sentence may not.
            if content.last == 0x2E, let last = words.last, last.count > 5 { return false }
            return true
        }

        private static let closings: [[UInt8]] = [
            "best", "regards", "kind regards", "warm regards", "warmly", "thanks", "thank you", "many thanks",
            "cheers", "sincerely", "yours", "all the best", "take care", "talk soon", "viele grüße", "beste grüße",
            "liebe grüße", "grüße", "gruß", "lg", "mfg", "mit freundlichen grüßen", "danke", "saludos", "un saludo",
            "atentamente", "gracias", "abraços", "abs", "atenciosamente", "obrigad", "cordialement", "bien à vous",
            "merci", "bonne journée", "grazie", "cordiali saluti", "saluti", "un saluto", "pozdrawiam",
            "pozdrowienia", "z poważaniem", "dzięki", "dziękuję", "met vriendelijke groet", "groeten", "groetjes",
            "vänliga hälsningar", "hälsningar", "mvh", "med vennlig hilsen", "hilsen", "с уважением",
            "С уважением", "спасибо", "Спасибо", "всего доброго", "Всего доброго", "よろしくお願い", "宜しく",
            "谢谢", "此致", "祝好", "感谢", "감사합니다", "saygılarımla", "teşekkürler",
        ].map(Bytes.utf8)

        /// A sign-off line: "Best regards,", "Thanks!", "Viele Grüße", "Pozdrawiam", "谢谢".
        static func isClosing(_ content: ArraySlice<UInt8>) -> Bool {
            guard content.count <= 40, !Bytes.containsDigit(content) else { return false }
            return closings.contains { Bytes.hasPrefix(content, $0) }
        }
    }
}
