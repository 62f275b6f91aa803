import Foundation

/// The words a mail uses for a profile's labels and values, and for what the form reader says
/// about an answer, in the language the mail goes out in.
///
/// Templates carry a mail's sentences; these are the pieces the program fills in. English and
/// Spanish are written here; any other language falls back to English. Every value printed in
/// another language is one the form reader reads back the same, so a person can reply with a
/// line of their summary as it stands.
public struct ProfileWording: Sendable {
    public let language: String?

    public init(language: String?) {
        self.language = language
    }

    public static let english = ProfileWording(language: nil)

    private var spanish: Bool { language == "es" }

    /// Check-in answers in the words of the survey in this language ("a veces", "continuar").
    public func answer(_ meeting: SurveyAnswers.Meeting) -> String {
        guard spanish else { return meeting.rawValue }
        return switch meeting {
        case .yes: "sí"
        case .no: "no"
        case .sometimes: "a veces"
        }
    }

    public func answer(_ fit: SurveyAnswers.Fit) -> String {
        guard spanish else { return fit.rawValue }
        return switch fit {
        case .good: "buena combinación"
        case .deciding: "todavía no sé"
        case .notGood: "no encajamos"
        }
    }

    public func answer(_ next: SurveyAnswers.Next) -> String {
        guard spanish else { return next.rawValue }
        return switch next {
        case .continue: "continuar"
        case .graduate: "graduarnos"
        case .newMatch: "necesito una nueva pareja"
        }
    }

    public func label(_ field: SignupField) -> String {
        guard spanish else { return field.label }
        return switch field {
        case .role: "Rol"
        case .name: "Nombre"
        case .mentoringType: "Tipo de mentoría"
        case .areas: "Áreas"
        case .timeZone: "Zona horaria"
        case .languages: "Idiomas"
        case .interaction: "Forma de contacto"
        case .capacity: "Capacidad"
        case .availability: "Disponibilidad"
        case .aboutMe: "Sobre mí"
        }
    }

    /// A whole example line for `field`, e.g. "Zona horaria: Europe/Madrid".
    public func example(_ field: SignupField) -> String {
        guard spanish else { return field.example }
        let value = switch field {
        case .role: "mentee"
        case .name: "Ana García"
        case .mentoringType: "técnica"
        case .areas: "Nova, documentación"
        case .timeZone: "Europe/Madrid"
        case .languages: "español"
        case .interaction: "email, vídeo"
        case .capacity: "2"
        case .availability: "tardes entre semana"
        case .aboutMe: "Mantengo una pequeña biblioteca de Python."
        }
        return "\(label(field)): \(value)"
    }

