import Foundation

/// A sentence that changes the kind of mentoring, the areas or the ways to meet over what is
/// stored: "make it career, not technical" and "Cinder rather than Nova" (what is wanted and what
/// is set aside), "switch me over to career mentoring" and "career instead, please" (what is
/// wanted replaces the rest), "I can also do email" and "please add Cinder" (added), "please
/// drop IRC" and "remove Nova from my areas" (taken away). A value named with none of these
/// is no change ("I'm not technical", "I'll email you", "we talked on IRC").
struct ChangeOfMind: Equatable {
    var field: SignupField
    /// As stored: "career", "irc", "nova".
    var wanted: [String]
    var setAside: [String]
    /// What is wanted replaces every value held ("switch me to career", "video instead").
    var replaces = false

    /// The fields a change of mind is read for.
    static let fields: [SignupField] = [.mentoringType, .areas, .interaction]

    /// The changes `own`'s sentences say, one per field, in the order of `fields`.
    static func read(_ own: OwnText, vocabulary: EnrollmentVocabulary) -> [ChangeOfMind] {
        var changes: [ChangeOfMind] = []
        // One change per field: a later sentence's goes over an earlier one's.
        func keep(_ change: ChangeOfMind) {
            if let index = changes.firstIndex(where: { $0.field == change.field }) { changes[index].merge(change) } else { changes.append(change) }
        }
        for sentence in own.sentences {
            if let change = cjkKind(in: sentence) { keep(change) }
            let words = EnrollmentText.words(sentence)
            guard words.contains(where: cues.contains) else { continue }
            let switching = words.contains(where: switchVerbs.contains)
            let adding = words.contains(where: addWords.contains) || zip(words, words.dropFirst()).contains { $0 == "as" && $1 == "well" }
            let insteadAlone = words.indices.contains { index in
                insteadWords.contains(words[index]) && words[(index + 1)...].allSatisfy { Courtesy.words.contains($0) || politeness.contains($0) }
            }
            for field in fields {
                var wanted: [String] = [], setAside: [String] = [], removed: [String] = [], switchedTo: [String] = []
                for (index, value) in values(of: field, in: words, vocabulary: vocabulary) {
                    if removes(at: index, in: words) {
                        removed.append(value)
                    } else if setsAside(at: index, in: words) || (switching && follows(fromWords, at: index, in: words)) {
                        setAside.append(value)
                    } else if switching && follows(toWords, at: index, in: words) {
                        switchedTo.append(value)
                    } else {
                        wanted.append(value)
                    }
                }
                var change: ChangeOfMind
                if !switchedTo.isEmpty {
                    // "Switch me from technical to career": what is left said; "switch me to career": all of it.
                    change = ChangeOfMind(field: field, wanted: switchedTo + wanted, setAside: setAside + removed, replaces: setAside.isEmpty && removed.isEmpty)
                } else if !removed.isEmpty || (!wanted.isEmpty && !setAside.isEmpty) {
                    change = ChangeOfMind(field: field, wanted: wanted, setAside: setAside + removed)
                } else if !wanted.isEmpty, insteadAlone {
                    change = ChangeOfMind(field: field, wanted: wanted, setAside: [], replaces: true)
                } else if !wanted.isEmpty, adding {
                    change = ChangeOfMind(field: field, wanted: wanted, setAside: [])
                } else {
                    continue
                }
                change.wanted = unique(change.wanted.filter { !change.setAside.contains($0) })
                change.setAside = unique(change.setAside)
                keep(change)
            }
        }
        return changes.sorted { fields.firstIndex(of: $0.field) ?? 0 < fields.firstIndex(of: $1.field) ?? 0 }
    }

