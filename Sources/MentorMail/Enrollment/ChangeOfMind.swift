import Foundation

/// "Make it career, not technical", "I'd rather have career mentoring instead of technical",
/// "IRC, not email", "Cinder rather than Nova": a sentence that names, for the kind of
/// mentoring, the areas or the ways to meet, both what the writer wants and what they set aside.
/// One alone is no change ("I'm not technical", "I'll email you").
struct ChangeOfMind: Equatable {
    var field: SignupField
    /// As stored: "career", "irc", "nova".
    var wanted: [String]
    var setAside: [String]

    /// The fields a change of mind is read for.
    static let fields: [SignupField] = [.mentoringType, .areas, .interaction]

    /// The changes `own`'s sentences say, one per field, in the order of `fields`.
    static func read(_ own: OwnText, vocabulary: EnrollmentVocabulary) -> [ChangeOfMind] {
        var changes: [ChangeOfMind] = []
        for sentence in own.sentences {
            let words = EnrollmentText.words(sentence)
            guard words.contains(where: markers.contains) else { continue }
            for field in fields {
                var wanted: [String] = [], setAside: [String] = []
                for (index, value) in values(of: field, in: words, vocabulary: vocabulary) {
                    if setsAside(at: index, in: words) {
                        if !setAside.contains(value) { setAside.append(value) }
                    } else if !wanted.contains(value) {
                        wanted.append(value)
                    }
                }
                wanted.removeAll(where: setAside.contains)
                guard !wanted.isEmpty, !setAside.isEmpty else { continue }
                if let index = changes.firstIndex(where: { $0.field == field }) {
                    changes[index].wanted += wanted.filter { !changes[index].wanted.contains($0) }
                    changes[index].setAside += setAside.filter { !changes[index].setAside.contains($0) }
                } else {
                    changes.append(ChangeOfMind(field: field, wanted: wanted, setAside: setAside))
                }
            }
        }
        return changes.sorted { fields.firstIndex(of: $0.field) ?? 0 < fields.firstIndex(of: $1.field) ?? 0 }
    }

    /// The field's values, as stored, in the order `profile` (when given) and the change make
    /// them: those held but set aside go, the wanted ones come in.
    func values(over profile: ParticipantProfile?) -> [String] {
        let kept = held(in: profile).filter { !setAside.contains($0) }
        return kept + wanted.filter { !kept.contains($0) }
    }

    /// The field's values `profile` holds, as stored.
    private func held(in profile: ParticipantProfile?) -> [String] {
        switch field {
        case .mentoringType: profile?.mentoringTypes ?? []
        case .areas: profile?.areas ?? []
        case .interaction: profile?.interactionsAssumed == true ? [] : profile?.interactions.map(Self.styleName) ?? []
        default: []
        }
    }

    /// Whether `profile` shows the change: what is wanted held, nothing set aside.
    func isMade(in profile: ParticipantProfile) -> Bool {
        let held = held(in: profile)
        return wanted.allSatisfy(held.contains) && !setAside.contains(where: held.contains)
    }

    /// Whether `words` (a clause, folded) name only values that `changes` set aside: "not
    /// technical" of "make it career, not technical", which says no more than the change.
    static func onlySetAside(_ words: [String], by changes: [ChangeOfMind], vocabulary: EnrollmentVocabulary) -> Bool {
        let named = fields.flatMap { field in values(of: field, in: words, vocabulary: vocabulary).map { (field, $0.1) } }
        return !named.isEmpty && named.allSatisfy { field, value in changes.contains { $0.field == field && $0.setAside.contains(value) } }
    }

    /// The form's line for the change over `profile` ("Mentoring type: career", "Areas:
    /// documentation, Cinder, bare metal"): the areas kept as free text stay.
    func line(over profile: ParticipantProfile?, vocabulary: EnrollmentVocabulary) -> String {
        let values = values(over: profile)
        let written: [String]
        switch field {
        case .areas: written = values.map { vocabulary.area(named: $0)?.displayName ?? $0 } + (profile?.freeTextAreas ?? [])
        case .interaction: written = values.map { InteractionStyle(rawValue: $0)?.label ?? $0 }
        default: written = values
        }
        return "\(field.label): \(written.joined(separator: ", "))"
    }

