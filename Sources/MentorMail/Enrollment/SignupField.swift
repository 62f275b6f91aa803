import Foundation

/// One line of the sign-up form, with the ways people label it.
public enum SignupField: String, CaseIterable, Sendable, Hashable, Codable {
    case role, name, mentoringType, areas, timeZone, languages, interaction, capacity, availability, aboutMe

    /// The label as the form prints it.
    public var label: String {
        switch self {
        case .role: "Role"
        case .name: "Name"
        case .mentoringType: "Mentoring type"
        case .areas: "Areas"
        case .timeZone: "Time zone"
        case .languages: "Languages"
        case .interaction: "Interaction"
        case .capacity: "Capacity"
        case .availability: "Availability"
        case .aboutMe: "About me"
        }
    }

    /// A correct line to copy, used in problem reports.
    public var example: String {
        switch self {
        case .role: "Role: mentee"
        case .name: "Name: Ana García"
        case .mentoringType: "Mentoring type: technical"
        case .areas: "Areas: Nova, documentation"
        case .timeZone: "Time zone: Europe/Madrid"
        case .languages: "Languages: English"
        case .interaction: "Interaction: email, video"
        case .capacity: "Capacity: 2"
        case .availability: "Availability: weekday evenings"
        case .aboutMe: "About me: I maintain a small Python library."
        }
    }

    /// Folded labels people use for this line (see `SignupField.key(for:)`), in English and
    /// then in the community's main languages (`translatedKeys`).
    var keys: [String] { englishKeys + (Self.translatedKeys[self] ?? []).map { EnrollmentText.fold($0) } }

    /// The labels of the form in Spanish, Portuguese, French, German, Italian, Polish, Russian,
    /// Chinese and Japanese, as people write them.
    static let translatedKeys: [SignupField: [String]] = [
        .role: ["rol", "papel", "funcion", "função", "rôle", "rolle", "ruolo", "rola", "роль", "角色", "役割", "soy", "sou", "je suis", "ich bin", "sono"],
        .name: ["nombre", "nombre completo", "nome", "nome completo", "nom", "nom complet", "vollständiger name", "imię", "imię i nazwisko",
                "имя", "фио", "姓名", "名字", "名前", "氏名"],
        .mentoringType: ["tipo de mentoría", "tipo de mentoria", "tipo", "type de mentorat", "type de mentoring", "art des mentorings",
                         "mentoring-art", "mentoringart", "tipo di mentoring", "tipo di mentorship", "rodzaj mentoringu", "тип наставничества",
                         "指导类型", "辅导类型", "メンタリングの種類"],
        .areas: ["áreas", "áreas de interés", "áreas de interesse", "domaines", "domaines d'intérêt", "bereiche", "themen", "aree",
                 "aree di interesse", "obszary", "области", "领域", "分野", "関心分野"],
        .timeZone: ["zona horaria", "huso horario", "fuso horário", "fuso horario", "fuseau horaire", "zeitzone", "fuso orario",
                    "strefa czasowa", "часовой пояс", "时区", "時區", "タイムゾーン", "時間帯"],
        .languages: ["idiomas", "lenguas", "línguas", "langues", "sprachen", "lingue", "języki", "языки", "语言", "語言", "言語"],
        .interaction: ["forma de contacto", "forma de contato", "interacción", "interação", "moyen de contact", "interaction préférée",
                       "kontaktweg", "interaktion", "interazione", "forma kontaktu", "способ общения", "交流方式", "联系方式", "連絡方法"],
        .capacity: ["capacidad", "capacidade", "capacité", "kapazität", "capacità", "liczba podopiecznych", "pojemność",
                    "сколько подопечных", "可带人数", "容量", "受け入れ人数"],
        .availability: ["disponibilidad", "disponibilidade", "disponibilité", "verfügbarkeit", "disponibilità", "dostępność",
                        "доступность", "可用时间", "都合のよい時間", "空き時間"],
        .aboutMe: ["sobre mí", "sobre mi", "sobre mim", "à propos de moi", "a propos de moi", "über mich", "su di me", "o mnie",
                   "о себе", "关于我", "自我介绍", "自己紹介"],
    ]

