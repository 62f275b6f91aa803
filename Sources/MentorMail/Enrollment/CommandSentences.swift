import Foundation

/// What a message asks of the program, read from sentences in English and the community's
/// other languages, and how sure the reading is.
public struct CommandReading: Sendable, Equatable {
    public var command: ParticipantCommand
    /// Sure readings are carried out; unsure ones, and any request to delete data made in a
    /// longer message, are answered with what we think was meant and a one-word confirmation.
    public var sure: Bool
    /// The sentence it was read from.
    public var sentence: String
    /// Read from the Subject, the new text asking for nothing.
    public var fromSubject = false
}

/// Requests written as sentences ("Please withdraw me from the program, I no longer have
/// time", "por favor borrad mis datos y dadme de baja del programa"), in English, Spanish,
/// Portuguese, French, German, Italian, Polish, Russian, Chinese and Japanese.
///
/// A clause (a sentence cut at commas, semicolons and "and") counts when, after greetings and
/// polite openings, it starts with a request; a request further inside a clause counts as an
/// unsure reading, unless a negation or someone else ("my colleague", "she") comes before it.
enum CommandSentences {
    struct Phrase {
        let command: ParticipantCommand
        let words: [String]
        /// Chinese and Japanese: matched inside the text, not by words.
        let isCJK: Bool
        /// English phrases take only the objects `CommandPhrases` allows ("remove me from the
        /// program", not "remove me from the CC").
        let isEnglish: Bool
        /// Saying one cannot go on rather than asking ("I can't continue", "I need to step
        /// back"): always an unsure reading, confirmed before anything changes.
        var isIndirect = false
    }

    static let englishWords: Set<String> = Set(CommandPhrases.all.flatMap { $0.starts.joined() } + ["erase", "everything", "about",
        "account", "profile", "information", "data", "personal", "all", "quit", "drop", "program", "programme", "leave",
        "break", "hold", "on", "put", "take", "a", "participation", "cancel", "reactivate", "resume", "unpause", "i'm", "am",
        "back", "i", "opt", "out", "off", "sign", "withdraw", "remove", "unsubscribe", "forget", "delete", "my", "me", "the", "pause"])

    static func phrases(_ command: ParticipantCommand, _ list: [String]) -> [Phrase] {
        list.map { text in
            let folded = EnrollmentText.fold(text)
            let cjk = CJKPhrases.has(folded)
            let words = cjk ? [folded] : EnrollmentText.words(folded)
            return Phrase(command: command, words: words, isCJK: cjk, isEnglish: !cjk && words.allSatisfy(englishWords.contains))
        }
    }

    /// What may follow an English request: the objects `CommandPhrases` allows, and filler.
    static func allowedAfter(_ command: ParticipantCommand) -> Set<String> {
        CommandPhrases.all.filter { $0.command == command }.reduce(CommandPhrases.filler) { $0.union($1.allowed) }
    }

    static func indirect(_ command: ParticipantCommand, _ list: [String]) -> [Phrase] {
        phrases(command, list).map { phrase in
            var phrase = phrase
            phrase.isIndirect = true
            return phrase
        }
    }

