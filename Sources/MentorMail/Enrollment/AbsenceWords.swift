import Foundation

/// Being away for a while ("I'll be on leave next week", "estoy de baja hasta marzo", "ich bin
/// im Urlaub"): news from someone who stays in the program, not a wish to leave or pause. The
/// same words ("leave", "break", "salir", "baja") say both, so each use is read in its clause.
enum AbsenceWords {
    /// Phrases that say their writer is or will be away, as folded words.
    static let phrases: [[String]] = [
        "on leave", "leave of absence", "on holiday", "on holidays", "on vacation", "on a break", "on break", "be away", "i'm away",
        "am away", "being away", "away until", "away for", "away from", "away next", "out of office", "out of the office",
        "be back", "off work", "off sick", "de vacaciones", "de viaje", "estare fuera", "estoy fuera", "de permiso", "de licencia",
        "de ferias", "de licenca", "em ferias", "em licenca", "im urlaub", "in urlaub", "in elternzeit", "im mutterschutz",
        "krankgeschrieben", "abwesend", "nicht erreichbar", "en conge", "en vacances", "absent", "absente",
        "in ferie", "in vacanza", "in congedo",
    ].map { EnrollmentText.words($0) }

    /// Words before "leave" or "break" that make it a time away: "parental leave", "on a break".
    static let nounBefore: Set<String> = [
        "on", "of", "from", "after", "during", "parental", "maternity", "paternity", "sick", "medical", "annual", "family",
        "study", "unpaid", "paid", "compassionate", "bereavement", "sabbatical", "holiday", "vacation", "winter", "summer",
        "spring", "autumn", "fall", "christmas", "easter", "lunch", "coffee", "extended", "research", "shared", "adoption",
        "my", "her", "his", "our", "their",
    ]
    static let articles: Set<String> = ["a", "an", "the", "my", "her", "his", "our", "their", "short", "long", "some"]
    /// Where a verb of leaving goes when it is a trip: "leaving for Lisbon", "leaving on Friday".
    static let tripAfter: Set<String> = ["for", "on", "town", "tomorrow", "tonight", "today", "early"]
    static let estar: Set<String> = ["estoy", "estare", "esta", "estara", "estamos", "estar", "estaba", "estuve", "sigo"]

    /// Whether the text says its writer is or will be away for a while ("back from leave" says
    /// they are back).
    static func speaksOfAbsence(_ own: OwnText) -> Bool {
        own.clauses.joined().contains { saysAway($0.words) }
    }

    /// Whether a clause's words say its writer is or will be away.
    static func saysAway(_ words: [String]) -> Bool {
        guard !contains(["back", "from"], in: words) else { return false }
        return phrases.contains { contains($0, in: words) }
            || words.indices.contains { CommandSentences.leavingWords.contains(words[$0]) && isAbsence(words, at: $0) }
    }

    /// What an out-of-office reply says beside the absence, as folded words: how mail is read
    /// meanwhile, when it will be answered, whom to write to instead, that it is automatic.
    static let responderMarks: [[String]] = [
        "access to email", "access to e-mail", "access to my email", "access to mail", "no access", "without access", "limited access",
        "reply when", "respond when", "reply on my return", "respond on my return", "upon my return", "on my return", "when i return",
        "when i'm back", "when i am back", "back on", "urgent", "automatic", "automated", "auto-reply", "autoreply",
        "a mi regreso", "a mi vuelta", "cuando vuelva", "sin acceso", "acceso limitado", "urgente", "urgentes", "automatica",
        "quando voltar", "ao meu regresso", "ao regressar", "sem acesso", "acesso limitado", "automatico",
        "a mon retour", "des mon retour", "acces limite", "sans acces", "automatique", "en cas d'urgence",
        "nach meiner ruckkehr", "keine e-mails", "keine emails", "keinen zugriff", "eingeschrankt", "dringend", "dringende", "automatische",
        "al mio rientro", "al mio ritorno", "accesso limitato",
    ].map { EnrollmentText.words($0) }

    /// Whether `own` reads as an out-of-office reply: being away until a day, or being away
    /// beside one of a responder's marks ("limited access to email", "I will reply on my
    /// return", "for urgent matters"). "I'm away that week" alone is a person's word.
    static func soundsLikeResponder(_ own: OwnText) -> Bool {
        let clauses = own.clauses.joined()
        let away = clauses.filter { saysAway($0.words) }
        guard !away.isEmpty else { return false }
        if away.contains(where: { $0.words.contains(where: untilWords.contains) }) { return true }
        let words = clauses.flatMap(\.words)
        return responderMarks.contains { contains($0, in: words) }
    }

