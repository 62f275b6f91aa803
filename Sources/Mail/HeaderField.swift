/// One header field as it arrived: its name and its unfolded, undecoded value.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written, e.g. "Subject".
    public let name: String
    /// The value with folding removed and surrounding whitespace trimmed; encoded words
    /// are left as they are. 8-bit bytes were read as UTF-8, or Latin-1 when not UTF-8.
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HeaderField {
    /// The first field named `name` (case-insensitive), raw.
    func first(named name: String) -> HeaderField? {
        first { $0.name.caseInsensitiveEquals(name) }
    }

    /// The values of all fields named `name` (case-insensitive), raw, in order.
    func values(named name: String) -> [String] {
        compactMap { $0.name.caseInsensitiveEquals(name) ? $0.value : nil }
    }
}

extension String {
    /// ASCII case-insensitive equality, without allocating.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { Byte.lower($0) == Byte.lower($1) }
    }
}