    /// Longest first within each command, the irreversible first.
    static let all: [Phrase] = (
        phrases(.deleteData, [
            "delete my data", "delete all my data", "delete my personal data", "erase my data", "remove my data",
            "forget me", "delete my account", "delete my profile", "delete my information", "delete everything about me",
            "borrar mis datos", "borrad mis datos", "borra mis datos", "borren mis datos", "eliminar mis datos", "eliminad mis datos",
            "elimina mis datos", "eliminen mis datos", "suprimir mis datos", "borrar todos mis datos",
            "apagar meus dados", "apaguem meus dados", "apagar os meus dados", "excluir meus dados", "excluam meus dados",
            "eliminar os meus dados", "apaguem os meus dados", "apague os meus dados", "apague meus dados",
            "apagar todos os meus dados", "apaguem todos os meus dados", "excluir os meus dados", "excluam os meus dados",
            "remover os meus dados", "remover meus dados", "supprimer mes données", "supprimez mes données", "effacer mes données",
            "effacez mes données", "meine daten löschen", "löschen sie meine daten", "lösche meine daten", "löscht meine daten",
            "cancellare i miei dati", "cancellate i miei dati", "eliminare i miei dati", "eliminate i miei dati",
            "usuń moje dane", "usunąć moje dane", "usuńcie moje dane", "удалите мои данные", "удалить мои данные",
            "删除我的数据", "删除我的资料", "删除我的信息", "私のデータを削除", "データを削除",
            // Finding: "all", a formal request and imperatives of other persons were passed on as unclear.
            "request erasure of my data", "request erasure of my personal data", "request the erasure of my data",
            "request the erasure of my personal data", "request deletion of my data", "request deletion of my personal data",
            "request the deletion of my data", "request the deletion of my personal data",
            "borra todos mis datos", "borrad todos mis datos", "borren todos mis datos", "eliminar todos mis datos",
            "eliminad todos mis datos", "eliminen todos mis datos", "apaguem todos os meus dados", "apague todos os meus dados",
            "supprimer toutes mes données", "supprimez toutes mes données", "effacer toutes mes données", "effacez toutes mes données",
            "supprimer mes informations", "supprimez mes informations", "supprimer toutes mes informations",
            "supprimez toutes mes informations",
            "löschen sie alle meine daten", "löschen sie bitte alle meine daten", "löschen sie bitte meine daten",
            "alle meine daten löschen", "lösche alle meine daten", "löscht alle meine daten",
            "löschen sie meine persönlichen daten", "meine persönlichen daten löschen",
            "cancella i miei dati", "cancella tutti i miei dati", "cancellate tutti i miei dati", "cancellare tutti i miei dati",
            "elimina i miei dati", "elimina tutti i miei dati", "eliminate tutti i miei dati", "eliminare tutti i miei dati",
            "usuńcie wszystkie moje dane", "usunąć wszystkie moje dane", "usunięcie moich danych", "usunięcie wszystkich moich danych",
            "o usunięcie moich danych", "o usunięcie wszystkich moich danych",
            "удалите все мои данные", "удалить все мои данные", "удаление моих данных", "удалите мой профиль", "удалить мой профиль",
            "删除我的个人", "删除我的账", "删除我的帐", "删掉我的数据", "删掉我的个人", "刪除我的", "個人情報を削除", "登録情報を削除",
            "アカウントを削除",
        ])
        + phrases(.withdraw, [
            "withdraw me", "withdraw", "remove me", "unsubscribe me", "unsubscribe", "take me off", "sign me off",
            "opt out", "leave the program", "leave the programme", "drop out", "quit the program", "cancel my participation",
            "darme de baja", "dadme de baja", "dame de baja", "denme de baja", "quiero darme de baja", "salir del programa",
            "retirarme", "retiradme", "sacadme del programa", "sacarme del programa", "cancelar mi participación",
            "sair do programa", "me retirar", "me remover", "cancelar minha participação", "descadastrar",
            "cancelar minha inscrição", "cancelar a minha inscrição", "cancelar a minha participação", "sair da mentoria",
            "deixar o programa", "me descadastrar", "sair", "dejar el programa", "abandonar el programa",
            "me retirer", "quitter le programme", "me désinscrire", "désinscrivez-moi", "retirez-moi",
            "abmelden", "melden sie mich ab", "aus dem programm austreten", "austreten", "nehmen sie mich raus",
            "ritirarmi", "lasciare il programma", "cancellarmi", "toglietemi", "wypisać się", "wypisać mnie", "wypisz mnie", "wypiszcie mnie",
            "rezygnuję", "отписаться", "выйти из программы", "удалите меня", "退出项目", "退出计划", "退出",
            "退会", "プログラムをやめ",
            "uscire dal programma", "abbandonare il programma", "ritiratemi", "cancellatemi", "disiscrivermi",
            "zrezygnować", "wycofać się", "opuścić program", "покинуть программу", "уйти из программы", "отказаться от участия",
            "辞退", "脱退", "参加をやめ",
        ] + ParticipationPhrases.withdraw)
        + indirect(.withdraw, [
            "can't continue", "cannot continue", "can not continue", "can't go on", "cannot go on", "can't keep going",
            "won't be able to continue", "will not be able to continue", "am not able to continue", "unable to continue",
            "no longer able to continue", "can no longer continue", "can't continue with", "stop participating",
            "stop my participation", "stop mentoring", "stop being a mentor", "stop being a mentee", "leave the mentoring",
            "no puedo seguir", "no puedo continuar", "no podré seguir", "no podré continuar", "no voy a poder seguir",
            "no voy a poder continuar", "dejar la mentoría", "abandonar la mentoría",
            "não posso continuar", "não posso seguir", "não vou poder continuar", "não consigo continuar", "deixar a mentoria",
            "kann nicht weitermachen", "kann nicht mehr weitermachen", "kann ich nicht weitermachen",
            "kann ich nicht mehr weitermachen", "kann nicht mehr teilnehmen", "kann ich nicht mehr teilnehmen",
            "ne peux pas continuer", "ne peux plus continuer", "je ne peux pas continuer", "je ne peux plus continuer",
            "non posso continuare", "non posso più continuare",
        ])
        + indirect(.pause, [
            "step back", "take a step back", "step away", "take some time off", "need a break",
            "dar un paso atrás", "tomarme un tiempo", "dar um tempo", "kürzer treten", "prendre du recul",
        ])
        + phrases(.pause, [
            "una pausa", "un descanso", "uma pausa", "une pause", "eine pause",
            "pause my participation", "put me on hold", "take a break", "pause me", "pause",
            "pausar mi participación", "pausar", "pausa", "poner en pausa", "tomarme un descanso", "hacer una pausa", "fazer uma pausa",
            "pausar minha participação", "pausar a minha participação", "dar uma pausa", "mettre en pause", "faire une pause", "pausieren", "pause machen",
            "mettere in pausa", "fare una pausa", "wstrzymać", "zrobić przerwę", "приостановить", "сделать паузу",
            "暂停", "一時停止", "休止",
            "prendere una pausa", "sospendere la mia partecipazione", "sospendere", "wziąć przerwę", "zawiesić udział", "zawiesić",
            "взять паузу", "сделать перерыв", "взять перерыв", "поставить на паузу", "暫停", "休会",
        ] + ParticipationPhrases.pause)
        + phrases(.resume, [
            "resume my participation", "resume", "reactivate me", "reactivate", "unpause", "i'm back", "i am back",
            "reanudar", "reanudar mi participación", "reactivar", "reactivadme", "retomar", "reativar", "retomar minha participação",
            "retomar a minha participação", "continuar", "voltar ao programa", "reprendre", "réactiver",
            "fortsetzen", "wieder aktivieren", "riprendere", "riattivare", "wznowić", "возобновить", "恢复", "再開",
            "ricominciare", "tornare nel programma", "wrócić do programu", "вернуться в программу", "продолжить участие", "恢復",
            "我回来了", "我回來了", "復帰",
        ] + ParticipationPhrases.resume)
    ).sorted { ($0.command.priority, -$0.words.joined(separator: " ").count) < ($1.command.priority, -$1.words.joined(separator: " ").count) }

