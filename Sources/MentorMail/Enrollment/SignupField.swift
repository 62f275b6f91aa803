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
    /// Chinese (simplified and traditional), Japanese and Arabic, as people write them.
    static let translatedKeys: [SignupField: [String]] = [
        .role: ["rol", "papel", "funcion", "função", "rôle", "rolle", "ruolo", "rola", "роль", "角色", "役割", "soy", "sou", "je suis", "ich bin", "sono",
                "身份", "我的角色", "参与角色", "參與角色", "الدور", "دور", "الدور المطلوب", "صفتك"],
        .name: ["nombre", "nombre completo", "nome", "nome completo", "nom", "nom complet", "vollständiger name", "imię", "imię i nazwisko",
                "имя", "фио", "姓名", "名字", "名前", "氏名",
                "称呼", "稱呼", "我的名字", "全名", "الاسم", "اسم", "الاسم الكامل", "اسمك"],
        .mentoringType: ["tipo de mentoría", "tipo de mentoria", "tipo", "type de mentorat", "type de mentoring", "art des mentorings",
                         "mentoring-art", "mentoringart", "tipo di mentoring", "tipo di mentorship", "rodzaj mentoringu", "rodzaj", "typ", "typ mentoringu",
                         "тип наставничества", "тип", "вид наставничества",
                         "指导类型", "辅导类型", "メンタリングの種類",
                         "指導類型", "輔導類型", "导师类型", "導師類型", "指导方向", "指導方向", "辅导方向", "类型", "類型",
                         "نوع الإرشاد", "نوع الارشاد", "نوع التوجيه", "نوع الإرشاد المطلوب", "النوع"],
        .areas: ["áreas", "áreas de interés", "áreas de interesse", "domaines", "domaines d'intérêt", "bereiche", "themen", "aree",
                 "aree di interesse", "obszary", "области", "领域", "分野", "関心分野",
                 "社区领域", "社區領域", "領域", "感兴趣的领域", "感興趣的領域", "兴趣领域", "興趣領域", "关注领域", "關注領域",
                 "项目", "項目", "社区项目", "社區項目", "方向", "المجال", "المجالات", "مجال", "مجالات", "مجالات الاهتمام", "المشروع", "المشاريع"],
        .timeZone: ["zona horaria", "huso horario", "fuso horário", "fuso horario", "fuseau horaire", "zeitzone", "fuso orario",
                    "strefa czasowa", "часовой пояс", "时区", "時區", "タイムゾーン", "時間帯",
                    "所在时区", "所在時區", "我的时区", "我的時區", "时区名称", "المنطقة الزمنية", "المنطقه الزمنيه", "التوقيت", "المنطقة الزمنية الخاصة بك"],
        .languages: ["idiomas", "idioma", "lenguas", "lengua", "línguas", "língua", "langues", "langue", "sprachen", "sprache", "lingue", "lingua", "języki", "языки", "语言", "語言", "言語",
                       "使用语言", "使用語言", "会说的语言", "會說的語言", "语种", "語種", "口语", "اللغات", "اللغة", "لغات", "اللغات المحكية"],
        .interaction: ["forma de contacto", "forma de contato", "interacción", "interação", "moyen de contact", "interaction préférée",
                       "kontaktweg", "interaktion", "interazione", "modalità", "modalità di contatto", "modalità di incontro", "modalità preferita",
                       "forma kontaktu", "sposób kontaktu", "forma spotkań", "способ общения", "способ связи", "формат", "формат общения",
                       "формат встреч", "交流方式", "联系方式", "連絡方法",
                       "沟通方式", "溝通方式", "联络方式", "聯絡方式", "聯繫方式", "互动方式", "互動方式", "见面方式", "見面方式",
                       "交流形式", "طريقة التواصل", "وسيلة التواصل", "طريقة التفاعل", "التفاعل", "التواصل"],
        .capacity: ["capacidad", "capacidade", "capacité", "kapazität", "capacità", "liczba podopiecznych", "pojemność",
                    "сколько подопечных", "可带人数", "容量", "受け入れ人数",
                    "可帶人數", "可指导人数", "可指導人數", "可带学员数", "可帶學員數", "人数", "人數", "名额", "名額",
                    "السعة", "عدد المتدربين", "عدد المتدربين الممكن"],
        .availability: ["disponibilidad", "disponibilidade", "disponibilité", "verfügbarkeit", "disponibilità", "dostępność",
                        "доступность", "可用时间", "都合のよい時間", "空き時間",
                        "可用時間", "空闲时间", "空閒時間", "有空时间", "有空時間", "时间安排", "時間安排", "الأوقات المتاحة", "التوفر", "الوقت المتاح"],
        .aboutMe: ["sobre mí", "sobre mi", "sobre mim", "à propos de moi", "a propos de moi", "über mich", "su di me", "o mnie",
                   "о себе", "关于我", "自我介绍", "自己紹介",
                   "關於我", "自我介紹", "个人简介", "個人簡介", "简介", "簡介", "نبذة عني", "عني", "نبذة"],
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
        } else if let field = SignupKey.misspelt(key) {
            self = .field(field)
        } else {
            self = .unknown
        }
    }

    /// The field whose label `label` misspells, when it is not written as one of its labels
    /// ("Mentorng tpye" for "Mentoring type"); nil for a label as written and for the rest.
    static func misspeltField(_ label: String) -> SignupField? {
        let key = fold(label)
        return fields[key] == nil ? misspelt(key) : nil
    }

    /// The field a folded label nearly spells: one edit (a swapped pair of letters is one) from
    /// a label of six letters or more, two from one of ten or more, and no other known label
    /// as near. Never a short label, a label's plural or singular ("Mentee" beside "Mentees"),
    /// a word we read as a role or a language ("Mentorin"), nor Chinese or Japanese, where a
    /// character is a word.
    /// Every line with a colon asks this, so the label is first measured against the known ones
    /// (by scalars, giving up past the limit) and only a near one is checked for a role or a
    /// language word.
    private static func misspelt(_ key: String) -> SignupField? {
        let scalars = Array(key.unicodeScalars)
        guard (5...40).contains(scalars.count), !scalars.contains(where: { $0.properties.isIdeographic || (0x3040...0x30FF).contains($0.value) })
        else { return nil }
        var best = Int.max
        var near: Set<SignupField?> = []
        let letters = letterCounts(scalars)
        for known in knownKeys {
            let limit = known.scalars.count >= 10 ? 2 : known.scalars.count >= 6 ? 1 : 0
            guard limit > 0, abs(known.scalars.count - scalars.count) <= limit,
                  // An edit changes the letter counts by two at most, a swap not at all.
                  zip(letters, known.letters).reduce(0, { $0 + abs(Int($1.0) - Int($1.1)) }) <= 2 * limit,
                  let distance = ConfigSchema.distance(scalars, known.scalars, atMost: min(limit, best)),
                  key != known.key + "s", known.key != key + "s" else { continue }
            if distance < best { (best, near) = (distance, []) }
            near.insert(known.field)
        }
        guard near.count == 1, let field = near.first ?? nil,
              ParticipantRole(answer: key) == nil, LanguageNames.englishName(for: key) == nil else { return nil }
        return field
    }

    /// Every folded label we know, with its field (nil for a label that is not a field's).
    private static let knownKeys: [(key: String, scalars: [Unicode.Scalar], letters: [UInt8], field: SignupField?)] =
        (fields.map { ($0.key, $0.value) } + (locations.union(mailLanguageKeys).union(ignoredKeys)).map { ($0, nil) })
            .map { (key: $0.0, scalars: Array($0.0.unicodeScalars), letters: letterCounts(Array($0.0.unicodeScalars)), field: $0.1) }

    /// How many scalars of a label fall in each of 32 bins (by value): two labels whose counts
    /// differ by more than twice an edit limit are further apart than it.
    private static func letterCounts(_ scalars: [Unicode.Scalar]) -> [UInt8] {
        var counts = [UInt8](repeating: 0, count: 32)
        for scalar in scalars { counts[Int(scalar.value & 31)] &+= 1 }
        return counts
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

    /// Mail header names (English, Spanish, German, French), folded: the labels of a passed-on
    /// mail's header block.
    static let mailHeaderKeys: Set<String> = Set([
        "from", "to", "sent", "date", "subject", "cc", "bcc", "reply to", "de", "para", "enviado", "fecha", "asunto", "von", "an",
        "gesendet", "datum", "betreff", "envoyé", "objet", "a",
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
