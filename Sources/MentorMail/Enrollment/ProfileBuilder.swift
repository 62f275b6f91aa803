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
        public var notes: [String]
        public var isComplete: Bool { problems.isEmpty }
    }

    public func build(from form: SignupForm, over stored: ParticipantProfile?) -> Result {
        let answered = form.answeredFields
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
        }
        if profile.isMentor {
            if answered.contains(.capacity) || base.capacity < vocabulary.capacityRange.lowerBound {
                profile.capacity = form.capacity ?? vocabulary.capacityRange.lowerBound
            }
        } else {
            profile.capacity = 0
        }
        profile.availability = pick(.availability, form.availability ?? "", base.availability)
        profile.aboutMe = pick(.aboutMe, form.aboutMe ?? "", base.aboutMe)
        for field in form.unknownFields { profile.extra[field.key] = field.value }

        // Keep a problem when the form answered that field wrongly, or when the field is still empty.
        let problems = form.problems.filter { problem in
            answered.contains(problem.field) || Self.isEmpty(problem.field, in: profile)
        }
        let notes = stored == nil ? form.notes : form.notes.filter { note in
            // Defaults the parser applied do not concern fields the stored profile already had.
            !(note.hasPrefix("No capacity given") && !answered.contains(.capacity))
                && !(note.lowercased().contains("email") && !answered.contains(.interaction))
        }
        return Result(profile: profile, problems: problems, notes: notes)
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
    public func summary(of profile: ParticipantProfile, at date: Date) -> [(label: String, value: String)] {
        var lines: [(String, String)] = []
        lines.append(("Role", profile.role.isEmpty ? "(missing)" : profile.role))
        lines.append(("Name", profile.name.isEmpty ? "(missing)" : profile.name))
        lines.append(("Mentoring type", profile.mentoringTypes.isEmpty ? "(missing)" : profile.mentoringTypes.joined(separator: " and ")))
        var areas = profile.areas.map { vocabulary.area(named: $0)?.displayName ?? $0 }.joined(separator: ", ")
        if !profile.freeTextAreas.isEmpty {
            areas += (areas.isEmpty ? "" : "; ") + "kept as free text: " + profile.freeTextAreas.joined(separator: ", ")
        }
        lines.append(("Areas", areas.isEmpty ? "(none given)" : areas))
        let zone = profile.timeZone.isEmpty ? "(missing)"
            : (TimeZoneInterpreter.interpret(profile.timeZone)?.summary(at: date) ?? profile.timeZone)
        lines.append(("Time zone", zone))
        lines.append(("Languages", profile.languages.isEmpty ? "(missing)" : profile.languages.joined(separator: ", ")))
        let styles = profile.interactions.map { InteractionStyle(storedName: $0)?.label ?? $0 }
        lines.append(("Interaction", styles.isEmpty ? "(none given)" : styles.joined(separator: ", ")))
        if profile.isMentor { lines.append(("Capacity", "\(profile.capacity) mentee\(profile.capacity == 1 ? "" : "s") at a time")) }
        if !profile.availability.isEmpty { lines.append(("Availability", profile.availability)) }
        if !profile.aboutMe.isEmpty { lines.append(("About me", profile.aboutMe)) }
        return lines
    }
}

extension InteractionStyle {
    /// Reads the stored name back ("in-person" → `.inPerson`).
    init?(storedName: String) {
        if let style = InteractionStyle.allCases.first(where: { $0.storedName == storedName }) { self = style } else { return nil }
    }
}