    /// Phrases that say many things ("sair de férias", "sair mais cedo", "je reviens vers
    /// vous"): a request only when nothing follows them in their clause ("Quero sair.").
    static let onlyAtClauseEnd: Set<String> = ParticipationPhrases.onlyAtClauseEnd.union(["sair"])

    /// Whether `phrase` counts only at its clause's end.
    static func waitsForClauseEnd(_ phrase: Phrase) -> Bool {
        onlyAtClauseEnd.contains(phrase.words.joined(separator: " "))
    }

    /// Whether nothing follows in the clause and a mark, not a word ("Preciso sair mais cedo":
    /// "mais" cuts French clauses), ends it in its sentence.
    private static func endsAtMark(_ clause: String, in sentence: String, _ after: ArraySlice<String>) -> Bool {
        guard after.isEmpty else { return false }
        guard let range = sentence.range(of: clause) else { return true }
        return sentence[range.upperBound...].trimmingCharacters(in: .whitespaces).first.map { ",;.!?-–—，；".contains($0) } ?? true
    }

    /// The positions in `all` of the phrases matched by words (not CJK), by their first word.
    static let byFirstWord: [String: [Int]] = Dictionary(grouping: all.indices.filter { !all[$0].isCJK && !all[$0].words.isEmpty },
                                                          by: { all[$0].words[0] })

    /// Openings removed before a clause is compared.
    static let politePrefixes: [[String]] = [
        "i would like you to", "i'd like you to", "i want you to", "i would like to", "i'd like to", "i want to",
        "i wish to", "i need to", "i have to", "can you", "could you", "would you", "please", "kindly", "just",
        "por favor", "quiero", "quisiera", "me gustaría", "me gustaria", "podéis", "podeis", "podrías", "podrias",
        "pueden", "puedes", "necesito", "favor de", "quero", "gostaria de", "podem", "poderiam", "preciso",
        "s'il vous plaît", "s'il vous plait", "je voudrais", "je veux", "merci de", "pouvez-vous", "pouvez vous",
        "bitte", "ich möchte", "ich mochte", "ich will", "können sie", "konnen sie", "per favore", "vorrei", "voglio",
        "potete", "proszę", "prosze", "chcę", "chce", "chciałbym", "chciałabym", "пожалуйста", "хочу", "прошу",
        "unfortunately", "sadly", "lamentablemente", "desafortunadamente", "infelizmente", "malheureusement", "leider",
        "purtroppo", "tengo que", "tendré que", "debo", "tenho que", "vou ter que", "ich muss", "je dois", "devo",
        // The law a request names: "under GDPR I request erasure of my personal data".
        "under gdpr", "under the gdpr", "under article 17 of the gdpr", "under article 17 gdpr", "as per gdpr", "per gdpr",
        "according to gdpr", "according to the gdpr", "in accordance with gdpr", "in accordance with the gdpr",
        "pursuant to gdpr", "pursuant to the gdpr", "pursuant to article 17 of the gdpr",
        "я хочу", "я хотел бы", "я хотела бы", "хотел бы", "хотела бы", "мне нужно", "мне надо", "muszę", "mi piacerebbe",
        "desidero", "ho bisogno di",
        "vous pouvez", "tu peux", "pourriez-vous", "pourriez vous", "pourrais-tu", "peux-tu", "podrian", "podriais", "puede",
        "pode", "poderia", "puoi", "potreste", "potrebbe", "könnt ihr", "könntet ihr", "kannst du", "könnten sie",
    ].map { EnrollmentText.words($0) } + CommandPhrases.hedges

    /// Words that make a request not one when they come before it in its clause.
    static let negations: Set<String> = Set([
        "not", "don't", "dont", "do not", "never", "no", "nunca", "não", "nao", "ne", "pas", "jamais", "nicht", "kein",
        "keine", "nie", "non", "mai", "не", "никогда", "لا", "لن", "لم", "لست", "ليس",
    ].map { EnrollmentText.fold($0) })

