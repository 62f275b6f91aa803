/// One mailbox: an address with an optional display name.
public struct MailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The address as written, e.g. "alice@example.org"; compare through `normalized`.
    public var address: String
    /// The display name, RFC 2047-decoded and unquoted.
    public var name: String?

    public init(address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The address lower-cased, for comparing and looking up.
    public var normalized: String { address.lowercased() }

    /// The mailbox the address delivers to: lower-cased, without a "+tag" after the local
    /// part ("ana+mentoring@example.org" delivers to "ana@example.org").
    public var mailbox: String { Self.mailbox(of: address) }

    /// `mailbox` of any address string.
    public static func mailbox(of address: String) -> String {
        let lowered = address.lowercased()
        guard let at = lowered.lastIndex(of: "@"), let plus = lowered[..<at].firstIndex(of: "+"), plus > lowered.startIndex else {
            return lowered
        }
        return String(lowered[..<plus] + lowered[at...])
    }

    /// "Name <address>" or just the address; for logs and reports, not for headers.
    public var description: String {
        guard let name, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }

    /// Parses an address-list header value, best effort: display names (quoted or not,
    /// RFC 2047-encoded or 8-bit), angle addresses (obsolete routes dropped), comments as
    /// names ("a@x (Alice)"), groups ("team: a@x, b@x;" gives a@x and b@x), and stray
    /// commas. Entries without any address are skipped.
    /// - Complexity: O(n) in the length of `value`.
    public static func parseList(_ value: String) -> [MailAddress] {
        let bytes = Array(value.utf8)
        var result: [MailAddress] = []
        var segmentStart = 0
        var groupNameAllowed = true  // no "@" or "<" yet in this segment
        var i = 0
        func finish(_ end: Int) {
            if let address = parseMailbox(bytes[segmentStart..<end]) { result.append(address) }
            segmentStart = end + 1
            groupNameAllowed = true
        }
        while i < bytes.count {
            switch bytes[i] {
            case Byte.quote:
                i = skipQuoted(bytes, from: i)
                continue
            case UInt8(ascii: "("):
                i = skipComment(bytes, from: i)
                continue
            case UInt8(ascii: "<"):
                groupNameAllowed = false
                while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
            case UInt8(ascii: "@"):
                groupNameAllowed = false
            case UInt8(ascii: ","), Byte.semicolon:
                finish(i)
            case Byte.colon where groupNameAllowed:
                segmentStart = i + 1  // what came before was a group's display name
            default:
                break
            }
            i += 1
        }
        finish(bytes.count)
        return result
    }

    /// The index just past a quoted string starting at `start` (or the end of input).
    static func skipQuoted(_ s: [UInt8], from start: Int) -> Int {
        var i = start + 1
        while i < s.count {
            if s[i] == Byte.backslash { i += 2; continue }
            if s[i] == Byte.quote { return i + 1 }
            i += 1
        }
        return s.count
    }

    /// The index just past a (possibly nested) comment starting at `start`.
    static func skipComment(_ s: [UInt8], from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < s.count {
            switch s[i] {
            case Byte.backslash: i += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return s.count
    }

    /// One mailbox from the text between commas.
    private static func parseMailbox(_ s: ArraySlice<UInt8>) -> MailAddress? {
        var phrase: [UInt8] = []
        var comment: ArraySlice<UInt8>?
        var angle: ArraySlice<UInt8>?
        let all = Array(s)
        var i = 0
        while i < all.count {
            let c = all[i]
            if c == Byte.quote {
                let end = skipQuoted(all, from: i)
                var k = i + 1
                while k < end {
                    if all[k] == Byte.backslash, k + 1 < end {
                        k += 1
                        phrase.append(all[k])
                    } else if !(all[k] == Byte.quote && k == end - 1) {
                        phrase.append(all[k])
                    }
                    k += 1
                }
                i = end
            } else if c == UInt8(ascii: "(") {
                let end = skipComment(all, from: i)
                if comment == nil { comment = all[(i + 1)..<max(i + 1, end - 1)] }
                phrase.append(Byte.space)
                i = end
            } else if c == UInt8(ascii: "<") {
                var end = i + 1
                while end < all.count, all[end] != UInt8(ascii: ">") { end += 1 }
                var inner = all[(i + 1)..<end]
                if inner.first == UInt8(ascii: "@"), let colon = inner.lastIndex(of: Byte.colon) { inner = all[(colon + 1)..<end] }
                angle = inner
                i = end + 1
            } else {
                phrase.append(c)
                i += 1
            }
        }
        var address: [UInt8]
        var name: [UInt8]
        if let angle {
            address = Array(angle)
            name = phrase
        } else {
            let words = phrase.split(whereSeparator: isBlank)
            if words.count > 1, let last = words.last, last.contains(UInt8(ascii: "@")) {
                address = Array(last)
                name = Array(words.dropLast().joined(separator: [Byte.space]))
            } else if words.count == 1 {
                address = Array(words[0])
                name = []
            } else {
                return nil
            }
        }
        address.removeAll { isBlank($0) || $0 == Byte.quote }
        guard !address.isEmpty else { return nil }
        if !address.contains(UInt8(ascii: "@")), ByteText.utf8OrLatin1(address).contains("=?") {
            return encodedMailbox(s, address: address)
        }
        if name.allSatisfy(isBlank), let comment { name = Array(comment) }
        let decoded = collapseWhitespace(EncodedWords.decode(ByteText.utf8OrLatin1(name)))
        return MailAddress(address: ByteText.utf8OrLatin1(address), name: decoded.isEmpty ? nil : decoded)
    }

    /// A whole mailbox sent as encoded words (`=?utf-8?b?<"Name <a@x>">?=`, not RFC-valid but
    /// common from broken senders): the mailbox inside when it has an address, else the
    /// decoded text as the address, so that what is shown can be read.
    private static func encodedMailbox(_ s: ArraySlice<UInt8>, address: [UInt8]) -> MailAddress {
        let raw = ByteText.utf8OrLatin1(Array(s))
        let decoded = EncodedWords.decode(raw)
        if decoded != raw, let inner = parseMailbox(ArraySlice(decoded.utf8)), inner.address.contains("@") { return inner }
        return MailAddress(address: collapseWhitespace(EncodedWords.decode(ByteText.utf8OrLatin1(address))))
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == Byte.space || b == Byte.tab || b == Byte.cr || b == Byte.lf }

    private static func collapseWhitespace(_ text: String) -> String {
        text.unicodeScalars.contains { $0.isMailWhitespace && $0 != " " } || text.contains("  ") || text.first == " " || text.last == " "
            ? text.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.isMailWhitespace) }).joined(separator: " ")
            : text
    }
}
