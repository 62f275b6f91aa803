/// Reads a header block (RFC 5322 §2.2) from bytes: folding, obsolete syntax, garbage.
enum HeaderParser {
    struct Block {
        var fields: [HeaderField]
        /// Index of the first body byte (just past the blank line), or the end.
        var bodyStart: Int
    }

    /// Parses the header block at the start of `range`. Continuation lines (starting with
    /// a space or tab) are unfolded; "Name : value" is accepted; a leading mbox "From "
    /// line is skipped. A line that is not a field is skipped when the next line is one,
    /// and otherwise taken as the start of the body (a missing blank line), as is an indented
    /// line with no field before it. Only the first
    /// `MIMEPart.maxHeaderCount` fields are kept, each value up to `MIMEPart.maxFieldLength`;
    /// the rest is scanned past.
    /// - Complexity: O(n) in the size of the header block.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Block {
        var fields: [HeaderField] = []
        var i = range.lowerBound
        let end = range.upperBound
        if end - i >= 5, buffer[i] == UInt8(ascii: "F"), buffer[i..<(i + 5)].elementsEqual("From ".utf8) {
            i = min(Byte.lineFeed(in: buffer, from: i, end: end) + 1, end)
        }
        var count = 0
        while i < end {
            let (contentEnd, next) = line(buffer, from: i, end: end)
            if contentEnd == i { return Block(fields: fields, bodyStart: next) }
            if Byte.isWSP(buffer[i]) {  // a continuation with nothing to continue: body text
                return Block(fields: fields, bodyStart: i)
            }
            guard let colon = fieldColon(buffer, from: i, end: contentEnd) else {
                if next < end, fieldColon(buffer, from: next, end: line(buffer, from: next, end: end).contentEnd) != nil {
                    i = next
                    continue
                }
                return Block(fields: fields, bodyStart: i)
            }
            var valueEnd = contentEnd
            var j = next
            while j < end, Byte.isWSP(buffer[j]) {
                let (e, n) = line(buffer, from: j, end: end)
                valueEnd = e
                j = n
            }
            count += 1
            if count <= MIMEPart.maxHeaderCount {
                var nameEnd = colon
                while nameEnd > i, Byte.isWSP(buffer[nameEnd - 1]) { nameEnd -= 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[i..<nameEnd]), as: UTF8.self)
                fields.append(HeaderField(name: name, value: unfoldedValue(buffer, from: colon + 1, to: valueEnd)))
            }
            i = j
        }
        return Block(fields: fields, bodyStart: end)
    }

    /// The end of the line's content (before CRLF/LF) and the start of the next line.
    @inline(__always)
    private static func line(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> (contentEnd: Int, next: Int) {
        let lf = Byte.lineFeed(in: buffer, from: from, end: end)
        var contentEnd = lf
        if contentEnd > from, buffer[contentEnd - 1] == Byte.cr { contentEnd -= 1 }
        return (contentEnd, lf < end ? lf + 1 : end)
    }

    /// The colon ending a valid field name (printable ASCII, trailing blanks allowed).
    private static func fieldColon(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        var i = from
        var sawBlank = false
        while i < end {
            let b = buffer[i]
            if b == Byte.colon { return i > from && !Byte.isWSP(buffer[from]) ? i : nil }
            if Byte.isWSP(b) {
                sawBlank = true
            } else if b < 33 || b > 126 || sawBlank {
                return nil
            }
            i += 1
        }
        return nil
    }

    /// The value bytes with line breaks and NULs removed and blanks trimmed, as a String; of
    /// a value longer than `MIMEPart.maxFieldLength`, only that many bytes (no character cut).
    private static func unfoldedValue(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String {
        var start = from
        var stop = to
        while start < stop, Byte.isWSP(buffer[start]) || buffer[start] == Byte.cr || buffer[start] == Byte.lf { start += 1 }
        if stop - start > MIMEPart.maxFieldLength {
            stop = start + MIMEPart.maxFieldLength
            // Not inside a UTF-8 character: back over continuation bytes to where one starts.
            var back = 0
            while back < 3, stop - back > start, buffer[stop - back] & 0xC0 == 0x80 { back += 1 }
            stop -= back
        }
        while stop > start, Byte.isWSP(buffer[stop - 1]) || buffer[stop - 1] == Byte.cr || buffer[stop - 1] == Byte.lf { stop -= 1 }
        let raw = UnsafeBufferPointer(rebasing: buffer[start..<stop])
        if !raw.contains(where: { $0 == Byte.cr || $0 == Byte.lf || $0 == 0 }) { return ByteText.utf8OrLatin1(raw) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(raw.count)
        for b in raw where b != Byte.cr && b != Byte.lf && b != 0 { bytes.append(b) }
        return ByteText.utf8OrLatin1(bytes)
    }
}
