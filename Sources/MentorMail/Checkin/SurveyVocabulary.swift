/// The words people answer the check-in with, in the program's main languages (English,
/// Spanish, Portuguese, French, German, Chinese, Japanese), folded as `EnrollmentText.fold`
/// folds them (lower case, no accents). Longer phrases win over the shorter ones inside them
/// ("not a good fit" over "good fit", "great fit" over "great").
enum SurveyVocabulary {
    struct Phrase {
        let words: String
        let question: SurveyQuestion
        /// The answer it gives: a rating digit, or a raw value of `Meeting`, `Fit`, `Next`.
        let value: String
        /// Short yes/no words count only as a whole answer, not inside a sentence ("no problems").
        let standaloneOnly: Bool
    }

    static func phrases(_ question: SurveyQuestion, _ value: String, _ list: [String], standaloneOnly: Bool = false) -> [Phrase] {
        list.flatMap { [$0] + japaneseForms($0) }.map { Phrase(words: EnrollmentText.fold($0), question: question, value: value, standaloneOnly: standaloneOnly) }
    }

    /// A Japanese answer's other common forms: polite 〜ています / 〜ません / 〜ます beside the
    /// plain 〜ている / 〜ない / 〜る (and back), and the spoken 〜てる. 〜です after an adjective or
    /// a noun needs none: phrases in Japanese match inside the text.
    static func japaneseForms(_ phrase: String) -> [String] {
        guard phrase.unicodeScalars.contains(where: { (0x3040...0x309F).contains($0.value) }) else { return [] }
        let aToI: [Character: String] = ["わ": "い", "か": "き", "が": "ぎ", "さ": "し", "た": "ち", "な": "に", "ば": "び", "ま": "み", "ら": "り"]
        let eOrIRow: Set<Character> = Set("えけげせぜてでねへべぺめれいきぎしじちぢにひびぴみり")
        var forms: [String] = []
        if phrase.hasSuffix("ています") {
            forms += [String(phrase.dropLast(2)) + "る", String(phrase.dropLast(3)) + "る"]
        } else if phrase.hasSuffix("ている") {
            forms += [String(phrase.dropLast()) + "ます", String(phrase.dropLast(2)) + "る"]
        } else if phrase.hasSuffix("ていない") {
            forms.append(String(phrase.dropLast(2)) + "ません")
        } else if phrase.hasSuffix("くない") {
            forms.append(String(phrase.dropLast(2)) + "ありません")
        } else if phrase.hasSuffix("ない"), let before = phrase.dropLast(2).last, let i = aToI[before] {
            forms.append(String(phrase.dropLast(3)) + i + "ません")
        } else if phrase.hasSuffix("る"), let before = phrase.dropLast().last, eOrIRow.contains(before) {
            forms.append(String(phrase.dropLast()) + "ます")
        }
        return forms
    }

    /// Chinese and Japanese words for "going well" (a 4); after "very" (`intensified`) a 5.
    static let cjkGood = ["顺利", "順調", "うまくいっている", "上手くいっている", "良い感じ", "いい感じ"]

