import Foundation

/// The person's own words beside a form (or in a change written in sentences) that the stored
/// profile does not reflect: said back in the answer ("we could not place: …") rather than
/// dropped without a word. Greetings, thanks and talk about the form itself are not.
enum UnplacedSentences {
    /// The clauses of the non-form lines of `newText` (up to a sign-off) that neither say
    /// something `profile` holds nor are courtesy, nor lines of `ours` (the mail of ours it
    /// answers, filled in in place without quoting), as written.
    static func read(newText: String, profile: ParticipantProfile, vocabulary: EnrollmentVocabulary, ours: SentText? = nil) -> [String] {
        var lines: [String] = []
        // Not the form's own lines, nor the lines an About me or a wrapped value goes on over.
        for line in SignupFormLine.lines(of: SignupFormParser.ownFormLines(in: newText)?.rest ?? newText) {
            if line.isSeparator || line.isAttribution || line.isSignOff { break }
            if ours?.contains(folded: EnrollmentText.fold(line.text)) == true { continue }
            if line.depth == 0, !line.isBlank, !line.isKeyLine { lines.append(line.text) }
        }
        let own = OwnText(lines.joined(separator: "\n"))
        let parser = SignupFormParser(vocabulary: vocabulary)
        let builder = ProfileBuilder(vocabulary: vocabulary)
        var unplaced: [String] = []
        // "…career, not technical": the clause that sets a value aside is part of a change made.
        let changes = ChangeOfMind.read(own, vocabulary: vocabulary).filter { $0.isMade(in: profile) }
        for clause in own.clauses.joined() {
            // "I can also do email now", "please drop IRC": a change the profile shows. One it does
            // not ("drop IRC" of the only way to meet) is said back, whatever values it names.
            let asked = ChangeOfMind.read(OwnText(clause.text), vocabulary: vocabulary)
            if asked.contains(where: { $0.isMade(in: profile) }) { continue }
            if !asked.isEmpty {
                unplaced.append(clause.text.trimmingCharacters(in: CharacterSet(charactersIn: ".!:; ")))
                continue
            }
            let said = ProseSignup.read(text: clause.text, vocabulary: vocabulary)
            if let wished = said.mailLanguage, profile.mailLanguageChosen == true, profile.mailLanguage == wished { continue }
            let answers = said.answersWithRole
            if answers.isEmpty {
                guard clause.words.count > 3, !clause.words.allSatisfy({ Courtesy.words.contains($0) || formTalk.contains($0) }),
                      !asksToJoinOnly(clause.text), !isApology(clause.words) else { continue }
            } else {
                let form = parser.parse(answers.map { "\($0.field.label): \($0.value)" }.joined(separator: "\n"))
                if builder.holds(form, in: profile) || ChangeOfMind.onlySetAside(clause.words, by: changes, vocabulary: vocabulary) { continue }
            }
            unplaced.append(clause.text.trimmingCharacters(in: CharacterSet(charactersIn: ".!:; ")))
        }
        return unplaced
    }

    /// The form's lines, in `wording`'s language, for what the `unplaced` clauses name that
    /// `profile` does not hold ("switch me to career mentoring" → "Mentoring type: career"):
    /// what to send when a change was meant. A role, capacity, time zone or availability is one
    /// line; several clauses naming one field give the first.
    static func lines(for unplaced: [String], profile: ParticipantProfile, vocabulary: EnrollmentVocabulary, wording: ProfileWording) -> [String] {
        let parser = SignupFormParser(vocabulary: vocabulary)
        let builder = ProfileBuilder(vocabulary: vocabulary)
        var lines: [(SignupField, String)] = []
        for clause in unplaced {
            let said = keepingHeld(ProseSignup.read(text: clause, vocabulary: vocabulary), in: clause, profile: profile, vocabulary: vocabulary)
                .worded(wording, vocabulary: vocabulary)
            for answer in said.answersWithRole where !lines.contains(where: { $0.0 == answer.field }) {
                let value = answer.field == .role ? wording.role(answer.value) : answer.value
                guard !builder.holds(parser.parse("\(answer.field.label): \(answer.value)"), in: profile) else { continue }
                lines.append((answer.field, "\(wording.label(answer.field)): \(value)"))
            }
        }
        return lines.map(\.1)
    }

    /// `said` with the values `profile` holds kept in its lists, as a line replaces its whole
    /// field: "I also speak French" offers "Languages: German, English, French", never
    /// "Languages: French". Languages are always kept (no one unlearns one by naming another);
    /// areas, kinds and ways to meet when the clause adds ("also", "too", "add").
    private static func keepingHeld(_ said: ProseSignup, in clause: String, profile: ParticipantProfile,
                                    vocabulary: EnrollmentVocabulary) -> ProseSignup {
        func union(_ held: [String], _ value: String?, key: (String) -> String = { $0 }) -> String? {
            guard let value else { return nil }
            let new = value.components(separatedBy: ", ").map(key)
            return (held + new.filter { !held.contains($0) }).joined(separator: ", ")
        }
        var kept = said
        kept.languages = union(profile.languages, said.languages)
        guard EnrollmentText.words(clause).contains(where: ChangeOfMind.addWords.contains) else { return kept }
        kept.areas = union(profile.areas, said.areas) { vocabulary.areaName(for: $0) ?? $0 }.map { areas in
            ([areas] + profile.freeTextAreas).joined(separator: ", ")
        }
        kept.mentoringType = union(profile.mentoringTypes, said.mentoringType)
        kept.interaction = union(profile.interactions.map(ChangeOfMind.styleName), said.interaction)
        return kept
    }

