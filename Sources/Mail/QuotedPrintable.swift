/// Quoted-printable (RFC 2045 §6.7): lenient decoding, and encoding for the bodies we send.
public enum QuotedPrintable {
    /// Decodes quoted-printable. Soft line breaks (`=` before a line end) join lines,
    /// trailing blanks before a line end are dropped, and a `=` not followed by two hex
    /// digits (lower case accepted) is kept literally. With `limit`, decoding stops once that
    /// many bytes are out (the input is read no further).
    /// - Complexity: O(n), or O(limit) input bytes read in practice.
    public static func decode<C: Collection>(_ input: C, limit: Int = .max) -> [UInt8] where C.Element == UInt8, C.Index == Int {
        var out = [UInt8]()
        out.reserveCapacity(min(input.count, limit))
        scan(input) { run, byte in
            if let run { out.append(contentsOf: input[run]) } else { out.append(byte) }
            return out.count < limit
        }
        if out.count > limit { out.removeLast(out.count - max(limit, 0)) }
        return out
    }

    /// The number of bytes `decode` gives, counted without holding them.
    /// - Complexity: O(n), no allocation.
    public static func decodedCount<C: Collection>(_ input: C) -> Int where C.Element == UInt8, C.Index == Int {
        var count = 0
        scan(input) { run, _ in
            count += run?.count ?? 1
            return true
        }
        return count
    }

    /// The decoding itself: hands `emit` each run of input bytes that decode to themselves
    /// (a range) or one decoded escape (nil and the byte), in order; stops when it returns false.
    @inline(__always)
    private static func scan<C: Collection>(_ input: C, emit: (Range<Int>?, UInt8) -> Bool) where C.Element == UInt8, C.Index == Int {
        var i = input.startIndex
        let end = input.endIndex
        while i < end {
            let b = input[i]
            if b == Byte.equals {
                // Soft break: "=" then optional blanks, then CRLF or LF (or the end).
                var j = i + 1
                while j < end, Byte.isWSP(input[j]) { j += 1 }
                if j == end { i = j; continue }
                if input[j] == Byte.lf { i = j + 1; continue }
                if input[j] == Byte.cr {
                    i = (j + 1 < end && input[j + 1] == Byte.lf) ? j + 2 : j + 1
                    continue
                }
                if i + 2 < end, let hi = Byte.hexValue(input[i + 1]), let lo = Byte.hexValue(input[i + 2]) {
                    i += 3
                    guard emit(nil, hi << 4 | lo) else { return }
                    continue
                }
                i += 1
                guard emit((i - 1)..<i, b) else { return }
            } else if Byte.isWSP(b) {
                // Blanks at the end of a line were added in transport; drop them.
                var j = i
                while j < end, Byte.isWSP(input[j]) { j += 1 }
                let blanks = i..<j
                i = j
                if !(j == end || input[j] == Byte.lf || input[j] == Byte.cr) {
                    guard emit(blanks, 0) else { return }
                }
            } else {
                // A run of plain bytes goes out at once.
                var j = i + 1
                while j < end, input[j] != Byte.equals, !Byte.isWSP(input[j]) { j += 1 }
                let run = i..<j
                i = j
                guard emit(run, 0) else { return }
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Encodes text bytes as quoted-printable with CRLF line ends: lines of at most 76
    /// characters with soft breaks, `=` and non-ASCII escaped, trailing blanks escaped,
    /// and a leading "From " or "." escaped so no transport mangles it.
    /// Any line ending in the input (CRLF, LF, CR) becomes a hard CRLF.
    /// - Complexity: O(n).
    public static func encode<C: Collection>(_ input: C) -> [UInt8] where C.Element == UInt8 {
        let bytes = Array(input)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
        var column = 0
        func room(_ width: Int) {
            if column + width > 75 {  // leave room for the soft-break "="
                out.append(Byte.equals)
                out.append(Byte.cr)
                out.append(Byte.lf)
                column = 0
            }
            column += width
        }
        var i = 0
        while i < bytes.count {
            // One input line.
            var lineEnd = i
            while lineEnd < bytes.count, bytes[lineEnd] != Byte.lf, bytes[lineEnd] != Byte.cr { lineEnd += 1 }
            for k in i..<lineEnd {
                let b = bytes[k]
                let atLineStart = k == i
                let isLastOnLine = k == lineEnd - 1
                let needsEscape: Bool
                if b == Byte.equals || b >= 0x7F || (b < 0x20 && b != Byte.tab) {
                    needsEscape = true
                } else if Byte.isWSP(b) {
                    needsEscape = isLastOnLine
                } else if atLineStart && b == UInt8(ascii: ".") {
                    needsEscape = true
                } else if atLineStart && b == UInt8(ascii: "F") && bytes[k..<lineEnd].starts(with: Array("From ".utf8)) {
                    needsEscape = true
                } else {
                    needsEscape = false
                }
                if needsEscape {
                    room(3)
                    out.append(Byte.equals)
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 15)])
                } else {
                    room(1)
                    out.append(b)
                }
            }
            guard lineEnd < bytes.count else { break }
            out.append(Byte.cr)
            out.append(Byte.lf)
            column = 0
            i = lineEnd + 1
            if bytes[lineEnd] == Byte.cr, i < bytes.count, bytes[i] == Byte.lf { i += 1 }
        }
        return out
    }
}
