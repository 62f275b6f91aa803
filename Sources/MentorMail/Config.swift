import Foundation
import MailTransport
import MatchingCore
import TOMLKit

/// The settings of one program, read from `mentormail.toml`.
///
/// Relative paths in the file are relative to the file's own folder, so the same config
/// works from cron, from a shell, and from the demo.
public struct Config: Sendable {
    public struct Program: Sendable {
        public var name: String
        /// The address participants write to; answers come from it.
        public var address: String
        public var coordinators: [String]
        public var database: String
        public var templates: String
        /// The domain of our Message-IDs: the part of `address` after the @.
        public var domain: String {
            address.split(separator: "@").last.map(String.init) ?? "localhost"
        }
    }

    public struct Server: Sendable {
        /// `imap://`, `imaps://` or `maildir:PATH` for the mailbox; `smtp://`, `smtps://` or `dir:PATH` for sending.
        public var url: String
        public var user: String?
        /// The environment variable that holds the password (never the password itself).
        public var passwordEnv: String?
        public var caFile: String?
        public var startTLS: ServerCredentials.StartTLS
        /// IMAP only: a folder to move processed messages into.
        public var moveTo: String?
    }

    /// How people join: the area vocabulary, mentor capacity bounds, the round calendar,
    /// and how coordinators are recognised.
    public struct Enrollment: Sendable {
        /// Canonical area key → words that mean it (matched case-insensitively).
        public var areas: [String: [String]]
        public var capacityMin: Int
        public var capacityMax: Int
        /// "MM-DD" days of the year when a round usually opens (four a year by default).
        public var roundOpens: [String]
        /// The `authserv-id` of our own mail server's Authentication-Results header; only that
        /// header is trusted for a coordinator's DKIM/DMARC pass.
        public var trustedAuthservID: String?
        /// Form-export column header → field name, for forms whose questions we do not recognise.
        public var importHeaders: [String: String]

        /// The synonym spelled like the key ("Nova" for `nova`) is how the area is shown to people.
        public static let defaultAreas: [String: [String]] = EnrollmentVocabulary.openStackAreas
        /// The sign-up form's words, built from these settings: once, then kept while the
        /// settings stay the same (a run reads it for every message).
        public var vocabulary: EnrollmentVocabulary {
            vocabularyCache.vocabulary(areas: areas, capacityRange: capacityMin...capacityMax)
        }
        private let vocabularyCache = VocabularyCache()

        public static let `default` = Enrollment(areas: defaultAreas, capacityMin: 1, capacityMax: 5,
                                                 roundOpens: ["01-15", "04-15", "07-15", "10-15"],
                                                 trustedAuthservID: nil, importHeaders: [:])
    }

    /// How matches are scored: points per soft criterion, and the time-zone hard rule.
    public struct Matching: Sendable {
        public var weights = Weights()
        /// Two 14-hour waking days always share at least 2 hours, so the rule bites from 3 up;
        /// 4 keeps pairs about 10 or more hours apart (New York and Manila) off live-only media.
        public var rules = MatchRules(minimumOverlapHours: 4)
    }

    /// The check-in survey after an introduction.
    public struct Checkin: Sendable {
        /// Days after the introduction when both sides get the survey.
        public var afterDays = 90
        /// Days after the survey when whoever has not answered is reminded (once).
        public var reminderAfterDays = 7
    }

    /// Speed Mentoring events.
    public struct Events: Sendable {
        /// Hours before an event's start when its rotations are formed and the schedules sent,
        /// unless a coordinator ran `event groups` before.
        public var groupsBeforeHours = 24
    }

    /// Limits that keep the program from flooding anyone.
    public struct Safety: Sendable {
        /// Answers to one address in 24 hours, at most; mail beyond is held for a coordinator.
        public var maxAnswersPerSenderPerDay = 5
    }

    public var program: Program
    public var mailbox: Server
    public var smtp: Server
    public var enrollment: Enrollment = .default
    public var matching = Matching()
    public var checkin = Checkin()
    public var events = Events()
    public var safety = Safety()
    /// The file this was read from.
    public var fileURL: URL

