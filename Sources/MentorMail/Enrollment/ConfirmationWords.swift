/// A one-word answer to "reply yes to confirm", in the community's languages.
enum ConfirmationWords {
    static let yes: Set<String> = Set([
        "yes", "y", "yep", "yeah", "sure", "confirm", "confirmed", "ok", "okay", "correct", "right", "indeed",
        "si", "sí", "claro", "confirmo", "vale", "sim", "confirmado", "oui", "d'accord", "ja", "genau", "bestätigt",
        "sì", "certo", "tak", "да", "是", "是的", "好", "确认", "确定", "はい", "ええ",
    ].map { EnrollmentText.fold($0) })

    /// Whether the new text opens with a yes (and says no "no" before it).
    static func isYes(_ newText: String) -> Bool {
        let words = EnrollmentText.words(newText)
        guard let first = words.first else { return false }
        if yes.contains(first) { return true }
        // Chinese and Japanese have no spaces: look at the start of the text.
        let folded = EnrollmentText.fold(newText)
        return ["是", "好", "确认", "确定", "はい"].contains { folded.hasPrefix($0) }
    }
}
