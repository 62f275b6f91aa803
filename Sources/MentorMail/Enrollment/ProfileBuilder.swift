import Foundation

/// Turns a parsed sign-up form into a stored profile, merged over the stored one.
///
/// A participant fixing one line ("Time zone: Europe/Berlin") sends only that line: the
/// fields the form answered replace the stored ones, the rest stay, and a field is only
/// reported missing when neither the form nor the stored profile has it.
public struct ProfileBuilder: Sendable {
    public var vocabulary: EnrollmentVocabulary

    public init(vocabulary: EnrollmentVocabulary) {
        self.vocabulary = vocabulary
    }

    public struct Result: Sendable {
        public var profile: ParticipantProfile
        public var problems: [FormProblem]
        /// Lines answered but not read, where the stored value stays: said back, never missing.
        public var unread: [FormProblem] = []
        public var notes: [FormPhrase]
        public var isComplete: Bool { problems.isEmpty }
    }

    /// `keepingPartlyRead`: a line read only in part over a stored value ("Languages: English,
    /// Klingon") keeps that value too, as one not read at all (a participant's mail; a
    /// coordinator's import keeps what was read).
    public func build(from form: SignupForm, over stored: ParticipantProfile?, keepingPartlyRead: Bool = false) -> Result {
        // A line that cannot be read over a value already stored changes nothing: the value stays.
        let unread = stored.map { stored in
            form.problems.filter { form.answeredFields.contains($0.field) && form.gaveNoValue(for: $0.field) && !Self.isEmpty($0.field, in: stored) }
                + (keepingPartlyRead ? partlyRead(form, over: stored) : [])
        } ?? []
        let unreadFields = Set(unread.map(\.field))
        let answered = form.answeredFields.subtracting(unreadFields)
        let base = stored ?? .erased
        func pick<T>(_ field: SignupField, _ new: T, _ old: T) -> T {
            answered.contains(field) || stored == nil ? new : old
        }
        var profile = base
        profile.role = pick(.role, form.role?.rawValue ?? "", base.role)
        if answered.contains(.name) || base.name.isEmpty { profile.name = form.name ?? base.name }
        profile.mentoringTypes = pick(.mentoringType, form.mentoringType?.expanded.map(\.rawValue) ?? [], base.mentoringTypes)
        if answered.contains(.areas) || stored == nil {
            profile.areas = form.areas
            profile.freeTextAreas = form.freeTextAreas
        }
        profile.timeZone = pick(.timeZone, form.timeZone?.label ?? "", base.timeZone)
        profile.languages = pick(.languages, form.languages, base.languages)
        if answered.contains(.interaction) || base.interactions.isEmpty {
            profile.interactions = form.interaction.map(\.storedName)
            profile.interactionsAssumed = form.notes.contains(.assumedEmail) ? true : nil
        }
        if profile.isMentor {
            if answered.contains(.capacity) {
                // Answered but not read (a problem names it): the stored number stays, or none is
                // shown, never a default beside the problem.
                if let capacity = form.capacity {
                    profile.capacity = capacity
                } else if base.capacity < vocabulary.capacityRange.lowerBound {
                    profile.capacity = 0
                }
            } else if base.capacity < vocabulary.capacityRange.lowerBound {
                profile.capacity = form.capacity ?? vocabulary.capacityRange.lowerBound
            }
        } else {
            profile.capacity = 0
        }
        profile.availability = pick(.availability, form.availability ?? "", base.availability)
        profile.aboutMe = pick(.aboutMe, form.aboutMe ?? "", base.aboutMe)
        for field in form.unknownFields { profile.extra[field.key] = field.value }
        if let language = form.mailLanguage {
            profile.mailLanguage = language
            profile.mailLanguageChosen = true
        }

        // Keep a problem when the form answered that field wrongly, or when the field is still empty.
        var problems = form.problems.filter { problem in
            !unread.contains(problem) && (answered.contains(problem.field) || Self.isEmpty(problem.field, in: profile))
        }
        // In a participant's mail, words of the languages line that name none are never dropped:
        // over a stored value the line is unread (above), else they are to fix.
        if keepingPartlyRead && !unreadFields.contains(.languages) {
            for case .notLanguages(let words) in form.notes { problems.append(FormProblem(field: .languages, .notUnderstood(.languages, words))) }
        }
        let notes = form.notes.filter { note in
            // Defaults the parser applied do not concern fields the stored profile already had,
            // and the words of a line kept unread or to fix are named with it.
            if case .notLanguages = note, keepingPartlyRead { return false }
            guard stored != nil else { return true }
            return switch note {
            case .assumedCapacity: answered.contains(.capacity)
            case .assumedEmail: answered.contains(.interaction)
            case .notLanguages: !unreadFields.contains(.languages)
            case .notWaysToMeet: !unreadFields.contains(.interaction)
            default: true
            }
        }
        return Result(profile: profile, problems: problems, unread: unread, notes: notes)
    }

