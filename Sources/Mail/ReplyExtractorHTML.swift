extension ReplyExtractor {
    /// Removes the quoted history that mail clients mark up in HTML replies, as a pass
    /// before HTML → text.
    ///
    /// Removed elements (start tag to matching end tag, so text written between quotes
    /// stays), unless their text opens with a forwarded-message line ("---------- Forwarded
    /// message ---------", "Begin forwarded message:"), which the person passes on for us to
    /// read: Gmail's `class="gmail_quote"`, Apple's and Thunderbird's
    /// `<blockquote type="cite">`, Thunderbird's `class="moz-cite-prefix"` attribution,
    /// Yahoo's `yahoo_quoted`. Cut with everything after them: Outlook's
    /// `<div id="divRplyFwdMsg">` (with an `<hr>` right before it), Outlook for Mac's
    /// `OLK_SRC_BODY_SECTION`, and Outlook's `border:none;border-top:solid …` header
    /// block. If that would leave no visible text, the input is returned unchanged
    /// (some senders wrap their whole message in such an element).
    ///
    /// A linear scan over tags, comments and raw-text elements; not an HTML parser, and
    /// the result may hold unclosed tags, which HTML → text tolerates.
    ///
    /// - Complexity: O(*n*), where *n* is the length of `html` in UTF-8 bytes.
    public static func stripQuotedHTML(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard let stripped = HTMLScanner(bytes: bytes).strippingQuotes() else { return html }
        guard HTMLScanner(bytes: stripped).hasVisibleText() || !HTMLScanner(bytes: bytes).hasVisibleText() else {
            return html
        }
        return String(decoding: stripped, as: UTF8.self)
    }
}

extension ReplyExtractor {
    /// A forward-only tokenizer over HTML bytes that finds tags and skips comments,
    /// declarations and the bodies of raw-text elements.
    struct HTMLScanner {
        let bytes: [UInt8]

        struct Tag {
            var start: Int
            var end: Int
            /// The name as written (compare with `isNamed`).
            var name: ArraySlice<UInt8>
            var isEnd: Bool
            var isSelfClosing: Bool
            /// The attributes the quote rules read (last occurrence wins).
            var classes: ArraySlice<UInt8> = []
            var id: ArraySlice<UInt8> = []
            var type: ArraySlice<UInt8> = []
            var style: ArraySlice<UInt8>?

            func isNamed(_ lowercaseName: [UInt8]) -> Bool {
                name.count == lowercaseName.count && Bytes.hasPrefix(name, lowercaseName)
            }

            var isRawText: Bool { HTMLScanner.rawText.contains { isNamed($0) } }
        }

        enum Token {
            case tag(Tag)
            /// A comment, doctype or processing instruction, from `start` up to `end`.
            case markup(start: Int, end: Int)
        }

        private enum Action { case remove, cut }

        private static let rawText: [[UInt8]] = ["script", "style", "title", "textarea", "xmp"].map(Bytes.utf8)
        private static let hr = Bytes.utf8("hr")
        private static let idName = Bytes.utf8("id")
        private static let typeName = Bytes.utf8("type")
        private static let className = Bytes.utf8("class")
        private static let styleName = Bytes.utf8("style")
        private static let blockquote = Bytes.utf8("blockquote")
        private static let removedClasses: [[UInt8]] = ["gmail_quote", "gmail_quote_container", "moz-cite-prefix"].map(Bytes.utf8)
        private static let yahooQuoted = Bytes.utf8("yahoo_quoted")
        private static let cite = Bytes.utf8("cite")
        private static let cutIDs: [[UInt8]] = ["divrplyfwdmsg", "olk_src_body_section"].map(Bytes.utf8)
        private static let outlookHeaderStyle = Bytes.utf8("border:none;border-top:solid")
        private static let invisibleEntities: [[UInt8]] = ["&nbsp;", "&#160;", "&#xa0;", "&zwnj;", "&#8203;"].map(Bytes.utf8)