    /// Someone else doing it: "my colleague withdrew", "she paused", "they unsubscribed".
    static let otherSubjects: Set<String> = Set([
        "he", "she", "they", "my colleague", "my friend", "my mentor", "my mentee", "someone", "somebody", "everyone",
        "él", "ella", "ellos", "mi colega", "mi compañero", "mi compañera", "ele", "eles", "il", "elle", "ils", "er", "sie",
        "il mio collega", "la mia collega", "он", "она", "они", "мой коллега", "моя коллега", "мой друг", "моя подруга",
        "mój kolega", "moja koleżanka", "mój przyjaciel",
    ].map { EnrollmentText.fold($0) })

    /// The strongest request in the new text (and subject), or nil.
    static func read(_ own: OwnText, subject: String?) -> CommandReading? {
        var found: [CommandReading] = []
        // The own text's clauses are cut already; the subject's are cut here.
        let subjectSentence = subject.map(CommandWords.cleanSubject).map { ($0, clauses(of: $0).map(OwnText.Clause.init)) }
        let sentences = (subjectSentence.map { [$0] } ?? []) + zip(own.sentences, own.clauses).map { ($0, $1) }
        for (sentence, clauses) in sentences {
            for clause in clauses {
                if let reading = reading(in: clause, sentence: sentence) { found.append(reading) }
            }
        }
        guard let best = found.min(by: { ($0.command.priority, $0.sure ? 0 : 1) < ($1.command.priority, $1.sure ? 0 : 1) }) else { return nil }
        // Not going on for a time ("I can't continue until March", "remove me for two
        // months"): a wish to pause, asked first, never to leave.
        if best.command == .withdraw, AbsenceWords.boundsTime(EnrollmentText.words(best.sentence)) {
            return CommandReading(command: .pause, sure: false, sentence: best.sentence, fromSubject: best.fromSubject)
        }
        return best
    }

    /// A sentence cut at commas, semicolons and "and" in the community's languages (not Polish
    /// "i", which would cut English at every "I").
    private static let clauseMarks: Set<Character> = [",", ";", "，", "、", "；"]

    static func clauses(of sentence: String) -> [String] {
        // A dash between spaces ends a clause too ("Exams done - please resume"); one inside a
        // word ("re-join") does not.
        var marked = sentence
        if sentence.contains(where: { $0 == "-" || $0 == "–" || $0 == "—" }) {
            for dash in [" -- ", " - ", " – ", " — "] { marked = marked.replacingOccurrences(of: dash, with: ", ") }
        }
        let pieces = marked.split(whereSeparator: clauseMarks.contains).map(String.init)
        return pieces.flatMap { piece in
            splitOnConjunctions(piece, clauseWords)
        }.map(EnrollmentText.trim).filter { !$0.isEmpty }
    }

    /// The words that cut a clause, lower-cased.
    private static let clauseWords: Set<String> = ["and", "y", "e", "et", "und", "и", "so", "but", "pero", "aber", "mais"]

    /// Conjunctions in one language that are another word elsewhere: Italian "so" is "I know"
    /// ("non lo so"), English and German "so" an adverb ("not so sure", "nicht so sicher"),
    /// Portuguese "mais" is "more", Spanish "mas" (más) too, French "ma" is "my".
    static let alsoNotConjunctions: Set<String> = ["so", "mais", "mas", "ma"]

    /// Words that wait for what follows them in their clause: a negation or a pronoun before
    /// its verb ("non lo so", "io so", "not so sure").
    static let waitForVerb: Set<String> = negations.subtracting(["no"])
        .union(["lo", "la", "li", "le", "ne", "ci", "vi", "mi", "ti", "gli", "io", "tu"])

    /// Splits `text` at `conjunctions` (whole words, any case) where they join two clauses:
    /// never at the end (nothing to join: "I think so", "Não posso mais"), and a word of
    /// ``alsoNotConjunctions`` not after a word that waits for its verb, where it is that verb
    /// or an adverb. Keeps the original spelling of the pieces.
    static func splitOnConjunctions(_ text: String, _ conjunctions: Set<String>) -> [String] {
        EnrollmentText.split(text) { word, at, words, current in
            let lowered = word.lowercased()
            guard conjunctions.contains(lowered), at + 1 < words.count else { return false }
            guard alsoNotConjunctions.contains(lowered), let before = current.last else { return true }
            return !waitForVerb.contains(EnrollmentText.fold(String(before)))
        }
    }

