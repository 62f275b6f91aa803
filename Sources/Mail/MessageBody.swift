/// Choosing the text a person wrote from a MIME tree.
extension Message {
    /// Decoded bytes of a text body read to understand it (1 MiB); the rest is not read.
    public static let maxTextBytes = 1 << 20
    /// Bytes of an HTML body handed to the HTML reader (512 KiB); libxml2's tree of it takes
    /// up to some 40 times that.
    public static let maxHTMLBytes = 512 << 10
    /// Lines of text read (20 000); the rest is not read.
    public static let maxTextLines = 20_000

    /// The best text of the message: the text/plain body decoded to a String; when there is
    /// none (or it is blank while an HTML alternative is not), the HTML body as readable
    /// text. format=flowed text is joined back into paragraphs (RFC 3676). Attachments and
    /// forwarded messages are not searched. Line ends are "\n". Only the start of a huge
    /// body is read: `maxTextBytes` (`maxHTMLBytes` of HTML), then `maxTextLines` lines.
    /// - Complexity: O(n) in the size of the chosen part, at most the limits.
    public var textBody: String? {
        bodyPart.map(Self.text(of:))
    }

    /// The readable text of a body part: HTML converted, format=flowed joined, within the limits.
    public static func text(of part: MIMEPart) -> String {
        if part.contentType == "text/html" { return firstLines(HTMLText.text(fromHTML: htmlBytes(of: part), charset: part.charset)) }
        let text = firstLines(part.decodedText(limit: maxTextBytes))
        guard part.parameters["format"]?.lowercased() == "flowed" else { return text }
        return FlowedText.unflow(text, deleteSpace: part.parameters["delsp"]?.lowercased() == "yes")
    }

    /// The first `maxHTMLBytes` of an HTML part, decoded from its transfer encoding, without
    /// a character cut in half at the end.
    static func htmlBytes(of part: MIMEPart) -> [UInt8] {
        var (bytes, truncated) = part.decodedBytes(limit: maxHTMLBytes)
        if truncated { bytes.removeLast(ByteText.incompleteUTF8Suffix(bytes)) }
        return bytes
    }

    /// `text` up to its `maxTextLines`th line.
    /// - Complexity: O(n) in the length kept.
    static func firstLines(_ text: String) -> String {
        var lines = 0
        var utf8 = text.utf8.makeIterator()
        var offset = 0
        while let b = utf8.next() {
            if b == Byte.lf {
                lines += 1
                if lines == maxTextLines { return String(decoding: text.utf8.prefix(offset), as: UTF8.self) }
            }
            offset += 1
        }
        return text
    }

    /// The part holding the message body, preferring text/plain among alternatives.
    /// - Complexity: O(parts).
    public var bodyPart: MIMEPart? { Self.bodyPart(root, depth: 0) }

    /// The HTML alternative of a text/plain body part (both in one multipart/alternative);
    /// nil when the body is HTML or has no such alternative.
    /// - Complexity: O(parts).
    public var htmlAlternative: MIMEPart? {
        guard let plain = bodyPart, plain.contentType == "text/plain",
              let html = Self.bodyPart(root, depth: 0, preferringHTML: true), html.contentType == "text/html" else { return nil }
        return html
    }

    private static func bodyPart(_ part: MIMEPart, depth: Int, preferringHTML: Bool = false) -> MIMEPart? {
        guard depth <= MIMEPart.maxDepth + 1, !part.isAttachment else { return nil }
        switch part.contentType {
        case "text/plain", "text/html":
            return part
        case "multipart/alternative":
            let candidates = part.children.compactMap { bodyPart($0, depth: depth + 1, preferringHTML: preferringHTML) }
            let plain = candidates.first { $0.contentType == "text/plain" }
            let html = candidates.first { $0.contentType == "text/html" }
            if let plain, let html, preferringHTML || isBlank(plain) { return html }
            return plain ?? html
        case "multipart/related":
            let start = part.parameters["start"].flatMap { id in
                part.children.first { $0.header("Content-ID").map(MessageIDList.parse)?.first == MessageIDList.parse(id).first }
            }
            return (start ?? part.children.first).flatMap { bodyPart($0, depth: depth + 1, preferringHTML: preferringHTML) }
        default:
            guard part.isMultipart else { return nil }
            for child in part.children {
                if let found = bodyPart(child, depth: depth + 1, preferringHTML: preferringHTML) { return found }
            }
            return nil
        }
    }

    private static func isBlank(_ part: MIMEPart) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == Byte.space || byte == Byte.tab || byte == Byte.cr || byte == Byte.lf }
        // Fast path: outside base64, any byte but whitespace, "=" and hex digits decodes to
        // itself, so one such byte means text; no need to decode the part to know.
        if part.transferEncoding != "base64" {
            let mayBeBlank = part.rawBody.allSatisfy { byte in
                isSpace(byte) || byte == UInt8(ascii: "=") || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46)
                    || (byte >= 0x61 && byte <= 0x66)
            }
            if !mayBeBlank { return false }
        }
        return part.decodedBytes(limit: maxTextBytes).bytes.allSatisfy(isSpace)
    }
}
