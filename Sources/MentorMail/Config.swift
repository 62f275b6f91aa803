import Foundation
import MailTransport
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

    public var program: Program
    public var mailbox: Server
    public var smtp: Server
    /// The file this was read from.
    public var fileURL: URL

    /// Reads and checks a config file.
    public static func load(path: String) throws -> Config {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw MentorMailError(.config, "cannot read the config file \(path); create one with `mentormail init --config \(path)`")
        }
        return try parse(text, fileURL: url)
    }

    /// Parses config text; `fileURL` anchors relative paths.
    public static func parse(_ text: String, fileURL: URL) throws -> Config {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw MentorMailError(.config, "\(fileURL.path): line \(error.source.begin.line): \(error.description)")
        } catch {
            throw MentorMailError(.config, "\(fileURL.path): \(error)")
        }
        let reader = TableReader(file: fileURL.path)
        let base = fileURL.deletingLastPathComponent()
        let programTable = try reader.table(table, "program")
        let address = try reader.string(programTable, "program", "address")
        guard isPlausibleAddress(address) else {
            throw MentorMailError(.config, "\(fileURL.path): [program] address \"\(address)\" is not an email address")
        }
        let program = Program(
            name: try reader.string(programTable, "program", "name"),
            address: address,
            coordinators: try reader.strings(programTable, "program", "coordinators"),
            database: resolve(try reader.optionalString(programTable, "program", "database") ?? "mentormail.sqlite", base),
            templates: resolve(try reader.optionalString(programTable, "program", "templates") ?? "templates", base)
        )
        let mailbox = try server(reader, try reader.table(table, "mailbox"), "mailbox", base, localScheme: "maildir:")
        let smtp = try server(reader, try reader.table(table, "smtp"), "smtp", base, localScheme: "dir:")
        return Config(program: program, mailbox: mailbox, smtp: smtp, fileURL: fileURL)
    }

    private static func server(_ reader: TableReader, _ table: TOMLTable, _ section: String, _ base: URL, localScheme: String) throws -> Server {
        var url = try reader.string(table, section, "url")
        if url.hasPrefix(localScheme) {
            url = localScheme + resolve(String(url.dropFirst(localScheme.count)), base)
        }
        let startTLSText = try reader.optionalString(table, section, "starttls") ?? ServerCredentials.StartTLS.ifAvailable.rawValue
        guard let startTLS = ServerCredentials.StartTLS(rawValue: startTLSText) else {
            let choices = ServerCredentials.StartTLS.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw MentorMailError(.config, "\(reader.file): [\(section)] starttls must be one of \(choices)")
        }
        if table["password"] != nil {
            throw MentorMailError(.config, "\(reader.file): [\(section)] must not hold a password: set password_env to the name of an environment variable that holds it")
        }
        return Server(
            url: url,
            user: try reader.optionalString(table, section, "user"),
            passwordEnv: try reader.optionalString(table, section, "password_env"),
            caFile: try reader.optionalString(table, section, "ca_file").map { resolve($0, base) },
            startTLS: startTLS,
            moveTo: try reader.optionalString(table, section, "move_to")
        )
    }

    static func resolve(_ path: String, _ base: URL) -> String {
        if path.hasPrefix("/") { return path }
        return base.appendingPathComponent(path).standardizedFileURL.path
    }

    static func isPlausibleAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") == true
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }
}

/// Typed access to TOML tables with errors that name the file, section and key.
private struct TableReader {
    let file: String

    func table(_ root: TOMLTable, _ key: String) throws -> TOMLTable {
        guard let value = root[key] else { throw MentorMailError(.config, "\(file): the [\(key)] section is missing") }
        guard let table = value.table else { throw MentorMailError(.config, "\(file): \(key) must be a [\(key)] section") }
        return table
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