    private static func reading(in clause: OwnText.Clause, sentence: String) -> CommandReading? {
        let folded = clause.folded
        var words = clause.words
        // Chinese and Japanese requests, inside the text. Text without a scalar from U+2E80 on
        // (where CJK begins, compatibility ideographs included) cannot hold one: skip the search.
        let mayHoldCJK = folded.unicodeScalars.contains { $0.value >= 0x2E80 }
        for phrase in all where phrase.isCJK && mayHoldCJK {
            guard let range = folded.range(of: phrase.words[0]) else { continue }
            let before = folded[..<range.lowerBound]
            if before.suffix(3).contains(where: { "不别別没".contains($0) }) || before.hasSuffix("ない") { return nil }
            // "退会したくない", "まだ再開しません" (not "削除していただけませんか", which asks);
            // "我的同事想退出", "彼女は退会しました": someone else.
            if CJKPhrases.negatedAfter(folded[range.upperBound...]) || CJKPhrases.otherPeople.contains(where: before.hasPrefix) { return nil }
            let sure = phrase.command != .deleteData && folded.count <= phrase.words[0].count + 8
            return CommandReading(command: phrase.command, sure: sure, sentence: sentence)
        }
        guard !words.isEmpty else { return nil }
        var removed = true
        while removed {
            removed = false
            for prefix in politePrefixes where words.starts(with: prefix) && words.count > prefix.count {
                words.removeFirst(prefix.count)
                removed = true
                break
            }
        }
        words = ParticipationPhrases.withoutCourtesy(words)
        // A phrase can only be found when its first word is among the clause's: only those are
        // tried, in the order of `all`.
        let candidates = Set(words.flatMap { byFirstWord[$0] ?? [] }).sorted().map { all[$0] }
        for phrase in candidates {
            guard let start = firstIndex(of: phrase.words, in: words) else { continue }
            let before = words[..<start]
            let beforeText = before.joined(separator: " ")
            if before.contains(where: negations.contains) || negations.contains(where: { $0.contains(" ") && EnrollmentText.contains($0, in: beforeText) }) {
                return nil
            }
            if otherSubjects.contains(where: { beforeText.hasPrefix($0) }) { return nil }
            let after = words[(start + phrase.words.count)...]
            if waitsForClauseEnd(phrase) && !endsAtMark(clause.text, in: sentence, after) { continue }
            if phrase.isEnglish && !after.allSatisfy(allowedAfter(phrase.command).contains) { continue }
            let rest = after.count
            // At the start of its clause, with a short object: a request. Deleting data always asks first.
            let sure = start == 0 && rest <= 6 && phrase.command != .deleteData && !phrase.isIndirect
            // Further inside, only after words of wanting ("I think I should withdraw"): unsure.
            guard start == 0 || before.allSatisfy(wanting.contains) else { continue }
            return CommandReading(command: phrase.command, sure: sure, sentence: sentence)
        }
        return nil
    }

    /// A request taken back: one the text says it does not want ("I don't want to pause", "não
    /// quero sair"), or "ignore my previous mail". `command` nil: whatever was asked last.
    struct TakenBack: Sendable, Equatable {
        var command: ParticipantCommand?
        var sentence: String
    }

    /// The request the new text takes back, if it takes one back plainly: a pause, leaving or
    /// deleting data after a negation and words of wanting only ("I really don't want to
    /// pause", "je ne veux pas arrêter": a word of leaving names no request), or asking us to
    /// ignore or forget the previous message. Not going on ("no quiero continuar") takes
    /// nothing back: it is a wish to leave.
    static func takenBack(_ own: OwnText) -> TakenBack? {
        var ignoresPrevious: String?
        for (sentence, clauses) in zip(own.sentences, own.clauses) {
            for clause in clauses {
                if let refusal = refusal(in: clause, sentence: sentence), refusal.plain, refusal.command != .resume {
                    return TakenBack(command: refusal.command, sentence: sentence)
                }
                if ignoresPrevious == nil, asksToIgnorePrevious(clause.words) { ignoresPrevious = sentence }
            }
        }
        return ignoresPrevious.map { TakenBack(command: nil, sentence: $0) }
    }

    /// Whether the new text refuses a request in any way ("I'm not sure I want to pause" too),
    /// takes one back, or puts off resuming ("not yet"): then the Subject, which a reply keeps
    /// from its thread, asks nothing either.
    static func refusesOrTakesBack(_ own: OwnText) -> Bool {
        putsOffResuming(own) != nil || zip(own.sentences, own.clauses).contains { sentence, clauses in
            clauses.contains { refusal(in: $0, sentence: sentence) != nil || asksToIgnorePrevious($0.words) }
        }
    }

    /// The sentence that puts off resuming, if one does: a plain refusal to resume ("I don't
    /// want to resume yet", "no quiero reanudar todavía"), a bare "not yet" ("todavía no", "pas
    /// encore"), or a resume for later ("I'll write when I'm back"). Not going on ("no quiero
    /// continuar") is none: it may be a wish to leave.
    static func putsOffResuming(_ own: OwnText) -> String? {
        for (sentence, clauses) in zip(own.sentences, own.clauses) {
            for clause in clauses where !clause.words.contains(where: goingOnWords.contains) {
                if let refused = refusal(in: clause, sentence: sentence), refused.plain, refused.command == .resume { return sentence }
                if isNotYet(clause.words) || defersResuming(clause.words) { return sentence }
            }
        }
        return nil
    }

    /// Words of "not now" after a negation or a refused request: "not yet", "todavía no", "noch nicht".
    static let notYet: Set<String> = Set([
        "yet", "still", "todavia", "aun", "ainda", "encore", "noch", "ancora",
    ].map { EnrollmentText.fold($0) })

    /// "Not yet", "no, not just yet", "pas encore, merci": a negation and "yet", and at most a
    /// word of thanks or regret beside them.
    private static func isNotYet(_ words: [String]) -> Bool {
        words.contains(where: notYet.contains) && words.contains(where: negations.contains)
            && words.allSatisfy { notYet.contains($0) || negations.contains($0) || notYetCourtesy.contains($0) }
    }

