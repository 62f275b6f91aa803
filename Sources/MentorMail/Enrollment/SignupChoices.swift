import Foundation
import Mail

/// Whether someone wants to mentor, be mentored, or both. Raw values match MatchingCore's `Role`.
public enum ParticipantRole: String, Sendable, Hashable, Codable, CaseIterable {
    case mentor, mentee, both

    /// Reads an answer such as "mentee", "Coach", "mentor and mentee" or "either".
    /// Words that are not role words are ignored; nil when no role word is present. A role set
    /// aside ("mentor, not mentee", "a mentor rather than a mentee", "no como mentee") does not count.
    public init?(answer: String) {
        let words = Self.withoutArabicPrefixes(Self.withoutRolesSetAside(EnrollmentText.words(answer)))
        let text = EnrollmentText.fold(answer)
        let mentor = !words.isDisjoint(with: Self.mentorWords) || ["导师", "導師", "メンター"].contains { TextSearch.contains($0, in: text) }
        let mentee = !words.isDisjoint(with: Self.menteeWords) || ["学员", "學員", "メンティー", "メンティ"].contains { TextSearch.contains($0, in: text) }
        let both = !words.isDisjoint(with: Self.bothWords)
            || TextSearch.contains("les deux", in: text) || ["两者", "両方"].contains { TextSearch.contains($0, in: text) }
        if both || (mentor && mentee) {
            self = .both
        } else if mentor {
            self = .mentor
        } else if mentee {
            self = .mentee
        } else {
            return nil
        }
    }

    /// With the forms Russian and Polish give a role after "be" and "as" ("стать наставником",
    /// "в качестве наставника", "zostać mentorką", "jako podopieczny").
    private static let mentorWords = folded([
        "mentor", "mentors", "coach", "coaching", "mentora", "mentores", "mentoras", "tutor", "tutora", "mentorin",
        "mentore", "наставник", "наставница", "مرشد", "مرشدة", "موجه", "موجهة",
        "наставником", "наставницей", "наставника", "наставницы", "ментор", "ментором", "ментора", "mentorem", "mentorka",
        "mentorką", "mentorki",
    ])
    private static let menteeWords = folded([
        "mentee", "mentees", "mentoree", "learner", "student", "aprendiz", "mentorado", "mentorada",
        "podopieczny", "podopieczna", "подопечный", "подопечная", "ученик", "متدرب", "متدربة", "مسترشد", "مسترشدة",
        "подопечным", "подопечной", "подопечного", "учеником", "ученицей", "ученица", "менти", "podopiecznym", "podopieczną",
        "podopiecznego", "podopiecznej",
    ])
    private static let bothWords = folded(["both", "either", "ambos", "ambas", "beides", "beide", "entrambi",
                                           "entrambe", "oba", "obie", "оба", "обе", "كلاهما", "كليهما"])

    /// Words that set aside the role after them, folded: "not (as) a mentee", "rather than a
    /// mentor", "instead of mentee", "no como mentee", "statt Mentee", "plutôt que mentor".
    static let settingAside: Set<String> = CommandSentences.negations.union(folded([
        "than", "instead", "rather", "lugar", "vez", "lieu", "statt", "anstatt", "invés", "plutôt", "invece", "zamiast",
    ]))
    /// Small words that may stand between such a word and the role: "not as a", "instead of", "en lugar de".
    static let beforeARole: Set<String> = folded([
        "as", "a", "an", "the", "of", "to", "be", "como", "comme", "als", "come", "jako", "un", "una", "une", "um", "uma",
        "ein", "eine", "einen", "einer", "de", "di", "que", "el", "la", "le", "o", "ser", "etre", "sein", "werden", "being", "becoming",
    ])

    /// `words` without the role words set aside by the words just before them ("not a mentee").
    static func withoutRolesSetAside(_ words: [String]) -> [String] {
        words.indices.filter { index in
            let word = words[index]
            return !(mentorWords.contains(word) || menteeWords.contains(word) || bothWords.contains(word)) || !isSetAside(at: index, in: words)
        }.map { words[$0] }
    }

    /// Whether the words just before `index` set aside what stands there: "not as a", "rather than being a".
    static func isSetAside(at index: Int, in words: [String]) -> Bool {
        words[..<index].reversed().first { !beforeARole.contains($0) }.map(settingAside.contains) ?? false
    }

