/// Writes header fields for mail we send. Every name and value passes `sanitize`, so a CR
/// or LF in any input (subject, name, address, id, content type) can never start a new
/// field; non-ASCII text becomes RFC 2047 encoded words; lines fold at 78 columns.
public struct HeaderWriter {
    /// Where folding starts: RFC 5322's recommended line length.
    static let lineLength = 78

    private(set) var bytes: [UInt8] = []

    /// The one place header text is made safe: CR, LF, NUL, other control characters and
    /// Unicode line separators become spaces.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isUnsafe($0) ? " " : $0 }))
    }

    private static func isUnsafe(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || c.value == 0x7F || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }

    /// Unstructured text (Subject): words as they are when plain ASCII, else encoded words.
    mutating func text(_ name: String, _ value: String) {
        let clean = Self.sanitize(value)
        if Self.isPlain(clean) {
            emit(name, clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        } else {
            emit(name, EncodedWords.encode(clean, firstWordLimit: Self.lineLength - name.utf8.count - 2))
        }
    }

    /// An address list: display names as atoms, quoted strings or encoded words.
    mutating func addresses(_ name: String, _ list: [MailAddress]) {
        var tokens: [String] = []
        for (index, mailbox) in list.enumerated() {
            let address = Self.cleanAddress(mailbox.address)
            let display = Self.sanitize(mailbox.name ?? "").trimmedWhitespace
            var words: [String]
            if display.isEmpty {
                words = [address]
            } else {
                words = Self.phrase(display) + ["<\(address)>"]
            }
            if index < list.count - 1, let last = words.popLast() { words.append(last + ",") }
            tokens += words
        }
        emit(name, tokens)
    }

    /// A list of msg-ids, each put in angle brackets.
    mutating func ids(_ name: String, _ ids: [String]) {
        emit(name, ids.map { "<\(Self.cleanID($0))>" })
    }

    /// A structured value we build ourselves (dates, MIME fields); folds at its spaces.
    mutating func structured(_ name: String, _ value: String) {
        emit(name, Self.sanitize(value).split(separator: " ").map(String.init))
    }

    /// Ends the header block with the blank line.
    mutating func finish() {
        bytes += [Byte.cr, Byte.lf]
    }

    /// Writes "Name: token token…", folding before a token that would pass column 78.
    private mutating func emit(_ name: String, _ tokens: [String]) {
        let cleanName = String(name.unicodeScalars.filter { $0.value > 32 && $0.value < 127 && $0 != ":" })
        var line = cleanName.utf8.count + 1
        bytes += Array(cleanName.utf8) + [Byte.colon]
        for (index, token) in tokens.enumerated() {
            let safe = Array(Self.sanitize(token).utf8)
            if index > 0, line + 1 + safe.count > Self.lineLength, !safe.isEmpty {
                bytes += [Byte.cr, Byte.lf]
                line = 0
            }
            bytes.append(Byte.space)
            bytes += safe
            line += 1 + safe.count
        }
        bytes += [Byte.cr, Byte.lf]
    }

    /// ASCII text that needs no encoding: printable, no "=?" that a reader would decode,
    /// and no word too long to fold.
    private static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && !text.contains("=?")
            && !text.split(separator: " ").contains { $0.utf8.count > lineLength - 12 }
    }

    /// A display name as header words.
    private static func phrase(_ name: String) -> [String] {
        guard isPlain(name) else { return EncodedWords.encode(name) }
        let atext = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0)
        }
        if atext { return name.split(separator: " ").map(String.init) }
        let escaped = name.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
        return ["\"\(escaped)\""]
    }

    /// An address as it may stand in a header and an SMTP envelope: no whitespace,
    /// controls, or the characters that delimit addresses.
    static func cleanAddress(_ address: String) -> String {
        String(sanitize(address).unicodeScalars.filter {
            !$0.isMailWhitespace && !"<>(),;:\"\\[]".unicodeScalars.contains($0)
        })
    }

    /// A msg-id without brackets, whitespace or controls.
    static func cleanID(_ id: String) -> String {
        String(sanitize(id).unicodeScalars.filter { !$0.isMailWhitespace && $0 != "<" && $0 != ">" })
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
