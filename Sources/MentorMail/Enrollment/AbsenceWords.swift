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
        own.clauses.joined().contains { clause in
            guard !contains(["back", "from"], in: clause.words) else { return false }
            return phrases.contains { contains($0, in: clause.words) }
                || clause.words.indices.contains { CommandSentences.leavingWords.contains(clause.words[$0]) && isAbsence(clause.words, at: $0) }
        }
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

    private static func contains(_ phrase: [String], in words: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { words[$0..<$0 + phrase.count].elementsEqual(phrase) }
    }
}
