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
        let scalars = Array(value.unicodeScalars)
        var result: [MailAddress] = []
        var segment: [Unicode.Scalar] = []
        var inAngle = false
        var i = 0
        func finish() {
            if let address = parseMailbox(segment) { result.append(address) }
            segment.removeAll(keepingCapacity: true)
            inAngle = false
        }
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\"":
                let end = skipQuoted(scalars, from: i)
                segment.append(contentsOf: scalars[i..<end])
                i = end
                continue
            case "(":
                let end = skipComment(scalars, from: i)
                segment.append(contentsOf: scalars[i..<end])
                i = end
                continue
            case "<":
                inAngle = true
                segment.append(c)
            case ">":
                inAngle = false
                segment.append(c)
            case "," where !inAngle, ";" where !inAngle:
                finish()
            case ":" where !inAngle && !segment.contains("@") && !segment.contains("<"):
                segment.removeAll(keepingCapacity: true)  // a group's display name
            default:
                segment.append(c)
            }
            i += 1
        }
        finish()
        return result
    }

    /// The index just past a quoted string starting at `start` (or the end of input).
    static func skipQuoted(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 1
        while i < s.count {
            if s[i] == "\\" { i += 2; continue }
            if s[i] == "\"" { return i + 1 }
            i += 1
        }
        return s.count
    }

    /// The index just past a (possibly nested) comment starting at `start`.
    static func skipComment(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < s.count {
            switch s[i] {
            case "\\": i += 1
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return s.count
    }

    /// One mailbox from the text between commas.
    private static func parseMailbox(_ s: [Unicode.Scalar]) -> MailAddress? {
        var phrase = String.UnicodeScalarView()
        var comments: [String] = []
        var angle: String?
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\"" {
                let end = skipQuoted(s, from: i)
                var k = i + 1
                while k < end {
                    if s[k] == "\\", k + 1 < end { k += 1; phrase.append(s[k]) } else if !(s[k] == "\"" && k == end - 1) { phrase.append(s[k]) }
                    k += 1
                }
                i = end
            } else if c == "(" {
                let end = skipComment(s, from: i)
                comments.append(String(String.UnicodeScalarView(s[(i + 1)..<max(i + 1, end - 1)])))
                i = end
            } else if c == "<" {
                var end = i + 1
                while end < s.count, s[end] != ">" { end += 1 }
                var inner = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                if inner.hasPrefix("@"), let colon = inner.lastIndex(of: ":") { inner = String(inner[inner.index(after: colon)...]) }
                angle = inner
                i = end + 1
            } else {
                phrase.append(c)
                i += 1
            }
        }
        let phraseText = String(phrase)
        var address: String
        var name: String?
        if let angle {
            address = angle
            name = phraseText
        } else {
            let words = phraseText.split(whereSeparator: { $0.isWhitespace })
            if words.count > 1, let last = words.last, last.contains("@") {
                address = String(last)
                name = words.dropLast().joined(separator: " ")
            } else if words.count == 1 {
                address = String(words[0])
            } else {
                return nil
            }
        }
        address = String(address.unicodeScalars.filter { !$0.isMailWhitespace && $0 != "\"" })
        guard !address.isEmpty else { return nil }
        if name?.trimmedWhitespace.isEmpty ?? true, let comment = comments.first { name = comment }
        name = name.map { collapseWhitespace(EncodedWords.decode($0)) }
        if name?.isEmpty == true { name = nil }
        return MailAddress(address: address, name: name)
    }

    private static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
