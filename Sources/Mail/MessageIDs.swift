/// Message identifiers (RFC 5322 §3.6.4): parsing msg-id lists and making new ids.
public enum MessageIDGenerator {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    /// A new random id "<26 base32 characters>@domain" (128 random bits), without brackets.
    /// The domain is stripped of anything that may not appear in a msg-id.
    public static func make(domain: String) -> String {
        var generator = SystemRandomNumberGenerator()
        var random = [UInt8]()
        var bits = (generator.next() as UInt64, generator.next() as UInt64)
        for _ in 0..<26 {
            random.append(alphabet[Int(bits.0 & 31)])
            bits.0 = bits.0 >> 5 | bits.1 << 59
            bits.1 >>= 5
        }
        let host = String(domain.unicodeScalars.filter { $0.isASCII && $0.value > 32 && !"<>()[]\\,;:@\"".unicodeScalars.contains($0) })
        return String(decoding: random, as: UTF8.self) + "@" + (host.isEmpty ? "localhost" : host)
    }
}

/// Reading msg-id lists from In-Reply-To, References and Message-ID.
enum MessageIDList {
    /// The ids in `value`, without angle brackets, in order. Bracketed ids are taken when
    /// present (comments and stray words around them ignored); otherwise whitespace- or
    /// comma-separated words that look like ids ("local@domain").
    /// - Complexity: O(n).
    static func parse(_ value: String) -> [String] {
        let scalars = Array(value.unicodeScalars)
        var ids: [String] = []
        var i = 0
        var sawBracket = false
        while i < scalars.count {
            switch scalars[i] {
            case "(":
                i = MailAddress.skipComment(scalars, from: i)
                continue
            case "\"":
                i = MailAddress.skipQuoted(scalars, from: i)
                continue
            case "<":
                sawBracket = true
                var end = i + 1
                while end < scalars.count, scalars[end] != ">", scalars[end] != "<" { end += 1 }
                let id = String(String.UnicodeScalarView(scalars[(i + 1)..<end].filter { !$0.isMailWhitespace }))
                if !id.isEmpty { ids.append(id) }
                i = end < scalars.count && scalars[end] == ">" ? end + 1 : end
                continue
            default:
                i += 1
            }
        }
        if sawBracket { return ids }
        return value.split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .map(String.init)
            .filter { $0.contains("@") }
    }
}
