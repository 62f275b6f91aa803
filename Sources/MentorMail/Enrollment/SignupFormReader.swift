import Foundation
import Mail

/// Turns the raw answers of a sign-up reply into typed fields, problems and notes.
struct SignupFormReader {
    let vocabulary: EnrollmentVocabulary

    /// The longest availability or about-me text we keep; longer text is cut, with a note.
    static let textLimit = 1_000
    /// The longest name we keep.
    static let nameLimit = 200

    /// Phrases found only in our own problem messages, so that a quoted confirmation
    /// ("> - Role: “teacher” is not a role we know: write mentor, …") is never read back
    /// as an answer.
    private static let ownMessageMarks = [
        "is not a role we know", "please tell us whether you want", "please choose technical",
        "is not a kind of mentoring", "we could not find the time zone", "please tell us your time zone",
        "please list the languages", "we did not recognise", "we did not understand", "is not a number of mentees", "a mentor can take",
        // The same in Spanish (`FormPhrase.spanish`).
        "no conocemos el rol", "dinos si quieres ser", "elige técnica, profesional", "no es un tipo de mentoría",
        "no encontramos la zona horaria", "dinos tu zona horaria", "escribe los idiomas que puedes", "no reconocemos «",
        "no es un número de mentees", "mentees a la vez; escribiste", "no entendimos «",
    ]

    /// Whether `answer` is one of our own problem messages.
    static func isOwnProblemMessage(_ answer: String) -> Bool {
        let lower = answer.lowercased()
        return ownMessageMarks.contains { TextSearch.contains($0, in: lower) }
    }

    func read(_ answers: SignupAnswers, senderName: String?) -> SignupForm {
        let values = answers.values
        var form = SignupForm()
        form.answeredInQuotedText = answers.quoted
        form.answeredFields = Set(values.keys)
        if values[.timeZone] == nil && answers.location != nil { form.answeredFields.insert(.timeZone) }
        form.unknownFields = answers.unknownFields
        form.fieldsFound = values.count + (values[.timeZone] == nil && answers.location != nil ? 1 : 0)
        // A placeholder ("Name: anonymous") answers nothing: a stored name stays.
        let nameAnswer = values[.name].flatMap { EnrollmentText.isPlaceholder($0) ? nil : $0 }
        if nameAnswer == nil { form.answeredFields.remove(.name) }
        form.name = name(nameAnswer, senderName: senderName)
        form.notes += answers.misspeltLabels

        if let answer = values[.role] {
            form.role = ParticipantRole(answer: answer)
            if form.role == nil {
                form.problems.append(FormProblem(field: .role, .unknownRole(answer)))
            }
        } else {
            form.problems.append(FormProblem(field: .role, .noRole))
        }

        if let answer = values[.mentoringType] {
            form.mentoringType = MentoringKind(answer: answer)
            if form.mentoringType == nil {
                let nearest = MentoringKind.nearest(to: answer)
                form.problems.append(FormProblem(field: .mentoringType, .unknownMentoringType(answer),
                                                 exampleValue: nearest == .technical ? nil : nearest.rawValue))
            }
        } else {
            form.problems.append(FormProblem(field: .mentoringType, .noMentoringType))
        }

        if let answer = values[.areas] { readAreas(answer, into: &form) }
        readTimeZone(values[.timeZone], location: answers.location, into: &form)
        readLanguages(values[.languages], into: &form)
        readInteraction(values[.interaction], into: &form)
        if values[.interaction] == nil { readWaysInOtherLines(into: &form) }
        readCapacity(values[.capacity], into: &form)
        form.availability = freeText(values[.availability].map(EnrollmentText.collapse), field: .availability, form: &form)
        form.aboutMe = freeText(values[.aboutMe], field: .aboutMe, form: &form)
        if let answer = answers.mailLanguage {
            if let code = MailLanguageChoice.code(for: answer) {
                form.mailLanguage = code
            } else {
                form.notes.append(.unknownMailLanguage(answer))
            }
        }
        return form
    }