    /// A stored way to meet ("in-person") as `InteractionStyle`'s raw value.
    private static func styleName(_ stored: String) -> String {
        InteractionStyle.allCases.first { $0.storedName == stored }?.rawValue ?? stored
    }

    /// Words that set aside what follows them, folded: "not", "instead (of)", "(rather) than",
    /// "en lugar de", "en vez de", "au lieu de", "plutôt que", "statt", "invece di", "zamiast".
    static let markers: Set<String> = ParticipantRole.folded([
        "not", "than", "instead", "lugar", "vez", "lieu", "plutot", "statt", "anstatt", "nicht", "invece", "zamiast", "nao", "pas",
    ])

    /// Words that may stand between a marker and what it sets aside: "not the technical one",
    /// "instead of (doing) technical mentoring".
    private static let between: Set<String> = ParticipantRole.beforeARole.union(ParticipantRole.folded([
        "mentoring", "mentorship", "via", "by", "on", "in", "with", "for", "through", "over", "por", "doing", "do", "any", "more",
        "so", "much", "really", "anymore", "one", "kind", "type", "sort",
    ]))

    /// Wanting, after a negation: "I don't want technical", "no quiero técnica".
    private static let wanting: Set<String> = ParticipantRole.folded(["want", "need", "like", "quiero", "necesito", "mochte", "will", "veux"])

    /// A list item up to a marker: "IRC" of "IRC instead of email", "" of "not Nova".
    static func withoutSetAside(_ item: String) -> String {
        var kept: [Substring] = []
        for word in item.split(whereSeparator: \.isWhitespace) {
            if markers.contains(EnrollmentText.fold(word.trimmingCharacters(in: .punctuationCharacters))) { break }
            kept.append(word)
        }
        // "rather than": "rather" goes with it.
        if let last = kept.last, EnrollmentText.fold(last) == "rather" { kept.removeLast() }
        return kept.count == item.split(whereSeparator: \.isWhitespace).count ? item : EnrollmentText.trim(kept.joined(separator: " "))
    }

    /// Whether the value at `index` is set aside by the words just before it.
    static func setsAside(at index: Int, in words: [String]) -> Bool {
        let before = words[..<index].reversed().drop { between.contains($0) }
        guard let first = before.first else { return false }
        if markers.contains(first) { return true }
        return wanting.contains(first) && before.dropFirst().first.map { CommandSentences.negations.contains($0) || $0.hasSuffix("n't") } == true
    }

    /// Ways to meet named by a word that is common in other senses ("meet", "call me", "I'm"):
    /// not read as one here.
    private static let vagueWays: Set<String> = ["im", "meet", "call", "calls", "element", "signal", "matrix", "teams", "events", "mail",
                                                 "conference", "conferences", "phone"]

    /// The values of `field` named in `words`, with where each starts.
    private static func values(of field: SignupField, in words: [String], vocabulary: EnrollmentVocabulary) -> [(Int, String)] {
        var found: [(Int, String)] = []
        var index = 0
        while index < words.count {
            var length = 1
            switch field {
            case .mentoringType:
                if let kind = ProseSignup.kindWords.first(where: { $0.1.contains(words[index]) })?.0 { found.append((index, kind)) }
            case .areas:
                for span in stride(from: min(3, words.count - index), through: 1, by: -1) {
                    guard let name = vocabulary.areaName(forFolded: words[index..<index + span].joined(separator: " ")) else { continue }
                    found.append((index, name))
                    length = span
                    break
                }
            default:
                for span in stride(from: min(3, words.count - index), through: 1, by: -1) {
                    let phrase = words[index..<index + span].joined(separator: " ")
                    guard !vagueWays.contains(phrase), let style = InteractionStyle.named(phrase) else { continue }
                    found.append((index, style.rawValue))
                    length = span
                    break
                }
            }
            index += length
        }
        return found
    }
}
