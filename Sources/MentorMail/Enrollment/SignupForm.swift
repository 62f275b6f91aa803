import Foundation

/// What we understood from a sign-up reply: the answers, what is wrong with them, and
/// what we could not place.
public struct SignupForm: Sendable, Equatable {
    public var role: ParticipantRole?
    /// From the form, else the sender's display name.
    public var name: String?
    public var mentoringType: MentoringKind?
    /// Canonical names from the vocabulary, in the order written.
    public var areas: [String] = []
    /// Areas the vocabulary does not know, kept as written.
    public var freeTextAreas: [String] = []
    public var timeZone: ParticipantTimeZone?
    /// English names ("Spanish"), in the order written.
    public var languages: [String] = []
    /// Defaults to `[.email]`, with a note, when the form names none.
    public var interaction: [InteractionStyle] = []
    /// Mentees at once; for mentors and "both" only (default 1, with a note).
    public var capacity: Int?
    public var availability: String?
    public var aboutMe: String?
    /// The code of the language asked for in a "Mail language:" line ("es").
    public var mailLanguage: String?

    /// What must be fixed before the sign-up can be accepted.
    public var problems: [FormProblem] = []
    /// Things worth telling the person that need no fix (defaults applied, text shortened).
    public var notes: [FormPhrase] = []
    /// `Key: value` lines inside the form whose key we do not know; the reply should mention them.
    public var unknownFields: [SignupUnknownField] = []
    /// How many known fields had an answer: 2 or more means "this is a filled form",
    /// fewer means "just a message".
    public var fieldsFound = 0
    /// Fields whose answer was read from quoted text (typed into the quoted form).
    public var answeredInQuotedText: Set<SignupField> = []
    /// Fields that had an answer at all (valid or not): a change to a stored profile
    /// replaces exactly these.
    public var answeredFields: Set<SignupField> = []

    public init() {}

    /// True when nothing needs fixing.
    public var isComplete: Bool { problems.isEmpty }

    /// Whether nothing of `field`'s answer could be read.
    func gaveNoValue(for field: SignupField) -> Bool {
        switch field {
        case .role: role == nil
        case .name: name == nil
        case .mentoringType: mentoringType == nil
        case .areas: areas.isEmpty && freeTextAreas.isEmpty
        case .timeZone: timeZone == nil
        case .languages: languages.isEmpty
        case .interaction: interaction.isEmpty
        case .capacity: capacity == nil
        case .availability: availability == nil
        case .aboutMe: aboutMe == nil
        }
    }

    /// Whether the reply looks like a filled-in form rather than a plain message.
    public var looksLikeForm: Bool { fieldsFound >= 2 }
}

/// Something wrong with one answer, in plain words, with a line the person can copy.
public struct FormProblem: Sendable, Hashable, CustomStringConvertible {
    public let field: SignupField
    /// What is wrong, as data: `ProfileWording` words it in the mail's language.
    public let phrase: FormPhrase
    /// The value of the example line when the field's usual example does not fit ("2" for a capacity).
    public let exampleValue: String?
    /// The languages of the example line, named in the mail's language, when it is made of them.
    public let exampleLanguages: [String]?

    public init(field: SignupField, _ phrase: FormPhrase, exampleValue: String? = nil, exampleLanguages: [String]? = nil) {
        self.field = field
        self.phrase = phrase
        self.exampleValue = exampleValue
        self.exampleLanguages = exampleLanguages
    }

    /// What is wrong, in English, e.g. "We could not find the time zone “Mars/Olympus”: …".
    public var message: String { phrase.english }
    /// A correct line in English, e.g. "Time zone: Europe/Madrid".
    public var example: String { example(in: .english) }

    public func example(in wording: ProfileWording) -> String {
        let languages = exampleLanguages.map { $0.map(wording.languageName).joined(separator: ", ") }
        return (exampleValue ?? languages).map { "\(wording.label(field)): \($0)" } ?? wording.example(field)
    }

    /// "Time zone: We could not find … For example: Time zone: Europe/Madrid"
    public var description: String {
        "\(field.label): \(message) For example: \(example)"
    }
}

/// A `Key: value` line inside the form whose key is not one of ours.
public struct SignupUnknownField: Sendable, Hashable {
    public let key: String
    public let value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
