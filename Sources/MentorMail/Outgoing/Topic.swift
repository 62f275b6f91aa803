/// What a mail of ours is about: a kind of record and its id ("mentorship 3", "proposal 7").
/// Stored with each outgoing message, so that a reply is read in that context.
public struct Topic: Codable, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        case participant, proposal, mentorship, round
        case inboundMessage = "inbound-message"
        case token
        case survey
        case event
    }

    public var kind: Kind?
    public var id: Int64?

    public init(_ kind: Kind?, _ id: Int64?) {
        self.kind = kind
        self.id = kind == nil ? nil : id
    }

    init(kindName: String?, id: Int64?) {
        self.init(kindName.flatMap(Kind.init(rawValue:)), id)
    }

    public static let none = Topic(nil, nil)
    public static func participant(_ id: Int64?) -> Topic { Topic(.participant, id) }
    public static func proposal(_ id: Int64?) -> Topic { Topic(.proposal, id) }
    public static func mentorship(_ id: Int64?) -> Topic { Topic(.mentorship, id) }
    public static func inbound(_ id: Int64?) -> Topic { Topic(.inboundMessage, id) }
    public static func token(_ id: Int64?) -> Topic { Topic(.token, id) }
    public static func survey(_ id: Int64?) -> Topic { Topic(.survey, id) }
    public static func event(_ id: Int64?) -> Topic { Topic(.event, id) }

    public var description: String {
        guard let kind else { return "nothing in particular" }
        return id.map { "\(kind.rawValue) \($0)" } ?? kind.rawValue
    }
}

/// A mail of ours that an inbound message answers: its kind and what it was about.
public struct MailReference: Codable, Sendable, Equatable, CustomStringConvertible {
    public var kind: MailKind
    public var topic: Topic
    /// The topic in a coordinator's words, when looked up ("the pair of Mia Lopez and Max
    /// Weber (`mentormail pairs show 3`)"): what reasons and context lines show.
    public var about: String?

    public init(kind: MailKind, topic: Topic, about: String? = nil) {
        self.kind = kind
        self.topic = topic
        self.about = about
    }

    /// The topic in words, else its kind and id ("mentorship 3").
    public var topicWords: String { about ?? topic.description }

    /// "introduction about the pair of Mia Lopez and Max Weber (`mentormail pairs show 3`)";
    /// "introduction (mentorship 3)" when the topic was not looked up.
    public var description: String {
        if let about { return "\(kind.rawValue) about \(about)" }
        return topic.kind == nil ? kind.rawValue : "\(kind.rawValue) (\(topic))"
    }
}
