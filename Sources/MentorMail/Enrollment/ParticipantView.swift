import Foundation

/// A participant as shown to coordinators: `participants list|show|export`.
public struct ParticipantView: Encodable, Sendable {
    public var email: String
    public var status: String
    public var source: String
    public var createdAt: Date
    public var updatedAt: Date
    public var profile: ParticipantProfile
    public var history: [Version]?
    /// The person's pairs, as mentee or mentor (with `participants show`).
    public var pairs: [PairView]?
    /// Set when their address bounced for good.
    public var bounce: BounceView?

    public struct Version: Encodable, Sendable {
        public var at: Date
        public var source: String
    }

    public init(_ participant: Participant) {
        self.init(participant, history: nil)
    }

    public init(_ participant: Participant, history: [ProfileVersion]?) {
        email = participant.email
        status = participant.status.rawValue
        source = participant.source
        createdAt = participant.createdAt
        updatedAt = participant.updatedAt
        profile = participant.profile
        self.history = history?.map { Version(at: $0.at, source: $0.source) }
    }

    /// Label and value per line, for the text view and the CSV columns.
    public var lines: [(String, String)] {
        var lines = [
            ("Email", email), ("Name", profile.name), ("Status", status), ("Role", profile.role),
            ("Mentoring type", profile.mentoringTypes.joined(separator: ", ")),
            ("Areas", (profile.areas + profile.freeTextAreas).joined(separator: ", ")),
            ("Time zone", profile.timeZone), ("Languages", profile.languages.joined(separator: ", ")),
            ("Interaction", profile.interactions.joined(separator: ", ")),
            ("Capacity", profile.isMentor ? String(profile.capacity) : ""),
            ("Availability", profile.availability), ("About me", profile.aboutMe),
        ]
        for key in profile.extra.keys.sorted() { lines.append((key, profile.extra[key] ?? "")) }
        return lines
    }

    static let csvColumns = ["Email", "Name", "Status", "Role", "Mentoring type", "Areas", "Time zone", "Languages",
                             "Interaction", "Capacity", "Availability", "About me"]

    /// RFC 4180 CSV with a header row, safe to open in a spreadsheet (see `csvField`).
    public static func csv(_ participants: [Participant]) -> String {
        var output = csvColumns.map(csvField).joined(separator: ",") + "\r\n"
        for participant in participants {
            let values = Dictionary(ParticipantView(participant).lines, uniquingKeysWith: { first, _ in first })
            output += csvColumns.map { csvField(values[$0] ?? "") }.joined(separator: ",") + "\r\n"
        }
        return output
    }

    /// One CSV cell. A value that a spreadsheet would run as a formula (it starts with "=", "+",
    /// "-", "@", a tab or a carriage return: `=HYPERLINK(…)` in a sign-up's name) starts with
    /// "'" instead, which spreadsheets show as text.
    static func csvField(_ value: String) -> String {
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return csvField("'" + value) }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
