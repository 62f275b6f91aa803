import Foundation

/// A proposal as `mentormail match` shows it: names, addresses, scores and reasons.
public struct ProposalView: Encodable, Sendable {
    public struct Pair: Encodable, Sendable {
        public var mentee: String
        public var menteeEmail: String
        public var mentor: String
        public var mentorEmail: String
        public var score: Int
        public var why: String
        public var caution: String?
    }

    public struct Unmatched: Encodable, Sendable {
        public var name: String
        public var email: String
        public var reason: String
    }

    /// The code to approve it with; nil for a dry run, which stores no proposal.
    public var token: String?
    public var algorithm: String
    /// proposed, approved, …; "dry-run" when nothing was stored.
    public var status: String
    public var totalScore: Int
    public var pairs: [Pair]
    public var unmatched: [Unmatched]

    public init(_ proposal: MatchProposal, people: [Int64: Participant], dryRun: Bool = false) {
        token = dryRun ? nil : proposal.token
        algorithm = proposal.algorithm
        status = dryRun ? "dry-run" : proposal.status.rawValue
        totalScore = proposal.totalScore
        // A person without a name keeps an empty name here; the text names them by address alone.
        let name = { (id: Int64) in people[id]?.profile.name ?? "?" }
        pairs = proposal.pairs.map { pair in
            Pair(mentee: name(pair.menteeID), menteeEmail: people[pair.menteeID]?.email ?? "?",
                 mentor: name(pair.mentorID), mentorEmail: people[pair.mentorID]?.email ?? "?",
                 score: pair.score, why: pair.explanation, caution: pair.caution)
        }
        unmatched = proposal.unmatched.map { entry in
            Unmatched(name: name(entry.menteeID), email: people[entry.menteeID]?.email ?? "?", reason: entry.reason)
        }
    }

    /// "Ann Lee <ann@example.org>", or the address alone for a person without a name.
    static func named(_ name: String, _ email: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? email : "\(trimmed) <\(email)>"
    }

    public var text: String {
        var lines = ["\(pairs.count) pair(s), \(unmatched.count) unmatched, total score \(totalScore) (\(algorithm))", ""]
        for pair in pairs {
            lines.append("  \(Self.named(pair.mentee, pair.menteeEmail))  ←  \(Self.named(pair.mentor, pair.mentorEmail))  score \(pair.score)")
            lines.append("      \(pair.why)")
            if let caution = pair.caution { lines.append("      look first: \(caution)") }
        }
        if !unmatched.isEmpty {
            lines.append("")
            lines.append("Unmatched:")
            for entry in unmatched { lines.append("  \(Self.named(entry.name, entry.email)): \(entry.reason)") }
        }
        return lines.joined(separator: "\n")
    }
}

/// A pair's stored explanation ("both: Nova; time zones 2 h apart; both prefer IRC and email;
/// technical") worded for the pair's own language. Parts it does not know stay as they are.
/// `area`: how an area named in English is called in Spanish.
enum MatchExplanation {
    static func spanish(_ english: String, area: (String) -> String = { $0 }) -> String {
        english.components(separatedBy: "; ").map { spanishPart($0, area: area) }.joined(separator: "; ")
    }

    private static func spanishPart(_ part: String, area: (String) -> String) -> String {
        if part.hasPrefix("both: ") {
            let areas = EnrollmentText.splitOnWords(String(part.dropFirst(6)), ["and"]).flatMap { $0.components(separatedBy: ", ") }
            return "en común: " + ProfileWording(language: "es").list(areas.map(area))
        }
        if part == "same time zone" { return "la misma zona horaria" }
        if part.hasPrefix("time zones "), part.hasSuffix(" h apart") {
            return "zonas horarias a " + part.dropFirst(11).dropLast(8) + " h"
        }
        if part.hasPrefix("both prefer ") {
            let media = part.dropFirst(12).replacingOccurrences(of: " and ", with: " y ").replacingOccurrences(of: ", ", with: ", ")
                .replacingOccurrences(of: "video calls", with: "videollamadas").replacingOccurrences(of: "in person", with: "en persona")
            return "forma de contacto en común: " + media
        }
        if part.hasPrefix("both can meet in ") { return "pueden verse en " + part.dropFirst(17) }
        if part.hasSuffix(" h a week free at the same time") { return part.dropLast(31) + " h a la semana libres a la vez" }
        switch part {
        case "technical": return "mentoría técnica"
        case "career": return "mentoría profesional"
        default: return part
        }
    }
}

extension MatchExplanation {
    /// Why a mentee was not matched ("no mentor with free capacity speaks Japanese and is new to
    /// them"), worded in Spanish; a reason it does not know stays in English.
    static func spanishReason(_ english: String, wording: ProfileWording) -> String {
        let whole = [
            "there are no mentors": "no hay personas mentoras",
            "no mentor has free capacity": "ninguna persona mentora tiene plazas libres",
            "the only compatible mentor is full": "la única persona mentora compatible no tiene plazas libres",
            "not signed up as a mentee": "no constas como mentee",
        ]
        if let known = whole[english] { return known }
        if english.hasPrefix("all "), english.hasSuffix(" compatible mentors are full") {
            return "las \(english.dropFirst(4).dropLast(28)) personas mentoras compatibles no tienen plazas libres"
        }
        guard english.hasPrefix("no mentor ") else { return english }
        var text = String(english.dropFirst("no mentor ".count))
        var head = "ninguna persona mentora "
        if text.hasPrefix("with free capacity ") {
            head += "con plazas libres "
            text.removeFirst("with free capacity ".count)
        }
        let phrases = [
            ("is signed up to mentor", "está inscrita para mentorizar"),
            ("offers technical or career mentoring", "ofrece mentoría técnica o profesional"),
            ("offers technical and career mentoring", "ofrece mentoría técnica y profesional"),
            ("offers technical mentoring", "ofrece mentoría técnica"),
            ("offers career mentoring", "ofrece mentoría profesional"),
            ("is new to them", "es nueva para ti (ya tuviste pareja con las demás)"),
            ("speaks ", "habla "),
            (" h a day", " h al día"),
            ("is awake at the same time for ", "coincide contigo despierta "),
            (" and ", " y "),
            (" or ", " o "),
        ]
        for (from, to) in phrases { text = text.replacingOccurrences(of: from, with: to) }
        // Language names, as the profile shows them in Spanish ("Japanese" → "japonés").
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ","))
            guard let first = bare.first, first.isUppercase else { return String(word) }
            return word.replacingOccurrences(of: bare, with: wording.languageName(bare))
        }
        return head + words.joined(separator: " ")
    }
}