    /// Items for a sentence, the last after "and" in the mail's language: "Pat, María and Ben",
    /// "Pat, María y Ben" ("e" before an "i" sound: "Pat e Inés"), "Pat, María et Ben".
    /// Not for a form line's value, which the form reader reads back by its commas.
    public func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(conjunction(before: last)) " + last
    }

    private func conjunction(before word: String) -> String {
        switch language.map(TemplateLibrary.baseLanguage) {
        case "es":
            // "y" sounds like "i" before "i"/"hi" and becomes "e", but not before a diphthong ("y hielo").
            let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            let sound = folded.hasPrefix("h") ? folded.dropFirst() : Substring(folded)
            return sound.first == "i" && sound.dropFirst().first.map("aeou".contains) != true ? "e" : "y"
        case "fr": return "et"
        default: return "and"
        }
    }

    public var missing: String { spanish ? "(falta)" : "(missing)" }
    /// `missing` in either language: a line sent back with it gives nothing.
    static let missingMarkers = ["(missing)", "(falta)"]
    public var noneGiven: String { spanish ? "(ninguna)" : "(none given)" }
    /// Read past by the form reader in either language.
    public var freeTextMarker: String { spanish ? "guardado como texto libre:" : "kept as free text:" }
    static let freeTextMarkers = ["kept as free text:", "guardado como texto libre:"]
    /// After a value we assumed because none was given; a line sent back with it still gives none.
    public var assumedMarker: String { spanish ? "(no indicada: supuesta)" : "(not given: assumed)" }
    static let assumedMarkers = ["(not given: assumed)", "(no indicada: supuesta)"]

    public func role(_ stored: String) -> String {
        guard spanish else { return stored }
        return switch stored {
        case "mentor": "mentor/a"
        case "both": "ambos"
        default: stored
        }
    }

    public func mentoringTypes(_ stored: [String]) -> String {
        guard spanish else { return stored.joined(separator: " and ") }
        return stored.map { $0 == "technical" ? "técnica" : $0 == "career" ? "profesional" : $0 }.joined(separator: " y ")
    }

    /// The kinds as a line's value the form reader reads back: "technical, career".
    public func mentoringTypeList(_ stored: [String]) -> String {
        guard spanish else { return stored.joined(separator: ", ") }
        return stored.map { $0 == "technical" ? "técnica" : $0 == "career" ? "profesional" : $0 }.joined(separator: ", ")
    }

    public func interaction(_ style: InteractionStyle) -> String {
        guard spanish else { return style.label }
        return switch style {
        case .irc: "IRC"
        case .email: "email"
        case .video: "vídeo"
        case .chat: "chat"
        case .inPerson: "en persona"
        }
    }

    public func capacity(_ count: Int) -> String {
        spanish ? "\(count) mentee\(count == 1 ? "" : "s") a la vez" : "\(count) mentee\(count == 1 ? "" : "s") at a time"
    }

    /// "Europe/Madrid (UTC+01:00 now)", "Europe/Madrid (ahora UTC+01:00)".
    public func timeZone(_ zone: ParticipantTimeZone, at date: Date) -> String {
        guard spanish, case .named(let identifier) = zone else { return zone.summary(at: date) }
        return "\(identifier) (ahora \(ParticipantTimeZone.offsetLabel(zone.utcOffsetMinutes(at: date))))"
    }

    /// A stored English language name in the mail's language ("Spanish" → "español"), when
    /// the form reader reads that name back as the same language; otherwise the English name.
    public func languageName(_ english: String) -> String {
        guard let language, language != "en", let code = LanguageNames.code(for: english),
              let name = Locale(identifier: language).localizedString(forLanguageCode: code),
              LanguageNames.read(name).languages == [english] else { return english }
        return name
    }

    /// The label of the line that chooses the mail's language.
    public var mailLanguageLabel: String { spanish ? "Idioma del correo" : "Mail language" }

    /// A mail language's code as a "Mail language:" line names it, read back the same: "es" is
    /// "Spanish" or "español", "pt-br" "Portuguese (Brazil)" or "portugués (Brasil)".
    public func mailLanguageName(_ code: String) -> String {
        let parts = code.split(separator: "-").map(String.init)
        let locale = Locale(identifier: spanish ? "es" : "en")
        guard let name = locale.localizedString(forLanguageCode: parts[0]) else { return code }
        let region = parts.count > 1 ? locale.localizedString(forRegionCode: parts[1].uppercased()) : nil
        return name + (region.map { " (\($0))" } ?? "")
    }

    /// A participant's status in the mail's language ("active", "activa").
    public func status(_ status: Participant.Status) -> String {
        guard spanish else { return status.rawValue }
        return switch status {
        case .active: "activa"
        case .incomplete: "incompleta"
        case .paused: "en pausa"
        case .withdrawn: "retirada"
        case .erased: "borrada"
        }
    }

    /// A sentence the form reader said, in the mail's language.
    public func text(_ phrase: FormPhrase) -> String {
        spanish ? phrase.spanish(self) : phrase.english
    }
}

/// What the form reader says about one answer: a problem to fix or a note. Kept as data so each
/// mail words it in its own language (`ProfileWording.text(_:)`).
public enum FormPhrase: Sendable, Hashable, CustomStringConvertible {
    case unknownRole(String)
    case noRole
    case unknownMentoringType(String)
    case noMentoringType
    case unknownTimeZone(String)
    case noTimeZone(unplaced: String?)
    case noLanguages
    case unknownLanguages(String)
    case unknownInteraction(String)
    case capacityNotANumber(String, ClosedRange<Int>)
    case capacityOutOfRange(Int, ClosedRange<Int>)
    case unknownMailLanguage(String)
    case timeZoneFromLocation(String, zone: String)
    case notLanguages([String])
    /// An item read as the language it nearly spells ("Englsh" as English).
    case readAsLanguage(String, String)
    /// A label read as the form's label it nearly spells ("Mentorng tpye" as Mentoring type).
    case readAsLabel(String, SignupField)
    case assumedEmail
    case notWaysToMeet([String])
    case assumedCapacity(Int)
    case shortened(SignupField, limit: Int)
    /// Words of a line read only in part (languages or ways to meet), over a stored value that
    /// stays; `read`: the languages the line did name that the stored value lacks.
    case notUnderstood(SignupField, [String], read: [String] = [])

    public var description: String { english }

    private static var choices: String { InteractionStyle.allCases.map(\.label).joined(separator: ", ") }