        /// The stripped bytes, or nil when nothing was removed.
        func strippingQuotes() -> [UInt8]? {
            var output: [UInt8] = []
            var keepFrom = 0
            var position = 0
            var lastRule: (start: Int, end: Int)?
            var removed = false
            scanning: while let token = nextToken(from: position) {
                guard case .tag(let tag) = token else {
                    if case .markup(_, let end) = token { position = end }
                    continue
                }
                position = tag.end
                if tag.isEnd { continue }
                if tag.isRawText, !tag.isSelfClosing {
                    position = endOfRawText(named: tag.name, from: tag.end)
                    continue
                }
                if tag.isNamed(Self.hr) { lastRule = (tag.start, tag.end) }
                switch action(for: tag) {
                case .remove? where forwardFollows(tag.end):
                    continue
                case .remove?:
                    let end = tag.isSelfClosing ? tag.end : matchingEnd(of: tag)
                    output.append(contentsOf: bytes[keepFrom..<tag.start])
                    keepFrom = end
                    position = end
                    removed = true
                case .cut?:
                    var cut = tag.start
                    // An unclosed `<hr` can swallow the next tag, so the rule may end after it starts.
                    if let rule = lastRule, rule.start >= keepFrom, rule.end <= tag.start,
                       bytes[rule.end..<tag.start].allSatisfy(Bytes.isASCIISpace) {
                        cut = rule.start
                    }
                    output.append(contentsOf: bytes[keepFrom..<cut])
                    keepFrom = bytes.count
                    removed = true
                    break scanning
                case nil:
                    continue
                }
            }
            guard removed else { return nil }
            if keepFrom < bytes.count { output.append(contentsOf: bytes[keepFrom...]) }
            return output
        }

        /// How far after a quote's start tag its opening words are looked for.
        private static let forwardLookahead = 600

        /// Whether the text right after `from` (tags skipped, within `forwardLookahead`
        /// bytes) opens with a forwarded-message line.
        /// - Complexity: O(1): reads at most `forwardLookahead` bytes.
        private func forwardFollows(_ from: Int) -> Bool {
            var text: [UInt8] = []
            var inTag = false
            var index = from
            while index < min(bytes.count, from + Self.forwardLookahead), text.count < 80 {
                let byte = bytes[index]
                if inTag {
                    if byte == 0x3E { inTag = false }
                } else if byte == 0x3C {
                    inTag = true
                    text.append(0x20)
                } else if !(Bytes.isASCIISpace(byte) && text.last.map(Bytes.isASCIISpace) != false) {
                    text.append(byte)
                }
                index += 1
            }
            return Markers.opensWithForward(text[...])
        }

        /// Whether any text outside tags, comments and raw-text elements is not whitespace
        /// (`&nbsp;` counts as whitespace).
        func hasVisibleText() -> Bool {
            var position = 0
            while position < bytes.count {
                let token = nextToken(from: position)
                let textEnd: Int
                switch token {
                case .tag(let tag)?: textEnd = tag.start
                case .markup(let start, _)?: textEnd = start
                case nil: textEnd = bytes.count
                }
                if hasVisibleCharacters(bytes[position..<textEnd]) { return true }
                switch token {
                case .tag(let tag)?:
                    position = tag.end
                    if !tag.isEnd, !tag.isSelfClosing, tag.isRawText {
                        position = endOfRawText(named: tag.name, from: tag.end)
                    }
                case .markup(_, let end)?: position = end
                case nil: position = bytes.count
                }
            }
            return false
        }

        private func hasVisibleCharacters(_ text: ArraySlice<UInt8>) -> Bool {
            var index = text.startIndex
            while index < text.endIndex {
                let byte = text[index]
                if Bytes.isASCIISpace(byte) {
                    index += 1
                } else if byte == 0xC2, index + 1 < text.endIndex, text[index + 1] == 0xA0 {
                    index += 2
                } else if byte == 0x26, let entity = Self.invisibleEntities.first(where: { Bytes.hasPrefix(text[index...], $0) }) {
                    index += entity.count
                } else {
                    return true
                }
            }
            return false
        }

        private func action(for tag: Tag) -> Action? {
            for token in tag.classes.split(whereSeparator: Bytes.isASCIISpace) {
                if Self.removedClasses.contains(where: { token.count == $0.count && Bytes.hasPrefix(token, $0) }) {
                    return .remove
                }
            }
            if Bytes.contains(tag.classes, Self.yahooQuoted) || Bytes.contains(tag.id, Self.yahooQuoted) { return .remove }
            let type = Bytes.trimmed(tag.type)
            if tag.isNamed(Self.blockquote), type.count == Self.cite.count, Bytes.hasPrefix(type, Self.cite) {
                return .remove
            }
            let id = Bytes.trimmed(tag.id)
            if Self.cutIDs.contains(where: { id.count == $0.count && Bytes.hasPrefix(id, $0) }) { return .cut }
            if let style = tag.style {
                let compact = style.filter { !Bytes.isASCIISpace($0) }
                if Bytes.contains(compact[...], Self.outlookHeaderStyle) { return .cut }
            }
            return nil
        }

        /// The index just after the end tag that closes `tag` (same name, nesting counted),
        /// or the end of the input when it is never closed.
        private func matchingEnd(of tag: Tag) -> Int {
            var depth = 1
            var position = tag.end
            let name = Bytes.lowercased(tag.name)
            while let token = nextToken(from: position) {
                switch token {
                case .markup(_, let end):
                    position = end
                case .tag(let inner):
                    position = inner.end
                    if !inner.isEnd, !inner.isSelfClosing, inner.isRawText {
                        position = endOfRawText(named: inner.name, from: inner.end)
                    } else if inner.isNamed(name) {
                        if inner.isEnd {
                            depth -= 1
                            if depth == 0 { return inner.end }
                        } else if !inner.isSelfClosing {
                            depth += 1
                        }
                    }
                }
            }
            return bytes.count
        }

