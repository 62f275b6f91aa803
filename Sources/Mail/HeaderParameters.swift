/// A header value with parameters, like Content-Type and Content-Disposition:
/// "text/plain; charset=utf-8; name*0*=utf-8''%E2%82%AC; name*1=.txt".
struct ParameterizedValue: Sendable {
    /// The main value, lower-cased and trimmed, comments removed ("text/plain").
    var value: String
    /// Parameters by lower-cased name, with RFC 2231 sections joined and charsets decoded,
    /// and RFC 2047 encoded words in plain values decoded (as Outlook and Gmail send them).
    var parameters: [String: String]

    /// Parses leniently: quotes may be missing or unterminated, values may hold spaces.
    /// - Complexity: O(n).
    init(_ text: String) {
        let pieces = Self.splitOutsideQuotes(Array(text.unicodeScalars))
        value = Self.strippingComments(pieces.first ?? "").trimmedWhitespace.lowercased()
        var plain: [String: String] = [:]
        var extended: [String: String] = [:]  // "name*" (not sectioned)
        var sections: [String: [(index: Int, encoded: Bool, value: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<eq].trimmedWhitespace.lowercased()
            let rawValue = Self.unquote(piece[piece.index(after: eq)...].trimmedWhitespace)
            guard !name.isEmpty else { continue }
            let encoded = name.hasSuffix("*")
            if encoded { name.removeLast() }
            if let star = name.firstIndex(of: "*"), let index = Int(name[name.index(after: star)...]), index < 10_000 {
                sections[String(name[..<star]), default: []].append((index, encoded, rawValue))
            } else if encoded {
                extended[name] = extended[name] ?? rawValue
            } else {
                plain[name] = plain[name] ?? rawValue
            }
        }
        var result: [String: String] = [:]
        for (name, raw) in plain {
            result[name] = raw.contains("=?") ? EncodedWords.decode(raw) : raw
        }
        for (name, raw) in extended {
            result[name] = Self.decodeExtended(raw, charset: nil).text
        }
        for (name, parts) in sections {
            var bytes: [UInt8] = []
            var charset: String?
            for (offset, part) in parts.sorted(by: { $0.index < $1.index }).enumerated() {
                if part.encoded {
                    let decoded = Self.decodeExtendedBytes(part.value, withCharset: offset == 0)
                    charset = charset ?? decoded.charset
                    bytes += decoded.bytes
                } else {
                    bytes += Array(part.value.utf8)
                }
            }
            result[name] = charset.map { Charset.decode(bytes, charset: $0) } ?? ByteText.utf8OrLatin1(bytes)
        }
        parameters = result
    }

    /// "utf-8'en'%E2%82%AC" → text.
    private static func decodeExtended(_ raw: String, charset: String?) -> (text: String, charset: String?) {
        let decoded = decodeExtendedBytes(raw, withCharset: true)
        let cs = decoded.charset ?? charset
        return (cs.map { Charset.decode(decoded.bytes, charset: $0) } ?? ByteText.utf8OrLatin1(decoded.bytes), cs)
    }

    /// Percent-decodes; when `withCharset`, first splits off "charset'language'".
    private static func decodeExtendedBytes(_ raw: String, withCharset: Bool) -> (bytes: [UInt8], charset: String?) {
        var text = Substring(raw)
        var charset: String?
        if withCharset {
            let quotes = raw.indices.filter { raw[$0] == "'" }
            if quotes.count >= 2 {
                let name = String(raw[..<quotes[0]])
                charset = name.isEmpty ? nil : name
                text = raw[raw.index(after: quotes[1])...]
            }
        }
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let hi = Byte.hexValue(utf8[i + 1]), let lo = Byte.hexValue(utf8[i + 2]) {
                bytes.append(hi << 4 | lo)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return (bytes, charset)
    }

    /// Splits at semicolons outside quoted strings.
    private static func splitOutsideQuotes(_ scalars: [Unicode.Scalar]) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\"" {
                let end = MailAddress.skipQuoted(scalars, from: i)
                current.append(contentsOf: scalars[i..<end])
                i = end
                continue
            }
            if c == ";" {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(c)
            }
            i += 1
        }
        pieces.append(String(current))
        return pieces
    }

    /// A quoted string's content with escapes resolved; other text unchanged.
    private static func unquote(_ text: String) -> String {
        guard text.first == "\"" else { return text }
        var out = ""
        var escaped = false
        for c in text.dropFirst() {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { break }
            out.append(c)
        }
        return out
    }

    private static func strippingComments(_ text: String) -> String {
        guard text.contains("(") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "(" { i = MailAddress.skipComment(scalars, from: i); continue }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