    var english: String {
        switch self {
        case .unknownRole(let answer): "“\(answer)” is not a role we know: write mentor, mentee, or both."
        case .noRole: "Please tell us whether you want to be a mentor, a mentee, or both."
        case .unknownMentoringType(let answer):
            "“\(answer)” is not a kind of mentoring we offer: write technical, career, or both."
        case .noMentoringType: "Please choose technical, career, or both."
        case .unknownTimeZone(let answer):
            "We could not find the time zone “\(answer)”: write a zone such as Europe/Madrid, "
                + "an offset such as UTC+2, or a big city near you."
        case .noTimeZone(let unplaced):
            "Please tell us your time zone\(unplaced.map { " (we could not place “\($0)”)" } ?? ""), "
                + "so we match you with people you can meet."
        case .noLanguages: "Please list the languages you can use for mentoring."
        case .unknownLanguages(let answer):
            "We did not recognise “\(answer)” as a language: write language names in English or in the language itself."
        case .unknownInteraction(let answer): "We did not recognise “\(answer)”: choose from \(Self.choices)."
        case .capacityNotANumber(let answer, let range):
            "“\(answer)” is not a number of mentees: write a number from \(range.lowerBound) to \(range.upperBound)."
        case .capacityOutOfRange(let number, let range):
            "A mentor can take \(range.lowerBound) to \(range.upperBound) mentees at once; you wrote \(number)."
        case .unknownMailLanguage(let answer): "Mail language: we did not recognise “\(answer)”; we keep writing as before."
        case .timeZoneFromLocation(let location, let zone): "Time zone read from your location “\(location)”: \(zone)."
        case .notLanguages(let items): "Not read as languages: \(items.joined(separator: ", "))."
        case .readAsLanguage(let written, let name): "We read “\(written)” as \(name)."
        case .readAsLabel(let written, let field): "We read “\(written)” as “\(field.label)”."
        case .assumedEmail: "No interaction style given: we assume email."
        case .notWaysToMeet(let items): "Not read as ways to meet: \(items.joined(separator: ", ")) (we know \(Self.choices))."
        case .assumedCapacity(let count): "No capacity given: we assume \(count) mentee at a time."
        case .shortened(let field, let limit): "\(field.label) was shortened to \(limit) characters."
        case .notUnderstood(let field, let words, let read):
            "We did not understand \(words.map { "“\($0)”" }.joined(separator: ", "))"
                + (field == .languages ? " as a language"
                    + (read.isEmpty ? "" : " (we did read \(ProfileWording.english.list(read)): it is in the line below)")
                    + ": write language names in English or in the language itself."
                    : ": choose from \(Self.choices).")
        }
    }

    func spanish(_ wording: ProfileWording) -> String {
        let choices = InteractionStyle.allCases.map(wording.interaction).joined(separator: ", ")
        return switch self {
        case .unknownRole(let answer): "No conocemos el rol «\(answer)»: escribe mentor/a, mentee o ambos."
        case .noRole: "Dinos si quieres ser mentor/a, mentee o ambos."
        case .unknownMentoringType(let answer):
            "«\(answer)» no es un tipo de mentoría que ofrezcamos: escribe técnica, profesional o ambas."
        case .noMentoringType: "Elige técnica, profesional o ambas."
        case .unknownTimeZone(let answer):
            "No encontramos la zona horaria «\(answer)»: escribe una zona como Europe/Madrid, "
                + "una diferencia como UTC+2 o una ciudad grande cerca de ti."
        case .noTimeZone(let unplaced):
            "Dinos tu zona horaria\(unplaced.map { " (no supimos situar «\($0)»)" } ?? ""), "
                + "para emparejarte con personas con las que puedas reunirte."
        case .noLanguages: "Escribe los idiomas que puedes usar en la mentoría."
        case .unknownLanguages(let answer):
            "No reconocemos «\(answer)» como idioma: escribe el nombre del idioma en español, en inglés o en el propio idioma."
        case .unknownInteraction(let answer): "No reconocemos «\(answer)»: elige entre \(choices)."
        case .capacityNotANumber(let answer, let range):
            "«\(answer)» no es un número de mentees: escribe un número del \(range.lowerBound) al \(range.upperBound)."
        case .capacityOutOfRange(let number, let range):
            "Una mentora o un mentor puede acompañar de \(range.lowerBound) a \(range.upperBound) mentees a la vez; escribiste \(number)."
        case .unknownMailLanguage(let answer):
            "Idioma del correo: no reconocemos «\(answer)»; seguimos escribiéndote como hasta ahora."
        case .timeZoneFromLocation(let location, let zone): "Zona horaria deducida de tu ubicación «\(location)»: \(zone)."
        case .notLanguages(let items): "No lo hemos leído como idioma: \(items.joined(separator: ", "))."
        case .readAsLanguage(let written, let name): "Hemos leído «\(written)» como \(wording.languageName(name))."
        case .readAsLabel(let written, let field): "Hemos leído «\(written)» como «\(wording.label(field))»."
        case .assumedEmail: "No indicaste forma de contacto: suponemos email."
        case .notWaysToMeet(let items):
            "No lo hemos leído como forma de contacto: \(items.joined(separator: ", ")) (conocemos \(choices))."
        case .assumedCapacity(let count): "No indicaste capacidad: suponemos \(wording.capacity(count))."
        case .shortened(let field, let limit): "Hemos acortado «\(wording.label(field))» a \(limit) caracteres."
        case .notUnderstood(let field, let words, let read):
            "No entendimos \(words.map { "«\($0)»" }.joined(separator: ", "))"
                + (field == .languages ? " como idioma"
                    + (read.isEmpty ? "" : " (sí leímos \(wording.list(read.map(wording.languageName))): está en la línea de abajo)")
                    + ": escribe el nombre del idioma en español, en inglés o en el propio idioma."
                    : ": elige entre \(choices).")
        }
    }
}
