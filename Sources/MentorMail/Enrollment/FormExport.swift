import Foundation
import Mail

/// A coordinator's form export (Google Forms, Microsoft Forms, Typeform, or a table pasted
/// into a message), read into one sign-up per row.
public struct FormExport: Sendable {
    public struct Row: Sendable {
        /// 1-based, counting the header as row 1, as a spreadsheet shows it.
        public var number: Int
        public var email: String?
        /// The row as `Label: value` lines, ready for the sign-up form parser.
        public var formText: String
        public var name: String?
        /// When it was submitted, from the export's timestamp column: a key that orders the
        /// rows of this export (`SubmissionTime`), nil when there is none or it is unreadable.
        public var submitted: Int64?
    }

    /// The header of the column the rows' submission times were read from, if any.
    public var timestampColumn: String?

    public var rows: [Row]
    /// Column headers we could not map to a field (ignored; reported to the coordinator).
    public var ignoredColumns: [String]
    /// Rows that could not be read at all, by line number, with the reason (reported, never skipped silently).
    public var malformed: [(line: Int, reason: String)] = []

    /// Reads a CSV file's bytes: UTF-8 (with or without a byte order mark), else windows-1252,
    /// which is what Excel's plain "CSV (Comma delimited)" writes in the West.
    public static func csv(bytes: Data, headerMap: [String: String]) throws -> FormExport {
        try csv(Charset.decode(bytes, charset: nil), headerMap: headerMap)
    }

    /// Reads CSV text (comma, semicolon or tab separated, as the exporting tool wrote it).
    public static func csv(_ text: String, headerMap: [String: String]) throws -> FormExport {
        let cleaned = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let table = try CSVReader(cleaned)
        // A row is numbered by the line it starts on: after a multi-line answer or a line that
        // could not be read, counting rows would point the coordinator at the wrong line.
        var export = try FormExport(header: table.header, rows: table.records.map(\.fields), numbers: table.records.map(\.line),
                                    headerMap: headerMap)
        export.malformed = table.problems.map { ($0.line, $0.reason) }
        return export
    }

    /// Reads the largest table of an HTML body; its first row is the header.
    public static func htmlTable(_ html: String, headerMap: [String: String]) throws -> FormExport {
        let rows = HTMLTable.rows(fromHTML: html)
        guard let header = rows.first else { throw MentorMailError(.data, "the message holds no table") }
        return try FormExport(header: header, rows: Array(rows.dropFirst()), headerMap: headerMap)
    }