    private static let notYetCourtesy: Set<String> = Set([
        "just", "really", "sorry", "nope", "thanks", "thank", "you", "please", "gracias", "merci", "danke", "obrigado", "obrigada",
        "grazie", "perdon", "desole", "desolee",
    ].map { EnrollmentText.fold($0) })

    /// Words that put what follows them off until later: "I'll write when I'm back".
    static let deferring: Set<String> = Set([
        "when", "once", "after", "until", "till", "cuando", "quand", "lorsque", "wenn", "sobald", "quando",
    ].map { EnrollmentText.fold($0) })

    /// A resume after a word that puts it off: "I'll write when I'm back", "once I am back".
    private static func defersResuming(_ words: [String]) -> Bool {
        guard let when = words.firstIndex(where: deferring.contains) else { return false }
        let later = Array(words[(when + 1)...])
        return all.contains { $0.command == .resume && !$0.isCJK && firstIndex(of: $0.words, in: later) != nil }
    }

    /// A request after a negation in one clause. `plain`: only words of wanting stand between
    /// them. `command` nil: a word of leaving that is no request ("arrêter").
    private static func refusal(in clause: OwnText.Clause, sentence: String) -> (command: ParticipantCommand?, plain: Bool)? {
        let words = clause.words
        guard let negation = words.firstIndex(where: { negations.contains($0) || $0.hasSuffix("n't") }) else { return nil }
        let candidates = Set(words.flatMap { byFirstWord[$0] ?? [] }).sorted().map { all[$0] }
        for phrase in candidates {
            guard let start = firstIndex(of: phrase.words, in: words), start > negation, !phrase.isIndirect else { continue }
            let after = words[(start + phrase.words.count)...]
            if waitsForClauseEnd(phrase) && !endsAtMark(clause.text, in: sentence, after) { continue }
            // "I don't want to resume yet": a request may be refused for now.
            if phrase.isEnglish && !after.allSatisfy({ allowedAfter(phrase.command).contains($0) || forNow.contains($0) }) { continue }
            return (phrase.command, words[negation..<start].allSatisfy(refusing.contains))
        }
        if let word = words[negation...].firstIndex(where: leavingWords.contains),
           words[negation..<word].allSatisfy(refusing.contains), words[(word + 1)...].allSatisfy(leavingObjects.contains) {
            return (nil, true)
        }
        return nil
    }

    /// What may follow a refused request besides its objects: "not yet", "just yet", "for the moment".
    static let forNow: Set<String> = notYet.union(["just", "for", "at", "the", "moment", "now", "right"])

    /// Words between a negation and the request it refuses plainly: "don't really want to", "ne
    /// veux pas", "möchte nicht", "não quero", "not ready to".
    static let refusing: Set<String> = negations.union(wanting).union(Set([
        "don't", "dont", "do", "did", "didn't", "want", "wanna", "mean", "meant", "intend", "really", "actually", "to", "be", "ready",
        "quiero", "queria", "quería", "quero", "queremos", "veux", "voulais", "voulons", "möchte", "mochte", "will",
        "wollte", "voglio", "volevo", "chcę", "chce", "хочу", "me", "de", "a", "pas", "plus", "mehr", "más", "mais",
    ].map { EnrollmentText.fold($0) }))

    /// What may follow a refused word of leaving: "je ne veux pas arrêter le programme".
    static let leavingObjects: Set<String> = CommandPhrases.filler.union(Set([
        "it", "now", "yet", "le", "la", "el", "o", "a", "das", "die", "il", "programa", "programme", "programm", "programma",
        "mentoria", "mentoría", "mentorat", "mentoring", "encore", "todavia", "todavía", "ainda", "noch", "ancora",
    ].map { EnrollmentText.fold($0) }))

    /// "ignore my previous mail", "forget the last message", "esqueçam a mensagem anterior",
    /// "olvidad mi mensaje anterior", "oubliez mon message précédent", "vergesst meine letzte
    /// Nachricht": a verb of disregarding with a message we had before as its object.
    static func asksToIgnorePrevious(_ words: [String]) -> Bool {
        guard let verb = words.firstIndex(where: disregarding.contains) else { return false }
        let object = words[words.index(after: verb)...]
        return object.contains(where: messageWords.contains) && object.contains(where: earlierWords.contains)
    }

    static let disregarding: Set<String> = Set([
        "ignore", "disregard", "forget", "ignora", "ignorad", "ignoren", "ignorar", "ignorem", "ignorem", "olvida", "olvidad",
        "olviden", "olvidar", "esqueça", "esqueçam", "esquecer", "esquece", "desconsiderem", "desconsidere", "oubliez",
        "oublie", "ignorez", "oublier", "ignorer", "vergesst", "vergessen", "vergiss", "ignoriert", "ignorieren",
        "ignorate", "dimenticate",
    ].map { EnrollmentText.fold($0) })
    static let messageWords: Set<String> = Set([
        "mail", "email", "e-mail", "message", "msg", "note", "mensaje", "correo", "mensagem", "email", "message", "courriel",
        "mail", "nachricht", "messaggio",
    ].map { EnrollmentText.fold($0) })
    static let earlierWords: Set<String> = Set([
        "previous", "last", "earlier", "prior", "first", "other", "anterior", "último", "ultimo", "última", "ultima", "primeiro",
        "précédent", "precedent", "dernier", "letzte", "vorherige", "vorige", "erste", "precedente", "ultimo",
    ].map { EnrollmentText.fold($0) })