        /// The index of `</name` after `from` (the end tag is then read as a token), or the input's end.
        private func endOfRawText(named name: ArraySlice<UInt8>, from: Int) -> Int {
            let closing = [0x3C, 0x2F] + Bytes.lowercased(name)
            var index = from
            while let next = firstIndex(of: 0x3C, from: index) {
                if Bytes.hasPrefix(bytes[next...], closing) { return next }
                index = next + 1
            }
            return bytes.count
        }

        private func firstIndex(of byte: UInt8, from: Int) -> Int? {
            var index = from
            while index < bytes.count {
                if bytes[index] == byte { return index }
                index += 1
            }
            return nil
        }

        private func firstIndex(of needle: [UInt8], from: Int) -> Int? {
            var index = from
            while let candidate = firstIndex(of: needle[0], from: index) {
                if bytes[candidate...].starts(with: needle) { return candidate }
                index = candidate + 1
            }
            return nil
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }

        /// The next tag or markup at or after `from`. Nil when there is none, or when one
        /// is left unterminated (then no later one can end either, so scanning stops).
        func nextToken(from: Int) -> Token? {
            var index = from
            while let open = firstIndex(of: 0x3C, from: index) {
                let next = open + 1
                guard next < bytes.count else { return nil }
                switch bytes[next] {
                case 0x21:  // "<!": comment or declaration
                    if bytes[next...].starts(with: [0x21, 0x2D, 0x2D]) {
                        guard let close = firstIndex(of: [0x2D, 0x2D, 0x3E], from: open + 4) else { return nil }
                        return .markup(start: open, end: close + 3)
                    }
                    guard let close = firstIndex(of: 0x3E, from: next) else { return nil }
                    return .markup(start: open, end: close + 1)
                case 0x3F:  // "<?"
                    guard let close = firstIndex(of: 0x3E, from: next) else { return nil }
                    return .markup(start: open, end: close + 1)
                default:
                    if let tag = tag(at: open) { return .tag(tag) }
                    index = next
                }
            }
            return nil
        }

        /// Reads the tag starting at `open` ("<"): nil if "<" does not start a tag name.
        /// An unterminated tag reads as running to the end of the input.
        private func tag(at open: Int) -> Tag? {
            var index = open + 1
            let isEnd = bytes[index] == 0x2F
            if isEnd { index += 1 }
            guard index < bytes.count, Self.isLetter(bytes[index]) else { return nil }
            let nameStart = index
            while index < bytes.count, !Bytes.isASCIISpace(bytes[index]), bytes[index] != 0x3E, bytes[index] != 0x2F {
                index += 1
            }
            var tag = Tag(start: open, end: bytes.count, name: bytes[nameStart..<index],
                          isEnd: isEnd, isSelfClosing: false)
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x3E {
                    tag.end = index + 1
                    return tag
                }
                if Bytes.isASCIISpace(byte) {
                    index += 1
                    continue
                }
                if byte == 0x2F {
                    tag.isSelfClosing = index + 1 < bytes.count && bytes[index + 1] == 0x3E
                    index += 1
                    continue
                }
                let attributeStart = index
                while index < bytes.count, !Bytes.isASCIISpace(bytes[index]), bytes[index] != 0x3D,
                      bytes[index] != 0x3E, bytes[index] != 0x2F {
                    index += 1
                }
                let attribute = bytes[attributeStart..<index]
                while index < bytes.count, Bytes.isASCIISpace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == 0x3D else { continue }
                index += 1
                while index < bytes.count, Bytes.isASCIISpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                let value: ArraySlice<UInt8>
                if bytes[index] == 0x22 || bytes[index] == 0x27 {
                    let quote = bytes[index]
                    guard let close = firstIndex(of: quote, from: index + 1) else {
                        return tag  // unterminated quote: the tag runs to the end
                    }
                    value = bytes[(index + 1)..<close]
                    index = close + 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !Bytes.isASCIISpace(bytes[index]), bytes[index] != 0x3E { index += 1 }
                    value = bytes[valueStart..<index]
                }
                switch attribute.count {
                case 2 where Bytes.hasPrefix(attribute, Self.idName): tag.id = value
                case 4 where Bytes.hasPrefix(attribute, Self.typeName): tag.type = value
                case 5 where Bytes.hasPrefix(attribute, Self.className): tag.classes = value
                case 5 where Bytes.hasPrefix(attribute, Self.styleName): tag.style = value
                default: break
                }
            }
            return tag
        }
    }
}