    /// "Sorry if that wasn't clear", "sorry for the back and forth", "perdón por la confusión":
    /// an apology for the writing itself, which says nothing to place.
    static func isApology(_ words: [String]) -> Bool {
        guard let first = words.first, apologies.contains(first) else { return false }
        return words.dropFirst().allSatisfy { apologies.contains($0) || apologyTalk.contains($0) || Courtesy.words.contains($0) || formTalk.contains($0) }
    }

    static let apologies: Set<String> = Set([
        "sorry", "apologies", "apologise", "apologize", "perdon", "perdona", "perdone", "disculpa", "disculpas", "disculpad",
        "entschuldigung", "entschuldige", "sorry", "desole", "desolee", "pardon", "desculpa", "desculpe", "scusa", "scusate", "scusami",
    ].map { EnrollmentText.fold($0) })

    /// What an apology for the writing is about: the confusion, the back and forth, an earlier mail.
    static let apologyTalk: Set<String> = Set([
        "if", "that", "this", "wasn't", "wasnt", "isn't", "not", "clear", "unclear", "confusing", "confusion", "back", "forth",
        "mix", "up", "mixup", "mistake", "my", "bad", "earlier", "before", "previous", "last", "first", "change", "changes",
        "of", "mind", "typo", "typos", "trouble", "noise", "spam", "double", "twice", "delay", "late", "again", "about",
        "por", "la", "confusion", "lio", "error", "si", "no", "quedo", "claro", "fur", "die", "verwirrung", "das", "hin", "und",
        "her", "pour", "le", "malentendu", "pela", "confusao", "per", "il",
    ].map { EnrollmentText.fold($0) })

    /// "I'd like to sign up for the mentoring program", "me gustaría apuntarme al programa": a
    /// clause that asks to join, and says nothing else than joining words, the program and
    /// courtesy, which the form beside it answers.
    static func asksToJoinOnly(_ clause: String) -> Bool {
        let own = OwnText(clause)
        guard JoinWords.asksToJoin(in: own) else { return false }
        return own.clauses.joined().allSatisfy { clause in
            clause.words.allSatisfy { Courtesy.words.contains($0) || formTalk.contains($0) || JoinWords.joinWords.contains($0) || joinTalk.contains($0) }
        }
    }

    /// The rest of a request to join: wanting, the program, articles and prepositions.
    static let joinTalk: Set<String> = Set([
        "i", "i'd", "id", "would", "like", "love", "want", "to", "for", "the", "a", "this", "mentoring", "program", "programme",
        "up", "me", "gustaria", "quiero", "quisiera", "al", "el", "la", "programa", "de", "mentoria", "je", "voudrais",
        "veux", "au", "programme", "ich", "mochte", "will", "am", "beim", "zum", "programm", "eu", "gostaria", "quero", "ao",
        "do", "no", "mentoria", "en", "in",
    ].map { EnrollmentText.fold($0) })

    /// Words about sending the form back ("here is my form", "aquí va mi formulario", "sorry,
    /// forgot to say"), folded: with courtesy words only, a clause says nothing to place.
    static let formTalk: Set<String> = Set([
        "here", "is", "are", "my", "your", "form", "filled", "fill", "in", "out", "attached", "below", "above", "go", "goes",
        "right", "correct", "done", "answers", "answer", "details", "profile", "yes", "please", "find", "sorry", "forgot",
        "forget", "say", "mention", "oh", "ah", "also", "one", "more", "thing", "everything", "all", "as", "requested", "hope",
        "helps", "aqui", "va", "esta", "mi", "formulario", "todo", "bien", "listo", "si", "tu", "perdon", "olvide", "decir",
        "meu", "tudo", "certo", "pronto", "sim", "segue", "esqueci", "hier", "ist", "mein", "formular", "alles", "richtig",
        "ja", "anbei", "vergessen", "voici", "mon", "formulaire", "tout", "est", "bon", "oui", "oublie", "dire", "e", "y", "et",
        "van", "mis", "datos", "estan", "mes", "donnees", "meine", "daten", "dados", "meus", "seguem", "sind",
        "voila", "j'ai", "ai", "rempli", "remplie", "le", "i", "i've", "ive", "have", "the", "completed", "he", "rellenado",
        "preenchi", "habe", "das", "ausgefullt",
        // "Das stand doch schon alles im Formular!", "but that was all in the form already": the form said it.
        "but", "that", "was", "already", "pero", "eso", "ya", "estaba", "en", "el", "stand", "steht", "war", "doch", "schon",
        "im", "mas", "isso", "ja", "estava", "no", "mais", "c'etait", "deja", "dans",
    ].map { EnrollmentText.fold($0) })
}

extension ProfileBuilder {
    /// Whether `profile` already holds what `form` answers: the same role, time zone,
    /// capacity and availability, and each kind, area, language and way to meet among its own.
    func holds(_ form: SignupForm, in profile: ParticipantProfile) -> Bool {
        let built = build(from: form, over: profile).profile
        return form.answeredFields.allSatisfy { field in
            switch field {
            case .role: built.role == profile.role || (profile.role == ParticipantRole.both.rawValue && !built.role.isEmpty)
            case .mentoringType: Set(built.mentoringTypes).isSubset(of: profile.mentoringTypes)
            case .areas: Set(built.areas).isSubset(of: profile.areas) && Set(built.freeTextAreas).isSubset(of: profile.freeTextAreas)
            case .languages: Set(built.languages).isSubset(of: profile.languages)
            case .interaction: Set(built.interactions).isSubset(of: profile.interactions)
            case .timeZone: built.timeZone == profile.timeZone
            case .capacity: built.capacity == profile.capacity
            case .availability: built.availability == profile.availability
            case .name: built.name == profile.name
            case .aboutMe: built.aboutMe == profile.aboutMe
            }
        }
    }
}
