import Foundation

/// A received message: its header fields, the common fields read from them, and its
/// MIME tree. Parsing never throws and never crashes: broken mail gives a best effort.
public struct Message: Sendable {
    /// The root of the MIME tree; its headers are the message's headers.
    public let root: MIMEPart
    /// The message's header fields in order, unfolded and undecoded.
    public let headers: [HeaderField]

    /// Parses a message from its bytes (CRLF or bare LF line ends).
    /// - Complexity: O(n × d) for n bytes and MIME nesting depth d; bodies are not decoded.
    public init(bytes: [UInt8]) {
        self.init(root: MIMEParser.parse(bytes))
    }

    /// Parses a message from its bytes.
    public init(data: Data) {
        self.init(bytes: [UInt8](data))
    }

    /// Parses a message from text (its UTF-8 bytes); handy in tests.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init(root: MIMEPart) {
        self.root = root
        self.headers = root.headers
        // Read once: every intake rule asks who wrote.
        self.from = headers.values(named: "From").flatMap(MailAddress.parseList).first
    }

    /// The first field named `name` (case-insensitive), unfolded, RFC 2047-decoded, trimmed.
    public func header(_ name: String) -> String? {
        root.header(name)
    }

    /// All fields named `name` (case-insensitive), each decoded and trimmed, in order.
    public func headerValues(_ name: String) -> [String] {
        headers.values(named: name).map { EncodedWords.decode($0).trimmedWhitespace }
    }

    public var subject: String? { header("Subject") }

    /// The first mailbox of From.
    public let from: MailAddress?
    public var to: [MailAddress] { addresses("To") }
    public var cc: [MailAddress] { addresses("Cc") }
    public var replyTo: [MailAddress] { addresses("Reply-To") }

    /// The Date field, leniently parsed (see `MailDate.parse`).
    public var date: Date? { headers.first(named: "Date").flatMap { MailDate.parse($0.value) } }

    /// The Message-ID without angle brackets.
    public var messageID: String? { firstID("Message-ID") }

    /// The first msg-id of In-Reply-To, without angle brackets.
    public var inReplyTo: String? { firstID("In-Reply-To") }

    /// The msg-ids of References (all such fields), without angle brackets, in order.
    public var references: [String] {
        headers.values(named: "References").flatMap(MessageIDList.parse)
    }

    /// The Auto-Submitted keyword lower-cased ("auto-replied", "no"…), parameters dropped;
    /// nil if the field is absent.
    public var autoSubmitted: String? {
        guard let value = headers.first(named: "Auto-Submitted")?.value else { return nil }
        return value.split(separator: ";", omittingEmptySubsequences: false).first.map { $0.trimmedWhitespace.lowercased() } ?? ""
    }

    /// The parts without children, depth first, in order.
    public var leafParts: [MIMEPart] { root.leafParts }

    /// The leaf parts that are attachments (see `MIMEPart.isAttachment`).
    public var attachments: [MIMEPart] { leafParts.filter(\.isAttachment) }

    /// Mailboxes of every field named `name` (raw values, parsed then decoded).
    private func addresses(_ name: String) -> [MailAddress] {
        headers.values(named: name).flatMap(MailAddress.parseList)
    }

    private func firstID(_ name: String) -> String? {
        guard let raw = headers.first(named: name)?.value else { return nil }
        if let id = MessageIDList.parse(raw).first { return id }
        let bare = raw.trimmedWhitespace.filter { $0 != "<" && $0 != ">" }
        return bare.isEmpty ? nil : bare
    }
}