    /// `numbers`: each row's number as the coordinator sees it; by default its place in the
    /// table, the header being row 1.
    init(header: [String], rows: [[String]], numbers: [Int]? = nil, headerMap: [String: String]) throws {
        let mapping = header.map { Self.column(for: $0, headerMap: headerMap) }
        guard let emailColumn = mapping.firstIndex(of: .email) else {
            throw MentorMailError(.data, "no column holds email addresses (a header such as \"Email Address\"); map one in [enrollment.import_headers]")
        }
        ignoredColumns = zip(header, mapping).compactMap { title, column in
            if case .ignored = column, !Self.isBookkeeping(title) { return title }
            return nil
        }
        let stamp = SubmissionTime.headers.lazy.compactMap { wanted in header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted } }.first
        timestampColumn = stamp.map { header[$0].trimmingCharacters(in: .whitespaces) }
        let submitted = stamp.map { column in SubmissionTime.keys(rows.map { column < $0.count ? $0[column] : "" }) }
        let nameColumns = Self.nameColumns(header: header, mapping: mapping)
        self.rows = rows.enumerated().compactMap { index, cells in
            guard cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
            var lines: [String] = []
            // A placeholder ("anonymous", "n/a") is no answer: the next name column is read.
            func value(_ position: Int, _ field: SignupField) -> String? {
                guard position < cells.count else { return nil }
                var value = cells[position].trimmingCharacters(in: .whitespacesAndNewlines)
                if field != .aboutMe { value = value.split(whereSeparator: \.isNewline).joined(separator: ", ") }
                return EnrollmentText.isPlaceholder(value) ? nil : value
            }
            let name = nameColumns.lazy.compactMap { value($0, .name) }.first
            for (position, column) in mapping.enumerated() {
                guard case .field(let field) = column else { continue }
                if field == .name {
                    if position == nameColumns.first, let name { lines.append("\(field.label): \(name)") }
                } else if let value = value(position, field) {
                    lines.append("\(field.label): \(value)")
                }
            }
            let email = emailColumn < cells.count ? cells[emailColumn].trimmingCharacters(in: .whitespaces) : ""
            return Row(number: numbers?[index] ?? index + 2, email: email.isEmpty ? nil : email, formText: lines.joined(separator: "\n"), name: name,
                       submitted: submitted?[index])
        }
    }

    /// The columns holding a name, best first: the form's own question ("Full name") before the
    /// respondent's account name Microsoft Forms adds beside its "Completion time" ("Name",
    /// "anonymous" when the form records none); otherwise in the sheet's order.
    static func nameColumns(header: [String], mapping: [Column]) -> [Int] {
        let titles = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let columns = mapping.indices.filter { mapping[$0] == .field(.name) }
        guard titles.contains("completion time") || titles.contains("start time") else { return columns }
        let account = columns.filter { titles[$0] == "name" }
        return columns.filter { !account.contains($0) } + account
    }

    enum Column: Equatable {
        case email
        case field(SignupField)
        case ignored
    }

    /// Which field a column holds: the config's map first, then the words forms usually use.
    static func column(for header: String, headerMap: [String: String]) -> Column {
        if let mapped = headerMap[header] ?? headerMap.first(where: { $0.key.lowercased() == header.lowercased() })?.value {
            if mapped.lowercased() == "email" { return .email }
            if let field = SignupField.allCases.first(where: { $0.rawValue.lowercased() == mapped.lowercased() || $0.label.lowercased() == mapped.lowercased() }) {
                return .field(field)
            }
            return .ignored
        }
        let text = header.lowercased()
        let words = Set(text.split { !$0.isLetter }.map(String.init))
        for (phrases, column) in rules {
            if phrases.contains(where: text.contains) { return column }
            // Past the capacity words, a header naming both mentor and mentee ("Are you a mentor or a mentee?") asks for the role.
            if column == .field(.capacity), !words.isDisjoint(with: ["mentor", "mentors"]), !words.isDisjoint(with: ["mentee", "mentees"]) {
                return .field(.role)
            }
        }
        // A bare "Nombre", "Nom" or "Nome" (whole: "nombre de mentorés" asks for a number).
        return ["nombre", "nom", "nome", "prénom", "vorname", "nachname"].contains(text.trimmingCharacters(in: .whitespaces)) ? .field(.name) : .ignored
    }

    /// Ordered: the first rule whose words occur in the header wins ("how many mentees" is
    /// capacity before "mentee" can make it a role).
    private static let rules: [([String], Column)] = [
        (["e-mail", "email", "mail address"], .email),
        (["how many mentees", "capacity", "number of mentees", "max mentees"], .field(.capacity)),
        (["mentor or mentee", "mentee or mentor", "role", "signing up as", "sign up as", "participate as", "join as", "joining as",
          "apply as", "applying as", "register as", "registering as"], .field(.role)),
        (["type of mentoring", "mentoring type", "technical or career", "kind of mentoring"], .field(.mentoringType)),
        (["time zone", "timezone", "tz", "where do you live", "location", "city"], .field(.timeZone)),
        (["language"], .field(.languages)),
        (["area", "interest", "project", "topic"], .field(.areas)),
        (["interact", "meet", "communicat", "medium", "contact method"], .field(.interaction)),
        (["availab", "hours", "when are you"], .field(.availability)),
        (["about you", "about me", "bio", "tell us", "anything else"], .field(.aboutMe)),
        (["name", "nombre completo", "tu nombre", "su nombre", "nom complet", "votre nom", "ton nom", "nome completo", "seu nome"],
         .field(.name)),
    ]

    /// Columns every export tool adds and nobody needs to be told about.
    static func isBookkeeping(_ header: String) -> Bool {
        let text = header.lowercased()
        return ["timestamp", "id", "start time", "completion time", "submitted at", "token", "network id", "last modified time"]
            .contains { text == $0 || text.hasPrefix($0) }
    }
}
