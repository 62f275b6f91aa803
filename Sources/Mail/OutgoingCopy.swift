import Foundation

extension OutgoingMessage {
    /// A fresh copy of a message we composed (`message`, read back from its bytes) for
    /// someone whose address changed: addressed to `recipients`, with `oldAddress` replaced by
    /// `newAddress` wherever it was written (text, HTML, the calendar's attendee), under a new
    /// Message-ID and date. Nil when `message` has no text body.
    /// - Complexity: O(n) in the size of the message.
    public static func copy(of message: Message, subject: String, from: MailAddress, to recipients: [MailAddress],
                            replacing oldAddress: String, with newAddress: String, messageID: String, date: Date) -> OutgoingMessage? {
        copy(of: message, subject: subject, from: from, to: recipients, messageID: messageID, date: date) { text in
            oldAddress.isEmpty || oldAddress == newAddress ? text
                : text.replacingOccurrences(of: oldAddress, with: newAddress, options: .caseInsensitive)
        }
    }

    /// A copy of a message we composed with `swap` applied to its subject, text, HTML and
    /// calendar (each of the calendar's lines unfolded), addressed to `recipients` (and `cc`).
    /// Attachments other than the calendar are not kept. Nil when `message` has no text body.
    public static func copy(of message: Message, subject: String, from: MailAddress, to recipients: [MailAddress], cc: [MailAddress] = [],
                            messageID: String, date: Date, rewriting swap: (String) -> String) -> OutgoingMessage? {
        let leaves = message.leafParts
        guard let plain = leaves.first(where: { $0.contentType == "text/plain" && !$0.isAttachment }) else { return nil }
        let html = leaves.first { $0.contentType == "text/html" && !$0.isAttachment }.map { swap($0.decodedText()) }
        let calendar = leaves.first { $0.contentType == "text/calendar" && !$0.isAttachment }.map { part in
            // Unfolded first, so an address split over two lines is found; folded again after.
            // (The decoded text ends its lines in LF.)
            let lines = part.decodedText().replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n ", with: "")
                .replacingOccurrences(of: "\n\t", with: "").components(separatedBy: "\n")
            return CalendarPart(method: part.parameters["method"] ?? "REQUEST",
                                text: lines.map { $0.isEmpty ? $0 : ICalendar.fold(swap($0)) }.joined(separator: "\r\n"))
        }
        return OutgoingMessage(from: from, to: recipients, cc: cc, subject: swap(subject), text: swap(plain.decodedText()), html: html,
                               messageID: messageID, date: date, inReplyTo: message.inReplyTo, references: message.references,
                               autoSubmitted: message.autoSubmitted.flatMap(AutoSubmitted.init(rawValue:)), calendar: calendar)
    }
}
