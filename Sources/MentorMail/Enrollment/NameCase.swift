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
