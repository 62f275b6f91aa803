import Foundation

extension SignupForm {
    /// One `Label: value` line per understood field, for the confirmation mail; absent
    /// fields are left out. The lines read back through `SignupFormParser` to the same
    /// values, so a person can correct one line of the confirmation and reply.
    ///
    ///     Role: mentee
    ///     Time zone: Europe/Madrid (UTC+01:00 now)
    ///     Areas: Nova, documentation; kept as free text: bare metal
    ///
    /// - Parameters:
    ///   - date: "now", for the time zone's current offset.
    ///   - vocabulary: gives the areas' display names.
    public func summaryLines(at date: Date, vocabulary: EnrollmentVocabulary) -> [String] {
        SignupField.allCases.compactMap { field in
            summary(of: field, at: date, vocabulary: vocabulary).map { "\(field.label): \($0)" }
        }
    }

    /// The value part of one summary line ("Europe/Madrid (UTC+01:00 now)"), or nil when absent.
    public func summary(of field: SignupField, at date: Date, vocabulary: EnrollmentVocabulary) -> String? {
        switch field {
        case .role:
            return role.map { $0 == .both ? "both (mentor and mentee)" : $0.rawValue }
        case .name:
            return name
        case .mentoringType:
            return mentoringType.map { $0 == .both ? "both (technical and career)" : $0.rawValue }
        case .areas:
            let known = areas.map { vocabulary.area(named: $0)?.displayName ?? $0 }.joined(separator: ", ")
            let free = freeTextAreas.isEmpty ? "" : "kept as free text: " + freeTextAreas.joined(separator: ", ")
            let parts = [known, free].filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        case .timeZone:
            return timeZone?.summary(at: date)
        case .languages:
            return languages.isEmpty ? nil : languages.joined(separator: ", ")
        case .interaction:
            return interaction.isEmpty ? nil : interaction.map(\.label).joined(separator: ", ")
        case .capacity:
            return capacity.map { "\($0) mentee\($0 == 1 ? "" : "s") at a time" }
        case .availability:
            return availability
        case .aboutMe:
            return aboutMe.map(EnrollmentText.collapse)
        }
    }
}
