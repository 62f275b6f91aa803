/// Base64 (RFC 2045 §6.8) as mail uses it: lenient decoding, 76-column encoding.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// 0–63 for alphabet bytes, 0xFF for everything else (also accepts URL-safe `-` and `_`).
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Decodes base64, skipping whitespace and garbage; a `=` ends the current quantum
    /// (so concatenated encodings still decode), and a dangling quantum yields what it can.
    /// With `limit`, decoding stops once that many bytes are out (the input is read no further).
    /// - Complexity: O(n), or O(limit) input bytes read in practice.
    public static func decode<C: Collection>(_ input: C, limit: Int = .max) -> [UInt8] where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(min(input.count / 4 * 3, max(limit, 0)) + 3)
        var quantum: UInt32 = 0
        var count = 0
        func flushPartial() {
            if count == 2 { out.append(UInt8(truncatingIfNeeded: quantum >> 4)) }
            if count == 3 {
                out.append(UInt8(truncatingIfNeeded: quantum >> 10))
                out.append(UInt8(truncatingIfNeeded: quantum >> 2))
            }
            quantum = 0
            count = 0
        }
        values.withUnsafeBufferPointer { table in
            for b in input {
                let v = table[Int(b)]
                if v == 0xFF {
                    if b == Byte.equals { flushPartial() }
                    continue
                }
                quantum = quantum << 6 | UInt32(v)
                count += 1
                if count == 4 {
                    out.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    out.append(UInt8(truncatingIfNeeded: quantum >> 8))
                    out.append(UInt8(truncatingIfNeeded: quantum))
                    quantum = 0
                    count = 0
                    if out.count >= limit { break }
                }
            }
        }
        flushPartial()
        if out.count > limit { out.removeLast(out.count - max(limit, 0)) }
        return out
    }

    /// Encodes as base64; with `lineLength` (a multiple of 4) lines are broken with CRLF.
    /// - Complexity: O(n).
    public static func encode<C: Collection>(_ input: C, lineLength: Int? = nil) -> [UInt8] where C.Element == UInt8 {
        let bytes = Array(input)
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4 + bytes.count / 38 + 2)
        var column = 0
        func emit(_ c: UInt8) {
            if let lineLength, column == lineLength {
                out.append(Byte.cr)
                out.append(Byte.lf)
                column = 0
            }
            out.append(c)
            column += 1
        }
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            emit(alphabet[Int(n >> 18 & 63)])
            emit(alphabet[Int(n >> 12 & 63)])
            emit(alphabet[Int(n >> 6 & 63)])
            emit(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            emit(alphabet[Int(n >> 18 & 63)])
            emit(alphabet[Int(n >> 12 & 63)])
            emit(rest == 2 ? alphabet[Int(n >> 6 & 63)] : Byte.equals)
            emit(Byte.equals)
        }
        return out
    }
}