    /// Whether this person offers mentoring (and so has a capacity).
    public var mentors: Bool { self != .mentee }

    /// Words as `EnrollmentText.words` gives them (Cyrillic й becomes и, and so on).
    static func folded(_ words: [String]) -> Set<String> { Set(words.map { EnrollmentText.fold($0) }) }

    /// The words, and each Arabic word also without the "and", "as" or "with" written onto it
    /// ("ومهني", "كمتدربة") and without the alif of its accusative ending ("أكون مرشداً").
    static func withoutArabicPrefixes(_ words: [String]) -> Set<String> {
        var all = Set(words)
        for word in words where word.count > 3 {
            guard let first = word.unicodeScalars.first, ("\u{0600}"..."\u{06FF}").contains(first) else { continue }
            let bare = word.hasSuffix("\u{0627}") ? String(word.dropLast()) : word
            all.insert(bare)
            if ["\u{0648}", "\u{0643}", "\u{0628}"].contains(first) {
                all.insert(String(word.dropFirst()))
                all.insert(String(bare.dropFirst()))
            }
        }
        return all
    }
}

/// The kind of mentoring someone offers or looks for. (Named to stay clear of MatchingCore's
/// `MentoringType`, which has no `both`: use `expanded` to convert.)
public enum MentoringKind: String, Sendable, Hashable, Codable, CaseIterable {
    case technical, career, both

    /// Reads "technical", "tech", "code", "career development", "technical and career", "both".
    /// A kind set aside ("career, not technical", "technical rather than career") does not count.
    public init?(answer: String) {
        let all = EnrollmentText.words(answer)
        let words = ParticipantRole.withoutArabicPrefixes(all.indices.filter { !ChangeOfMind.setsAside(at: $0, in: all) }.map { all[$0] })
        let text = EnrollmentText.fold(answer)
        let technical = !words.isDisjoint(with: Self.technicalWords) || ["技术", "技術"].contains { TextSearch.contains($0, in: text) }
        let career = !words.isDisjoint(with: Self.careerWords) || ["职业", "キャリア"].contains { TextSearch.contains($0, in: text) }
        let both = !words.isDisjoint(with: Self.bothWords)
            || TextSearch.contains("les deux", in: text) || ["两者", "両方"].contains { TextSearch.contains($0, in: text) }
        if both || (technical && career) {
            self = .both
        } else if technical {
            self = .technical
        } else if career {
            self = .career
        } else if let near = Self.misspelt(in: words) {
            self = near
        } else {
            return nil
        }
    }

    /// "techincal", "carrer": one of the English words a typo or two away (one for the shorter
    /// "career"), when no other kind is that near.
    private static func misspelt(in words: Set<String>) -> MentoringKind? {
        let near = Set(words.filter { $0.count >= 5 }.compactMap { word -> MentoringKind? in
            if ConfigSchema.distance(word, "technical") <= 2 { return .technical }
            if ConfigSchema.distance(word, "career") <= 1 { return .career }
            return nil
        })
        return near.count == 1 ? near.first : nil
    }

    /// The kind an unknown answer is nearest to, to suggest it: "technical" unless the answer
    /// is closer to "career" or "both".
    static func nearest(to answer: String) -> MentoringKind {
        let words = EnrollmentText.words(answer)
        let scored = [MentoringKind.technical, .career, .both].map { kind in
            (kind, words.map { ConfigSchema.distance($0, kind.rawValue) }.min() ?? Int.max)
        }
        return scored.min { $0.1 < $1.1 }?.0 ?? .technical
    }

    private static let technicalWords = ParticipantRole.folded([
        "technical", "tech", "code", "coding", "engineering", "programming", "software", "tecnica", "tecnico",
        "technique", "technisch", "tecnica", "techniczny", "techniczna", "техническое", "техническая", "технический",
        "تقني", "تقنية", "فني", "فنية", "برمجة",
    ])
    private static let careerWords = ParticipantRole.folded([
        "career", "careers", "professional", "soft", "profesional", "carrera", "carreira", "profissional", "carriere",
        "professionnel", "karriere", "beruflich", "carriera", "professionale", "kariera", "zawodowy", "карьера",
        "карьерное", "профессиональное", "مهني", "مهنية", "وظيفي", "وظيفية",
    ])
    private static let bothWords = ParticipantRole.folded(["both", "either", "all", "ambas", "ambos", "beides", "entrambi", "oba", "оба", "كلاهما", "كليهما"])

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
    private static let phrases: [(InteractionStyle, [String])] = writtenPhrases.map { style, names in
        (style, names.map { EnrollmentText.words($0).joined(separator: " ") })
    }

