import Mail

/// What an out-of-office responder writes, and nothing else: being away, when mail will be
/// read or answered, whom to write to meanwhile, thanks, greetings and a signature. A person's
/// mail that opens like one but also answers, asks or requests something ("I'm on holiday
/// until 3 January. Yes, I'll come!") is a person's and goes to the rules.
enum ResponderText {
    /// Whether every clause of `own` is a responder's (see the type). A question mark makes it a
    /// person's. Clauses in a script the readers do not cut into words (Chinese, Arabic…) count
    /// as a responder's when the phrase lists found one: only Latin-script clauses are weighed.
    static func saysNothingElse(_ own: OwnText, senderName: String?) -> Bool {
        guard !own.text.contains(where: { "?？¿؟".contains($0) }) else { return false }
        let name = Set(EnrollmentText.words(senderName ?? ""))
        return own.clauses.joined().allSatisfy { isResponders($0, name: name) }
    }

    /// `message.automatic(newText:)`, but an out-of-office sentence found only in the text counts
    /// when the text says nothing else (``saysNothingElse(_:senderName:)``).
    static func automatic(_ message: Message, newText: String, own: OwnText) -> AutomaticReason? {
        let reason = message.automatic(newText: newText)
        guard case .vacationText = reason else { return reason }
        return saysNothingElse(own, senderName: message.from?.name) ? reason : nil
    }

    /// Whether one clause says only what a responder says.
    static func isResponders(_ clause: OwnText.Clause, name: Set<String>) -> Bool {
        let words = clause.words
        guard clause.folded.contains(where: { ("a"..."z").contains($0) }) else { return true }
        if words.isEmpty || words.allSatisfy(name.contains) { return true }
        if words.allSatisfy({ isDateWord($0) }) { return words.count > 1 || !words[0].allSatisfy(\.isNumber) }
        if AbsenceWords.saysAway(words) || Message.vacationWords(in: clause.text) != nil { return true }
        if let first = words.first, openers.contains(first) { return true }
        let joined = " " + words.joined(separator: " ")
        return stems.contains { joined.contains(" " + $0) } || responderOpeners.contains { joined.hasPrefix(" " + $0) }
    }

    /// Numbers, months and weekdays: "3 January", "Monday 4".
    static func isDateWord(_ word: String) -> Bool {
        word.allSatisfy(\.isNumber) || SurveyVocabulary.months.contains(word) || weekdays.contains(word)
            || ["st", "nd", "rd", "th"].contains { word.hasSuffix($0) && word.dropLast(2).allSatisfy(\.isNumber) && word.count > 2 }
    }

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes", "martes", "miercoles", "jueves",
        "viernes", "sabado", "domingo", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]

    /// First words of a greeting, thanks or sign-off, folded.
    static let openers: Set<String> = [
        "hello", "hi", "dear", "thank", "thanks", "regards", "cheers", "sincerely", "hola", "gracias", "saludos",
        "atentamente", "cordialmente", "bonjour", "merci", "cordialement", "salutations", "hallo", "danke", "gruss", "grusse",
        "ola", "obrigado", "obrigada", "atenciosamente", "ciao", "buongiorno", "grazie", "saluti", "distinti",
    ]

    /// The greetings and thanks a responder's sentence may open with, in every language the
    /// responder phrases are read in (``Message/openers``), as folded words.
    static let responderOpeners = Message.openers.map { EnrollmentText.words($0).joined(separator: " ") }.filter { !$0.isEmpty }

    /// Word beginnings (folded, a phrase's words joined by spaces) of what a responder says
    /// beside the absence: mail, reading and answering it, the return, urgency, whom to contact.
    static let stems = [
        "email", "e mail", "mail", "correo", "courriel", "message", "mensaje", "mensagem", "messaggi", "nachricht", "inbox",
        "access", "acceso", "acesso", "accesso", "acces", "zugriff", "eingeschr", "limited", "limitad", "limite",
        "repl", "respond", "answer", "antwort", "contest", "repond", "rispond", "get back", "reading", "will read", "lese", "leer", "lire", "leggere",
        "return", "regres", "regreso", "vuelta", "vuelva", "volver", "retour", "ruckkehr", "zuruck", "rientr", "ritorn", "voltar",
        "back", "urgent", "dringend", "urgen", "automat", "auto reply", "autoreply", "contact", "kontakt", "colleague", "colega",
        "kolleg", "collegue", "collega", "write to", "escrib", "schreiben sie", "ecrivez", "scriv", "forward", "reenvi", "weitergeleitet",
        "nicht im buro", "fuera de la oficina", "fuori ufficio", "absent du bureau", "hors du bureau", "fora do escritorio",
        "best regards", "best wishes", "kind regards", "un saludo", "mit freundlichen", "vielen dank", "viele grusse", "guten tag",
        "delay", "retraso", "verzogerung", "retard", "ritardo",
    ]
}
