import Foundation

/// Tidies a person's name written all in capitals or all in small letters ("BOB MARTIN",
/// "ivy nguyen"), as a coordinator would write it by hand ("Bob Martin", "Ivy Nguyen").
enum NameCase {
    /// Particles kept in small letters between other words ("Maria de la Cruz"). Not "van" or
    /// "le": in Vietnamese names they are names ("Nguyen Van An", "Tran Le Minh").
    static let particles: Set<String> = [
        "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "dos", "das", "bin", "binti",
    ]
    /// Generation numbers after the name, in capitals ("Martin Luther King III").
    static let numerals: Set<String> = ["ii", "iii", "iv"]
    private static let apostrophes: Set<Character> = ["'", "’", "ʼ"]

    /// The name with each word capitalised, also after a hyphen, a full stop, or an apostrophe
    /// after one letter ("Jean-Luc O'Brien", "J.R.R."), when all its cased letters (at least two)
    /// are in one case; any other name is returned as written: mixed case ("Mia van Dijk",
    /// "DeShawn", "McKenzie") is the person's own, and scripts without case have nothing to tidy.
    /// "Mc" and "Mac" are not guessed at ("mcdonald" is "Mcdonald").
    static func tidied(_ name: String) -> String {
        let cased = name.filter(\.isCased)
        guard cased.count >= 2, cased.allSatisfy(\.isUppercase) || cased.allSatisfy(\.isLowercase) else { return name }
        // Lowercased whole, so that a Greek word ends in "ς".
        let words = name.lowercased(with: nil).split(separator: " ", omittingEmptySubsequences: false)
        let filled = words.indices.filter { !words[$0].isEmpty }
        return words.indices.map { index in
            let word = String(words[index])
            let inner = index != filled.first && index != filled.last
            if inner && particles.contains(word) { return word }
            if index != filled.first && numerals.contains(word) { return word.uppercased() }
            return capitalised(word)
        }.joined(separator: " ")
    }

    /// A display name written "Last, First" (as Outlook shows names from a company directory:
    /// "Clarke, Emily") in the order the person writes it: that of a line of `text` made of
    /// the same words (the signature, "Emily Clarke"), else "First Last". Any other display name
    /// is returned as written: only one comma between two parts of name words ("Smith, Jr.",
    /// "Clarke, Emily, PhD" and "Accounts, Dept 4" stay).
    static func fromDisplay(_ display: String, signedIn text: String) -> String {
        let parts = display.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts.allSatisfy({ part in
            !part.isEmpty && part.split(separator: " ").count <= 3 && part.allSatisfy { $0.isLetter || " -'’".contains($0) }
        }), !parts.contains(where: { titles.contains(EnrollmentText.fold($0)) }) else { return display }
        let words = EnrollmentText.words(display).sorted()
        for line in text.split(whereSeparator: \.isNewline).reversed() where !line.hasPrefix(">") && !line.contains(",") {
            let signed = line.trimmingCharacters(in: .whitespaces)
            if EnrollmentText.words(signed).sorted() == words { return signed }
        }
        return parts[1] + " " + parts[0]
    }

    /// What may follow a name after a comma without being a first name, folded.
    private static let titles: Set<String> = ["jr", "sr", "phd", "md", "esq", "mba", "msc", "dr", "prof"]

    /// The word's first letter in capitals, and the first after a hyphen, a full stop or another
    /// mark, or after an apostrophe that follows a single letter ("o'brien", not "ka'ahumanu").
    private static func capitalised(_ word: String) -> String {
        var result = ""
        var startsPart = true
        var lettersInPart = 0
        for character in word {
            if character.isLetter {
                result += startsPart ? character.uppercased() : String(character)
                startsPart = false
                lettersInPart += 1
            } else {
                result.append(character)
                startsPart = !apostrophes.contains(character) || lettersInPart == 1
                lettersInPart = 0
            }
        }
        return result
    }
}