    /// Words that speak of leaving or stopping, and verbs of going on that a negation turns
    /// into the same ("I can't really carry on"): a message with them that no request was read
    /// from may still be a wish to leave or pause, which a person must read.
    static let leavingWords: Set<String> = Set([
        "withdraw", "withdrawing", "quit", "quitting", "leave", "leaving", "stop", "stopping", "pause", "pausing", "break",
        "unsubscribe", "retire", "dropping", "exit", "dejar", "dejo", "salir", "salgo", "retirarme", "retirar", "abandonar",
        "pausa", "descanso", "parar", "baja", "sair", "deixar", "desistir", "aufhören", "aufhoren", "austreten", "pausieren",
        "arrêter", "arreter", "quitter", "abandonner", "lasciare", "ritirarmi",
    ].map { EnrollmentText.fold($0) })
    static let goingOnWords: Set<String> = Set([
        "continue", "continuing", "carry", "seguir", "continuar", "weitermachen", "teilnehmen", "continuer",
        "continuare", "participate", "participating",
    ].map { EnrollmentText.fold($0) })

    /// Words that bound a time: not going on "until March" or "next week" is being away.
    static let forAWhile: Set<String> = Set([
        "until", "till", "next", "week", "weeks", "days", "hasta", "semana", "semanas", "dias", "bis", "woche", "wochen",
        "tage", "jusqu'a", "semaine", "semaines", "jours", "fino", "settimana", "ate", "durante", "during",
    ].map { EnrollmentText.fold($0) })

    /// Whether the text speaks of leaving or pausing, or of not going on, without a request
    /// being read from it. Being away for a while ("I'm on parental leave until March", "I
    /// can't meet next week, I'm on holiday") is not leaving.
    static func soundsLikeLeaving(_ own: OwnText) -> Bool {
        let away = AbsenceWords.speaksOfAbsence(own)
        return own.clauses.joined().contains { clause in
            let words = clause.words
            if words.indices.contains(where: { leavingWords.contains(words[$0]) && !AbsenceWords.isAbsence(words, at: $0) }) { return true }
            guard let negation = words.firstIndex(where: { negations.contains($0) || $0.hasSuffix("n't") }) else { return false }
            let after = words[negation...]
            return after.contains(where: goingOnWords.contains) && !(away && after.contains(where: forAWhile.contains))
        }
    }

    /// Whether the text speaks of privacy or of deleting data ("what happens to my data under
    /// GDPR?", "¿borráis los datos personales?"), or asks what is held about the writer ("what
    /// data do you hold about me?", "welche Daten habt ihr über mich gespeichert?"), with no
    /// request read from it: a person reads it. "Here is some information about me" holds
    /// nothing of it: the data must be held, or personal.
    static func speaksOfPrivacy(_ own: OwnText) -> Bool {
        own.clauses.joined().contains { clause in
            let words = clause.words
            guard !words.contains(where: privacyWords.contains) else { return true }
            guard words.contains(where: dataWords.contains) else { return false }
            return words.contains(where: deletingWords.contains) || words.contains(where: personalWords.contains) || asksAboutMe(words)
        }
    }

    /// The sentence that asks to see what is held about the writer ("what data do you hold about
    /// me?", "¿qué datos tenéis de mí?", "can I get a copy of my data"), as written; nil when
    /// none does, or one speaks of deleting data or of privacy laws (a person answers those).
    static func dataRequest(_ own: OwnText) -> String? {
        var request: String?
        for (sentence, clauses) in zip(own.sentences, own.clauses) {
            for clause in clauses {
                let words = clause.words
                guard words.contains(where: dataWords.contains) else { continue }
                if words.contains(where: deletingWords.contains) || words.contains(where: privacyWords.contains) { return nil }
                if asksAboutMe(words) || words.contains(where: seeingWords.contains) && words.contains(where: myWords.contains) {
                    request = request ?? sentence
                }
            }
        }
        return request
    }

    /// "hold … about me", "tenéis de mí": holding, and the writer after a word of aboutness.
    private static func asksAboutMe(_ words: [String]) -> Bool {
        words.contains(where: holdingWords.contains) && words.indices.dropFirst().contains { index in
            aboutMeWords.contains(words[index]) && aboutWords.contains(words[index - 1])
        }
    }

    /// Seeing or getting a copy: "a copy of my data", "ver mis datos", "Auskunft über meine Daten".
    static let seeingWords: Set<String> = Set([
        "see", "copy", "access", "view", "show", "export", "ver", "copia", "acceso", "mostrar", "consultar", "acesso",
        "cópia", "voir", "copie", "accès", "sehen", "kopie", "auskunft", "einsicht", "vedere", "accesso",
    ].map { EnrollmentText.fold($0) })

    /// The writer's own: "my data", "mis datos", "meine Daten".
    static let myWords: Set<String> = Set([
        "my", "mis", "mi", "meus", "meu", "minhas", "mes", "mon", "meine", "meinen", "miei", "mie",
    ].map { EnrollmentText.fold($0) })

