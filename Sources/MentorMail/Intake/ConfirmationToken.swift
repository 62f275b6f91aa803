import Foundation

/// The one-time tokens we mail for round trips: "MM-" and two groups of four characters from
/// an alphabet without look-alikes (no 0/O, 1/I/L), easy to read aloud and hard to guess
/// (about 2^40 values; tokens also expire and are single-use).
public enum ConfirmationToken {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<2).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator) ?? "A" }) }
        return "MM-" + groups.joined(separator: "-")
    }

    /// The first token-shaped word in the texts, upper-cased.
    public static func find(in texts: [String]) -> String? {
        for text in texts {
            if let token = all(in: text).first { return token }
        }
        return nil
    }

    /// The token a reply's Subject answers: the last one in it. Our mails end their Subject with
    /// their code, after the Subject they answer, which may carry an older code ("Re: … [proposal
    /// code] [confirmation code]").
    public static func inSubject(_ subject: String) -> String? {
        all(in: subject).last
    }

    /// Every token-shaped word in `text`, upper-cased, in order.
    static func all(in text: String) -> [String] {
        guard mayHoldToken(text) else { return [] }
        return text.uppercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).compactMap { word in
            guard word.count == 12, word.hasPrefix("MM-") else { return nil }
            let groups = word.dropFirst(3).split(separator: "-")
            return groups.count == 2 && groups.allSatisfy({ $0.count == 4 && $0.allSatisfy(alphabet.contains) }) ? String(word) : nil
        }
    }

    /// Whether `text` has "mm-" in any case, which every token has once upper-cased (only `m`
    /// and `M` upper-case to `M`).
    private static func mayHoldToken(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-"), previous.0 | 0x20 == UInt8(ascii: "m"), previous.1 | 0x20 == UInt8(ascii: "m") { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}