    /// The name from the form, else the sender's without quotes, tidied when written in one case
    /// (`NameCase`). It goes into mail headers, so it never holds a table cell separator: of
    /// "Henrik Berg | Oslo" only the first cell is kept.
    private func name(_ answer: String?, senderName: String?) -> String? {
        let firstCell = { (text: String) in
            text.split(separator: "|", omittingEmptySubsequences: true).first { !EnrollmentText.collapse($0).isEmpty }.map(String.init) ?? ""
        }
        let candidate = answer.map(firstCell) ?? senderName.map { firstCell($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")) }
        guard let candidate = candidate.map(EnrollmentText.collapse), !EnrollmentText.isPlaceholder(candidate) else { return nil }
        return NameCase.tidied(String(candidate.prefix(Self.nameLimit)))
    }

    /// Known areas become canonical names; the rest are kept as free text.
    /// "kept as free text:" (from our own confirmation) is read past.
    private func readAreas(_ answer: String, into form: inout SignupForm) {
        for item in EnrollmentText.listItems(answer) {
            var text = ChangeOfMind.withoutSetAside(item)
            for marker in ProfileWording.freeTextMarkers where text.lowercased().hasPrefix(marker) {
                text = EnrollmentText.trim(text.dropFirst(marker.count))
            }
            guard !text.isEmpty else { continue }
            if let names = vocabulary.areaName(for: text).map({ [$0] }) ?? areaNames(inWordsOf: text) {
                for name in names where !form.areas.contains(name) { form.areas.append(name) }
            } else if !form.freeTextAreas.contains(where: { EnrollmentText.fold($0) == EnrollmentText.fold(text) }) {
                form.freeTextAreas.append(text)
            }
        }
    }

    /// The areas of an item made only of area words without commas: "Nova compute" is Nova,
    /// "Nova Neutron" both; nil when a word is none ("bare metal provisioning").
    private func areaNames(inWordsOf item: String) -> [String]? {
        let words = item.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else { return nil }
        var names: [String] = []
        var start = 0
        while start < words.count {
            // The longest run of words from `start` that names an area ("bare metal", "block storage").
            guard let (end, name) = (start + 1...words.count).reversed().lazy
                .compactMap({ end in vocabulary.areaName(for: words[start..<end].joined(separator: " ")).map { (end, $0) } })
                .first else { return nil }
            if !names.contains(name) { names.append(name) }
            start = end
        }
        return names
    }

    private func readTimeZone(_ answer: String?, location: String?, into form: inout SignupForm) {
        if let answer {
            form.timeZone = TimeZoneInterpreter.interpret(answer)
            if form.timeZone == nil {
                form.problems.append(FormProblem(field: .timeZone, .unknownTimeZone(answer)))
            }
        } else if let location, let zone = TimeZoneInterpreter.interpret(location) {
            form.timeZone = zone
            form.notes.append(.timeZoneFromLocation(location, zone: zone.label))
        } else {
            form.problems.append(FormProblem(field: .timeZone, .noTimeZone(unplaced: location)))
        }
    }

    private func readLanguages(_ answer: String?, into form: inout SignupForm) {
        guard let answer else {
            form.problems.append(FormProblem(field: .languages, .noLanguages))
            return
        }
        let (languages, unknown, nearly) = LanguageNames.read(answer)
        form.languages = languages
        if languages.isEmpty {
            form.problems.append(FormProblem(field: .languages, .unknownLanguages(answer)))
            return
        }
        for (written, name) in nearly { form.notes.append(.readAsLanguage(written, name)) }
        if !unknown.isEmpty { form.notes.append(.notLanguages(unknown)) }
    }

    /// "Via: video", "Meet: IRC, email": a line whose label is none of the form's but whose
    /// value names only ways to meet gives them, instead of an assumed email.
    private func readWaysInOtherLines(into form: inout SignupForm) {
        guard let index = form.unknownFields.firstIndex(where: { line in
            let read = InteractionStyle.read(line.value)
            return !read.styles.isEmpty && read.unknown.isEmpty
        }) else { return }
        form.interaction = InteractionStyle.read(form.unknownFields[index].value).styles
        form.notes.removeAll { $0 == .assumedEmail }
        form.answeredFields.insert(.interaction)
        form.unknownFields.remove(at: index)
    }

    private func readInteraction(_ answer: String?, into form: inout SignupForm) {
        // Our profile line sent back as it was ("email (not given: assumed)") states nothing.
        let sentBack = answer.map { answer in ProfileWording.assumedMarkers.contains { answer.lowercased().hasSuffix($0) } } ?? false
        guard let answer, !sentBack else {
            form.interaction = [.email]
            form.notes.append(.assumedEmail)
            return
        }
        let (styles, unknown) = InteractionStyle.read(answer)
        form.interaction = styles
        if styles.isEmpty {
            form.problems.append(FormProblem(field: .interaction, .unknownInteraction(answer)))
        } else if !unknown.isEmpty {
            form.notes.append(.notWaysToMeet(unknown))
        }
    }

    /// Mentors and "both" get a capacity (1 when not given); a mentee's capacity is ignored.
    private func readCapacity(_ answer: String?, into form: inout SignupForm) {
        guard form.role != .mentee else { return }
        let range = vocabulary.capacityRange
        let example = "\(min(max(2, range.lowerBound), range.upperBound))"
        guard let answer else {
            if form.role != nil {
                form.capacity = range.lowerBound
                form.notes.append(.assumedCapacity(range.lowerBound))
            }
            return
        }
        guard let number = Self.number(in: answer) else {
            form.problems.append(FormProblem(field: .capacity, .capacityNotANumber(answer, range), exampleValue: example))
            return
        }
        guard range.contains(number) else {
            form.problems.append(FormProblem(field: .capacity, .capacityOutOfRange(number, range), exampleValue: example))
            return
        }
        form.capacity = number
    }

    /// The first number in the answer, written in digits (of any script: "٢", "２"), as a word
    /// from one to ten in the community's languages ("two", "dos", "zwei", "deux", "dois"), or as
    /// a Chinese or Japanese numeral ("两个", "二").
    /// Digits and English words come first, so that "um, 2" or "due to travel, one" is not read
    /// as the Portuguese "um" or the Italian "due".
    static func number(in answer: String) -> Int? {
        let words = EnrollmentText.words(EnrollmentText.asciiDigits(answer))
        for word in words {
            if let number = Int(word), word.allSatisfy(\.isASCII) { return number }
            if let number = englishNumbers.firstIndex(of: word) { return number }
        }
        if let number = words.lazy.compactMap({ numberWords[$0] }).first { return number }
        return answer.first(where: { cjkNumerals[$0] != nil }).flatMap { cjkNumerals[$0] }
    }

    static let englishNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// One to five written as words in the community's other languages, folded.
    static let numberWords: [String: Int] = {
        let languages = [
            ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
            ["zero", "um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"],
            ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"],
            ["null", "eins", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn"],
            ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"],
            ["zero", "jeden", "dwa", "trzy", "cztery", "piec", "szesc", "siedem", "osiem", "dziewiec", "dziesiec"],
            ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"],
            ["صفر", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"],
        ]
        var words: [String: Int] = [:]
        for names in languages {
            for (number, name) in names.enumerated().dropFirst().prefix(5) {
                words[EnrollmentText.fold(name)] = words[EnrollmentText.fold(name)] ?? number
            }
        }
        for (name, number) in ["una": 1, "une": 1, "uma": 1, "ein": 1, "eine": 1, "duas": 2, "zwo": 2, "dwie": 2, "две": 2,
                               "одна": 1, "اثنين": 2, "ثلاث": 3] {
            words[EnrollmentText.fold(name)] = number
        }
        return words
    }()

    /// Chinese and Japanese numerals from one to ten.
    static let cjkNumerals: [Character: Int] = ["一": 1, "二": 2, "两": 2, "兩": 2, "俩": 2, "倆": 2, "三": 3, "四": 4, "五": 5,
                                                 "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    private func freeText(_ answer: String?, field: SignupField, form: inout SignupForm) -> String? {
        guard let answer = answer.map(EnrollmentText.trim), !answer.isEmpty else { return nil }
        let (text, wasCut) = EnrollmentText.limited(answer, to: Self.textLimit)
        if wasCut {
            form.notes.append(.shortened(field, limit: Self.textLimit))
        }
        return text
    }
}