    /// Reads and checks a config file.
    public static func load(path: String) throws -> Config {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MentorMailError(.config, "cannot read the config file \(path); create one with `mentormail init --config \(path)`")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MentorMailError(.config, "the config file \(path) is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, fileURL: url)
    }

    /// Parses config text; `fileURL` anchors relative paths.
    public static func parse(_ text: String, fileURL: URL) throws -> Config {
        // A byte-order mark (editors on Windows write one) is not part of the first line. All
        // of them go: the TOML parser skips one itself, and the checks below must see its text.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.drop { $0 == "\u{FEFF}" }) : text
        try ConfigSchema.checkBareNames(text, file: fileURL.path)
        try ConfigSchema.checkLists(text, file: fileURL.path)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw MentorMailError(.config, "\(fileURL.path): line \(line): \(error.description)" + (unclosedQuote(in: text, near: line) ?? ""))
        } catch {
            throw MentorMailError(.config, "\(fileURL.path): \(error)")
        }
        try ConfigSchema.check(table, text: text, file: fileURL.path)
        let reader = TableReader(file: fileURL.path)
        let base = fileURL.deletingLastPathComponent()
        let programTable = try reader.table(table, "program")
        let address = try reader.string(programTable, "program", "address")
        guard isPlausibleAddress(address) else {
            throw MentorMailError(.config, "\(fileURL.path): [program] address \"\(address)\" is not an email address")
        }
        let coordinators = try reader.strings(programTable, "program", "coordinators")
        try checkCoordinators(coordinators, written: programTable["coordinators"] != nil, program: address, file: fileURL.path)
        let program = Program(
            name: try reader.string(programTable, "program", "name"),
            address: address,
            coordinators: coordinators,
            database: resolve(try reader.optionalString(programTable, "program", "database") ?? "mentormail.sqlite", base),
            templates: resolve(try reader.optionalString(programTable, "program", "templates") ?? "templates", base)
        )
        let mailbox = try server(reader, try reader.table(table, "mailbox"), "mailbox", base, localScheme: "maildir:")
        let smtp = try server(reader, try reader.table(table, "smtp"), "smtp", base, localScheme: "dir:")
        var config = Config(program: program, mailbox: mailbox, smtp: smtp, fileURL: fileURL)
        if table["enrollment"] != nil {
            config.enrollment = try enrollment(reader, try reader.table(table, "enrollment"))
        }
        if table["matching"] != nil {
            config.matching = try matching(reader, try reader.table(table, "matching"))
        }
        if table["checkin"] != nil {
            let checkin = try reader.table(table, "checkin")
            if let days = try reader.optionalInt(checkin, "checkin", "after_days") {
                guard (1...3650).contains(days) else { throw MentorMailError(.config, "\(reader.file): [checkin] after_days must be between 1 and 3650") }
                config.checkin.afterDays = days
            }
            if let days = try reader.optionalInt(checkin, "checkin", "reminder_after_days") {
                guard (1...365).contains(days) else { throw MentorMailError(.config, "\(reader.file): [checkin] reminder_after_days must be between 1 and 365") }
                config.checkin.reminderAfterDays = days
            }
        }
        if table["events"] != nil {
            let events = try reader.table(table, "events")
            if let hours = try reader.optionalInt(events, "events", "groups_before_hours") {
                guard (0...720).contains(hours) else { throw MentorMailError(.config, "\(reader.file): [events] groups_before_hours must be between 0 and 720") }
                config.events.groupsBeforeHours = hours
            }
        }
        if table["safety"] != nil {
            let safety = try reader.table(table, "safety")
            if let limit = try reader.optionalInt(safety, "safety", "max_answers_per_sender_per_day") {
                guard (1...1000).contains(limit) else {
                    throw MentorMailError(.config, "\(reader.file): [safety] max_answers_per_sender_per_day must be between 1 and 1000")
                }
                config.safety.maxAnswersPerSenderPerDay = limit
            }
        }
        return config
    }