    /// What comes before "me" when the data is about the writer: "about me", "sobre mí", "su di me".
    static let aboutWords: Set<String> = Set([
        "about", "on", "of", "regarding", "concerning", "sobre", "de", "acerca", "über", "von", "zu", "sur", "concernant",
        "su", "di", "riguardo",
    ].map { EnrollmentText.fold($0) })

    static let personalWords: Set<String> = Set([
        "personal", "personales", "pessoais", "personnelles", "persönlichen", "personenbezogenen", "personenbezogene", "personali",
    ].map { EnrollmentText.fold($0) })

    /// Holding data: "do you hold", "tenéis", "gespeichert".
    static let holdingWords: Set<String> = Set([
        "hold", "holds", "have", "has", "keep", "keeps", "store", "stored", "stores", "process", "collect", "collected",
        "tenéis", "tienen", "tiene", "guardáis", "guardan", "guardado", "guardados", "almacenáis", "almacenan",
        "têm", "tem", "guardam", "armazenam", "possuem", "habt", "haben", "speichert", "speichern", "gespeichert",
        "avez", "détenez", "conservez", "gardez", "stockez", "avete", "conservate", "tenete", "salvato", "salvati",
    ].map { EnrollmentText.fold($0) })

    /// The writer, after `aboutWords`: "about me", "sobre mí", "über mich".
    static let aboutMeWords: Set<String> = Set([
        "me", "mí", "mich", "mir", "moi", "mim",
    ].map { EnrollmentText.fold($0) })

    static let privacyWords: Set<String> = Set([
        "gdpr", "rgpd", "dsgvo", "lgpd", "privacy", "datenschutz", "privacidad", "privacidade", "confidentialité", "riservatezza",
    ].map { EnrollmentText.fold($0) })

    static let deletingWords: Set<String> = Set([
        "delete", "deleted", "deleting", "deletion", "erase", "erased", "erasing", "erasure", "forget", "remove", "removed",
        "borrar", "borrad", "borren", "borráis", "eliminar", "eliminad", "eliminen", "apagar", "apaguem", "excluir", "apagamento",
        "supprimer", "supprimez", "suppression", "effacer", "effacez", "effacement", "löschen", "löscht", "lösche", "löschung",
        "cancellare", "cancellate", "cancella", "cancellazione", "eliminare", "elimina", "eliminate",
    ].map { EnrollmentText.fold($0) })

    static let dataWords: Set<String> = Set([
        "data", "information", "details", "datos", "dados", "données", "informations", "daten", "dati", "informazioni",
    ].map { EnrollmentText.fold($0) })

    /// Words that may come before an unsure request: "I think I'd better withdraw".
    static let wanting: Set<String> = Set([
        "i", "i'd", "i'll", "i'm", "we", "think", "maybe", "perhaps", "probably", "should", "would", "could", "will",
        "might", "need", "want", "have", "to", "like", "better", "really", "so", "then", "now", "also", "finally",
        "guess", "must", "me", "creo", "que", "debería", "deberia", "quizás", "quizas", "mejor", "acho", "talvez",
        "je", "crois", "dois", "ich", "denke", "sollte", "penso", "dovrei", "hereby", "formally",
    ].map { EnrollmentText.fold($0) })

    private static func firstIndex(of phrase: [String], in words: [String]) -> Int? {
        guard !phrase.isEmpty, phrase.count <= words.count else { return nil }
        for start in 0...(words.count - phrase.count) where words[start..<start + phrase.count].elementsEqual(phrase) {
            return start
        }
        return nil
    }
}

extension CommandWords {
    /// The request in the new text (or subject): the strict English commands first (sure,
    /// unless they ask to delete data inside a longer message), then requests in sentences
    /// and in the community's languages.
    public static func read(in newText: String, subject: String? = nil) -> CommandReading? {
        read(in: OwnText(newText), subject: subject)
    }

    /// The new text is read first and the Subject only when the text asks for nothing: a
    /// reply's subject repeats the one its thread began with, so "resume" under "Re: withdraw"
    /// is a resume.
    static func read(in own: OwnText, subject: String?) -> CommandReading? {
        let ownWords = own.lines.flatMap { EnrollmentText.words($0) }.count
        if let command = detect(in: own, subject: nil) {
            return CommandReading(command: command, sure: command != .deleteData || ownWords <= 12, sentence: own.text)
        }
        if let reading = CommandSentences.read(own, subject: nil) { return reading }
        // "não quero pausar" under "Re: pausa": the text's refusal outweighs the Subject.
        guard let subject, !CommandSentences.refusesOrTakesBack(own) else { return nil }
        let none = OwnText("")
        if let command = detect(in: none, subject: subject) {
            return CommandReading(command: command, sure: command != .deleteData || ownWords <= 12, sentence: subject,
                                  fromSubject: true)
        }
        return CommandSentences.read(none, subject: subject).map { reading in
            var reading = reading
            if reading.command == .deleteData && ownWords > 12 { reading.sure = false }
            reading.fromSubject = true
            return reading
        }
    }
}
