import Foundation

/// What a newcomer's first message already says, to fill in on the sign-up form sent back:
/// its own form lines ("Name: Pia Novak"), else its sentences (`ProseSignup`), and the name from
/// the From header when it looks like a person's, else the name its sentences say. A value is kept only when the form reader
/// understands it as it stands.
struct FormPrefill {
    var role: ParticipantRole?
    var name: String?
    var lines: SignupFormMail.Prefill?

    /// `prose`: what `own`'s sentences say (`ProseSignup.read(own, vocabulary:)`). `wording`: the
    /// form's language, in which what was read from sentences is written ("técnica", "español");
    /// lines the person wrote stay as they wrote them.
    init(own: OwnText, prose: ProseSignup, senderName: String?, vocabulary: EnrollmentVocabulary, wording: ProfileWording = .english) {
        var answers = SignupFormParser.answers(in: SignupFormLine.lines(of: own.text))
        // A label inside a sentence ("… Languages: Portugues, Englis and Spansh. Interested in
        // Glance.") answers a choice up to the sentence's end, not the rest of the paragraph,
        // nor its full stop ("Area: Horizon.").
        for (field, value) in answers.values where field.isChoice {
            let sentences = SentenceEnds.split(value)
            if let first = sentences.first, sentences.count > 1 || value.hasSuffix(".") {
                answers.values[field] = EnrollmentText.trim(first.trimmingCharacters(in: CharacterSet(charactersIn: ". ")))
            }
        }
        let form = SignupFormReader(vocabulary: vocabulary).read(answers, senderName: nil)
        func line(_ field: SignupField) -> String? {
            guard let value = answers.values[field], !form.problems.contains(where: { $0.field == field }) else { return nil }
            // Languages nearly spelt ("Englis") are written as the form reader reads them.
            if field == .languages, case let read = LanguageNames.read(value), !read.nearly.isEmpty, read.unknown.isEmpty {
                return read.languages.map(wording.languageName).joined(separator: ", ")
            }
            return value
        }
        let prose = prose.worded(wording, vocabulary: vocabulary)
        role = line(.role).flatMap(ParticipantRole.init(answer:)) ?? prose.role.flatMap(ParticipantRole.init(rawValue:))
        // A name said in a sentence ("I'm Kim Park") is offered on the form for them to check.
        name = form.name ?? senderName.flatMap(Self.personName) ?? NameWords.offered(in: own.text, vocabulary: vocabulary)
        var prefill = SignupFormMail.Prefill(
            mentoringType: line(.mentoringType) ?? prose.mentoringType, areas: line(.areas) ?? prose.areas,
            timeZone: line(.timeZone) ?? prose.timeZone, languages: line(.languages) ?? prose.languages,
            interaction: line(.interaction) ?? prose.interaction, capacity: line(.capacity) ?? prose.capacity)
        prefill.availability = form.availability ?? prose.availability
        prefill.aboutMe = form.aboutMe.map { EnrollmentText.collapse($0) }
        lines = prefill == SignupFormMail.Prefill() ? nil : prefill
    }

    /// A From display name that reads as a person's ("Alice Weber", "陈静"), not an address or a
    /// role account ("info@example.org", "Mentoring Team", "noreply").
    static func personName(_ display: String) -> String? {
        let name = EnrollmentText.collapse(display.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")))
        let words = name.split(separator: " ")
        guard !name.isEmpty, name.count <= 60, (1...5).contains(words.count), !name.contains("@"),
              name.allSatisfy({ $0.isLetter || " -'’.,".contains($0) }),
              !EnrollmentText.words(name).contains(where: roleAccountWords.contains), !EnrollmentText.isPlaceholder(name) else { return nil }
        return name
    }

    private static let roleAccountWords: Set<String> = [
        "info", "admin", "administrator", "support", "team", "office", "contact", "sales", "noreply", "donotreply", "reply",
        "mailer", "daemon", "postmaster", "webmaster", "help", "helpdesk", "desk", "service", "services", "department",
        "mentoring", "program", "programme", "community", "foundation", "group", "list", "newsletter", "notification",
        "notifications", "hr", "billing", "marketing", "jobs", "careers", "committee", "board", "staff", "news", "bot", "system",
        "the", "inc", "ltd", "gmbh", "llc", "openstack",
    ]
}
