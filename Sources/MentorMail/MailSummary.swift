import Foundation
import Mail

/// What `mentormail parse-mail --json` prints for one message.
public struct MailSummary: Encodable, Sendable {
    public struct Address: Encodable, Sendable {
        public var address: String
        public var name: String?
    }

    public var file: String
    public var subject: String?
    public var from: Address?
    public var to: [Address]
    public var messageId: String?
    public var inReplyTo: String?
    public var references: [String]
    public var date: String?
    public var text: String?
    public var autoSubmitted: Bool
    public var autoReason: String?

    public init(file: String, message: Message) {
        self.file = file
        subject = message.subject
        from = message.from.map { Address(address: $0.address, name: $0.name) }
        to = message.to.map { Address(address: $0.address, name: $0.name) }
        messageId = message.messageID
        inReplyTo = message.inReplyTo
        references = message.references
        date = message.date.map { $0.formatted(.iso8601) }
        text = message.textBody
        autoSubmitted = message.automatic != nil
        autoReason = message.automatic?.description
    }

    enum CodingKeys: String, CodingKey {
        case file, subject, from, to, messageId, inReplyTo, references, date, text, autoSubmitted, autoReason
    }

    /// Encodes every key, writing `null` where a value is absent (scripts can rely on the keys).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(subject, forKey: .subject)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(inReplyTo, forKey: .inReplyTo)
        try container.encode(references, forKey: .references)
        try container.encode(date, forKey: .date)
        try container.encode(text, forKey: .text)
        try container.encode(autoSubmitted, forKey: .autoSubmitted)
        try container.encode(autoReason, forKey: .autoReason)
    }
}
