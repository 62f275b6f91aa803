import Foundation

extension Intake {
    /// Why a coordinator rejects, as written beside REJECT: "REJECT MM-… because Alice and Bob work
    /// at the same company" gives "Alice and Bob work at the same company"; nil when no reason is
    /// given. A sign-off and the name signing are left out; at most 500 characters are kept.
    static func rejectReason(in newText: String) -> String? {
        var lines = newText.split(whereSeparator: \.isNewline).map { EnrollmentText.trim($0) }.filter { !$0.isEmpty }
        // "On Mon, someone wrote:" opens the quote, even when the reply reader did not know it.
        if let attribution = lines.firstIndex(where: { SignupFormLine($0).isAttribution }) { lines.removeSubrange(attribution...) }
        if lines.count > 1, let last = lines.last, SignupFormParser.looksLikeSignature(last) { lines.removeLast() }
        lines = lines.filter { !SignupFormLine($0).isSignOff }
        let text = lines.joined(separator: " ")
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        func isReject(_ word: Substring) -> Bool {
            DecisionWords.rejecting.contains(word.uppercased().trimmingCharacters(in: .punctuationCharacters))
        }
        guard let at = words.firstIndex(where: isReject) else { return nil }
        func cleaned(_ part: ArraySlice<Substring>) -> String {
            var kept = part.filter { ConfirmationToken.all(in: String($0)).isEmpty }
            // "… because …" within the first words: the reason starts after it.
            if let connector = kept.prefix(4).firstIndex(where: { ["because", "since", "porque", "as"].contains($0.lowercased()) }) {
                kept = Array(kept[(connector + 1)...])
            }
            return kept.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " .,:;-–—!").union(.whitespaces))
        }
        var reason = cleaned(words[(at + 1)...])
        if reason.isEmpty { reason = cleaned(words[..<at]) }
        guard !reason.isEmpty else { return nil }
        return String(reason.prefix(500))
    }
}
