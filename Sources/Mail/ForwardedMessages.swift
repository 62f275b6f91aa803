/// The messages a mail passes on: attached whole (message/rfc822), or copied into its text
/// under a forward line ("---------- Forwarded message ---------", "Begin forwarded message:")
/// or under an Outlook header block ("From: … / Sent: … / To: …"): in a mail whose Subject says
/// it is a forward ("Fwd:", "FW:", "WG:") any such block, otherwise one with From, Sent (or Date)
/// and Subject lines in a row, which Outlook often puts alone above the mail it passes on.
public struct ForwardedMessages: Sendable, Equatable {
    /// Whom each passed-on message was from, in order.
    public var authors: [MailAddress] = []
    /// Whom each was written to (To and Cc).
    public var recipients: [MailAddress] = []
    /// The Message-IDs an attached message carries: its own, In-Reply-To and References.
    public var messageIDs: [String] = []
    /// The UIDs of calendars in attached messages (an invitation forwarded with its .ics).
    public var calendarUIDs: [String] = []
    /// The messages copied into the text, each with the header lines quoted above it.
    public var inline: [Inline] = []

    /// One message copied into the text under a forward line or header block.
    public struct Inline: Sendable, Equatable {
        /// Its From line's addresses.
        public var authors: [MailAddress] = []
        /// Its To and Cc lines' addresses.
        public var recipients: [MailAddress] = []
        /// Its Subject line, if one was quoted.
        public var subject: String?
    }

    public init() {}

    /// Whether the mail passes nothing on.
    public var isEmpty: Bool { authors.isEmpty && recipients.isEmpty && messageIDs.isEmpty && calendarUIDs.isEmpty }

    /// Forwarding prefixes of a Subject, lower-cased, in the languages clients write them.
    static let subjectPrefixes = ["fwd:", "fw:", "wg:", "tr:", "rv:", "enc:", "i:", "doorst:", "vs:", "vb:", "转发:", "轉寄:", "転送:"]

    /// Reads what `message` passes on; `text` is its best text (`MailReading.body(of:)`).
    /// - Complexity: O(n) in the length of `text` and the size of the attached messages' headers.
    public static func read(_ message: Message, text: String) -> ForwardedMessages {
        var found = ForwardedMessages()
        var stack = message.root.children
        while let part = stack.popLast() {
            if let attached = part.embeddedMessage {
                found.authors += attached.from.map { [$0] } ?? []
                found.recipients += attached.to + attached.cc
                found.messageIDs += [attached.messageID, attached.inReplyTo].compactMap { $0 } + attached.references
                for leaf in attached.leafParts where leaf.contentType == "text/calendar" || leaf.contentType == "application/ics" {
                    found.calendarUIDs += ICalendar.parse(leaf.decodedText(limit: Message.maxTextBytes)).events.compactMap(\.uid).filter { !$0.isEmpty }
                }
            } else if part.isMultipart {
                stack.append(contentsOf: part.children)
            }
        }
        let forwardSubject = isForward(subject: message.subject)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { unquoted($0).trimmedWhitespace }
        var index = 0
        while index < lines.count {
            guard let separator = opening(lines, at: index, forwardSubject: forwardSubject) else { index += 1; continue }
            // The header lines that follow, up to the first blank line after them.
            var line = separator ? index + 1 : index
            while line < lines.count, lines[line].isEmpty, line < index + 3 { line += 1 }
            var sawHeader = false
            var block = Inline()
            while line < lines.count, line < index + 12, !lines[line].isEmpty {
                if let value = headerName(lines[line], fromNames) {
                    block.authors += MailAddress.parseList(value)
                    found.authors += MailAddress.parseList(value)
                    sawHeader = true
                } else if let value = headerName(lines[line], toNames) {
                    block.recipients += MailAddress.parseList(value)
                    found.recipients += MailAddress.parseList(value)
                    sawHeader = true
                } else if let value = headerName(lines[line], subjectNames) {
                    block.subject = value
                } else if !sawHeader, !separator {
                    break
                }
                line += 1
            }
            if sawHeader { found.inline.append(block) }
            index = max(line, index + 1)
        }
        return found
    }