    /// A change of the kind of mentoring in Chinese or Japanese: "キャリアではなく技術的なメン
    /// タリングだけにしてください" (technical, not career), "技術に変更してください" (switch to
    /// technical), "我不要职业指导，只要技术指导", "请把我改成技术指导"; nil when the sentence
    /// names no kind with such words.
    static func cjkKind(in sentence: String) -> ChangeOfMind? {
        guard CJKPhrases.has(sentence) else { return nil }
        var wanted: [String] = [], setAside: [String] = [], replaces = false
        for (kind, names) in CJKPhrases.kindWords {
            for name in names {
                var from = sentence.startIndex
                while let found = sentence.range(of: name, range: from..<sentence.endIndex) {
                    from = found.upperBound
                    let before = String(sentence[..<found.lowerBound].suffix(4))
                    let after = String(sentence[found.upperBound...].prefix { !"、。，,！!？?".contains($0) }.prefix(14))
                    if cjkSetAsideAfter.contains(where: after.hasPrefix) || cjkSetAsideBefore.contains(where: before.hasSuffix) {
                        if !setAside.contains(kind) { setAside.append(kind) }
                    } else if cjkOnlyAfter.contains(where: after.contains) || cjkOnlyBefore.contains(where: before.hasSuffix) {
                        if !wanted.contains(kind) { wanted.append(kind) }
                        replaces = true
                    }
                }
            }
        }
        wanted.removeAll(where: setAside.contains)
        guard !wanted.isEmpty else { return nil }
        return ChangeOfMind(field: .mentoringType, wanted: wanted, setAside: setAside, replaces: replaces && setAside.isEmpty)
    }

    /// "…ではなく" (not …), "不要…" (I don't want …): what is set aside.
    private static let cjkSetAsideAfter = ["ではなく", "じゃなく", "ではない", "じゃない", "はいらない", "は要らない"]
    private static let cjkSetAsideBefore = ["不要", "不是", "不想要", "別", "别"]
    /// "…だけ", "…のみ" (only …), "…に変更" (changed to …), "只要…", "改成…": what replaces the field.
    private static let cjkOnlyAfter = ["だけ", "のみ", "に変更", "に変え", "に切り替え", "へ変更"]
    private static let cjkOnlyBefore = ["只要", "只", "改成", "换成", "換成", "改为", "改為", "而是"]

