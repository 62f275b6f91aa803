#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte constants and small helpers for scanning mail as bytes, not as per-line Strings.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let dash: UInt8 = 0x2D
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let question: UInt8 = 0x3F
    static let backslash: UInt8 = 0x5C
    static let underscore: UInt8 = 0x5F

    /// Space or horizontal tab: the whitespace that folds header lines.
    @inline(__always) static func isWSP(_ b: UInt8) -> Bool { b == space || b == tab }

    /// ASCII lower-casing of one byte; other bytes unchanged.
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }

    /// Index of the first LF in `buffer[from..<end]`, or `end`.
    /// - Complexity: O(n), using `memchr`.
    @inline(__always) static func lineFeed(in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        guard from < end, let base = buffer.baseAddress else { return end }
        guard let hit = memchr(base + from, Int32(lf), end - from) else { return end }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}

/// Turning bytes of unknown provenance into Strings.
enum ByteText {
    /// Bytes as UTF-8 when they are valid UTF-8, else as Latin-1 (every byte one character).
    /// - Complexity: O(n).
    static func utf8OrLatin1<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        return latin1(bytes)
    }

    /// Bytes as Latin-1: byte value = Unicode code point.
    static func latin1<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(Unicode.Scalar(b)) }
        return String(scalars)
    }

    /// How many bytes at the end of `bytes` are an incomplete UTF-8 sequence (0 to 3): what a
    /// cut made at a byte limit left of a character.
    static func incompleteUTF8Suffix(_ bytes: [UInt8]) -> Int {
        var back = 0
        while back < min(3, bytes.count) {
            let b = bytes[bytes.count - 1 - back]
            if b & 0xC0 != 0x80 {
                // A lead byte: the sequence it starts is complete when long enough.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                return length > back + 1 ? back + 1 : 0
            }
            back += 1
        }
        return 0
    }

    /// Lines joined by "\n" whatever they ended with (CRLF, bare LF or bare CR).
    static func normalizingNewlines(_ text: String) -> String {
        guard text.utf8.contains(Byte.cr) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == Byte.cr {
                out.append(Byte.lf)
                previousCR = true
            } else {
                if !(b == Byte.lf && previousCR) { out.append(b) }
                previousCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// Whitespace by a fast table-free check (ASCII blanks, NEL, NBSP and Unicode spaces).
    @inline(__always) var isMailWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20: true
        case 0..<0x80: false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension StringProtocol {
    /// Trimmed of whitespace (including NBSP) at both ends.
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isMailWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isMailWhitespace })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex, let whole = self as? String { return whole }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
