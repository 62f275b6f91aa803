import Foundation
import Mail

/// Mail that only thanks or acknowledges ("Thanks! See you Sunday.", "Got it, thanks", "Thank
/// you, will do"): nothing to answer and nothing for a person to read, under any mail of ours.
enum Courtesy {
    /// Courtesy only: thanks, "see you Sunday", "ok", "will do", "passt", in any order; nothing else.
    static let words: Set<String> = Set([
        "thanks", "thank", "thx", "ty", "you", "many", "much", "so", "very", "a", "lot", "again", "for", "the", "this", "that", "it",
        "all", "everything", "info", "information", "schedule", "details", "organising", "organizing", "see", "then", "there",
        "soon", "great", "perfect", "ok", "okay", "noted", "got", "cheers", "awesome", "wonderful", "lovely", "nice", "super",
        "cool", "fine", "good", "sounds", "looks", "looking", "forward", "to", "best", "regards", "hi", "hello", "dear", "and",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "then", "all", "set",
        "will", "do", "i", "i'll", "we", "we'll", "sure", "understood", "received", "reminder", "survey", "message", "mail",
        "email", "note", "appreciate", "appreciated", "kind", "later", "shortly", "your", "reply", "response", "answer", "quick",
        "respuesta", "tu", "vuestra", "su", "votre", "ta", "reponse", "antwort", "ihre", "deine", "eure", "resposta", "sua", "tua",
        "danke", "vielen", "dank", "schon", "passt", "gut", "prima", "bis", "dann", "sonntag", "samstag", "morgen", "alles", "klar",
        "mach", "mache", "ich", "das", "verstanden", "erhalten",
        "gracias", "muchas", "perfecto", "vale", "genial", "nos", "vemos", "hasta", "el", "domingo", "sabado", "manana",
        "lo", "hare", "entendido", "recibido", "claro",
        "merci", "beaucoup", "parfait", "bientot", "dimanche", "je", "le", "ferai", "compris", "recu", "entendu",
        "grazie", "mille", "perfetto", "domenica", "capito", "ricevuto", "certo", "faro",
        "obrigado", "obrigada", "otimo", "entendi", "recebido", "farei",
        // Thanks for everything, to the team: "gracias por todo", "obrigada por tudo", "merci pour tout".
        "todo", "tudo", "tout", "tutto", "team", "equipo", "equipe", "squadra", "e", "y", "und",
        "dziekuje", "dzieki", "super", "спасибо", "большое", "отлично", "до", "встречи",
        // Thanks for the match, in the community's languages.
        "match", "matching", "introduction", "intro", "introducing", "connecting", "us", "me", "pairing",
        "fur", "die", "vermittlung", "vorstellung", "por", "la", "presentacion", "pela", "apresentacao", "muito",
        "pour", "mise", "en", "relation", "presentation",
    ].map { EnrollmentText.fold($0) })


    /// The words one of which a courtesy must hold: thanks or an acknowledgement.
    static let thanking: Set<String> = Set([
        "thanks", "thank", "thx", "danke", "dank", "gracias", "merci", "grazie", "obrigado", "obrigada", "dziekuje", "dzieki",
        "спасибо", "passt", "ok", "okay", "noted", "perfect", "great", "see", "got", "understood", "entendido", "verstanden",
        "compris", "capito", "entendi", "will",
    ].map { EnrollmentText.fold($0) })

    /// Words that only greet, thank or apologise for answering late ("Sorry for the delay!").
    static func onlyCourtesy(_ words: [String]) -> Bool {
        words.allSatisfy { SurveyVocabulary.apologies.contains($0) || SurveyVocabulary.greetings.contains($0) || Self.words.contains($0) }
    }

    /// Whether the person's own lines only thank or acknowledge: nothing to answer, nothing
    /// for a person to read.
    /// `signedBy`: the writer's display name, whose words may sign the note on a line of their own.
    static func isThanks(_ own: OwnText, signedBy name: String? = nil) -> Bool {
        var lines = own.lines.map { EnrollmentText.trim($0) }.filter { !$0.isEmpty }
        // A note closes with its writer: a name, a goodbye, "Sent from my phone" after the thanks.
        while lines.count > 1, let last = lines.last, isClosing(last, signedBy: name) { lines.removeLast() }
        let said = lines.flatMap { EnrollmentText.words($0) }
        return !said.isEmpty && said.count <= 20 && said.allSatisfy(words.contains) && said.contains(where: thanking.contains)
    }

    /// A line that only closes a note: the writer's name (words of their display name), a
    /// goodbye ("Gruß", "Bonne journée,"), or a phone's line ("Enviado desde mi Galaxy").
    static func isClosing(_ line: String, signedBy name: String?) -> Bool {
        if ReplyExtractor.isMobileSignature(line) || SignupFormLine(line).isSignOff { return true }
        let lower = line.lowercased()
        if ["sent from my ", "enviado desde mi ", "enviado do meu ", "envoyé de mon ", "von meinem "].contains(where: lower.hasPrefix) { return true }
        guard let name, SignupFormParser.looksLikeSignature(line) else { return false }
        let signed = EnrollmentText.words(line), named = Set(EnrollmentText.words(name))
        return !signed.isEmpty && signed.allSatisfy(named.contains)
    }
}
