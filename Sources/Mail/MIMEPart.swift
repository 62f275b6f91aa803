/// One node of a message's MIME tree (RFC 2045/2046): its headers, its type, and its body,
/// which stays encoded in the message's bytes until `decodedBytes()` or `decodedText()`.
public struct MIMEPart: Sendable {
    /// Nesting deeper than this (multiparts and message/rfc822 inside each other) is not
    /// parsed further: the part at the limit keeps its body but gets no children.
    public static let maxDepth = 50
    /// Header fields kept per part; more are scanned past (not stored) in linear time.
    public static let maxHeaderCount = 1_000
    /// Parts created per message; later parts are dropped.
    public static let maxPartCount = 10_000
    /// Bytes of one header field's value kept (64 KiB, some 1 500 addresses or msg-ids); the
    /// rest of the field is scanned past. The raw message keeps it whole.
    public static let maxFieldLength = 64 << 10
    /// An embedded message (message/rfc822) sent base64 or quoted-printable encoded, against
    /// RFC 2046, is decoded and parsed only when its encoded body is at most this size (1 MiB);
    /// a larger one stays a leaf.
    public static let maxEncodedMessageSize = 1 << 20

    /// The part's header fields in order (for the root: the message's headers).
    public let headers: [HeaderField]
    /// Lower-cased "type/subtype"; "text/plain" when missing or invalid ("message/rfc822"
    /// inside multipart/digest), as RFC 2045 says.
    public let contentType: String
    /// Content-Type parameters by lower-cased name, RFC 2231 and RFC 2047 decoded.
    public let parameters: [String: String]
    /// The Content-Disposition value lower-cased ("attachment", "inline"), or nil.
    public let disposition: String?
    /// Content-Disposition parameters by lower-cased name, decoded.
    public let dispositionParameters: [String: String]
    /// Lower-cased Content-Transfer-Encoding ("7bit" when absent).
    public let transferEncoding: String
    /// Sub-parts of a multipart, or the one embedded message of a message/rfc822 part.
    public let children: [MIMEPart]

    /// The bytes the body lives in (shared by all parts of a message).
    let storage: [UInt8]
    /// Where the (still transfer-encoded) body lies in `storage`.
    let bodyRange: Range<Int>

    init(headers: [HeaderField], contentType: String, parameters: [String: String], disposition: String?,
         dispositionParameters: [String: String], transferEncoding: String, children: [MIMEPart],
         storage: [UInt8], bodyRange: Range<Int>) {
        self.headers = headers
        self.contentType = contentType
        self.parameters = parameters
        self.disposition = disposition
        self.dispositionParameters = dispositionParameters
        self.transferEncoding = transferEncoding
        self.children = children
        self.storage = storage
        self.bodyRange = bodyRange
    }

    /// The first field named `name` (case-insensitive), RFC 2047-decoded and trimmed.
    /// - Complexity: O(headers + length of the value).
    public func header(_ name: String) -> String? {
        headers.first(named: name).map { EncodedWords.decode($0.value).trimmedWhitespace }
    }

    /// "multipart/*".
    public var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    /// The declared charset parameter, if any.
    public var charset: String? { parameters["charset"] }

    /// The file name: Content-Disposition's `filename`, else Content-Type's `name`.
    public var filename: String? {
        let name = dispositionParameters["filename"] ?? parameters["name"]
        return name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// True for "Content-Disposition: attachment", and for a named part that is not an
    /// inline text part (Apple Mail marks attached PDFs "inline; filename=…").
    public var isAttachment: Bool {
        if isMultipart { return false }
        if disposition == "attachment" { return true }
        guard filename != nil else { return false }
        return disposition != "inline" || !contentType.hasPrefix("text/")
    }

    /// The body as it is in the message, still transfer-encoded.
    public var rawBody: ArraySlice<UInt8> { storage[bodyRange] }

    /// The body with its Content-Transfer-Encoding undone (base64 and quoted-printable
    /// leniently; 7bit, 8bit, binary and unknown encodings as they are).
    /// - Complexity: O(n) in the body size; nothing is cached, so keep the result.
    public func decodedBytes() -> [UInt8] {
        switch transferEncoding {
        case "base64": Base64.decode(rawBody)
        case "quoted-printable": QuotedPrintable.decode(rawBody)
        default: Array(rawBody)
        }
    }

    /// The first `limit` bytes of `decodedBytes()`, decoding no further, and whether the body
    /// goes on past them.
    /// - Complexity: O(limit): the body is read only until `limit` bytes are out.
    public func decodedBytes(limit: Int) -> (bytes: [UInt8], isTruncated: Bool) {
        let limit = max(limit, 0)
        let wanted = limit < Int.max ? limit + 1 : limit  // one byte more tells whether it goes on
        var bytes: [UInt8]
        switch transferEncoding {
        case "base64": bytes = Base64.decode(rawBody, limit: wanted)
        case "quoted-printable": bytes = QuotedPrintable.decode(rawBody, limit: wanted)
        default: bytes = Array(rawBody.prefix(wanted))
        }
        guard bytes.count > limit else { return (bytes, false) }
        bytes.removeLast(bytes.count - limit)
        return (bytes, true)
    }

    /// The decoded body as text in its declared charset, line ends normalized to "\n".
    /// - Complexity: O(n) in the body size.
    public func decodedText() -> String {
        ByteText.normalizingNewlines(Charset.decode(decodedBytes(), charset: charset))
    }

    /// The text of the first `limit` decoded bytes (see `decodedBytes(limit:)`); a character cut
    /// in half at the limit is left out.
    /// - Complexity: O(limit).
    public func decodedText(limit: Int) -> String {
        var (bytes, truncated) = decodedBytes(limit: limit)
        if truncated { bytes.removeLast(ByteText.incompleteUTF8Suffix(bytes)) }
        return ByteText.normalizingNewlines(Charset.decode(bytes, charset: charset))
    }

    /// The parts without children, depth first, in order.
    /// - Complexity: O(parts).
    public var leafParts: [MIMEPart] {
        var leaves: [MIMEPart] = []
        var stack: [MIMEPart] = [self]
        while let part = stack.popLast() {
            if part.children.isEmpty { leaves.append(part) } else { stack.append(contentsOf: part.children.reversed()) }
        }
        return leaves
    }

    /// For a message/rfc822 part: the embedded message.
    public var embeddedMessage: Message? {
        guard contentType.hasPrefix("message/"), let root = children.first else { return nil }
        return Message(root: root)
    }
}
