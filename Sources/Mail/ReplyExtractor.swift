/// Finds the text a person newly wrote in an email reply, without the quoted history,
/// reply headers and signature that clients add.
///
/// It works on decoded text only. Each rule looks at a line, at most the four lines after
/// it and the next non-blank line, so a whole message is handled in time linear in its
/// size (no regular expressions, nothing that backtracks).
public enum ReplyExtractor {
    /// The new text of a plain-text reply.
    ///
    /// Drops `>`-quoted lines (text written between quotes is kept; ">>> link <<<" is not a
    /// quote), the attribution line that introduces a quote ("On … wrote:", "Am … schrieb …:",
    /// "---- Bob wrote ----", "2011/4/7 Bob <bob@…>", … — also when wrapped over up to three
    /// lines, or when it follows the last words of the reply on their line), and cuts
    /// everything from the first of: a sure attribution or an Outlook header block
    /// ("From:/Sent:/To:/Subject:" in any order and its translations) that is not followed
    /// by a `>` quote, "-----Original Message-----" and similar separators, a mailing list's
    /// footer, or a "-- " signature line. A forwarded message ("---------- Forwarded message
    /// ---------", "Begin forwarded message:") is the person's to pass on: it is kept as
    /// written (runs of blank lines made one), also after a signature. "Sent from my iPhone"-style lines and a signature
    /// block without "-- " (a name, then a title, company, phone or web line) at the end of
    /// the person's text are dropped, and so are blank lines at both ends, and trailing
    /// whitespace on each line. CRLF, LF and CR line ends are accepted; lines are joined with LF.
    ///
    /// - Complexity: O(*n*), where *n* is the length of `text` in UTF-8 bytes.
    public static func newText(_ text: String) -> String {
        let lines = Lines(text)
        let scan = Scan(lines: lines)
        let kept = scan.keptLines()
        var output: [UInt8] = []
        output.reserveCapacity(kept.reduce(0) { $0 + ($1.index < 0 ? 1 : lines.ranges[$1.index].count + 1) })
        for (position, line) in kept.enumerated() {
            if position > 0 { output.append(0x0A) }
            if line.index >= 0, scan.kinds[line.index] != .blank {
                // Leading indentation is the writer's; trailing blanks (format=flowed) are not.
                output.append(contentsOf: lines.bytes[lines.ranges[line.index].lowerBound..<line.end])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension ReplyExtractor {
    /// Whether `line` is a line phones and mail apps append ("Sent from my iPhone", "Get
    /// Outlook for iOS", "Enviado desde Outlook para Android"), as `newText` drops them.
    public static func isMobileSignature(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        var start = 0
        var end = bytes.count
        while start < end, Bytes.isASCIISpace(bytes[start]) { start += 1 }
        while end > start, Bytes.isASCIISpace(bytes[end - 1]) { end -= 1 }
        return Markers.isMobileSignature(bytes[start..<end])
    }

    /// Whether one line is an attribution that `newText` cuts at ("On … wrote:", "… 写道：",
    /// "في …، كتب … <a@x>:", "… <a@x> ने लिखा:"), in any of the languages it knows.
    public static func isAttribution(_ line: String) -> Bool {
        let bytes = Bytes.trimmed(Array(line.utf8)[...])
        return Attribution.endsWithColon(bytes) && Attribution.strength(bytes) != nil
    }

    /// Whether `lines` open with an Outlook-style header block ("From:/Sent:/To:/Subject:"
    /// and its translations) as `newText` finds one. Only the first five lines are read.
    public static func opensHeaderBlock(_ lines: ArraySlice<String>) -> Bool {
        let scan = Scan(lines: Lines(lines.prefix(5).joined(separator: "\n")))
        return scan.lines.count > 0 && scan.kinds[0] == .text && scan.startsHeaderBlock(at: 0)
    }
}

extension ReplyExtractor {
    /// One pass over the lines of a reply, deciding which lines are new text.
    ///
    /// Everything a rule needs about a line (kind, trimmed content, header field, whether
    /// it can end an attribution) is computed once up front, so each line costs O(its
    /// length) plus a constant number of bounded checks.
    struct Scan {
        enum Kind: Equatable { case blank, quoted, text }

        /// A kept line: its index (-1 for a blank line put between the person's text and a
        /// forwarded message) and where its kept bytes end.
        struct Kept {
            var index: Int
            var end: Int
        }

        let lines: Lines
        let kinds: [Kind]
        /// `nextNonBlank[i]`: the first non-blank line at or after `i` (`count` if none).
        let nextNonBlank: [Int]
        /// The header field each line starts with, if any.
        let headers: [Markers.HeaderField?]
        /// Whether each line can end an attribution: it ends with a colon, or is framed by dashes.
        let endsAttribution: [Bool]

        init(lines: Lines) {
            self.lines = lines
            var kinds: [Kind] = []
            var headers: [Markers.HeaderField?] = []
            var endsAttribution: [Bool] = []
            kinds.reserveCapacity(lines.count)
            headers.reserveCapacity(lines.count)
            endsAttribution.reserveCapacity(lines.count)
            for index in 0..<lines.count {
                let content = lines.content(index)
                let kind: Kind = content.isEmpty ? .blank
                    : (content.first == 0x3E && !Markers.isArrowed(content) ? .quoted : .text)
                kinds.append(kind)
                headers.append(kind == .text ? Markers.headerField(content) : nil)
                endsAttribution.append(kind == .text
                    && (Attribution.endsWithColon(content) || Attribution.isDashFramed(content)))
            }
            var next = Array(repeating: lines.count, count: lines.count + 1)
            for index in stride(from: lines.count - 1, through: 0, by: -1) {
                next[index] = kinds[index] == .blank ? next[index + 1] : index
            }
            self.kinds = kinds
            self.headers = headers
            self.endsAttribution = endsAttribution
            self.nextNonBlank = next
        }

        private func whole(_ index: Int) -> Kept { Kept(index: index, end: lines.contents[index].upperBound) }

        /// The lines that make up the new text, in order.
        func keptLines() -> [Kept] {
            var kept: [Kept] = []
            var droppedSinceKept = false
            var forward: Int?
            var index = 0
            scanning: while index < lines.count {
                switch kinds[index] {
                case .blank:
                    // Removing a quote must not leave two blank lines where there was one.
                    if !(droppedSinceKept && kept.last.map { kinds[$0.index] == .blank } == true) {
                        kept.append(whole(index))
                    }
                    index += 1
                case .quoted:
                    // HTML turns Apple's forward (a cited block opening with "Begin forwarded
                    // message:") into quoted lines; right below the person's text it is theirs.
                    let content = lines.content(index)
                    if !droppedSinceKept, Attribution.endsWithColon(content) || content.last == 0x2D,
                       Markers.isForwardSeparator(Bytes.trimmedLeading(content, dropping: [0x3E])) {
                        forward = index
                        break scanning
                    }
                    droppedSinceKept = true
                    index += 1
                case .text:
                    // Separators and forward introductions end with a colon or are framed by dashes.
                    if endsAttribution[index], Markers.isForwardSeparator(lines.content(index)) {
                        forward = index
                        break scanning
                    }
                    if Markers.isSignatureSeparator(lines[index]) {
                        // A forwarded message below the signature is still the person's to pass on.
                        var next = index + 1
                        while next < lines.count, kinds[next] != .text || !Markers.isForwardSeparator(lines.content(next)) {
                            next += 1
                        }
                        if next < lines.count { forward = next }
                        break scanning
                    }
                    if startsHistory(at: index) { break scanning }
                    if let found = attribution(at: index) {
                        let after = nextNonBlank[index + found.span]
                        let sure = found.strength == .strong
                        if after == lines.count || kinds[after] == .quoted || sure {
                            if let end = found.keptEnd { kept.append(Kept(index: index, end: end)) }
                            if sure && after < lines.count && kinds[after] != .quoted { break scanning }
                            droppedSinceKept = true
                            index = after
                            continue scanning
                        }
                    }
                    kept.append(whole(index))
                    droppedSinceKept = false
                    index += 1
                }
            }
            var result = trimmed(kept)
            if let forward {
                var end = lines.count
                while end > forward, kinds[end - 1] == .blank { end -= 1 }
                if let last = result.last, last.index != forward - 1 { result.append(Kept(index: -1, end: 0)) }
                for line in forward..<end where kinds[line] != .blank || kinds[line - 1] != .blank {
                    result.append(whole(line))  // as written, blank runs made one
                }
            }
            return result
        }

        /// Whether line `index` begins trailing history or a list footer: everything from it on goes.
        private func startsHistory(at index: Int) -> Bool {
            let content = lines.content(index)
            if endsAttribution[index], Markers.isHistorySeparator(content) { return true }
            if Markers.isGroupsFooterStart(content) { return true }
            if Markers.isUnderscoreRule(content) {
                // Outlook's rule above its header block, or a mailing list's above its footer.
                var next = nextNonBlank[index + 1]
                for _ in 0..<3 where next < lines.count && kinds[next] == .text {
                    if headers[next] != nil || Markers.isListFooterLine(lines.content(next)) { return true }
                    next = nextNonBlank[next + 1]
                }
                return false
            }
            return startsHeaderBlock(at: index)
        }

        /// An Outlook-style header block: a "From:" or "Sent:"/"Date:" line with, in it or
        /// the four lines after it, a sender, a date and a recipient or subject (or a sender,
        /// recipient and subject). A sender and a date alone may be the person's own lines.
        func startsHeaderBlock(at index: Int) -> Bool {
            guard let first = headers[index], first == .from || first == .date else { return false }
            var fields: Set<Markers.HeaderField> = [first]
            var next = index + 1
            while next <= index + 4, next < lines.count, kinds[next] == .text {
                if let field = headers[next] { fields.insert(field) }
                next += 1
            }
            let addressed = fields.contains(.to) || fields.contains(.subject)
            return fields.contains(.from)
                && ((fields.contains(.date) && addressed) || (fields.contains(.to) && fields.contains(.subject)))
        }

        /// An attribution found at line `index`.
        struct Found {
            /// How many lines it spans (1–3).
            var span: Int
            var strength: Attribution.Strength
            /// Where the new text on its first line ends, when the attribution follows it there.
            var keptEnd: Int?
        }

        /// An attribution starting at line `index`, or at an opener inside it after the last
        /// words of the reply. A wrapped (2–3 line) match is sure only when it opens like an
        /// attribution and holds a time. A wrapped match is refused when a window starting
        /// inside it is itself a dated attribution and the first line does not open like
        /// one: the first line is then new text followed by the real attribution.
        private func attribution(at index: Int) -> Found? {
            let content = lines.content(index)
            if endsAttribution[index] {
                let opens = Attribution.opensAttribution(content)
                if !opens, let start = Attribution.embeddedStart(content, rest: []) {
                    return embedded(index, span: 1, start: start)
                }
                if let strength = Attribution.strength(content) { return Found(span: 1, strength: strength) }
            } else if Attribution.isDateAndAddress(content) {
                return Found(span: 1, strength: .weak)
            } else if Attribution.leadingEnd(content) != nil {
                return Found(span: 1, strength: .strong)
            }
            for span in 2...3 {
                guard index + span <= lines.count, kinds[index + span - 1] == .text else { return nil }
                guard endsAttribution[index + span - 1] else { continue }
                let opens = Attribution.opensAttribution(content)
                if !opens, let rest = joinedLines(index + 1, span - 1),
                   let start = Attribution.embeddedStart(content, rest: rest[...]) {
                    return embedded(index, span: span, start: start)
                }
                guard let joined = joinedLines(index, span), let strength = Attribution.strength(joined[...]) else {
                    continue
                }
                if !opens, refusesWrap(index, span) { return nil }
                let sure = opens && strength == .strong && Attribution.containsTime(joined[...])
                return Found(span: span, strength: sure ? .strong : .weak)
            }
            return nil
        }

        /// A sure attribution that starts at byte `start` of line `index`, after new text.
        private func embedded(_ index: Int, span: Int, start: Int) -> Found {
            let before = Bytes.trimmed(lines.bytes[lines.contents[index].lowerBound..<start])
            return Found(span: span, strength: .strong, keptEnd: before.endIndex)
        }

        /// Whether a window starting inside lines `index ..< index + span` is itself a dated attribution.
        private func refusesWrap(_ index: Int, _ span: Int) -> Bool {
            for later in (index + 1)..<(index + span) {
                for length in 1...(index + span - later) {
                    guard endsAttribution[later + length - 1],
                          let window = joinedLines(later, length),
                          Attribution.strength(window[...]) != nil else { continue }
                    if Attribution.containsTime(window[...]) { return true }
                }
            }
            return false
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

        /// `kept` without blank lines at both ends, trailing mobile signatures and a
        /// signature block without "-- " at the end.
        private func trimmed(_ kept: [Kept]) -> [Kept] {
            var result = kept
            func dropTrailing() {
                while let last = result.last,
                      kinds[last.index] == .blank || (last.end == lines.contents[last.index].upperBound
                          && Markers.isMobileSignature(lines.content(last.index))) {
                    result.removeLast()
                }
            }
            dropTrailing()
            if let start = Signature.blockStart(result.map(\.index), lines: lines, kinds: kinds) {
                result.removeLast(result.count - start)
                dropTrailing()
            }
            let firstText = result.firstIndex { kinds[$0.index] != .blank } ?? result.endIndex
            return Array(result[firstText...])
        }
    }
}
