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
        let bytes = Array(value.utf8)
        var ids: [String] = []
        var i = 0
        var sawBracket = false
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "("):
                i = MailAddress.skipComment(bytes, from: i)
            case Byte.quote:
                i = MailAddress.skipQuoted(bytes, from: i)
            case UInt8(ascii: "<"):
                sawBracket = true
                var end = i + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "<") { end += 1 }
                let id = bytes[(i + 1)..<end].filter { $0 > Byte.space }
                if !id.isEmpty { ids.append(String(decoding: id, as: UTF8.self)) }
                i = end < bytes.count && bytes[end] == UInt8(ascii: ">") ? end + 1 : end
            default:
                i += 1
            }
        }
        if sawBracket { return ids }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .map(String.init)
            .filter { $0.contains("@") }
    }
}
