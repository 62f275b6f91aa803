/// Finds the text a person newly wrote in an email reply, without the quoted history,
/// reply headers and signature that clients add.
///
/// It works on decoded text only. Each rule looks at a line, at most the two lines after
/// it and the next non-blank line, so a whole message is handled in time linear in its
/// size (no regular expressions, nothing that backtracks).
public enum ReplyExtractor {
    /// The new text of a plain-text reply.
    ///
    /// Drops `>`-quoted lines (text written between quotes is kept), the attribution line
    /// that introduces a quote ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", … —
    /// also when wrapped over up to three lines), and cuts everything from the first of:
    /// an attribution or Outlook header block ("From:/Sent:/To:/Subject:" and its
    /// translations) that is not followed by a `>` quote, "-----Original Message-----"
    /// and similar separators, "Begin forwarded message:", or a "-- " signature line.
    /// "Sent from my iPhone"-style lines at the end are dropped, and so are blank lines
    /// at both ends, and trailing whitespace on each line. CRLF, LF and CR line ends are
    /// accepted; lines are joined with LF.
    ///
    /// - Complexity: O(*n*), where *n* is the length of `text` in UTF-8 bytes.
    public static func newText(_ text: String) -> String {
        let lines = Lines(text)
        let scan = Scan(lines: lines)
        let kept = scan.keptLines()
        var output: [UInt8] = []
        output.reserveCapacity(kept.reduce(0) { $0 + lines.ranges[$1].count + 1 })
        for (position, index) in kept.enumerated() {
            if position > 0 { output.append(0x0A) }
            if scan.kinds[index] != .blank {
                // Leading indentation is the writer's; trailing blanks (format=flowed) are not.
                output.append(contentsOf: lines.bytes[lines.ranges[index].lowerBound..<lines.contents[index].upperBound])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension ReplyExtractor {
    /// One pass over the lines of a reply, deciding which lines are new text.
    ///
    /// Everything a rule needs about a line (kind, trimmed content, header field, whether
    /// it ends in a colon) is computed once up front, so each line costs O(its length)
    /// plus a constant number of bounded checks.
    struct Scan {
        enum Kind: Equatable { case blank, quoted, text }

        let lines: Lines
        let kinds: [Kind]
        /// `nextNonBlank[i]`: the first non-blank line at or after `i` (`count` if none).
        let nextNonBlank: [Int]
        /// The header field each line starts with, if any.
        let headers: [Markers.HeaderField?]
        /// Whether each line ends with a colon (only such lines can end an attribution).
        let endsWithColon: [Bool]

        init(lines: Lines) {
            self.lines = lines
            var kinds: [Kind] = []
            var headers: [Markers.HeaderField?] = []
            var endsWithColon: [Bool] = []
            kinds.reserveCapacity(lines.count)
            headers.reserveCapacity(lines.count)
            endsWithColon.reserveCapacity(lines.count)
            for index in 0..<lines.count {
                let content = lines.content(index)
                let kind: Kind = content.isEmpty ? .blank : (content.first == 0x3E ? .quoted : .text)
                kinds.append(kind)
                headers.append(kind == .text ? Markers.headerField(content) : nil)
                endsWithColon.append(kind == .text && Attribution.endsWithColon(content))
            }
            var next = Array(repeating: lines.count, count: lines.count + 1)
            for index in stride(from: lines.count - 1, through: 0, by: -1) {
                next[index] = kinds[index] == .blank ? next[index + 1] : index
            }
            self.kinds = kinds
            self.headers = headers
            self.endsWithColon = endsWithColon
            self.nextNonBlank = next
        }

        /// Indices of the lines that make up the new text, in order.
        func keptLines() -> [Int] {
            var kept: [Int] = []
            var droppedSinceKept = false
            var index = 0
            scanning: while index < lines.count {
                switch kinds[index] {
                case .blank:
                    // Removing a quote must not leave two blank lines where there was one.
                    if !(droppedSinceKept && kept.last.map { kinds[$0] == .blank } == true) {
                        kept.append(index)
                    }
                    index += 1
                case .quoted:
                    droppedSinceKept = true
                    index += 1
                case .text:
                    if startsHistory(at: index) { break scanning }
                    if let (span, strength) = attribution(at: index) {
                        let after = nextNonBlank[index + span]
                        if after == lines.count || kinds[after] == .quoted {
                            droppedSinceKept = true
                            index = after
                            continue scanning
                        }
                        if strength == .strong && span == 1 { break scanning }
                    }
                    kept.append(index)
                    droppedSinceKept = false
                    index += 1
                }
            }
            return trimmed(kept)
        }

        /// Whether line `index` begins trailing history or a signature: everything from it on goes.
        private func startsHistory(at index: Int) -> Bool {
            if Markers.isSignatureSeparator(lines[index]) { return true }
            let content = lines.content(index)
            if Markers.isHistorySeparator(content) { return true }
            if Markers.isUnderscoreRule(content) {
                let next = nextNonBlank[index + 1]
                return next < lines.count && headers[next] != nil
            }
            return startsHeaderBlock(at: index)
        }

        /// An Outlook-style header block: a "From:" or "Sent:"/"Date:" line with, in it or
        /// the two lines after it, both a sender and a date (or a sender, recipient and subject).
        private func startsHeaderBlock(at index: Int) -> Bool {
            guard let first = headers[index], first == .from || first == .date else { return false }
            var fields: Set<Markers.HeaderField> = [first]
            var next = index + 1
            while next <= index + 2, next < lines.count, kinds[next] == .text {
                if let field = headers[next] { fields.insert(field) }
                next += 1
            }
            return fields.contains(.from)
                && (fields.contains(.date) || (fields.contains(.to) && fields.contains(.subject)))
        }

        /// An attribution starting at line `index`: how many lines it spans (1–3) and how
        /// sure the match is. Wrapped (2–3 line) matches count only as `.weak`. A wrapped
        /// match is refused when a window starting inside it is itself a dated attribution
        /// and the first line does not open like one: the first line is then new text
        /// followed by the real attribution.
        private func attribution(at index: Int) -> (span: Int, strength: Attribution.Strength)? {
            if endsWithColon[index], let strength = Attribution.strength(lines.content(index)) {
                return (1, strength)
            }
            for span in 2...3 {
                guard index + span <= lines.count, kinds[index + span - 1] == .text else { return nil }
                guard endsWithColon[index + span - 1] else { continue }
                guard let joined = joinedLines(index, span), Attribution.strength(joined[...]) != nil else {
                    continue
                }
                if !Attribution.opensAttribution(lines.content(index)) {
                    for later in (index + 1)..<(index + span) {
                        for length in 1...(index + span - later) {
                            guard endsWithColon[later + length - 1],
                                  let window = joinedLines(later, length),
                                  Attribution.strength(window[...]) != nil else { continue }
                            if Attribution.containsTime(window[...]) { return nil }
                        }
                    }
                }
                return (span, .weak)
            }
            return nil
        }

        /// Lines `index ..< index + span` joined by spaces, or nil when one is missing,
        /// not plain text, or the result would be too long to be an attribution.
        private func joinedLines(_ index: Int, _ span: Int) -> [UInt8]? {
            guard index + span <= lines.count else { return nil }
            var total = 0
            for line in index..<(index + span) {
                guard kinds[line] == .text else { return nil }
                total += lines.contents[line].count + 1
            }
            guard total <= Attribution.maximumLength + span else { return nil }
            var joined: [UInt8] = []
            joined.reserveCapacity(total)
            for line in index..<(index + span) {
                if line > index { joined.append(0x20) }
                joined.append(contentsOf: lines.content(line))
            }
            return joined
        }

        /// `kept` without blank lines at both ends and without trailing mobile signatures.
        private func trimmed(_ kept: [Int]) -> [Int] {
            var result = kept
            while let last = result.last,
                  kinds[last] == .blank || Markers.isMobileSignature(lines.content(last)) {
                result.removeLast()
            }
            let firstText = result.firstIndex { kinds[$0] != .blank } ?? result.endIndex
            return Array(result[firstText...])
        }
    }
}