    /// `words` after the Chinese and Japanese words for "very" ("とても順調", "非常顺利").
    static func intensified(_ words: [String]) -> [String] {
        let japanese = ["とても", "すごく", "非常に", "大変", "たいへん", "本当に"]
        let chinese = ["很", "非常", "特别", "十分", "真"]
        return words.flatMap { word -> [String] in
            let isJapanese = word.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) } || word == "順調"
            return (isJapanese ? japanese : chinese + japanese).map { $0 + word }
        }
    }

    static let numberWords: [Int: [String]] = [
        1: ["one", "uno", "um", "un", "eins", "一", "１"],
        2: ["two", "dos", "dois", "deux", "zwei", "二", "２"],
        3: ["three", "tres", "três", "trois", "drei", "三", "３"],
        4: ["four", "cuatro", "quatro", "quatre", "vier", "四", "４"],
        5: ["five", "cinco", "cinq", "fünf", "funf", "五", "５"],
    ]

    /// Whether `text` gives `rating` as a number ("4", "4/5", "four", "cuatro"), not only in
    /// words that sound like one ("fine", "ok").
    static func statesRating(_ rating: Int, in text: String) -> Bool {
        let words = Set(EnrollmentText.words(text))
        return words.contains(String(rating)) || (numberWords[rating] ?? []).contains { number in
            words.contains(EnrollmentText.fold(number)) || (number.unicodeScalars.first.map { $0.value > 0x2E80 } == true && text.contains(number))
        }
    }

    /// The number words, folded: a rating in words that is still a number ("four", "un cuatro").
    static let foldedNumberWords: Set<String> = Set(numberWords.values.joined().map(EnrollmentText.fold))

    static let all: [Phrase] = {
        var list: [Phrase] = []
        for digit in 1...5 {
            let d = String(digit)
            list += phrases(.rating, d, ["\(d)/5", "\(d) / 5", "\(d) out of 5", "\(d) of 5", "\(d) de 5", "\(d) sur 5", "\(d) von 5", "\(d) stars", "\(d) star"])
            list += phrases(.rating, d, [d, "\(d)er"])
            list += phrases(.rating, d, numberWords[digit] ?? [], standaloneOnly: true)
        }
        list += phrases(.rating, "5", [
            "great", "excellent", "wonderful", "fantastic", "amazing", "awesome", "perfect", "very well", "very good", "really well",
            "really good", "brilliant", "genial", "excelente", "muy bien", "estupendo", "fantastico", "maravilloso", "otimo", "muito bem",
            "muito bom", "incrivel", "genial", "tres bien", "super", "formidable", "parfait", "toll", "sehr gut", "ausgezeichnet",
            "prima", "hervorragend", "很好", "非常好", "太好了", "最高", "特别好", "非常棒", "很棒", "太棒了", "素晴らしい",
        ] + intensified(cjkGood + ["良い", "いい", "よい", "良好", "好"]))
        list += phrases(.rating, "4", [
            "good", "well", "pretty good", "pretty well", "going well", "fine", "nice", "bien", "bueno", "bem", "bom", "boa",
            "bon", "gut", "ziemlich gut", "好", "不错", "挺好", "良い", "いい", "よい", "良好",
        ] + cjkGood)
        // Adjectives that often describe other things ("una buena idea"): an answer only alone.
        list += phrases(.rating, "5", ["muy buena", "tres bonne", "muito boa"], standaloneOnly: true)
        list += phrases(.rating, "4", ["buena", "bonne", "gute"], standaloneOnly: true)
        list += phrases(.rating, "2", ["mala", "malo", "mauvaise", "mauvais"], standaloneOnly: true)
        list += phrases(.rating, "3", [
            "ok", "okay", "so so", "alright", "all right", "average", "fair", "not bad", "regular", "mas o menos", "normal",
            "razoavel", "mais ou menos", "moyen", "correct", "bof", "pas mal", "geht so", "mittel", "ganz ok", "一般", "还行", "还好",
            "还可以", "普通", "まあまあ",
        ])
        list += phrases(.rating, "2", [
            "not great", "not good", "not well", "not so good", "not very good", "not very well", "poor", "meh", "could be better",
            "no muy bien", "mal", "nao muito bem", "fraco", "pas terrible", "pas tres bien", "nicht so gut", "nicht gut", "maßig",
            "massig", "不太好", "不好", "あまり良くない",
        ])
        list += phrases(.rating, "1", [
            "bad", "badly", "terrible", "awful", "very bad", "horrible", "muy mal", "fatal", "pessimo", "muito mal", "ruim",
            "tres mal", "nul", "schlecht", "sehr schlecht", "很差", "很糟糕", "差", "悪い", "ひどい",
        ])

        list += phrases(.meeting, "yes", [
            "we meet", "we do meet", "we are meeting", "we're meeting", "we have met", "we've met", "we met", "meeting regularly",
            "regularly", "every week", "each week", "weekly", "every other week", "every two weeks", "every 2 weeks", "biweekly",
            "fortnightly", "every month", "monthly", "twice a month", "once a week", "once a month", "often",
            "nos reunimos", "nos vemos", "cada semana", "todas las semanas", "nos encontramos", "toda semana", "todas as semanas",
            "on se voit", "nous nous voyons", "chaque semaine", "toutes les semaines", "wir treffen uns", "jede woche",
            "wochentlich", "见面了", "每周", "每两周", "两周一次", "每个月", "每月", "一周一次", "一个月一次", "定期", "经常",
            "我们见面", "见过面", "会っています", "毎週", "隔週", "毎月", "週に一回", "週に1回", "月に一回", "月に1回", "月に2回",
            "定期的に", "よく会って",
        ])
        list += phrases(.meeting, "yes", ["yes", "yeah", "yep", "yup", "si", "sim", "oui", "ja", "是", "是的", "有", "有的", "对",
                                          "はい", "ええ"], standaloneOnly: true)
        list += phrases(.meeting, "no", [
            "not really", "not yet", "we haven't", "we have not", "haven't met", "have not met", "never met", "we don't meet",
            "we do not meet", "not meeting", "todavia no", "aun no", "no nos reunimos", "ainda nao", "nao nos encontramos",
            "pas encore", "pas vraiment", "on ne se voit pas", "noch nicht", "nicht wirklich", "wir treffen uns nicht",
            "没有", "还没有", "还没", "没见过", "まだ", "会っていない", "会えていない",
            // A partner who never answers: no meeting either.
            "never answered", "never replied", "never responded", "never wrote back", "never got back to me", "has never answered",
            "hasn't answered", "hasn't replied", "has not answered", "has not replied", "didn't answer", "didn't reply", "doesn't answer",
            "doesn't reply", "does not answer", "does not reply", "did not answer", "did not reply", "we never met", "we've never met",
            "nunca respondio", "nunca contesto", "no ha respondido", "no ha contestado", "no responde", "no contesta", "nunca nos reunimos",
            "no nos hemos reunido", "no nos hemos visto", "nunca nos vimos", "nunca respondeu", "nao respondeu", "nao responde",
            "nunca nos encontramos", "n'a jamais repondu", "n'a pas repondu", "ne repond pas", "on ne s'est jamais vus",
            "on ne s'est pas vus", "nous ne nous sommes jamais vus", "hat nie geantwortet", "hat nicht geantwortet", "antwortet nicht",
            "wir haben uns nie getroffen", "wir haben uns noch nicht getroffen", "从来没回复", "没有回复", "没回复", "从未见面", "没见面",
            "返事がない", "返信がない", "返事がありません", "返信がありません", "会ったことがない",
        ])
        list += phrases(.meeting, "no", ["no", "nope", "nao", "non", "nein", "不", "不是", "いいえ"], standaloneOnly: true)
        list += phrases(.meeting, "sometimes", [
            "sometimes", "occasionally", "now and then", "from time to time", "rarely", "once or twice", "irregularly",
            "not often", "a veces", "de vez en cuando", "as vezes", "de vez em quando", "parfois", "de temps en temps",
            "manchmal", "ab und zu", "gelegentlich", "selten", "有时", "偶尔", "時々", "ときどき",
        ])

        list += phrases(.fit, SurveyAnswers.Fit.good.rawValue, [
            "good fit", "great fit", "perfect fit", "it fits", "it fits well", "good match", "great match", "perfect match", "fits well", "we fit", "a good fit",
            "works well", "we get along", "buena combinacion", "encajamos", "buen match", "buena pareja", "hacemos buena pareja",
            "buen equipo", "nos entendemos bien", "boa combinacao", "combinamos bem", "boa dupla", "bom par",
            "bonne entente", "on s'entend bien", "bon match", "bon binome", "passt gut", "gute kombination", "passt",
            "合适", "很合适", "挺合适", "合得来", "相性が良い", "相性がいい", "相性がよい", "相性は良い", "相性はいい", "相性はよい",
            "相性も良い", "相性もいい", "相性が合う", "良い相性", "いい相性", "合っている", "気が合う",
        ] + intensified(["相性がいい", "相性はいい", "相性が良い", "相性は良い", "合っている", "合适"]) + praiseOfThePerson)
        list += phrases(.fit, SurveyAnswers.Fit.deciding.rawValue, [
            "still deciding", "not sure", "too early", "too soon", "unsure", "don't know yet", "do not know yet", "undecided",
            "early days", "hard to say", "todavia no se", "no estoy segura", "no estoy seguro", "es pronto", "ainda nao sei",
            "nao tenho certeza", "e cedo", "je ne sais pas encore", "pas sur", "pas sure", "trop tot", "noch unklar",
            "weiß noch nicht", "weiss noch nicht", "zu fruh", "还不确定", "不确定", "まだわからない", "分からない",
            "still figuring it out", "still figuring out", "still thinking about it", "we'll see", "we will see", "time will tell",
            "estoy decidiendo", "lo estoy decidiendo", "estamos decidiendo", "lo estoy pensando", "lo estamos pensando", "ya veremos",
            "estou decidindo", "estamos decidindo", "ainda estou pensando", "vamos ver", "je reflechis encore", "on reflechit encore",
            "on verra", "ich uberlege noch", "wir uberlegen noch", "mal sehen", "noch am uberlegen",
        ])
        list += phrases(.fit, SurveyAnswers.Fit.notGood.rawValue, [
            "not a good fit", "not a good match", "not a great fit", "bad fit", "poor fit", "bad match", "poor match",
            "doesn't fit", "does not fit", "not working", "isn't working", "is not working", "mismatch", "not a fit",
            "no encajamos", "no es buena combinacion", "no somos buena pareja", "no hacemos buena pareja", "no funciona", "nao combinamos",
            "nao funciona", "pas une bonne entente",
            "ca ne marche pas", "pas compatible", "passt nicht", "passt nicht gut", "不合适", "不太合适", "不是很合适", "合不来",
            "合わない", "合っていない", "相性が良くない", "相性が悪い", "相性は良くない", "相性はよくない", "相性は悪い",
            "相性があまり良くない", "相性はあまり良くない", "相性があまりよくない",
            "not a good mentor", "not a great mentor", "not a good mentee", "not the right mentor", "no es un buen mentor",
            "no es una buena mentora", "nao e um bom mentor", "nao e uma boa mentora", "pas un bon mentor", "pas une bonne mentore",
            "kein guter mentor", "keine gute mentorin",
        ])

        list += phrases(.next, SurveyAnswers.Next.continue.rawValue, [
            "continue", "keep going", "carry on", "go on", "keep meeting", "not done", "not finished", "not done yet",
            "continuar", "seguir", "seguimos", "continuer", "poursuivre", "weitermachen", "fortsetzen", "weiter", "继续",
            "続ける", "続けたい", "継続",
        ])
        list += phrases(.next, SurveyAnswers.Next.graduate.rawValue, [
            "graduate", "graduated", "graduation", "we're done", "we are done", "we're finished", "we are finished", "finished",
            "done", "wrap up", "wrapping up", "graduarnos", "graduar", "hemos terminado", "terminamos", "terminar", "concluir",
            "on a fini", "c'est fini", "terminer", "nous avons termine", "on a termine", "nous avons fini", "c'est termine",
            "diplome", "abschließen", "abschliessen", "wir sind fertig", "fertig",
            "beenden", "毕业", "结束", "卒業", "終了",
            "мы закончили", "мы завершили", "закончить", "завершить", "abbiamo finito", "abbiamo terminato", "concludere",
            "skonczylysmy", "skonczylismy", "zakonczylysmy", "zakonczylismy", "zakonczyc",
        ])
        list += phrases(.next, SurveyAnswers.Next.newMatch.rawValue, [
            "need a new match", "new match", "a new mentor", "new mentor", "different mentor", "another mentor", "new mentee",
            "another mentee", "rematch", "re match", "someone else", "nueva pareja", "otro mentor", "otra mentora",
            "nuevo mentor", "nueva mentora", "novo mentor", "nova mentora", "nova combinacao", "outro mentor",
            "nouveau mentor", "autre mentor", "nouveau binome", "neuer mentor", "anderer mentor", "neue zuordnung",
            "换导师", "新的导师", "新しいメンター", "別のメンター",
        ])
        // Longest first, so a phrase wins over the shorter ones inside it.
        return list.sorted { $0.words.count > $1.words.count }
    }()

    /// Words of doubt that make a what-next answer beside them unclear ("maybe graduate",
    /// "continuar, no sé").
    static let hedges: [String] = [
        "not sure", "unsure", "maybe", "perhaps", "possibly", "not certain", "don't know", "dont know", "do not know", "no idea",
        "no se", "no lo se", "quizas", "quiza", "tal vez", "a lo mejor", "no estoy seguro", "no estoy segura", "puede ser",
        "nao sei", "talvez", "nao tenho certeza", "se calhar", "je ne sais pas", "sais pas", "peut etre", "pas sur", "pas sure",
        "weiß nicht", "weiss nicht", "vielleicht", "keine ahnung", "nicht sicher", "eventuell", "不确定", "也许", "可能", "たぶん", "多分",
    ].map { EnrollmentText.fold($0) }
    /// Milder doubt, enough to keep a "graduate" from ending a pair ("graduate I think").
    static let graduateHedges: [String] = [
        "i think", "i guess", "probably", "creo", "supongo", "acho", "je pense", "je crois", "ich glaube", "glaube ich", "wahrscheinlich",
    ].map { EnrollmentText.fold($0) }
    /// Ways to ask for something ("Can I get another mentor?", "¿Puedo tener otra mentora?"):
    /// a what-next answer asked for so is chosen, not doubted.
    static let requests: [String] = [
        "can i", "could i", "may i", "can we", "could we", "can you", "could you", "would you", "is it possible", "would it be possible",
        "is there any way", "i'd like", "i would like", "please", "puedo", "podria", "podemos", "podriamos", "podeis", "es posible",
        "seria posible", "por favor", "posso", "poderia", "e possivel", "seria possivel", "puis je", "pourrais je", "pourriez vous",
        "est il possible", "serait il possible", "s'il vous plait", "kann ich", "konnte ich", "konnen wir", "konnten wir", "ist es moglich",
        "ware es moglich", "bitte", "可以", "能不能", "能否", "できますか", "お願い",
    ].map { EnrollmentText.fold($0) }

    /// Whether a folded clause asks for something in so many words.
    static func asksFor(_ clause: String) -> Bool {
        let folded = " " + EnrollmentText.words(folded: clause).joined(separator: " ") + " "
        return requests.contains { request in
            request.unicodeScalars.first.map { $0.value > 0x2FFF } == true ? clause.contains(request) : folded.contains(" \(request) ")
        }
    }

    /// Words that negate an answer said after them in its clause ("I don't think it's a good
    /// fit", "no creo que sea buena combinación", "je ne pense pas que…", "ich glaube nicht, dass…").
    static let negations: Set<String> = [
        "not", "never", "hardly", "cannot", "no", "nunca", "tampoco", "nao", "ne", "pas", "jamais", "nicht", "kein", "keine", "keinen",
        "nie", "niemals", "non",
    ]
    /// Words after a negation that make it negate something else ("no doubt a good fit", "not only").
    static let negatedOther: Set<String> = [
        "doubt", "doubts", "question", "problem", "problems", "issue", "issues", "complaint", "complaints", "only", "just", "duda", "dudas",
        "problema", "problemas", "duvida", "duvidas", "doute", "probleme", "problemes", "seulement", "zweifel", "probleme", "nur",
    ]
    /// Words that only strengthen a negation ("not really", "nicht wirklich", "pas vraiment"): an
    /// answer phrase of these and a negation negates the answer after it, and answers nothing itself.
    static let negationStrengtheners: Set<String> = ["really", "so", "very", "too", "at", "all", "wirklich", "vraiment", "realmente", "muito", "mucho", "sehr"]
    /// Words that start a new clause, ending the reach of a negation before them ("we don't meet
    /// often but it's a good fit").
    static let clauseStarts: Set<String> = [
        "but", "and", "though", "although", "however", "yet", "pero", "y", "e", "sino", "aunque", "mas", "mais", "et", "aber", "und",
        "sondern", "doch", "obwohl",
    ]
    /// Words that carry a clause on after a comma ("ich glaube nicht, dass es passt"): a negation
    /// before the comma still reaches it.
    static let clauseLinks: Set<String> = ["that", "dass", "que", "whether", "ob", "if", "si", "se"]
    /// Chinese negations before an answer ("我不觉得很合适"), found anywhere in the clause.
    static let cjkNegationsBefore = ["不觉得", "不认为", "并不", "没觉得", "不太觉得"]
    /// Japanese negations right after an answer ("相性がいいとは思わない").
    static let cjkNegationsAfter = ["とは思わない", "とは思いません", "と思わない", "と思いません", "じゃない", "ではない", "ではありません", "とは言えない"]

    /// "graduate or continue": two answers offered, none chosen.
    static let orWords: Set<String> = ["or", "o", "u", "ou", "oder", "或", "还是"]
    /// Words that make a doubt about the fit itself ("not sure about the fit"), not about what next.
    static let fitWords = ["fit", "match", "encaj", "combina", "pareja", "passt", "passen", "entente", "binome", "mentor", "mentee", "合适", "相性"]

    /// "Carlos es un excelente mentor", "she is a great mentor": praise of the other person
    /// answers the fit (and is no "excellent" rating).
    static let praiseOfThePerson: [String] = {
        let english = ["great", "excellent", "good", "wonderful", "amazing", "fantastic", "perfect", "brilliant", "awesome", "lovely"]
            .flatMap { adjective in ["mentor", "mentee"].map { "\(adjective) \($0)" } }
        let spanishPortuguese = ["excelente", "gran", "buen", "buena", "estupendo", "estupenda", "magnifico", "magnifica", "genial",
                                 "otimo", "otima", "bom", "boa", "grande"]
            .flatMap { adjective in ["mentor", "mentora", "mentee"].map { "\(adjective) \($0)" } }
            + ["mentor excelente", "mentora excelente", "mentor ideal", "mentora ideal"]
        let french = ["excellent", "excellente", "bon", "bonne", "tres bon", "tres bonne", "super", "formidable", "genial", "geniale"]
            .flatMap { adjective in ["mentor", "mentore", "mentee"].map { "\(adjective) \($0)" } }
        let german = ["toller", "tolle", "guter", "gute", "sehr guter", "sehr gute", "super", "ausgezeichneter", "ausgezeichnete", "wunderbarer", "wunderbare"]
            .flatMap { adjective in ["mentor", "mentorin", "mentee"].map { "\(adjective) \($0)" } }
        return english + spanishPortuguese + french + german
    }()

    /// Words that say a reply corrects an earlier answer.
    static let corrections: [String] = [
        "i meant", "i mean", "meant to say", "correction", "sorry", "oops", "quise decir", "queria decir", "perdon", "correccion",
        "quis dizer", "queria dizer", "desculpa", "desculpe", "correcao", "je voulais dire", "pardon", "ich meinte",
        "ich wollte sagen", "entschuldigung", "korrektur",
    ].map { EnrollmentText.fold($0) }

    /// Words that say "nothing" to the last question.
    static let nothing: Set<String> = [
        "no", "nope", "nothing", "none", "n/a", "na", "-", "no thanks", "nothing else", "all good", "nada", "no gracias",
        "nao", "nenhum", "nada mais", "non", "rien", "nein", "nichts", "无", "没有", "なし", "特にない", "特になし",
    ]

    /// Words of a line that only says where the answers are ("Here you go, answers below", "See
    /// my answers in the text", "os dejo mis respuestas debajo"): with thanks and
    /// acknowledgements (`Courtesy.words`), such a line is no note.
    /// Words that say the survey came ("got your survey", "recibí la encuesta").
    static let surveyCame: Set<String> = ["got", "your", "the", "received", "survey", "checkin", "recibi", "la", "encuesta", "questionnaire",
                                          "recu", "votre", "ton", "umfrage", "erhalten", "pesquisa", "recebi", "sua", "a"]

    /// Words of an apology for answering late ("Sorry for the delay!", "Perdón por la demora",
    /// "Désolée pour le retard"): a sentence of these alone is no note.
    static let apologies: Set<String> = Set([
        "sorry", "so", "very", "really", "apologies", "apologise", "apologize", "my", "for", "the", "delay", "delayed", "late",
        "lateness", "slow", "reply", "replying", "response", "answer", "answering", "getting", "back", "to", "you", "it", "took",
        "me", "long", "a", "while", "in", "perdon", "perdona", "perdone", "disculpa", "disculpas", "disculpen", "siento", "lo",
        "lamento", "por", "la", "el", "retraso", "demora", "tardanza", "tarde", "desculpa", "desculpe", "desculpem", "pela", "pelo",
        "atraso", "pardon", "desole", "desolee", "pour", "le", "retard", "du", "excusez", "moi", "entschuldigung", "entschuldige",
        "fur", "die", "verspatung", "spate", "spaten", "antwort", "scusa", "scusate", "scusi", "per", "il", "ritardo", "waiting",
        "wait", "patience", "your",
    ].map { EnrollmentText.fold($0) })

    static let pointing: Set<String> = Set([
        "here", "you", "go", "are", "is", "my", "our", "your", "answers", "answer", "answered", "replies", "below", "inline",
        "in", "line", "lines", "text", "the", "see", "find", "please", "under", "each", "every", "question", "questions",
        "between", "blue", "red", "green", "bold", "underneath", "beneath", "typed", "written", "wrote", "put", "added", "have",
        "i've", "them", "checking", "asking", "aqui", "van", "mis", "respuestas", "abajo", "debajo", "de", "cada", "pregunta",
        "preguntas", "en", "texto", "te", "os", "dejo", "estan", "entre", "lineas", "azul", "rojo", "tienes", "las", "mi",
        "seguem", "minhas", "abaixo", "estao", "no", "vermelho", "as", "voici", "mes", "reponses", "ci", "dessous", "sous",
        "chaque", "dans", "texte", "bleu", "rouge", "les", "hier", "sind", "meine", "antworten", "unten", "darunter", "unter",
        "jeder", "frage", "fragen", "im", "blau", "rot", "they", "these", "those", "it", "all", "ellas", "ellos", "son", "eles", "elas",
        "sao", "elles", "ils", "sont", "sie", "stehen", "steht", "inline", "inlined", "within", "dentro",
    ].map { EnrollmentText.fold($0) })

    /// Units after a number that make it not a rating ("every 2 weeks").
    static let units: Set<String> = [
        "week", "weeks", "day", "days", "month", "months", "time", "times", "hour", "hours", "h", "pm", "am", "semana",
        "semanas", "mes", "meses", "semaine", "semaines", "mois", "woche", "wochen", "monat", "monate", "mal",
    ]

    /// Month names and their short forms, folded: a number beside one is a day, not a rating.
    static let months: Set<String> = Set([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre",
        "diciembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "januar", "februar", "märz", "maerz", "juni", "juli", "oktober", "dezember", "gennaio", "febbraio", "aprile", "maggio",
        "giugno", "luglio", "settembre", "ottobre", "dicembre",
    ].map { EnrollmentText.fold($0) })

    /// First words of a greeting or a sign-off line, which answer nothing.
    /// A bare acknowledgement ("ok", "okay, thanks", "got it"): no answer to any question.
    static func onlyAcknowledges(_ words: [String]) -> Bool {
        let acknowledging = words.filter { !thanks.contains($0) }
        return !acknowledging.isEmpty && acknowledging.allSatisfy(acknowledgements.contains)
    }

    /// "ok", "got it": an acknowledgement with no thanks in it.
    static func acknowledgesWithoutThanks(_ words: [String]) -> Bool {
        !words.isEmpty && words.allSatisfy(acknowledgements.contains)
    }

    static let acknowledgements: Set<String> = ["ok", "okay", "okey", "oki", "okie", "k", "kk", "noted", "got", "it", "sure", "understood", "vale", "entendido", "compris"]
    static let thanks: Set<String> = ["thanks", "thank", "you", "thx", "ty", "gracias", "merci", "danke", "obrigado", "obrigada", "grazie", "much", "muchas"]

    /// Words that only frame answers around them ("Greta and I are doing great - I'd say 5 out
    /// of 5", "Actually, thinking about it again: more like a 3"): no words of a note.
    static let framing: Set<String> = Set(["i", "i'd", "id", "i'm", "im", "we", "we're", "are", "am", "is", "and", "say", "think",
                                           "thinking", "would", "let's", "lets", "us", "both", "actually", "honestly", "it", "it's",
                                           "its", "again", "now", "ich", "wir", "und", "yo", "y", "je", "nous", "et", "eu", "e"]
        .map { EnrollmentText.fold($0) })

    static let greetings: Set<String> = [
        "hi", "hello", "hey", "dear", "hola", "ola", "oi", "bonjour", "salut", "hallo", "liebe", "lieber", "你好", "こんにちは",
    ]
    static let signOffs: Set<String> = [
        "thanks", "thank", "regards", "best", "cheers", "kind", "warm", "sincerely", "gracias", "saludos", "obrigado", "obrigada",
        "abracos", "abraco", "merci", "cordialement", "amities", "bises", "bisous", "danke", "gruß", "gruss", "gruße", "grusse",
        "viele", "lg", "atentamente", "atenciosamente", "谢谢", "ありがとう",
    ]

    /// Clear ways to say a pair is done, for mail under an introduction.
    static let graduationPhrases: [String] = [
        "we graduate", "we'd like to graduate", "we would like to graduate", "we want to graduate", "we have graduated",
        "i'd like to graduate", "i would like to graduate", "i want to graduate", "ready to graduate", "time to graduate",
        "we can graduate", "graduate our pair", "graduate our mentoring",
        "we're done", "we are done", "we're finished", "we are finished", "we've finished", "we have finished",
        "and i have finished", "and i are done", "and i are finished", "and i have completed",
        "finished our mentoring", "completed our mentoring", "our mentoring is over", "our mentoring is finished",
        "our mentoring has ended", "our mentoring is done",
        "graduate us", "please graduate", "end our mentoring", "our mentoring is complete", "we have completed",
        "hemos terminado", "ya terminamos", "terminamos", "ya hemos terminado", "ya acabamos", "hemos acabado", "ja terminamos",
        "queremos graduarnos", "quiero graduarnos", "on a fini", "nous avons fini", "terminamos la mentoria", "terminamos a mentoria", "queremos nos graduar",
        "listos para graduarnos", "lista para graduarme", "listo para graduarme", "pronta para me formar",
        "nous avons termine", "on a termine", "nous voulons terminer", "wir sind fertig", "wir haben abgeschlossen",
        "我们结束了", "我们毕业了", "卒業します", "終了します", "卒業したい",
        "мы закончили", "мы завершили", "abbiamo finito", "abbiamo terminato", "skonczylysmy", "skonczylismy",
        "zakonczylysmy", "zakonczylismy",
    ].map { EnrollmentText.fold($0) }

    /// Ways to promise the answers for later ("I will answer this next week").
    static let answerLater: [String] = [
        "will answer", "i'll answer", "answer later", "answer it later", "answer this later", "answer next week", "will reply",
        "i'll reply", "reply later", "get back to you", "respondere", "contestare", "respondo mas tarde", "respondo luego",
        "te respondo", "os respondo", "responderei", "respondo depois", "je repondrai", "ich antworte", "antworte spater",
    ].map { EnrollmentText.fold($0) }

    /// Whether `text` promises the answers for later.
    static func promisesAnswers(_ text: String) -> Bool {
        let folded = " " + EnrollmentText.words(text).joined(separator: " ") + " "
        return answerLater.contains { folded.contains(" " + EnrollmentText.words($0).joined(separator: " ") + " ") }
    }

    /// Words that undo a graduation phrase just before it ("we are not ready to graduate").
    static let graduationNegations: Set<String> = ["not", "never", "no", "don't", "dont", "isn't", "aren't", "haven't", "no", "nao", "pas", "nicht"]

    /// The graduation phrase in `text`, if any (not after a negation).
    static func graduation(in text: String) -> String? {
        let folded = SurveyAnswerReader.foldLines(text)
        return graduationPhrases.first { phrase in
            guard let range = folded.range(of: phrase) else { return false }
            let cjk = phrase.unicodeScalars.first.map { $0.value > 0x2FFF } == true
            let before = range.lowerBound == folded.startIndex ? " " : folded[folded.index(before: range.lowerBound)]
            let after = range.upperBound == folded.endIndex ? " " : folded[range.upperBound]
            guard cjk || !(before.isLetter || before.isNumber) && !(after.isLetter || after.isNumber) else { return false }
            let clause = folded[..<range.lowerBound].split(whereSeparator: { ",.;!?\n".contains($0) }).last ?? ""
            return !EnrollmentText.words(String(clause)).suffix(3).contains { graduationNegations.contains($0) || $0.hasSuffix("n't") }
        }
    }

    /// Whether a text speaks of the mentoring itself (or graduating), so that "we're done" in
    /// a fresh message is about the pair.
    static func namesMentoring(_ text: String) -> Bool {
        let folded = EnrollmentText.fold(text)
        return ["graduat", "mentoring", "mentorship", "mentoria", "mentorat", "卒業", "毕业", "メンタリング"].contains { folded.contains($0) }
    }

    static let mentoringYes: [String] = [
        "yes", "yeah", "sure", "gladly", "happy to", "sign me up", "count me in", "as a mentor", "i'd like to mentor",
        "i would like to mentor", "i'll mentor", "si", "claro", "sim", "com certeza", "oui", "volontiers", "ja", "gerne",
        "是", "好的", "はい", "喜んで",
    ].map { EnrollmentText.fold($0) }

    /// Whether a short reply accepts the invitation to mentor (and does not decline it).
    static func saysYesToMentoring(_ text: String) -> Bool {
        let words = EnrollmentText.words(text)
        let folded = " " + words.joined(separator: " ") + " "
        if [" no ", " not ", " nao ", " non ", " nein ", " 不 "].contains(where: folded.contains) { return false }
        return mentoringYes.contains { phrase in
            phrase.unicodeScalars.first.map { $0.value > 0x2FFF } == true ? text.contains(phrase) : folded.contains(" \(phrase) ")
        }
    }
}