    /// Checks the paths the program will open, before anything is created: the database's
    /// folder and the templates must exist.
    public func checkPaths() throws {
        let folder = URL(fileURLWithPath: program.database).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw MentorMailError(.config, "\(fileURL.path): [program] database is in \(folder), which does not exist: create the folder, or change the path")
        }
    }

    private static func matching(_ reader: TableReader, _ table: TOMLTable) throws -> Matching {
        var result = Matching()
        func read(_ key: String, _ target: inout Int, _ range: ClosedRange<Int>) throws {
            guard let value = try reader.optionalInt(table, "matching", key) else { return }
            guard range.contains(value) else {
                throw MentorMailError(.config, "\(reader.file): [matching] \(key) must be between \(range.lowerBound) and \(range.upperBound)")
            }
            target = value
        }
        try read("shared_area", &result.weights.sharedArea, 0...1000)
        try read("shared_interaction", &result.weights.sharedInteraction, 0...1000)
        try read("mentoring_type", &result.weights.mentoringType, 0...1000)
        try read("time_zone_closeness", &result.weights.timeZoneCloseness, 0...1000)
        try read("same_region", &result.weights.sameRegion, 0...1000)
        try read("minimum_overlap_hours", &result.rules.minimumOverlapHours, 0...14)
        try read("waking_from", &result.rules.wakingFrom, 0...23)
        try read("waking_until", &result.rules.wakingUntil, 1...24)
        guard result.rules.wakingFrom < result.rules.wakingUntil else {
            throw MentorMailError(.config, "\(reader.file): [matching] waking_from must come before waking_until")
        }
        return result
    }

    private static func enrollment(_ reader: TableReader, _ table: TOMLTable) throws -> Enrollment {
        var result = Enrollment.default
        if let min = try reader.optionalInt(table, "enrollment", "capacity_min") { result.capacityMin = min }
        if let max = try reader.optionalInt(table, "enrollment", "capacity_max") { result.capacityMax = max }
        guard result.capacityMin >= 1, result.capacityMin <= result.capacityMax else {
            throw MentorMailError(.config, "\(reader.file): [enrollment] needs 1 ≤ capacity_min ≤ capacity_max")
        }
        if table["round_opens"] != nil {
            let days = try reader.strings(table, "enrollment", "round_opens")
            for day in days where MonthDay(day) == nil {
                throw MentorMailError(.config, "\(reader.file): [enrollment] round_opens: \"\(day)\" is not a month-day such as \"04-15\"")
            }
            result.roundOpens = days
        }
        result.trustedAuthservID = try reader.optionalString(table, "enrollment", "trusted_authserv_id")
        if table["areas"] != nil {
            let areas = try reader.table(table, "areas", section: "enrollment.areas")
            var vocabulary: [String: [String]] = [:]
            for key in areas.keys {
                vocabulary[key.lowercased()] = try reader.strings(areas, "enrollment.areas", key)
            }
            result.areas = vocabulary
        }
        if table["import_headers"] != nil {
            let headers = try reader.table(table, "import_headers", section: "enrollment.import_headers")
            for key in headers.keys {
                result.importHeaders[key] = try reader.string(headers, "enrollment.import_headers", key)
            }
        }
        return result
    }

    private static func server(_ reader: TableReader, _ table: TOMLTable, _ section: String, _ base: URL, localScheme: String) throws -> Server {
        var url = try reader.string(table, section, "url")
        if url.hasPrefix(localScheme) {
            url = localScheme + resolve(String(url.dropFirst(localScheme.count)), base)
        } else if let parts = URLComponents(string: url), parts.user != nil || parts.password != nil {
            // Said without the url, which holds the secret.
            throw MentorMailError(.config, "\(reader.file): [\(section)] url must not hold a user or password: take them out of it, "
                                  + "put the user in [\(section)] user and the password in an environment variable named by [\(section)] password_env")
        }
        let startTLSText = try reader.optionalString(table, section, "starttls") ?? ServerCredentials.StartTLS.ifAvailable.rawValue
        guard let startTLS = ServerCredentials.StartTLS(rawValue: startTLSText) else {
            let choices = ServerCredentials.StartTLS.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw MentorMailError(.config, "\(reader.file): [\(section)] starttls must be one of \(choices)")
        }
        if table["password"] != nil {
            throw MentorMailError(.config, "\(reader.file): [\(section)] must not hold a password: set password_env to the name of an environment variable that holds it")
        }
        let caFile = try reader.optionalString(table, section, "ca_file").map { resolve($0, base) }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            // Said now: otherwise only a TLS handshake, perhaps months later, finds it missing.
            let problem = FileManager.default.fileExists(atPath: caFile) ? "cannot be read by this user" : "does not exist"
            throw MentorMailError(.config, "\(reader.file): [\(section)] ca_file \(caFile) \(problem): point it at the PEM file of the "
                                  + "certificate authority that signed the server's certificate, or remove the line to use the system's")
        }
        return Server(
            url: url,
            user: try reader.optionalString(table, section, "user"),
            passwordEnv: try reader.optionalString(table, section, "password_env"),
            caFile: caFile,
            startTLS: startTLS,
            moveTo: try reader.optionalString(table, section, "move_to")
        )
    }

    static func resolve(_ path: String, _ base: URL) -> String {
        if path.hasPrefix("/") { return path }
        return base.appendingPathComponent(path).standardizedFileURL.path
    }

    /// A plain hint when line `number` or the one before it opens a "…" string it does not close.
    static func unclosedQuote(in text: String, near number: Int) -> String? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for index in [number - 1, number - 2] where lines.indices.contains(index) {
            var quotes = 0
            var escaped = false
            for character in lines[index] {
                if character == "#" && quotes % 2 == 0 { break }
                if character == "\"" && !escaped { quotes += 1 }
                escaped = character == "\\" && !escaped
            }
            if quotes % 2 == 1 {
                return " (in plain words: the text in quotes on line \(index + 1) has no closing \"; add it at the end of the value)"
            }
        }
        return nil
    }

    /// Each coordinator is an address alone, as [program] address is: a name beside it would be
    /// written into the To line of the digest and into every participant's mail. None is the
    /// program's own address (the digest would go to the program's mailbox), and none is listed
    /// twice (it would be named twice in every participant's mail), whatever the letter case.
    private static func checkCoordinators(_ coordinators: [String], written: Bool, program: String, file: String) throws {
        let example = "coordinators = [\"ana@example.org\", \"luis@example.org\"]"
        if written, coordinators.isEmpty {
            throw MentorMailError(.config, "\(file): [program] coordinators is empty: list at least one coordinator's address "
                                  + "(they review proposals, confirm commands and get the digest), e.g. \(example)")
        }
        if let own = coordinators.first(where: { $0.lowercased() == program.lowercased() }) {
            throw MentorMailError(.config, "\(file): [program] coordinators: \"\(own)\" is the program's own address ([program] address): "
                                  + "the coordinators' digests and confirmations would go to the program's mailbox; list the coordinators' "
                                  + "own addresses, e.g. \(example)")
        }
        var seen: Set<String> = []
        let twice = coordinators.filter { !seen.insert($0.lowercased()).inserted }
        if let repeated = twice.first {
            throw MentorMailError(.config, "\(file): [program] coordinators: \"\(repeated)\" is listed more than once (letter case does not "
                                  + "matter in an address): list each coordinator once")
        }
        let bad = coordinators.filter { !isPlausibleAddress($0) }
        guard !bad.isEmpty else { return }
        let named = bad.map { "\"\($0)\"" }.joined(separator: ", ")
        throw MentorMailError(.config, "\(file): [program] coordinators: \(named) \(bad.count == 1 ? "is not an email address" : "are not email addresses"); "
                              + "list each coordinator's address alone (no name beside it), e.g. \(example)")
    }

    static func isPlausibleAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].utf8.contains(UInt8(ascii: "."))
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }
}

