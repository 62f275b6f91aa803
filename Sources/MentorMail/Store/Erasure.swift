import Foundation
import Mail

/// What erasing a person did, said without naming them: for the audit log.
public struct Erasure: Sendable, Equatable {
    /// A held message of someone else, kept with the person's name and address taken out.
    public struct Redacted: Sendable, Equatable {
        public var id: Int64
        public var sender: String?
        /// Attachments not kept in the redacted copy.
        public var leftOut: [String]
    }

    /// Messages they sent, removed.
    public var ownMessages = 0
    /// Messages of others that named them and no longer waited for a coordinator, removed.
    public var removedNaming = 0
    /// Outgoing mail to them or about them, removed.
    public var outgoing = 0
    public var redacted: [Redacted] = []

    /// "removed 2 message(s) they sent, …; redacted, kept for the coordinators: `mentormail held show 4` from bea@…".
    public var summary: String {
        let removed = "removed \(ownMessages) message(s) they sent, \(removedNaming) message(s) of others naming them that no longer "
            + "waited for a coordinator, and \(outgoing) outgoing message(s) to or about them"
        guard !redacted.isEmpty else { return removed + "; redacted no held mail" }
        return removed + "; redacted their name and address in held mail of others, kept for the coordinators: "
            + redacted.map { item in
                "`mentormail held show \(item.id)` from \(item.sender ?? "an unknown sender")"
                    + (item.leftOut.isEmpty ? "" : " (left out: \(item.leftOut.joined(separator: ", ")))")
            }.joined(separator: "; ")
    }
}

/// Takes a person's name and address out of text, and makes a plain copy of a message without them.
struct Redaction {
    /// What identifies them, lower case: the address, and a full name.
    let marks: [String]
    static let replacement = "[erased participant]"

    func apply(_ text: String) -> String {
        marks.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.replacement, options: .caseInsensitive) }
    }

    func mentions(_ text: String) -> Bool { apply(text) != text }

    /// A plain-text copy of `message`: its headers and best text with the person taken out. The
    /// attachments are left out (an export or a forwarded file may name them anywhere in it);
    /// their names are returned, and listed at the end of the text.
    func copy(of message: Message) -> (bytes: [UInt8], leftOut: [String]) {
        var lines: [String] = []
        for name in ["From", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To", "References"] {
            if let value = message.header(name) { lines.append("\(name): \(HeaderWriter.sanitize(apply(value)))") }
        }
        lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
        let text = MailReading.body(of: message)?.text ?? message.textBody ?? ""
        lines += apply(text).split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix("\r")) }
        var leftOut: [String] = []
        for part in message.leafParts where part.isAttachment {
            let name = HeaderWriter.sanitize(apply(part.filename ?? part.contentType))
            leftOut.append(mentions(part.decodedText()) || mentions(part.filename ?? "") ? "\(name) (it named them)" : name)
        }
        if !leftOut.isEmpty {
            lines += ["", "(Attachments not kept when a participant's data was deleted: \(leftOut.joined(separator: ", ")))"]
        }
        return (Array(lines.joined(separator: "\r\n").utf8) + [13, 10], leftOut)
    }
}

private extension Substring {
    func trimmingSuffix(_ suffix: Character) -> Substring { last == suffix ? dropLast() : self }
}
