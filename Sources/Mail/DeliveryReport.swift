/// What a bounce says: which of our messages could not be delivered, to whom, and why. Read from
/// a delivery status notification (RFC 3464: multipart/report with a message/delivery-status
/// part and the original's headers) or, for the many servers that send plain text bounces, from
/// X-Failed-Recipients and the original's Message-ID quoted in the text.
public struct DeliveryReport: Sendable, Equatable {
    public struct Recipient: Sendable, Equatable {
        /// The address that failed (Final-Recipient, else Original-Recipient).
        public var address: String
        /// The RFC 3463 status ("5.1.1"), when given.
        public var status: String?
        /// The remote server's words (Diagnostic-Code), when given.
        public var diagnostic: String?
        /// Whether delivery failed for good: Action "failed" or a 5.x.x status. Delays ("delayed",
        /// 4.x.x) and successes ("delivered", "relayed", "expanded") are not failures.
        public var failed: Bool

        /// A failure that will not pass: failed without a 4.x.x status, and not a refusal of the
        /// message's content. A server that gave up after passing trouble ("failed", 4.4.7) may
        /// deliver the next mail.
        public var permanent: Bool { failed && !temporary && !refusedForContent }

        /// Failed after passing trouble (a 4.x.x status: a full mailbox, a server down).
        public var temporary: Bool { failed && status?.hasPrefix("4") == true }

        /// Failed because of what the message is or who sent it, not the address: a 5.7.x
        /// status (policy, security) or words such as "spam" or "blocked". The address works.
        public var refusedForContent: Bool {
            guard failed, !temporary else { return false }
            return Self.refusesContent(status: status, words: diagnostic ?? "")
        }

        /// Whether a refusal with this status ("5.7.1") and these words is for what the message
        /// is or who sent it, not for the address: read the same in a report and at `RCPT TO`.
        public static func refusesContent(status: String?, words: String) -> Bool {
            if status?.hasPrefix("5.7.") == true { return true }
            let lowered = words.lowercased()
            return contentWords.contains { lowered.contains($0) }
        }

        /// Words of a refusal for what the message is, not for the address.
        static let contentWords = ["spam", "policy", "blocked", "content", "blacklist", "blocklist", "junk", "reputation", "virus"]
    }

    /// The Message-IDs (without brackets) of the original message the report is about.
    public var originalMessageIDs: [String]
    public var recipients: [Recipient]

    /// The addresses that failed for good. A report without per-recipient fields (a plain text
    /// bounce) counts every address it names as failed.
    public var failedAddresses: [String] { recipients.filter(\.failed).map(\.address) }

    /// The addresses that failed for good and will fail again (see `Recipient.permanent`).
    public var permanentAddresses: [String] { recipients.filter(\.permanent).map(\.address) }

    /// Reads a bounce; nil when `message` holds no Message-ID of an original to report on.
    public init?(_ message: Message) {
        var ids: [String] = []
        var recipients: [Recipient] = []
        var parts = [message.root]
        while let part = parts.popLast() {
            let type = part.contentType
            if type == "message/delivery-status" || type == "message/global-delivery-status" {
                recipients += Self.recipients(inStatus: Self.text(of: part))
            } else if type == "text/rfc822-headers" || type == "message/rfc822-headers" {
                ids += Self.quotedMessageIDs(in: Self.text(of: part))
            } else if let embedded = part.embeddedMessage, let id = embedded.messageID {
                ids.append(id)
            } else if part.children.isEmpty, type.hasPrefix("text/") {
                // Plain text bounces quote the original's header block in their text.
                ids += Self.quotedMessageIDs(in: part.decodedText(limit: 256 * 1024))
            }
            if part.embeddedMessage == nil { parts.append(contentsOf: part.children.reversed()) }
        }
        if recipients.isEmpty, let failed = message.header("X-Failed-Recipients") {
            recipients = failed.split(separator: ",").map {
                Recipient(address: $0.trimmedWhitespace.lowercased(), status: nil, diagnostic: nil, failed: true)
            }.filter { !$0.address.isEmpty }
        }
        var seen = Set<String>()
        originalMessageIDs = ids.filter { seen.insert($0).inserted }
        self.recipients = recipients
        guard !originalMessageIDs.isEmpty else { return nil }
    }

    /// A part's body as text, whether the parser read it as a nested header block or not.
    private static func text(of part: MIMEPart) -> String {
        ByteText.normalizingNewlines(Charset.decode(Array(part.rawBody.prefix(256 * 1024)), charset: part.charset))
    }

    /// The per-recipient field groups of a message/delivery-status body (header-like fields,
    /// groups separated by blank lines; continuation lines folded).
    static func recipients(inStatus text: String) -> [Recipient] {
        var found: [Recipient] = []
        for group in text.components(separatedBy: "\n\n") {
            var fields: [String: String] = [:]
            var last: String?
            for line in group.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.first == " " || line.first == "\t", let name = last {
                    fields[name, default: ""] += " " + line.trimmedWhitespace
                    continue
                }
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].trimmedWhitespace.lowercased()
                fields[name] = line[line.index(after: colon)...].trimmedWhitespace
                last = name
            }
            guard let recipient = fields["final-recipient"] ?? fields["original-recipient"] else { continue }
            // "rfc822; ana@example.net": the type, then the address.
            let address = recipient.split(separator: ";", maxSplits: 1).last.map { $0.trimmedWhitespace } ?? recipient
            let action = fields["action"]?.lowercased()
            let status = fields["status"]?.split(separator: " ").first.map(String.init)
            let failed = action == "failed" || (action == nil && status?.hasPrefix("5") == true)
            found.append(Recipient(address: address.lowercased().filter { $0 != "<" && $0 != ">" }, status: status,
                                   diagnostic: fields["diagnostic-code"].map(Self.diagnostic), failed: failed))
        }
        return found
    }

    /// "smtp; 550 5.1.1 <ana@…>: user unknown" without its type.
    private static func diagnostic(_ value: String) -> String {
        let words = value.split(separator: ";", maxSplits: 1)
        return (words.count == 2 ? words[1] : value[...]).trimmedWhitespace
    }

    /// The ids of "Message-ID:" lines at a line start (a quoted header block).
    static func quotedMessageIDs(in text: String) -> [String] {
        var ids: [String] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == " " || $0 == ">" })
            guard trimmed.count > 11, trimmed.prefix(11).lowercased() == "message-id:" else { continue }
            ids += MessageIDList.parse(String(trimmed.dropFirst(11)))
        }
        return ids
    }
}