    /// Whether the word of leaving at `index` speaks of a time away or a trip ("on leave",
    /// "parental leave", "leave of absence", "leaving for Lisbon", "salgo de vacaciones",
    /// "estoy de baja", "días de descanso"), not of leaving.
    static func isAbsence(_ words: [String], at index: Int) -> Bool {
        let word = words[index]
        let before = index > 0 ? words[index - 1] : ""
        let beforeThat = index > 1 ? words[index - 2] : ""
        let after = index + 1 < words.count ? words[index + 1] : ""
        let afterThat = index + 2 < words.count ? words[index + 2] : ""
        switch word {
        case "leave", "break":
            if nounBefore.contains(before) || after == "of" && afterThat == "absence" { return true }
            if articles.contains(before) && ["on", "from", "after", "during", "of"].contains(beforeThat) { return true }
            return word == "leave" && tripAfter.contains(after) && afterThat != "good"
        case "leaving":
            return tripAfter.contains(after) && afterThat != "good"
        case "salir", "salgo", "sair":
            return after == "de" && ["vacaciones", "viaje", "ferias", "viagem", "licencia", "licenca"].contains(afterThat)
                || ["para", "hacia", "rumo"].contains(after)
        case "baja":
            return before == "de" && estar.contains(beforeThat) || ["medica", "maternal", "paternal", "laboral"].contains(after)
                || after == "por" && ["maternidad", "paternidad", "enfermedad"].contains(afterThat)
        case "descanso":
            return before == "de"
        default:
            return false
        }
    }

    /// Words after which what follows bounds a time ahead: "until March", "hasta marzo".
    static let untilWords: Set<String> = Set([
        "until", "till", "til", "untill", "hasta", "bis", "jusqu'a", "jusqu'au", "jusqu'en", "ate", "fino",
    ].map { EnrollmentText.fold($0) })
    /// Lengths of time: "two months", "unas semanas", "ein paar Wochen".
    static let spans: Set<String> = Set([
        "day", "days", "week", "weeks", "month", "months", "semester", "term", "quarter", "while", "summer", "winter",
        "dia", "dias", "semana", "semanas", "mes", "meses", "trimestre", "cuatrimestre", "tiempo", "temporada",
        "tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten", "jour", "jours", "semaine", "semaines",
        "mois", "giorni", "settimana", "settimane", "mese", "mesi",
    ].map { EnrollmentText.fold($0) })
    /// Words that make a length of time the past ("for the last two months").
    static let past: Set<String> = ["last", "past", "these", "those", "pasado", "pasados", "pasadas", "ultimos", "ultimas", "estos", "estas",
                                    "ago", "hace", "letzten", "derniers"]
    /// Words that open a length of time ahead: "for two months", "durante unas semanas".
    static let spanOpeners: Set<String> = ["for", "during", "durante", "por", "fur", "pendant", "per", "next", "proximo", "proximos",
                                           "proxima", "proximas", "nachsten", "prochain", "prochaines", "prossimo", "prossimi"]
    /// Phrases that say "for now": a while, not for good.
    static let forNow: [[String]] = [
        "for now", "for the time being", "for a while", "for the moment", "right now", "at the moment", "por ahora",
        "por el momento", "de momento", "por un tiempo", "por una temporada", "durante un tiempo", "por enquanto",
        "pour l'instant", "pour le moment", "im moment", "vorerst", "per ora", "per il momento",
    ].map { EnrollmentText.words($0) }

    /// Whether `words` bound a time ahead: "until March", "for two months", "hasta marzo",
    /// "the next few weeks", "for now". A length in the past ("for the last two months") is not.
    static func boundsTime(_ words: [String]) -> Bool {
        if forNow.contains(where: { contains($0, in: words) }) { return true }
        for (index, word) in words.enumerated() {
            if untilWords.contains(word), index + 1 < words.count, !["now", "today", "ahora", "hoy"].contains(words[index + 1]) { return true }
            // "for (the next) two / a few / some months", within four words of the opener.
            guard spanOpeners.contains(word) else { continue }
            let window = words[(index + 1)..<min(words.count, index + 5)]
            if let span = window.firstIndex(where: spans.contains), !words[index..<span].contains(where: past.contains) { return true }
        }
        return false
    }

    private static func contains(_ phrase: [String], in words: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { words[$0..<$0 + phrase.count].elementsEqual(phrase) }
    }
}
