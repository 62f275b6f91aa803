import Foundation

/// What a participant told us about themselves, as stored (one JSON column).
///
/// Values are already normalised by the form parser: canonical words for role, mentoring
/// types, interaction styles and languages, IANA names or `UTC±hh:mm` for the time zone.
public struct ParticipantProfile: Codable, Sendable, Equatable {
    /// "mentor", "mentee" or "both".
    public var role: String
    public var name: String
    /// "technical" and/or "career".
    public var mentoringTypes: [String]
    /// Canonical area keys from the vocabulary.
    public var areas: [String]
    /// Areas not in the vocabulary, kept as written.
    public var freeTextAreas: [String]
    /// An IANA identifier such as "Europe/Madrid", or a fixed offset such as "UTC+05:30".
    public var timeZone: String
    /// English language names.
    public var languages: [String]
    /// "irc", "email", "video", "chat", "in-person".
    public var interactions: [String]
    /// True when no way to meet was given and `interactions` holds the one assumed (email):
    /// mail says so, and a proposal never calls it their preference.
    public var interactionsAssumed: Bool?
    /// How many mentees at once (mentors only).
    public var capacity: Int
    public var availability: String
    public var aboutMe: String
    /// Fields we did not know, kept as sent (key → value).
    public var extra: [String: String]
    /// The language our mail to them is in ("es"): set by a `Mail language:` line, else the
    /// language they first wrote to us in; nil for English or unknown.
    public var mailLanguage: String?
    /// True when `mailLanguage` came from a `Mail language:` line: it then wins over the
    /// language they last wrote in (`Participant.writtenLanguage`).
    public var mailLanguageChosen: Bool?

    public init(role: String, name: String, mentoringTypes: [String], areas: [String], freeTextAreas: [String] = [],
                timeZone: String, languages: [String], interactions: [String], capacity: Int,
                availability: String = "", aboutMe: String = "", extra: [String: String] = [:]) {
        self.role = role
        self.name = name
        self.mentoringTypes = mentoringTypes
        self.areas = areas
        self.freeTextAreas = freeTextAreas
        self.timeZone = timeZone
        self.languages = languages
        self.interactions = interactions
        self.capacity = capacity
        self.availability = availability
        self.aboutMe = aboutMe
        self.extra = extra
    }

    /// The profile of an erased person: nothing but placeholders.
    public static let erased = ParticipantProfile(role: "", name: "", mentoringTypes: [], areas: [], timeZone: "",
                                                  languages: [], interactions: [], capacity: 0)

    /// The language for mail to them: the one they chose or wrote in, else the first they speak.
    public var preferredMailLanguage: String? {
        mailLanguage ?? languages.first.flatMap(LanguageNames.code(for:))
    }

    public var isMentor: Bool { role == "mentor" || role == "both" }
    public var isMentee: Bool { role == "mentee" || role == "both" }
}
