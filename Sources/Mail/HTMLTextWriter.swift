/// The plain-text output of `HTMLText`: collapses whitespace like a browser, and keeps
/// line breaks, quote prefixes ("> "), list markers and table cell separators in order.
struct HTMLTextWriter {
    private(set) var out: [UInt8] = []
    /// Line breaks owed before the next visible text (2 = a blank line).
    private var pendingBreaks = 0
    private var pendingSpace = false
    private var atLineStart = true
    /// Blockquote nesting now, and when the last line was written.
    var quoteDepth = 0
    private var lastLineQuoteDepth = 0
    /// Indentation of list items ("  " per nested list).
    var indent = 0
    /// A list marker ("- ", "3. ") to write before the next text.
    var pendingMarker: [UInt8]?
    /// A " | " owed before the next text of a table cell.
    var pendingCellSeparator = false
    /// Inside <pre>: whitespace is kept.
    var preformatted = 0

    /// Asks for a line break (1) or a paragraph break (2) before the next text.
    mutating func blockBreak(_ count: Int) {
        guard !out.isEmpty else { return }
        pendingBreaks = max(pendingBreaks, count)
        pendingSpace = false
    }

    /// A space before the next text (none at the start of a line or a cell).
    mutating func space() {
        guard !out.isEmpty, !atLineStart else { return }
        pendingSpace = true
    }

    /// A <br>: one more line break, even after another.
    mutating func hardBreak() {
        guard !out.isEmpty else { return }
        pendingBreaks = min(pendingBreaks + 1, 3)
        pendingSpace = false
    }

    /// Writes a run of text; whitespace collapses unless preformatted; NBSP is a space.
    mutating func write<C: Collection>(_ text: C) where C.Element == UInt8 {
        var previous: UInt8 = 0
        for b in text {
            defer { previous = b }
            if preformatted > 0 {
                if b == Byte.lf {
                    pendingBreaks += 1
                    continue
                }
                if b == Byte.cr { continue }
                visible(b, keepSpace: true)
                continue
            }
            switch b {
            case Byte.space, Byte.tab, Byte.lf, Byte.cr, 0x0C:
                if !atLineStart || pendingCellSeparator { pendingSpace = true }
            case 0xC2:
                continue  // maybe the first byte of NBSP; decided with the next byte
            case 0xA0 where previous == 0xC2:
                visible(Byte.space, keepSpace: true)
            default:
                if previous == 0xC2 { visible(0xC2, keepSpace: false) }
                visible(b, keepSpace: false)
            }
        }
        if previous == 0xC2 && preformatted == 0 { visible(0xC2, keepSpace: false) }
    }

    /// Writes literal text (a URL, a rule) as one visible run.
    mutating func writeLiteral(_ text: String) {
        for b in text.utf8 { visible(b, keepSpace: true) }
    }

    /// Writes owed breaks, the line prefix and a pending space, then the byte.
    private mutating func visible(_ b: UInt8, keepSpace: Bool) {
        if pendingBreaks > 0 && !out.isEmpty {
            let blankDepth = min(lastLineQuoteDepth, quoteDepth)
            for k in 0..<pendingBreaks {
                out.append(Byte.lf)
                if k < pendingBreaks - 1 { for _ in 0..<blankDepth { out.append(UInt8(ascii: ">")) } }
            }
            atLineStart = true
            pendingSpace = false
        }
        pendingBreaks = 0
        if atLineStart {
            for _ in 0..<quoteDepth { out += [UInt8(ascii: ">"), Byte.space] }
            for _ in 0..<indent { out += [Byte.space, Byte.space] }
            if let marker = pendingMarker { out += marker }
            pendingMarker = nil
            pendingSpace = false
            atLineStart = false
            lastLineQuoteDepth = quoteDepth
        }
        if pendingCellSeparator {
            if let last = out.last, last != Byte.space, last != Byte.lf { out += Array(" | ".utf8) }
            pendingCellSeparator = false
            pendingSpace = false
        }
        if pendingSpace, out.last != Byte.space { out.append(Byte.space) }
        pendingSpace = false
        out.append(b)
    }

    /// Bytes written since `offset`, as text (for comparing a link's text with its URL).
    func text(since offset: Int) -> String {
        String(decoding: out[min(offset, out.count)...], as: UTF8.self)
    }

    /// The result: trailing blanks trimmed per line, at most one blank line in a row,
    /// no blank lines at either end.
    func finish() -> String {
        var lines: [Substring] = []
        var blankRun = 0
        for line in String(decoding: out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
            let blank = trimmed.allSatisfy { $0 == ">" }
            if blank {
                blankRun += 1
                if blankRun > 1 || lines.isEmpty { continue }
            } else {
                blankRun = 0
            }
            lines.append(trimmed)
        }
        while let last = lines.last, last.allSatisfy({ $0 == ">" }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
