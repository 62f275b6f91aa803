import Foundation
import Mail

/// What `mentormail parse-mail --json` prints for one message: always exactly these keys,
/// `null` where a value is absent, so scripts can rely on them.
public struct MailSummary: Encodable, Sendable {
    public struct Address: Encodable, Sendable, Equatable {
        public var address: String
        public var name: String?

        init(_ mailbox: MailAddress) {
            address = mailbox.address
            name = mailbox.name.flatMap { $0.isEmpty ? nil : $0 }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(address, forKey: .address)
            try container.encode(name, forKey: .name)
        }

        enum CodingKeys: String, CodingKey { case address, name }
    }

    /// A leaf part: its type, file name and decoded size in bytes.
    public struct Part: Encodable, Sendable, Equatable {
        public var contentType: String
        public var filename: String?
        public var size: Int

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(contentType, forKey: .contentType)
            try container.encode(filename, forKey: .filename)
            try container.encode(size, forKey: .size)
        }

        enum CodingKeys: String, CodingKey { case contentType, filename, size }
    }

    /// An answer to a calendar invitation (METHOD:REPLY).
    public struct RSVP: Encodable, Sendable, Equatable {
        public var uid: String
        public var attendee: String
        /// "ACCEPTED", "DECLINED", "TENTATIVE", …
        public var partstat: String
    }

    public var subject: String?
    public var from: Address?
    public var to: [Address]
    public var messageId: String?
    public var inReplyTo: String?
    public var references: [String]
    /// ISO 8601, UTC.
    public var date: String?
    /// The best text (`Message.textBody`).
    public var text: String?
    /// The new text only (`MailReading.body(of:)`).
    public var reply: String?
    public var parts: [Part]
    /// True when the message must not be answered (bounce, auto-reply, list mail…).
    public var autoSubmitted: Bool
    public var autoReason: String?
    public var rsvp: RSVP?
    /// How the program reads it (with `--config`): the context found and the rule that chose.
    public var intake: Intake?

    /// The intake's view of a message.
    public struct Intake: Encodable, Sendable, Equatable {
        public var intent: String
        public var rule: String
        public var reason: String
        /// The mail of ours it answers, e.g. "introduction (mentorship 3)", or null.
        public var context: String?
        /// The sender's status in the program, or null for someone unknown.
        public var participant: String?

        public init(_ classification: Classification, context: IntakeContext) {
            intent = classification.intent.name
            rule = classification.rule
            reason = classification.reason
            self.context = context.answering?.description
            participant = context.participant?.status.rawValue
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(intent, forKey: .intent)
            try container.encode(rule, forKey: .rule)
            try container.encode(reason, forKey: .reason)
            try container.encode(context, forKey: .context)
            try container.encode(participant, forKey: .participant)
        }

        enum CodingKeys: String, CodingKey { case intent, rule, reason, context, participant }
    }

    /// Reads everything from `message`. Part sizes are counted one part at a time, so a
    /// huge attachment is never held decoded.
    /// - Complexity: O(n) in the size of the message.
    public init(message: Message) {
        subject = message.subject
        from = message.from.map(Address.init)
        to = message.to.map(Address.init)
        messageId = message.messageID
        inReplyTo = message.inReplyTo
        references = message.references
        date = message.date.map { $0.formatted(.iso8601) }
        let body = MailReading.body(of: message)
        text = body?.text
        reply = body?.reply
        parts = message.leafParts.map { Part(contentType: $0.contentType, filename: $0.filename, size: MailReading.decodedSize(of: $0)) }
        let automatic = ResponderText.automatic(message, newText: body?.reply ?? "", own: OwnText(body?.reply ?? ""))
        autoSubmitted = automatic != nil
        autoReason = automatic?.description
        rsvp = MailReading.rsvp(of: message).map { RSVP(uid: $0.uid, attendee: $0.address, partstat: $0.partstat.rawValue) }
    }

    enum CodingKeys: String, CodingKey {
        case subject, from, to, messageId, inReplyTo, references, date, text, reply, parts, autoSubmitted, autoReason, rsvp, intake
    }

    /// Encodes every key, writing `null` where a value is absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(inReplyTo, forKey: .inReplyTo)
        try container.encode(references, forKey: .references)
        try container.encode(date, forKey: .date)
        try container.encode(text, forKey: .text)
        try container.encode(reply, forKey: .reply)
        try container.encode(parts, forKey: .parts)
        try container.encode(autoSubmitted, forKey: .autoSubmitted)
        try container.encode(autoReason, forKey: .autoReason)
        try container.encode(rsvp, forKey: .rsvp)
        try container.encode(intake, forKey: .intake)
    }
}