    /// The writer's own words in `text` (a new text, `MailReading.body(of:)`'s reply): what
    /// comes above the first message it passes on, the whole text when it passes none on.
    /// - Complexity: O(n) in the length of `text`.
    public static func writersText(_ text: String, subject: String?) -> String {
        let forwardSubject = isForward(subject: subject)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // HTML may give the forward line and its first header on one line.
        guard let start = lines.indices.first(where: { index in
            opening(lines, at: index, forwardSubject: forwardSubject) != nil
                || ReplyExtractor.Markers.opensWithForward(Array(lines[index].utf8)[...])
        }) else { return text }
        return lines[..<start].joined(separator: "\n")
    }

    /// The lines of `text` above the first message it passes on or keeps as history (a forward
    /// line, "-----Original Message-----", a bare Outlook header block), whatever the Subject.
    public static func aboveHistory(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.indices.first(where: { index in
            let line = lines[index]
            let trimmed = Array(String(line).trimmedWhitespace.utf8)[...]
            return ReplyExtractor.Markers.isForwardSeparator(trimmed) || ReplyExtractor.Markers.isHistorySeparator(trimmed)
                || ReplyExtractor.Markers.opensWithForward(Array(line.utf8)[...]) || opensBareHeaderBlock(lines, at: index)
        }) else { return text }
        return lines[..<start].joined(separator: "\n")
    }

    /// A line without the "> " marks Apple Mail puts before the message it forwards.
    public static func unquoted(_ line: some StringProtocol) -> String {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == ">" else { return String(line) }
        return String(trimmed.drop { $0 == ">" || $0 == " " })
    }

    private static func isForward(subject: String?) -> Bool {
        let subject = (subject ?? "").lowercased().trimmedWhitespace
        return subjectPrefixes.contains { subject.hasPrefix($0) }
    }

    /// Whether line `index` opens a passed-on message: true for a forward line (or, under a
    /// forwarding Subject, a history line), false for an Outlook header block's From line
    /// (under a forwarding Subject, or a bare block), nil when it opens none.
    private static func opening(_ lines: [some StringProtocol], at index: Int, forwardSubject: Bool) -> Bool? {
        let line = lines[index].trimmedWhitespace
        let bytes = Array(line.utf8)[...]
        if ReplyExtractor.Markers.isForwardSeparator(bytes) || (forwardSubject && ReplyExtractor.Markers.isHistorySeparator(bytes)) { return true }
        guard headerName(line, fromNames) != nil else { return nil }
        return forwardSubject || opensBareHeaderBlock(lines, at: index) ? false : nil
    }

    /// Whether line `index` opens an Outlook header block standing alone, with no forward or
    /// "Original Message" line above it: a From line, then in the lines right after it a Sent
    /// (or Date) line and a Subject line ("De:/Enviado:/Para:/Asunto:", "Von:/Gesendet:/An:/
    /// Betreff:", "De :/Envoyé :/À :/Objet :"). A From and a Date line alone may be a person's own.
    static func opensBareHeaderBlock(_ lines: [some StringProtocol], at index: Int) -> Bool {
        func field(_ line: some StringProtocol) -> ReplyExtractor.Markers.HeaderField? {
            ReplyExtractor.Markers.headerField(Array(unquoted(line).trimmedWhitespace.utf8)[...])
        }
        guard lines[index].contains(where: { $0 == ":" || $0 == "：" }), field(lines[index]) == .from else { return false }
        let block = lines[(index + 1)..<min(lines.count, index + 6)].lazy.map(field).prefix { $0 != nil }.compactMap { $0 }
        return Set(block).isSuperset(of: [.date, .subject])
    }

    private static let fromNames = ["from", "von", "de", "da", "van", "från", "fra", "expéditeur", "remitente", "发件人", "寄件者", "差出人"]
    private static let subjectNames = ["subject", "betreff", "asunto", "objet", "oggetto", "assunto", "onderwerp", "ämne", "emne",
                                       "主题", "主題", "件名"]
    private static let toNames = ["to", "cc", "an", "para", "à", "a", "aan", "till", "til", "destinataire", "收件人", "宛先"]

    /// The value of a "Name: value" line whose name is one of `names` (any case), else nil.
    /// The colon is looked for in the first characters only: every name is short.
    private static func headerName(_ line: String, _ names: [String]) -> String? {
        guard let colon = line.prefix(20).firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let name = line[..<colon].lowercased().replacingOccurrences(of: "*", with: "").trimmedWhitespace
        guard names.contains(name) else { return nil }
        let value = line[line.index(after: colon)...].trimmedWhitespace
        return value.isEmpty ? nil : value
    }
}
