import Foundation

/// Finds "my new address is x@y" and "please use x@y from now on" in one line.
enum AddressChangeWords {
    /// Phrases that announce a new address by themselves (lowercased, folded spaces).
    private static let announcements = [
        "my new address is", "my new email address is", "my new email is", "my new e-mail address is",
        "my new e-mail is", "my new mail address is", "my new mail is", "my new contact is",
        "new address:", "new email:", "new email address:", "new e-mail:", "new e-mail address:",
        "change my address to", "change my email to", "change my email address to",
        "change my e-mail address to", "change my e-mail to", "update my address to", "update my email to",
        "update my email address to", "my address has changed to", "my email has changed to",
        "my email address has changed to", "my address changed to", "my email changed to",
        "i have a new address:", "i have a new email:", "i've moved to",
    ]

    /// Phrases that announce a new address only with "from now on" or the like on the line.
    private static let requests = ["please use", "use", "please write to", "write to me at", "please send to",
                                   "send my mail to", "please contact me at", "contact me at"]
    private static let fromNowOn = ["from now on", "instead", "going forward", "in future", "in the future",
                                    "from today", "henceforth"]

    /// The new address announced on `line`, lowercased, or nil.
    static func newAddress(in line: String) -> String? {
        // Every address taken has an "@": a line without one announces none.
        guard line.utf8.contains(UInt8(ascii: "@")) else { return nil }
        let lower = EnrollmentText.collapse(line.lowercased())
        for phrase in announcements {
            if let address = address(after: phrase, in: lower) { return address }
        }
        guard fromNowOn.contains(where: { EnrollmentText.contains($0, in: lower) }) else { return nil }
        for phrase in requests {
            if let address = address(after: phrase, in: lower) { return address }
        }
        return nil
    }

    /// The first plausible address among the four words after `phrase`, which must start a word.
    private static func address(after phrase: String, in line: String) -> String? {
        var searchStart = line.startIndex
        while let range = EnrollmentText.find(phrase, in: line, from: searchStart) {
            searchStart = range.upperBound
            let atWordStart = range.lowerBound == line.startIndex
                || !(line[line.index(before: range.lowerBound)].isLetter)
            guard atWordStart else { continue }
            let following = line[range.upperBound...].split(separator: " ").prefix(4)
            if let address = following.lazy.compactMap(plausibleAddress).first { return address }
        }
        return nil
    }

    /// "<ana@example.org>," → "ana@example.org"; nil unless it looks like local@domain.tld.
    static func plausibleAddress(_ token: some StringProtocol) -> String? {
        var text = String(token).trimmingCharacters(in: CharacterSet(charactersIn: "<>()[]{}\"'.,;:!?*"))
        if text.hasPrefix("mailto:") { text = String(text.dropFirst("mailto:".count)) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."),
              text.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>()[],;:\"".contains($0) })
        else { return nil }
        return text
    }
}