    /// `later`, said in a later sentence of the same message, over this change.
    private mutating func merge(_ later: ChangeOfMind) {
        if later.replaces {
            self = later
            return
        }
        wanted = Self.unique(wanted.filter { !later.setAside.contains($0) } + later.wanted)
        setAside = Self.unique(setAside.filter { !later.wanted.contains($0) } + later.setAside)
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// The field's values, as stored, in the order `profile` (when given) and the change make
    /// them: those held but set aside go, the wanted ones come in.
    func values(over profile: ParticipantProfile?) -> [String] {
        let kept = replaces ? [] : held(in: profile).filter { !setAside.contains($0) }
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
        return wanted.allSatisfy(held.contains) && !setAside.contains(where: held.contains) && (!replaces || held.allSatisfy(wanted.contains))
    }

    /// Whether the change leaves the field with a value over `profile` ("drop IRC" of someone
    /// who meets only on IRC does not).
    func leavesAValue(over profile: ParticipantProfile?) -> Bool {
        !values(over: profile).isEmpty || (field == .areas && !(profile?.freeTextAreas ?? []).isEmpty)
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
    static func styleName(_ stored: String) -> String {
        InteractionStyle.allCases.first { $0.storedName == stored }?.rawValue ?? stored
    }

    /// Words that set aside what follows them, folded: "not", "instead (of)", "(rather) than",
    /// "en lugar de", "en vez de", "au lieu de", "plutôt que", "statt", "invece di", "zamiast".
    static let markers: Set<String> = ParticipantRole.folded([
        "not", "than", "instead", "lugar", "vez", "lieu", "plutot", "statt", "anstatt", "nicht", "invece", "zamiast", "nao", "pas",
    ])

    /// Verbs of a switch, folded: "switch (me) to", "change it to", "cámbiame a", "auf … umstellen",
    /// "passer à", "mudar para".
    static let switchVerbs: Set<String> = ParticipantRole.folded([
        "switch", "switching", "change", "changing", "move", "swap", "cambiar", "cambia", "cambie", "cambiame", "cambiarme", "pasar",
        "pasame", "pasarme", "wechseln", "wechsle", "umstellen", "umsteigen", "andern", "ändern", "ändere", "stellt", "stellen",
        "passer", "passez", "changer", "changez", "basculer", "mudar", "mude", "muda", "mudem", "cambiare", "passare",
    ])

    /// What a switch goes to ("to career", "a carrera", "auf Karriere", "pour la vidéo") and comes from ("from technical").
    private static let toWords: Set<String> = ParticipantRole.folded(["to", "into", "a", "al", "auf", "zu", "zum", "zur", "au", "aux", "pour", "para", "en"])
    private static let fromWords: Set<String> = ["from", "von"]

    /// Words before a value that do not change what it is to the verb: "switch me to (the) career
    /// (track)", "cámbiame a (la) mentoría de carrera".
    private static let fillers: Set<String> = ParticipantRole.folded([
        "the", "a", "an", "my", "el", "la", "las", "los", "mi", "mis", "le", "les", "mon", "ma", "mes", "die", "der", "das", "den", "meine",
        "meinen", "o", "os", "as", "meu", "minha", "mentoring", "mentorship", "mentoria", "mentorat", "de", "only", "just", "also",
    ])

    /// Words that add what follows ("add Cinder", "I can also do email", "video too", "también").
    static let addWords: Set<String> = ParticipantRole.folded([
        "add", "adding", "also", "too", "additionally", "tambien", "ademas", "anade", "anadir", "anadid", "agrega", "agregar", "agregad",
        "auch", "zusatzlich", "hinzufugen", "aussi", "ajouter", "ajoutez", "ajoute", "tambem", "adicionar", "adicione", "anche",
        "aggiungere", "aggiungi",
    ])

    /// Verbs that take away what follows ("drop IRC", "remove Nova from my areas", "quita IRC").
    static let removeVerbs: Set<String> = ParticipantRole.folded([
        "drop", "remove", "delete", "quitar", "quita", "quitad", "quiten", "eliminar", "elimina", "eliminad", "sacar", "saca",
        "entfernen", "entferne", "entfernt", "streichen", "streiche", "streicht", "retirer", "retirez", "retire", "enlever", "enlevez",
        "enleve", "supprimer", "supprimez", "supprime", "tirar", "tire", "tirem", "remover", "remova", "togliere", "togli",
    ])

    /// Remove verbs that end a German sentence.
    private static let removeVerbsLast: Set<String> = ParticipantRole.folded(["streichen", "entfernen", "löschen", "rausnehmen", "herausnehmen", "weglassen"])

    /// "Instead" with nothing after it: what the sentence names replaces what is held ("video instead").
    private static let insteadWords: Set<String> = ParticipantRole.folded(["instead", "stattdessen", "cambio"])

    /// "Please", "por favor", "bitte", "s'il vous plaît", folded.
    private static let politeness: Set<String> = ParticipantRole.folded(["please", "pls", "por", "favor", "bitte", "s'il", "vous", "plait", "plaît", "prego", "obrigado", "obrigada"])

    /// Any word a change of mind needs: a sentence without one is skipped at once.
    private static let cues: Set<String> = markers.union(switchVerbs).union(addWords).union(removeVerbs).union(removeVerbsLast).union(insteadWords)
        .union(["well"])

    /// Whether the value at `index` is taken away by the verb before it: "drop (the) IRC", "no more IRC".
    private static func removes(at index: Int, in words: [String]) -> Bool {
        let skipped = words[..<index].reversed().prefix { fillers.contains($0) || $0 == "please" || $0 == "por" || $0 == "favor" }.count
        let before = Array(words[..<(index - skipped)].reversed())
        // German puts the verb last: "bitte IRC aus meinen Kontaktwegen streichen".
        if words[(index + 1)...].contains(where: removeVerbsLast.contains), !words[..<index].contains(where: addWords.contains) { return true }
        guard let first = before.first else { return false }
        // "drop IRC and video": the second goes with the first.
        if listLinks.contains(first), index - skipped >= 2 { return removes(at: index - skipped - 2, in: words) }
        return removeVerbs.contains(first) || (["more", "longer"].contains(first) && before.dropFirst().first == "no")
    }

    /// Words that join the items of a list: "IRC and video", "IRC o vídeo".
    private static let listLinks: Set<String> = ["and", "or", "y", "o", "e", "und", "oder", "et", "ou", "ed"]

    /// Whether the value at `index` follows one of `words` over fillers only: "to (the) career".
    private static func follows(_ prepositions: Set<String>, at index: Int, in words: [String]) -> Bool {
        words[..<index].reversed().drop { fillers.contains($0) && !prepositions.contains($0) }.first.map(prepositions.contains) == true
    }

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
