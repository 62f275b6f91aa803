import Foundation

/// Whether someone wants to mentor, be mentored, or both. Raw values match MatchingCore's `Role`.
public enum ParticipantRole: String, Sendable, Hashable, Codable, CaseIterable {
    case mentor, mentee, both

    /// Reads an answer such as "mentee", "Coach", "mentor and mentee" or "either".
    /// Words that are not role words are ignored; nil when no role word is present.
    public init?(answer: String) {
        let words = Set(EnrollmentText.words(answer))
        let mentor = !words.isDisjoint(with: ["mentor", "mentors", "coach", "coaching"])
        let mentee = !words.isDisjoint(with: ["mentee", "mentees", "mentoree", "learner", "student"])
        if !words.isDisjoint(with: ["both", "either"]) || (mentor && mentee) {
            self = .both
        } else if mentor {
            self = .mentor
        } else if mentee {
            self = .mentee
        } else {
            return nil
        }
    }

    /// Whether this person offers mentoring (and so has a capacity).
    public var mentors: Bool { self != .mentee }
}

/// The kind of mentoring someone offers or looks for. (Named to stay clear of MatchingCore's
/// `MentoringType`, which has no `both`: use `expanded` to convert.)
public enum MentoringKind: String, Sendable, Hashable, Codable, CaseIterable {
    case technical, career, both

    /// Reads "technical", "tech", "code", "career development", "technical and career", "both".
    public init?(answer: String) {
        let words = Set(EnrollmentText.words(answer))
        let technical = !words.isDisjoint(with: [
            "technical", "tech", "code", "coding", "engineering", "programming", "software",
        ])
        let career = !words.isDisjoint(with: ["career", "careers", "professional", "soft"])
        if !words.isDisjoint(with: ["both", "either", "all"]) || (technical && career) {
            self = .both
        } else if technical {
            self = .technical
        } else if career {
            self = .career
        } else {
            return nil
        }
    }

    /// `.both` as `[.technical, .career]`; the others as themselves.
    public var expanded: [MentoringKind] {
        self == .both ? [.technical, .career] : [self]
    }
}

/// How a pair likes to meet. Raw values match MatchingCore's `Interaction`.
public enum InteractionStyle: String, Sendable, Hashable, Codable, CaseIterable {
    case irc, email, video, chat, inPerson

    /// How the style is written in mail ("IRC", "in person").
    public var label: String {
        switch self {
        case .irc: "IRC"
        case .inPerson: "in person"
        default: rawValue
        }
    }

    /// The word a stored profile uses: "irc", "email", "video", "chat", "in-person".
    public var storedName: String {
        self == .inPerson ? "in-person" : rawValue
    }

    /// Folded phrases that name each style; matched as whole words inside one list item.
    private static let phrases: [(InteractionStyle, [String])] = [
        (.irc, ["irc", "oftc", "libera"]),
        (.email, ["email", "e mail", "mail", "mailing list", "mailing lists"]),
        (.video, ["video", "video call", "video calls", "zoom", "jitsi", "hangouts", "google meet",
                  "meet", "teams", "webex", "skype", "call", "calls", "phone"]),
        (.chat, ["chat", "slack", "matrix", "telegram", "instant messaging", "im", "discord",
                 "element", "whatsapp", "signal", "messaging"]),
        (.inPerson, ["in person", "inperson", "face to face", "f2f", "at summits", "summits", "summit",
                     "ptg", "conferences", "conference", "meetups", "meetup", "events", "offline"]),
    ]

    /// Reads a list such as "IRC, Zoom and face to face": the styles found, in order, and
    /// the items that named none.
    public static func read(_ answer: String) -> (styles: [InteractionStyle], unknown: [String]) {
        var styles: [InteractionStyle] = []
        var unknown: [String] = []
        for item in EnrollmentText.listItems(answer) {
            let padded = " " + EnrollmentText.words(item).joined(separator: " ") + " "
            let found = phrases.filter { _, names in names.contains { padded.contains(" \($0) ") } }.map(\.0)
            if found.isEmpty { unknown.append(item) }
            for style in found where !styles.contains(style) { styles.append(style) }
        }
        return (styles, unknown)
    }
}
