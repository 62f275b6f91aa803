import Mail

/// What an out-of-office responder writes, and nothing else: being away, when mail will be
/// read or answered, whom to write to meanwhile, thanks, greetings and a signature. A person's
/// mail that opens like one but also answers, asks or requests something ("I'm on holiday
/// until 3 January. Yes, I'll come!") is a person's and goes to the rules.
enum ResponderText {
    /// Whether every clause of `own` is a responder's (see the type). A question mark makes it a
    /// person's. A clause in another script (Chinese, Japanese, Korean, Cyrillic, Arabic, Hindi)
    /// is a responder's when it holds one of ``otherScriptStems`` or is a date or the sender's
    /// name: "我正在休假。我想成为导师" (away; I want to be a mentor) is a person's.
    static func saysNothingElse(_ own: OwnText, senderName: String?) -> Bool {
        guard !own.text.contains(where: { "?？¿؟".contains($0) }) else { return false }
        let name = Set(EnrollmentText.words(senderName ?? ""))
        return own.clauses.joined().allSatisfy { isResponders($0, name: name) }
    }

    /// Whether `sentence` only says that the writer is away, and what a responder adds ("I'm
    /// away until 14 January with limited access to email"): beside a person's answers, that is
    /// no note for the coordinators. A sentence that also says something else is.
    static func onlySaysAway(_ sentence: String) -> Bool {
        let clauses = OwnText(sentence).clauses.joined()
        return clauses.contains { AbsenceWords.saysAway($0.words) || Message.vacationWords(in: $0.text) != nil }
            && clauses.allSatisfy { isResponders($0, name: []) }
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
        guard clause.folded.contains(where: { ("a"..."z").contains($0) }) else { return isOtherScriptResponders(clause, name: name) }
        if words.isEmpty || words.allSatisfy(name.contains) { return true }
        if words.allSatisfy({ isDateWord($0) }) { return words.count > 1 || !words[0].allSatisfy(\.isNumber) }
        if AbsenceWords.saysAway(words) || Message.vacationWords(in: clause.text) != nil { return true }
        if let first = words.first, openers.contains(first) { return true }
        let joined = " " + words.joined(separator: " ")
        return stems.contains { joined.contains(" " + $0) } || responderOpeners.contains { joined.hasPrefix(" " + $0) }
    }

    /// A clause without Latin letters: a responder's when it names the absence, mail, the
    /// return, urgency, a contact, thanks or a greeting (``otherScriptStems``), or is only a
    /// date, numbers and marks, or the sender's name.
    static func isOtherScriptResponders(_ clause: OwnText.Clause, name: Set<String>) -> Bool {
        let lowered = clause.text.lowercased()
        let rest = lowered.filter { !($0.isNumber || $0.isPunctuation || $0.isSymbol || $0.isWhitespace || dateMarks.contains($0)) }
        if rest.isEmpty || !clause.words.isEmpty && clause.words.allSatisfy(name.contains) || Message.vacationWords(in: clause.text) != nil {
            return true
        }
        return otherScriptStems.contains { lowered.contains($0) }
    }

    /// What dates are written with in Chinese, Japanese and Korean ("1月10日", "10일까지").
    static let dateMarks: Set<Character> = ["年", "月", "日", "号", "號", "时", "時", "点", "點", "分", "월", "일"]

    /// What a responder writes beside the absence, in scripts not cut into Latin words: being
    /// away, mail and its answer, the return, urgency, whom to contact, thanks, greetings and
    /// sign-offs (zh, ja, ko, ru, uk, ar, hi), lower-cased. Not "mentor", "join" or an answer.
    static let otherScriptStems = [
        // zh (simplified and traditional)
        "休假", "度假", "假期", "不在", "办公室", "辦公室", "出差", "邮件", "郵件", "邮箱", "信箱", "回复", "回覆", "答复", "答覆", "回信",
        "返回", "回来", "回來", "回到", "紧急", "緊急", "急事", "联系", "聯繫", "聯絡", "联络", "同事", "谢谢", "謝謝", "感谢", "感謝",
        "您好", "你好", "大家好", "此致", "敬礼", "祝好", "自动", "自動", "期间", "期間", "延迟", "延遲", "尽快", "盡快", "稍后", "稍後",
        "查看", "处理", "處理",
        // ja
        "休暇", "出張", "メール", "返信", "連絡", "戻り", "戻る", "ありがとう", "お世話", "よろしく", "宜しく", "対応", "同僚", "ご了承",
        "ご迷惑", "確認", "休み", "敬具", "こんにちは",
        // ko
        "메일", "회신", "답장", "답변", "부재", "휴가", "출장", "연락", "긴급", "복귀", "감사", "안녕하세요", "자동", "확인", "동료", "기간",
        // ru, uk
        "письм", "почт", "ответ", "отвеч", "вернусь", "возвращ", "срочн", "спасибо", "благодар", "отпуск", "командировк", "офис",
        "связ", "коллег", "доступ", "здравствуйте", "добрый", "с уважением", "автомат", "отсутств", "прочит", "відпов", "поверн",
        "терміново", "дякую", "відпуст", "офіс", "зв'яз", "колег", "вітаю", "добрий", "з повагою", "відсутн", "пошт", "лист",
        // ar
        "البريد", "الرد", "سأرد", "عودتي", "العودة", "عاجل", "شكرا", "إجازة", "اجازة", "المكتب", "التواصل", "الاتصال", "زميل",
        "تلقائي", "التحية", "مرحبا", "رسالتك", "السلام عليكم",
        // hi
        "ईमेल", "उत्तर", "जवाब", "वापस", "तत्काल", "संपर्क", "धन्यवाद", "छुट्टी", "अवकाश", "कार्यालय", "स्वचालित", "नमस्ते", "सहकर्मी",
    ]

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