    var englishKeys: [String] {
        switch self {
        case .role: ["role", "i am a", "i am an", "i am", "i'm a", "i'm an", "im a", "signing up as",
                     "sign up as", "i am signing up as", "your role", "my role"]
        case .name: ["name", "full name", "your name", "my name"]
        case .mentoringType: ["mentoring type", "type", "type of mentoring", "mentoring", "kind of mentoring",
                              "mentorship type"]
        case .areas: ["areas", "area", "interests", "projects", "project", "community areas", "community area",
                      "areas of interest"]
        case .timeZone: ["time zone", "timezone", "tz", "my time zone", "your time zone"]
        case .languages: ["languages", "language", "spoken languages", "languages spoken"]
        case .interaction: ["interaction", "interaction styles", "interaction style", "meeting", "how to meet",
                            "medium", "communication", "preferred communication", "preferred interaction",
                            "preferred interactions", "preferred interaction style", "preferred interaction styles",
                            "interactions", "preferred medium", "preferred channel", "preferred channels",
                            "ways to meet", "way to meet", "how we meet", "how to meet up", "meeting preference",
                            "meeting preferences", "preferred way to meet", "preferred ways to meet", "contact method"]
        case .capacity: ["capacity", "mentees", "how many mentees", "max mentees", "maximum mentees",
                         "number of mentees"]
        case .availability: ["availability", "available", "hours"]
        case .aboutMe: ["about me", "about", "bio", "about yourself"]
        }
    }

    /// Whether the answer is one or more choices (where any bracketed text beside it is a hint),
    /// rather than free text.
    var isChoice: Bool {
        switch self {
        case .name, .aboutMe, .availability: false
        default: true
        }
    }

    /// The placeholder our template prints after the label, without its parentheses.
    var hint: String? {
        switch self {
        case .role: "mentor, mentee, or both"
        case .mentoringType: "technical, career, or both"
        case .areas: "e.g. Nova, documentation, upstream training, community"
        case .timeZone: "e.g. Europe/Madrid, UTC+2, or your city"
        case .languages: "e.g. English, Spanish"
        case .interaction: "IRC, email, video, chat, in person"
        case .capacity: "mentors only: how many mentees at once; 1 if unsure"
        case .availability: "e.g. weekday evenings"
        case .name, .aboutMe: nil
        }
    }
}

/// What the label of a `Key: value` line refers to.
enum SignupKey: Equatable {
    case field(SignupField)
    /// "Location" or "City": read as the time zone when no time zone line has an answer.
    case location
    /// "Mail language": the language our mail should be in.
    case mailLanguage
    /// A mail header or our template's own prose, never a form answer.
    case ignored
    case unknown

    /// Looks up a label already cleaned of markup.
    init(label: String) {
        let key = SignupKey.fold(label)
        if let field = SignupKey.fields[key] {
            self = .field(field)
        } else if SignupKey.locations.contains(key) {
            self = .location
        } else if SignupKey.mailLanguageKeys.contains(key) {
            self = .mailLanguage
        } else if SignupKey.ignoredKeys.contains(key) {
            self = .ignored
        } else {
            self = .unknown
        }
    }

    /// Folds a label: lowercase, no accents, no parentheses, question marks or dots.
    static func fold(_ label: String) -> String {
        let folded = EnrollmentText.fold(label)
        // ASCII: each byte is a character.
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            return EnrollmentText.collapse(String(decoding: folded.utf8.filter { !"()?.:".utf8.contains($0) }, as: UTF8.self))
        }
        return EnrollmentText.collapse(folded.filter { !"()?.:".contains($0) })
    }

    private static let fields: [String: SignupField] = {
        var fields: [String: SignupField] = [:]
        for field in SignupField.allCases {
            for key in field.keys { fields[key] = field }
        }
        return fields
    }()

    private static let locations: Set<String> = ["location", "city", "based in", "where are you based", "country"]

    static let mailLanguageKeys: Set<String> = Set([
        "mail language", "email language", "e-mail language", "language for mail", "language for emails", "mail in",
        "idioma del correo", "idioma de correo", "idioma de los correos", "idioma para los correos", "idioma do email",
        "idioma dos emails", "língua do email", "langue des mails", "langue des e-mails", "langue du courrier",
        "sprache der e-mails", "e-mail-sprache", "mail-sprache", "lingua delle email", "lingua delle mail",
        "język wiadomości", "язык писем", "邮件语言", "メールの言語",
    ].map { SignupKey.fold($0) })

    /// Mail headers (English, Spanish, German, French), our templates' own labels in English and
    /// Spanish, and "for example" as a translated template may say it (quoted "Por ejemplo:
    /// Zona horaria: Europe/Madrid" is our hint, not an answer).
    private static let ignoredKeys: Set<String> = Set([
        "from", "to", "sent", "date", "subject", "cc", "bcc", "reply to", "importance", "attachments",
        "de", "para", "enviado", "fecha", "asunto", "von", "an", "gesendet", "datum", "betreff",
        "envoyé", "objet", "a", "what happens next", "for example", "coordinators", "http", "https", "mailto",
        "qué pasa ahora", "coordinación", "e.g.", "example", "por ejemplo", "p. ej.", "ejemplo", "por exemplo", "exemplo",
        "par exemple", "exemple", "zum beispiel", "z. b.", "beispiel", "ad esempio", "per esempio", "esempio",
        "na przykład", "przykład", "например", "пример", "例如", "示例", "例えば", "例",
    ].map { SignupKey.fold($0) })
}
