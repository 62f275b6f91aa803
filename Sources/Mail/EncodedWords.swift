/// RFC 2047 encoded-words ("=?utf-8?q?Jos=C3=A9?=") in headers.
public enum EncodedWords {
    /// Decodes every well-formed encoded word in `value`, leniently: words may sit inside
    /// other text or quotes, the charset may carry an RFC 2231 language ("utf-8*en"), and
    /// whitespace between adjacent encoded words is dropped. Adjacent words in the same
    /// charset are joined as bytes first, so a character split across words survives.
    /// A malformed word is left as it is.
    /// - Complexity: O(n).
    public static func decode(_ value: String) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count >= 8, contains(bytes, Byte.equals, Byte.question) else { return value }
        var out = ""
        var literalStart = 0
        var pending: (charset: String, bytes: [UInt8])?
        var terminator = -1  // the next "?=" found so far; searches never rescan text
        var i = 0
        func flushPending() {
            if let p = pending { out += Charset.decode(p.bytes, charset: p.charset) }
            pending = nil
        }
        while i + 1 < bytes.count {
            guard bytes[i] == Byte.equals, bytes[i + 1] == Byte.question, let word = parseWord(bytes, at: i, terminator: &terminator) else {
                i += 1
                continue
            }
            let between = bytes[literalStart..<i]
            let onlyWhitespace = between.allSatisfy { Byte.isWSP($0) || $0 == Byte.cr || $0 == Byte.lf }
            if pending != nil && onlyWhitespace {
                // Adjacent encoded words: the whitespace between them is not text.
            } else {
                flushPending()
                out += String(decoding: between, as: UTF8.self)
            }
            if let p = pending, p.charset == word.charset {
                pending?.bytes.append(contentsOf: word.bytes)
            } else {
                flushPending()
                pending = (word.charset, word.bytes)
            }
            i = word.end
            literalStart = i
        }
        flushPending()
        out += String(decoding: bytes[literalStart...], as: UTF8.self)
        return out
    }

    private static func contains(_ bytes: [UInt8], _ a: UInt8, _ b: UInt8) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == a && bytes[i + 1] == b { return true }
            i += 1
        }
        return false
    }

    /// Parses "=?charset?E?text?=" starting at `start`.
    /// `terminator` caches the position of the next "?=" so that many unterminated "=?"
    /// starts cost linear time, not quadratic.
    private static func parseWord(_ bytes: [UInt8], at start: Int, terminator: inout Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var i = start + 2
        let charsetStart = i
        while i < bytes.count, bytes[i] != Byte.question {
            let b = bytes[i]
            if b <= Byte.space || b >= 0x7F || b == Byte.equals || i - charsetStart > 40 { return nil }
            i += 1
        }
        guard i > charsetStart, i + 2 < bytes.count, bytes[i + 2] == Byte.question else { return nil }
        let charset = Charset.normalizedName(String(decoding: bytes[charsetStart..<i], as: UTF8.self))
        let encoding = Byte.lower(bytes[i + 1])
        guard encoding == UInt8(ascii: "q") || encoding == UInt8(ascii: "b") else { return nil }
        let textStart = i + 3
        if terminator < textStart {
            var j = max(textStart, terminator + 1)
            while j + 1 < bytes.count, !(bytes[j] == Byte.question && bytes[j + 1] == Byte.equals) { j += 1 }
            terminator = j + 1 < bytes.count ? j : bytes.count
        }
        let j = terminator
        guard j + 1 < bytes.count else { return nil }
        let text = bytes[textStart..<j]
        let decoded = encoding == UInt8(ascii: "b") ? Base64.decode(text) : decodeQ(text)
        return (charset, decoded, j + 2)
    }

    /// The "Q" encoding: quoted-printable where "_" is a space.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.count)
        var i = text.startIndex
        while i < text.endIndex {
            let b = text[i]
            if b == Byte.underscore {
                out.append(Byte.space)
            } else if b == Byte.equals, i + 2 < text.endIndex,
                      let hi = Byte.hexValue(text[i + 1]), let lo = Byte.hexValue(text[i + 2]) {
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// The longest an encoded word may be (RFC 2047 §2).
    public static let maxWordLength = 75

    /// Encodes `text` as UTF-8 encoded words, choosing Q or B by which is shorter. Words
    /// split only between Unicode scalars; each is at most `maxWordLength` characters, the
    /// first at most `firstWordLimit`. Only characters safe inside a phrase stay literal,
    /// so the result can stand as a display name as well as in unstructured text.
    /// - Complexity: O(n).
    public static func encode(_ text: String, firstWordLimit: Int = maxWordLength) -> [String] {
        let utf8 = Array(text.utf8)
        let escapes = utf8.count(where: { !isQSafe($0) && $0 != Byte.space })
        let useQ = utf8.count + 2 * escapes <= (utf8.count + 2) / 3 * 4
        let prefix = useQ ? "=?utf-8?q?" : "=?utf-8?b?"
        let overhead = prefix.utf8.count + 2
        var words: [String] = []
        var current: [UInt8] = []
        var currentLength = 0
        func limit() -> Int { max((words.isEmpty ? min(firstWordLimit, maxWordLength) : maxWordLength) - overhead, 12) }
        func flush() {
            guard !current.isEmpty else { return }
            let payload = useQ ? encodeQ(current) : String(decoding: Base64.encode(current), as: UTF8.self)
            words.append(prefix + payload + "?=")
            current = []
            currentLength = 0
        }
        for scalar in text.unicodeScalars {
            let scalarBytes = Array(String(scalar).utf8)
            let newLength: Int
            if useQ {
                newLength = currentLength + scalarBytes.reduce(0) { $0 + (isQSafe($1) || $1 == Byte.space ? 1 : 3) }
            } else {
                newLength = (current.count + scalarBytes.count + 2) / 3 * 4
            }
            if newLength > limit() && !current.isEmpty {
                flush()
                currentLength = useQ ? scalarBytes.reduce(0) { $0 + (isQSafe($1) || $1 == Byte.space ? 1 : 3) } : 0
            } else {
                currentLength = newLength
            }
            current.append(contentsOf: scalarBytes)
        }
        flush()
        return words
    }

    /// Characters RFC 2047 §5(3) allows literally in a Q-encoded word inside a phrase.
    private static func isQSafe(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"): true
        default: false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encodeQ(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        for b in bytes {
            if isQSafe(b) {
                out.append(b)
            } else if b == Byte.space {
                out.append(Byte.underscore)
            } else {
                out.append(Byte.equals)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