    /// The lines of fields `stored` has that were read only in part, each naming the words not
    /// understood and what can be written: languages and ways to meet with words that are none.
    /// An area the vocabulary does not know is no such word: it is kept as free text, as at
    /// sign-up, and matched as written.
    /// Languages it did read that `stored` lacks are named, and the line to copy keeps the
    /// stored ones and adds them ("Languages: English, Hindi, Tamil").
    func partlyRead(_ form: SignupForm, over stored: ParticipantProfile) -> [FormProblem] {
        var lines: [FormProblem] = []
        func add(_ field: SignupField, _ words: [String], read: [String] = []) {
            guard !words.isEmpty, form.answeredFields.contains(field), !form.gaveNoValue(for: field), !Self.isEmpty(field, in: stored) else { return }
            lines.append(FormProblem(field: field, .notUnderstood(field, words, read: read),
                                     exampleLanguages: read.isEmpty ? nil : stored.languages + read))
        }
        for note in form.notes {
            if case .notLanguages(let words) = note { add(.languages, words, read: form.languages.filter { !stored.languages.contains($0) }) }
            if case .notWaysToMeet(let words) = note { add(.interaction, words) }
        }
        return lines
    }

    static func isEmpty(_ field: SignupField, in profile: ParticipantProfile) -> Bool {
        switch field {
        case .role: profile.role.isEmpty
        case .name: profile.name.isEmpty
        case .mentoringType: profile.mentoringTypes.isEmpty
        case .areas: profile.areas.isEmpty && profile.freeTextAreas.isEmpty
        case .timeZone: profile.timeZone.isEmpty
        case .languages: profile.languages.isEmpty
        case .interaction: profile.interactions.isEmpty
        case .capacity: profile.isMentor && profile.capacity == 0
        case .availability: profile.availability.isEmpty
        case .aboutMe: profile.aboutMe.isEmpty
        }
    }

    /// The profile as "Label: value" pairs for the confirmation mail.
    /// The profile as a mail shows it, line by line, worded for the mail's language.
    public func summary(of profile: ParticipantProfile, at date: Date,
                        wording: ProfileWording = .english) -> [(label: String, value: String)] {
        var lines: [(String, String)] = []
        func add(_ field: SignupField, _ value: String) { lines.append((wording.label(field), value)) }
        add(.role, profile.role.isEmpty ? wording.missing : wording.role(profile.role))
        add(.name, profile.name.isEmpty ? wording.missing : profile.name)
        add(.mentoringType, profile.mentoringTypes.isEmpty ? wording.missing : wording.mentoringTypes(profile.mentoringTypes))
        var areas = profile.areas.map { vocabulary.displayName(ofArea: $0, language: wording.language) }.joined(separator: ", ")
        if !profile.freeTextAreas.isEmpty {
            areas += (areas.isEmpty ? "" : "; ") + wording.freeTextMarker + " " + profile.freeTextAreas.joined(separator: ", ")
        }
        add(.areas, areas.isEmpty ? wording.noneGiven : areas)
        let zone = profile.timeZone.isEmpty ? wording.missing
            : (TimeZoneInterpreter.interpret(profile.timeZone).map { wording.timeZone($0, at: date) } ?? profile.timeZone)
        add(.timeZone, zone)
        add(.languages, profile.languages.isEmpty ? wording.missing : profile.languages.map(wording.languageName).joined(separator: ", "))
        let styles = profile.interactions.map { InteractionStyle(storedName: $0).map(wording.interaction) ?? $0 }
        add(.interaction, styles.isEmpty ? wording.noneGiven
            : styles.joined(separator: ", ") + (profile.interactionsAssumed == true ? " " + wording.assumedMarker : ""))
        if profile.isMentor { add(.capacity, profile.capacity == 0 ? wording.missing : wording.capacity(profile.capacity)) }
        if !profile.availability.isEmpty { add(.availability, profile.availability) }
        if !profile.aboutMe.isEmpty { add(.aboutMe, profile.aboutMe) }
        if profile.mailLanguageChosen == true, let code = profile.mailLanguage {
            lines.append((wording.mailLanguageLabel, wording.mailLanguageName(code)))
        }
        return lines
    }
}

extension InteractionStyle {
    /// Reads the stored name back ("in-person" → `.inPerson`).
    init?(storedName: String) {
        if let style = InteractionStyle.allCases.first(where: { $0.storedName == storedName }) { self = style } else { return nil }
    }
}
