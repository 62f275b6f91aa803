/// Choosing the text a person wrote from a MIME tree.
extension Message {
    /// The best text of the message: the text/plain body decoded to a String; when there is
    /// none (or it is blank while an HTML alternative is not), the HTML body as readable
    /// text. format=flowed text is joined back into paragraphs (RFC 3676). Attachments and
    /// forwarded messages are not searched. Line ends are "\n".
    /// - Complexity: O(n) in the size of the chosen part.
    public var textBody: String? {
        bodyPart.map(Self.text(of:))
    }

    /// The readable text of a body part: HTML converted, format=flowed joined.
    public static func text(of part: MIMEPart) -> String {
        if part.contentType == "text/html" { return HTMLText.text(fromHTML: part.decodedBytes(), charset: part.charset) }
        let text = part.decodedText()
        guard part.parameters["format"]?.lowercased() == "flowed" else { return text }
        return FlowedText.unflow(text, deleteSpace: part.parameters["delsp"]?.lowercased() == "yes")
    }

    /// The part holding the message body, preferring text/plain among alternatives.
    /// - Complexity: O(parts).
    public var bodyPart: MIMEPart? { Self.bodyPart(root, depth: 0) }

    private static func bodyPart(_ part: MIMEPart, depth: Int) -> MIMEPart? {
        guard depth <= MIMEPart.maxDepth + 1, !part.isAttachment else { return nil }
        switch part.contentType {
        case "text/plain", "text/html":
            return part
        case "multipart/alternative":
            let candidates = part.children.compactMap { bodyPart($0, depth: depth + 1) }
            let plain = candidates.first { $0.contentType == "text/plain" }
            let html = candidates.first { $0.contentType == "text/html" }
            if let plain, let html, isBlank(plain) { return html }
            return plain ?? html
        case "multipart/related":
            let start = part.parameters["start"].flatMap { id in
                part.children.first { $0.header("Content-ID").map(MessageIDList.parse)?.first == MessageIDList.parse(id).first }
            }
            return (start ?? part.children.first).flatMap { bodyPart($0, depth: depth + 1) }
        default:
            guard part.isMultipart else { return nil }
            for child in part.children {
                if let found = bodyPart(child, depth: depth + 1) { return found }
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
        return part.decodedBytes().allSatisfy(isSpace)
    }
}