/// Typed access to TOML tables with errors that name the file, section and key.
private struct TableReader {
    let file: String

    func table(_ root: TOMLTable, _ key: String, section: String? = nil) throws -> TOMLTable {
        let name = section ?? key
        guard let value = root[key] else { throw MentorMailError(.config, "\(file): the [\(name)] section is missing") }
        guard let table = value.table else { throw MentorMailError(.config, "\(file): \(key) must be a [\(name)] section") }
        return table
    }

    func optionalInt(_ table: TOMLTable, _ section: String, _ key: String) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw MentorMailError(.config, "\(file): [\(section)] \(key) must be a whole number") }
        return number
    }

    func string(_ table: TOMLTable, _ section: String, _ key: String) throws -> String {
        guard let value = try optionalString(table, section, key) else {
            throw MentorMailError(.config, "\(file): [\(section)] \(key) is missing")
        }
        return value
    }

    func optionalString(_ table: TOMLTable, _ section: String, _ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw MentorMailError(.config, "\(file): [\(section)] \(key) must be a string in quotes") }
        return string
    }

    func strings(_ table: TOMLTable, _ section: String, _ key: String) throws -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw MentorMailError(.config, "\(file): [\(section)] \(key) must be a list such as [\"a@example.org\"]") }
        return try array.map { element in
            guard let string = element.string else { throw MentorMailError(.config, "\(file): [\(section)] \(key) must hold strings only") }
            return string
        }
    }
}

/// The last vocabulary built for a config's settings, shared by copies of the config.
private final class VocabularyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: (areas: [String: [String]], range: ClosedRange<Int>, vocabulary: EnrollmentVocabulary)?

    func vocabulary(areas: [String: [String]], capacityRange: ClosedRange<Int>) -> EnrollmentVocabulary {
        lock.lock()
        defer { lock.unlock() }
        if let built, built.range == capacityRange, built.areas == areas { return built.vocabulary }
        let vocabulary = EnrollmentVocabulary(areas: areas, capacityRange: capacityRange)
        built = (areas, capacityRange, vocabulary)
        return vocabulary
    }
}
