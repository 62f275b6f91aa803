/// "a", "a and b", "a, b and c".
func englishList(_ items: [String], conjunction: String = "and") -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
    }
}

/// Each word with its first letter uppercased ("são paulo" → "São Paulo").
func capitalizedWords(_ key: String) -> String {
    key.split(separator: " ", omittingEmptySubsequences: false)
        .map { word in word.prefix(1).uppercased() + word.dropFirst() }
        .joined(separator: " ")
}

/// How keys (areas, languages, regions) are shown in English.
///
/// A key found in `names` shows as given; otherwise areas show as the key and languages and
/// regions with each word capitalised.
public struct DisplayNames: Hashable, Sendable {
    public var names: [String: String]
    public init(_ names: [String: String] = [:]) { self.names = names }

    func area(_ key: String) -> String { names[key] ?? key }
    func language(_ key: String) -> String { names[key] ?? capitalizedWords(key) }
    func region(_ key: String) -> String { names[key] ?? capitalizedWords(key) }
}

extension Interaction {
    /// The English noun for this medium ("IRC", "video calls").
    public var english: String {
        switch self {
        case .irc: "IRC"
        case .email: "email"
        case .video: "video calls"
        case .chat: "chat"
        case .inPerson: "meeting in person"
        }
    }
}
