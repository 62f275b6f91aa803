#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a person's mail is read: the best text of a message, the new text of
/// a reply, the sizes of its parts and an RSVP it carries. Used by `parse-mail` and the intake.
public enum MailReading {
    /// A message's best text and the part of it that is new.
    public struct Body: Sendable, Equatable {
        /// The whole best text (`Message.textBody`).
        public var text: String
        /// The text without quoted history, attribution, signature and mobile footer.
        public var reply: String
        /// Whether the text came from an HTML part.
        public var fromHTML: Bool
    }

    /// The best text and the reply of `message`, or nil when it has no text body.
    ///
    /// For an HTML body the quoted history is removed from the HTML first (Gmail's
    /// `gmail_quote`, Apple's `blockquote type=cite`, Outlook's `divRplyFwdMsg`, …), the rest
    /// converted to text, and the plain-text rules applied to that; for a text body the
    /// plain-text rules (`ReplyExtractor.newText`) alone. Only the start of a huge body is
    /// read, as for `Message.textBody`.
    /// - Complexity: O(n) in the size of the body part, at most the limits (an HTML body is
    ///   converted twice).
    public static func body(of message: Message) -> Body? {
        guard let part = message.bodyPart else { return nil }
        guard part.contentType == "text/html" else {
            let text = Message.text(of: part)
            return Body(text: text, reply: ReplyExtractor.newText(text), fromHTML: false)
        }
        let bytes = Message.htmlBytes(of: part)
        // The same charset choice as `HTMLText.text(fromHTML:charset:)`, so `text` is `textBody`.
        let html = Charset.decode(bytes, charset: part.charset ?? HTMLText.sniffedCharset(bytes))
        let text = Message.firstLines(HTMLText.text(fromHTML: html))
        let reply = ReplyExtractor.newText(Message.firstLines(HTMLText.text(fromHTML: ReplyExtractor.stripQuotedHTML(html))))
        return Body(text: text, reply: reply, fromHTML: true)
    }

    /// The new text of `message` (see `body(of:)`); "" when it has no text body.
    public static func reply(of message: Message) -> String {
        body(of: message)?.reply ?? ""
    }

    /// The RSVP a message carries: a METHOD:REPLY calendar in a text/calendar (or
    /// application/ics) part, which may be the whole message. A calendar without a METHOD
    /// line takes the part's `method=` parameter. Forwarded and bounced messages inside
    /// it are not searched. nil for invitations (REQUEST), cancellations and the rest. Only the
    /// first `Message.maxTextBytes` of each calendar are read.
    /// - Complexity: O(n) in the size of the calendar parts, at most the limit each.
    public static func rsvp(of message: Message) -> ICalendar.RSVP? {
        var stack = [message.root]
        while let part = stack.popLast() {
            if part.isMultipart {
                stack.append(contentsOf: part.children.reversed())
                continue
            }
            guard part.contentType == "text/calendar" || part.contentType == "application/ics" else { continue }
            var calendar = ICalendar.parse(part.decodedText(limit: Message.maxTextBytes))
            if calendar.method == nil { calendar.method = part.parameters["method"]?.uppercased() }
            if let rsvp = calendar.rsvp { return rsvp }
        }
        return nil
    }

    /// The number of bytes `part.decodedBytes()` would give, without decoding the body:
    /// base64 and quoted-printable are counted in place (a 50 MB attachment costs no
    /// allocation), 7bit, 8bit and binary bodies are their raw size.
    /// - Complexity: O(n) in the size of the encoded body, no allocation.
    public static func decodedSize(of part: MIMEPart) -> Int {
        switch part.transferEncoding {
        case "base64": base64DecodedCount(part.rawBody)
        case "quoted-printable": QuotedPrintable.decodedCount(part.rawBody)
        default: part.rawBody.count
        }
    }

    /// What `Base64.decode` would produce, counted: every 4 alphabet bytes (also URL-safe
    /// `-` and `_`) give 3; `=` ends a quantum (2 give 1, 3 give 2), and so does the end.
    static func base64DecodedCount(_ body: ArraySlice<UInt8>) -> Int {
        var total = 0
        var count = 0
        body.withUnsafeBufferPointer { buffer in
            for b in buffer {
                if base64Alphabet[Int(b)] {
                    count += 1
                    if count == 4 {
                        total += 3
                        count = 0
                    }
                } else if b == UInt8(ascii: "=") {
                    total += max(count - 1, 0)
                    count = 0
                }
            }
        }
        return total + max(count - 1, 0)
    }

    private static let base64Alphabet: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_".utf8 { table[Int(b)] = true }
        return table
    }()

    /// A whole file as bytes, read straight into one array (no intermediate `Data` copy,
    /// which matters for a 50 MB message); nil when it cannot be opened or read.
    public static func readFile(atPath path: String) -> [UInt8]? {
        guard let file = openFile(atPath: path) else { return nil }
        defer { close(file.descriptor) }
        return readAll(descriptor: file.descriptor, expectedSize: file.size)
    }

    /// `path` opened for reading, with its size; nil when it cannot be opened or is a folder.
    /// The caller closes the descriptor.
    public static func openFile(atPath path: String) -> (descriptor: Int32, size: Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
            close(descriptor)
            return nil
        }
        return (descriptor, Int(status.st_size))
    }

    /// The rest of an open file, read straight into one array sized for `expectedSize` bytes
    /// (it still reads to the end if the file is longer); nil when reading fails.
    public static func readAll(descriptor: Int32, expectedSize: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var capacity = max(expectedSize, 0) + 1
        var filled = 0
        while true {
            if filled == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
                capacity *= 2
            }
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return read(descriptor, base + filled, buffer.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
