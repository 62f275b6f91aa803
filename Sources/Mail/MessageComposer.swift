import Foundation

/// Rendering an `OutgoingMessage` as RFC 5322 / MIME bytes.
extension OutgoingMessage {
    /// The full message with CRLF line ends: Date, Message-ID, From, To, Cc (if any),
    /// Subject, In-Reply-To, References, Auto-Submitted, MIME-Version, then the body:
    /// quoted-printable UTF-8 text, multipart/alternative with HTML, multipart/mixed with
    /// attachments (base64).
    /// - Complexity: O(n) in the size of the message.
    public func render() -> [UInt8] {
        var header = HeaderWriter()
        header.structured("Date", MailDate.format(date))
        header.ids("Message-ID", [messageID])
        header.addresses("From", [from])
        if !to.isEmpty { header.addresses("To", to) }
        if !cc.isEmpty { header.addresses("Cc", cc) }
        header.text("Subject", subject)
        if let inReplyTo { header.ids("In-Reply-To", [inReplyTo]) }
        if !references.isEmpty { header.ids("References", references) }
        if let autoSubmitted { header.structured("Auto-Submitted", autoSubmitted.rawValue) }
        header.structured("MIME-Version", "1.0")

        var body = Self.textPart(text, subtype: "plain")
        var files = attachments
        if let calendar {
            let method = HeaderWriter.sanitize(calendar.method).filter { $0.isLetter }.uppercased()
            var alternatives = [body]
            if let html { alternatives.append(Self.textPart(html, subtype: "html")) }
            alternatives.append(Part([("Content-Type", "text/calendar; charset=utf-8; method=\(method)"),
                                      ("Content-Transfer-Encoding", "base64")],
                                     body: Base64.encode(Array(calendar.text.utf8), lineLength: 76)))
            body = Self.multipart("alternative", alternatives)
            files.append(Attachment(filename: "invite.ics", contentType: "application/ics", data: Data(calendar.text.utf8)))
        } else if let html {
            body = Self.multipart("alternative", [body, Self.textPart(html, subtype: "html")])
        }
        if !files.isEmpty { body = Self.multipart("mixed", [body] + files.map(Self.attachmentPart)) }
        return header.bytes + body.bytes
    }

    /// A body part: its header fields and body, ready to be written.
    struct Part {
        var bytes: [UInt8]

        init(_ fields: [(String, String)], body: [UInt8]) {
            var header = HeaderWriter()
            for (name, value) in fields { header.structured(name, value) }
            header.finish()
            bytes = header.bytes + body
        }
    }

    static func textPart(_ text: String, subtype: String) -> Part {
        Part([("Content-Type", "text/\(subtype); charset=utf-8"), ("Content-Transfer-Encoding", "quoted-printable")],
             body: QuotedPrintable.encode(text.utf8))
    }

    static func attachmentPart(_ attachment: Attachment) -> Part {
        let name = attachment.filename
        var type = HeaderWriter.sanitize(attachment.contentType).trimmedWhitespace
        if type.isEmpty { type = "application/octet-stream" }
        let ascii = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        let quoted = "\"" + name.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        let typeName = ascii ? quoted : "\"" + EncodedWords.encode(HeaderWriter.sanitize(name)).joined(separator: " ") + "\""
        let dispositionName = ascii ? "filename=\(quoted)" : "filename*=utf-8''\(percentEncoded(name))"
        return Part([("Content-Type", "\(type); name=\(typeName)"),
                     ("Content-Disposition", "attachment; \(dispositionName)"),
                     ("Content-Transfer-Encoding", "base64")],
                    body: Base64.encode(attachment.data, lineLength: 76))
    }

    /// RFC 2231 value characters: attribute-chars stay, everything else is %XX.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        for b in text.utf8 {
            let keep = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "!#$&+-.^_`|~".utf8.contains(b)
            if keep { out.append(b) } else { out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A multipart of `parts` with a random boundary that none of them contains.
    static func multipart(_ subtype: String, _ parts: [Part]) -> Part {
        var boundary = randomBoundary()
        while parts.contains(where: { ByteSearch.contains(Array(boundary.utf8), in: $0.bytes) }) { boundary = randomBoundary() }
        let delimiter = Array("--\(boundary)".utf8)
        var body = [UInt8]()
        for part in parts {
            // The CRLF before a delimiter belongs to the delimiter, not to the part.
            body += delimiter + [Byte.cr, Byte.lf] + part.bytes + [Byte.cr, Byte.lf]
        }
        body += delimiter + [Byte.dash, Byte.dash, Byte.cr, Byte.lf]
        return Part([("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"")], body: body)
    }

    /// "=_" cannot occur in quoted-printable or base64 output, so this is safe by design;
    /// `multipart` still checks.
    private static func randomBoundary() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        // Three draws (each one getrandom call) give the 24 characters, a byte each; the slight
        // modulo bias does not matter for a boundary, which `multipart` checks anyway.
        var generator = SystemRandomNumberGenerator()
        var characters = [UInt8]("=_mm_".utf8)
        for _ in 0..<3 {
            var bits: UInt64 = generator.next()
            for _ in 0..<8 {
                characters.append(alphabet[Int(bits & 0xFF) % alphabet.count])
                bits >>= 8
            }
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
