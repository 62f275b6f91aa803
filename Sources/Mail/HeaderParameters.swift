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
        let bytes = Array(text.utf8)
        let pieces = Self.splitOutsideQuotes(bytes)
        value = pieces.first.map { String(decoding: Self.lowercased(Self.trimmed(Self.strippingComments($0[...]))), as: UTF8.self) } ?? ""
        var plain: [String: String] = [:]
        var extended: [String: String] = [:]  // "name*" (not sectioned)
        var sections: [String: [(index: Int, encoded: Bool, value: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: Byte.equals) else { continue }
            var nameBytes = Self.lowercased(Self.trimmed(piece[..<eq]))
            guard !nameBytes.isEmpty else { continue }
            let rawValue = Self.unquote(Self.trimmed(piece[(eq + 1)...]))
            let encoded = nameBytes.last == UInt8(ascii: "*")
            if encoded { nameBytes.removeLast() }
            if let star = nameBytes.firstIndex(of: UInt8(ascii: "*")),
               let index = Int(String(decoding: nameBytes[(star + 1)...], as: UTF8.self)), index < 10_000 {
                sections[String(decoding: nameBytes[..<star], as: UTF8.self), default: []].append((index, encoded, rawValue))
            } else {
                let name = String(decoding: nameBytes, as: UTF8.self)
                if encoded { extended[name] = extended[name] ?? rawValue } else { plain[name] = plain[name] ?? rawValue }
            }
        }
        var result: [String: String] = [:]
        for (name, raw) in plain {
            result[name] = raw.utf8.count >= 8 && raw.contains("=?") ? EncodedWords.decode(raw) : raw
        }
        for (name, raw) in extended {
            let decoded = Self.decodeExtendedBytes(raw, withCharset: true)
            result[name] = Self.text(decoded.bytes, charset: decoded.charset)
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
            result[name] = Self.text(bytes, charset: charset)
        }
        parameters = result
    }

    private static func text(_ bytes: [UInt8], charset: String?) -> String {
        charset.map { Charset.decode(bytes, charset: $0) } ?? ByteText.utf8OrLatin1(bytes)
    }

    /// Percent-decodes; when `withCharset`, first splits off "charset'language'".
    private static func decodeExtendedBytes(_ raw: String, withCharset: Bool) -> (bytes: [UInt8], charset: String?) {
        var utf8 = ArraySlice(raw.utf8)
        var charset: String?
        if withCharset, let first = utf8.firstIndex(of: UInt8(ascii: "'")),
           let second = utf8[(first + 1)...].firstIndex(of: UInt8(ascii: "'")) {
            if first > utf8.startIndex { charset = String(decoding: utf8[..<first], as: UTF8.self) }
            utf8 = utf8[(second + 1)...]
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.endIndex, let hi = Byte.hexValue(utf8[i + 1]), let lo = Byte.hexValue(utf8[i + 2]) {
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
    private static func splitOutsideQuotes(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case Byte.quote:
                i += 1
                while i < bytes.count, bytes[i] != Byte.quote {
                    i += bytes[i] == Byte.backslash ? 2 : 1
                }
            case Byte.semicolon:
                pieces.append(bytes[start..<i])
                start = i + 1
            default:
                break
            }
            i += 1
        }
        pieces.append(bytes[min(start, bytes.count)...])
        return pieces
    }

    /// A quoted string's content with escapes resolved; other text unchanged.
    private static func unquote(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.first == Byte.quote else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var i = bytes.startIndex + 1
        while i < bytes.endIndex, bytes[i] != Byte.quote {
            if bytes[i] == Byte.backslash, i + 1 < bytes.endIndex { i += 1 }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first <= Byte.space { slice.removeFirst() }
        while let last = slice.last, last <= Byte.space { slice.removeLast() }
        return slice
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map(Byte.lower)
    }

    private static func strippingComments(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard bytes.contains(UInt8(ascii: "(")) else { return bytes }
        var out: [UInt8] = []
        var depth = 0
        for b in bytes {
            if b == UInt8(ascii: "(") { depth += 1 } else if b == UInt8(ascii: ")"), depth > 0 { depth -= 1 } else if depth == 0 { out.append(b) }
        }
        return out[...]
    }
}