    private static let writtenPhrases: [(InteractionStyle, [String])] = [
        (.irc, ["irc", "oftc", "libera"]),
        (.email, ["email", "e mail", "mail", "mailing list", "mailing lists", "correo", "correo electronico", "courriel",
                  "почта", "почте", "почту", "почтой", "электронной почте", "переписка", "переписке", "posta", "posta elettronica",
                  "mailowo", "mailem", "e-mailem", "poczta", "poczcie", "邮件", "电子邮件", "メール",
                  "بريد", "البريد", "بريد إلكتروني", "البريد الإلكتروني", "ايميل", "إيميل", "الإيميل"]),
        (.video, ["video", "video call", "video calls", "zoom", "jitsi", "hangouts", "google meet",
                  "meet", "teams", "webex", "skype", "call", "calls", "phone", "videollamada", "videollamadas", "videochamada", "videochamadas", "visio",
                  "visioconference", "videoanruf", "videoanrufe", "videokonferenz", "videocall", "videocalls",
                  "videotelefonat", "videotelefonate", "videotelefonie", "videogesprach", "videogesprache", "appel video", "appels video", "videochiamata", "videochiamate", "chiamata", "chiamate",
                  "videoconferenza", "wideo", "wideorozmowa", "wideorozmowy", "wideorozmowę", "wideorozmowie", "videobellen", "videogesprek",
                  "видео", "видеозвонок", "видеозвонки", "видеозвонков", "видеозвонку", "видеосвязь", "видеосвязи", "звонок", "звонки",
                  "созвон", "созвоны", "视频", "ビデオ",
                   "فيديو", "الفيديو", "مكالمة فيديو", "مكالمات فيديو", "زوم"]),
        (.chat, ["chat", "slack", "matrix", "telegram", "instant messaging", "im", "discord",
                 "element", "whatsapp", "signal", "messaging", "чат", "чате", "чату", "чаты", "телеграм", "телеграме", "телеграмме",
                 "мессенджер", "мессенджере", "czat", "czacie", "czatu", "komunikator", "聊天", "チャット", "دردشة", "الدردشة", "محادثة", "واتساب"]),
        (.inPerson, ["in person", "inperson", "face to face", "f2f", "at summits", "summits", "summit",
                     "ptg", "conferences", "conference", "meetups", "meetup", "events", "offline", "en persona", "presencial",
                     "pessoalmente", "em pessoa", "en personne", "persönlich", "personlich", "di persona", "osobiscie",
                     "dal vivo", "na zywo", "in persoon", "persoonlijk", "лично", "вживую", "очно", "面对面", "対面",
                     "شخصيا", "شخصياً", "وجها لوجه", "وجهاً لوجه", "حضوريا", "حضورياً", "حضوري", "لقاء شخصي"]),
    ]

    /// The style one phrase names as a whole ("irc", "video calls", "in person"), folded as
    /// `EnrollmentText.words` gives it; nil for any other.
    static func named(_ phrase: String) -> InteractionStyle? {
        phrases.first { $0.1.contains(phrase) }?.0
    }

    /// Reads a list such as "IRC, Zoom and face to face": the styles found, in order, and
    /// the items that named none. What an item sets aside ("IRC, not email", "video instead
    /// of chat") is neither.
    public static func read(_ answer: String) -> (styles: [InteractionStyle], unknown: [String]) {
        var styles: [InteractionStyle] = []
        var unknown: [String] = []
        for listed in EnrollmentText.listItems(answer) {
            let item = ChangeOfMind.withoutSetAside(listed)
            guard !item.isEmpty else { continue }
            let padded = " " + EnrollmentText.words(item).joined(separator: " ") + " "
            // Chinese and Japanese put no space between words: "视频通话", "メールで".
            let found = phrases.filter { _, names in names.contains { EnrollmentText.contains(" \($0) ", in: padded) } }.map(\.0)
                + (CJKPhrases.has(item) ? CJKPhrases.styles(in: item).map(\.style) : [])
            if found.isEmpty { unknown.append(item) }
            for style in found where !styles.contains(style) { styles.append(style) }
        }
        return (styles, unknown)
    }
}
