#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding text in the charsets real mail declares (and mis-declares).
///
/// UTF-8, US-ASCII, ISO-8859-1 and windows-1252 are decoded here in Swift; everything else
/// (ISO-8859-*, windows-125x, KOI8-R/U, GB2312/GBK/GB18030, Big5, Shift_JIS, EUC-JP,
/// ISO-2022-JP, EUC-KR, UTF-16…) goes through iconv. Invalid sequences become U+FFFD.
/// An unknown charset is read as UTF-8 when the bytes are valid UTF-8, else as windows-1252;
/// text labelled UTF-8 that is not keeps its valid sequences and reads each other byte as
/// windows-1252, as mail readers do (Outlook's "Café" sent as 8-bit under charset=utf-8).
public enum Charset {
    /// Decodes `bytes` declared as `charset` (nil: US-ASCII, with the same fallbacks).
    /// - Complexity: O(n).
    public static func decode<C: Collection>(_ bytes: C, charset: String?) -> String where C.Element == UInt8 {
        let name = normalizedName(charset)
        switch name {
        case "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "unknown", "x-unknown", "unknown-8bit",
             "x-user-defined", "default", "none", "7bit", "8bit", "charset", "binary":
            return utf8OrWindows1252(bytes)
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "utf-8-sig":
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var text = String(validating: bytes, as: UTF8.self) ?? utf8ElseWindows1252(Array(bytes))
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            return text
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
             "windows-1252", "cp1252", "x-cp1252", "win-1252", "iso-8859-15-windows":
            return windows1252(bytes)
        default:
            if let text = Iconv.decode(Array(bytes), from: iconvName(for: name)) { return text }
            return utf8OrWindows1252(bytes)
        }
    }

    /// Lower-cased, trimmed, unquoted; an RFC 2231 language suffix ("utf-8*en") removed.
    static func normalizedName(_ charset: String?) -> String {
        guard var name = charset?.trimmedWhitespace.lowercased() else { return "" }
        name.removeAll { $0 == "\"" || $0 == "'" }
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        return name
    }

    /// The iconv name for a declared charset: supersets for the names mail mislabels most.
    static func iconvName(for name: String) -> String {
        switch name {
        case "gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "x-euc-cn", "gb_2312-80", "chinese", "csgb2312": "GB18030"
        case "ks_c_5601-1987", "ks_c_5601", "euc-kr", "x-euc-kr", "ksc5601", "cp949", "korean": "CP949"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932", "ms932": "CP932"
        case "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2": "ISO-2022-JP-2"
        case "big5", "x-big5", "cn-big5", "csbig5", "big5-hkscs": "BIG5-HKSCS"
        case "iso-8859-8-i", "iso-8859-8-e": "ISO-8859-8"
        case "iso-8859-6-i", "iso-8859-6-e": "ISO-8859-6"
        case "tis-620", "windows-874", "cp874", "iso-8859-11": "CP874"
        case "utf-16": "UTF-16"
        default:
            if name.hasPrefix("windows-") { "CP" + name.dropFirst("windows-".count) }
            else if name.hasPrefix("x-mac-") || name == "macintosh" || name == "mac" { "MACINTOSH" }
            else { String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0)) }) }
        }
    }

    /// UTF-8 when the bytes are valid UTF-8, else windows-1252.
    static func utf8OrWindows1252<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        return windows1252(bytes)
    }

    /// Each valid UTF-8 sequence as UTF-8, every other byte as windows-1252.
    /// - Complexity: O(n).
    static func utf8ElseWindows1252(_ bytes: [UInt8]) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                utf8.append(contentsOf: bytes[index..<index + length])
                index += length
            } else {
                utf8.append(contentsOf: windows1252(CollectionOfOne(bytes[index])).utf8)
                index += 1
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The length of the well-formed UTF-8 sequence at `index` (Unicode table 3-7), or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (min, max): (UInt8, UInt8) = offset == 1 ? (low, high) : (0x80, 0xBF)
            guard byte >= min, byte <= max else { return 0 }
        }
        return length
    }

    /// windows-1252, also used for ISO-8859-1 as browsers do; the five unassigned bytes map
    /// to the C1 code points of the same value.
    static func windows1252<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        // Built as UTF-8 bytes: appending scalars one by one to a String is far slower.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.underestimatedCount + bytes.underestimatedCount / 8)
        for b in bytes {
            if b < 0x80 {
                utf8.append(b)
            } else if b < 0xA0, let mapped = Unicode.Scalar(cp1252High[Int(b - 0x80)]) {
                utf8.append(contentsOf: String(Character(mapped)).utf8)
            } else {
                utf8.append(0xC0 | (b >> 6))
                utf8.append(0x80 | (b & 0x3F))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}

/// The C iconv API, used only from `Charset`.
enum Iconv {
    /// Converts `bytes` from `charset` to a String, replacing invalid input with U+FFFD;
    /// nil when iconv does not know the charset.
    static func decode(_ bytes: [UInt8], from charset: String) -> String? {
        guard !charset.isEmpty else { return nil }
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2 + 16)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var chunk = [UInt8](repeating: 0, count: 16384)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuffer in
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var flushed = false
                while true {
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let result = inLeft > 0 ? iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
                                            : iconv(descriptor, nil, nil, &outPtr, &outLeft)
                    let failure = result == -1 ? errno : 0
                    out.append(contentsOf: UnsafeBufferPointer(start: outBase, count: outBuffer.count - outLeft))
                    if inLeft == 0 {
                        if flushed || failure != E2BIG { break }
                        if failure == 0 { flushed = true; break }
                        continue
                    }
                    if failure == E2BIG { continue }
                    if failure == EILSEQ || failure == EINVAL {
                        out.append(contentsOf: replacement)
                        inPtr = inPtr.map { $0 + 1 }
                        inLeft -= 1
                        continue
                    }
                    if failure != 0 { break }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
